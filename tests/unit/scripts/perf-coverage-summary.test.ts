import { describe, expect, it } from 'vitest';
import { functionRanges, summariseCoverage } from '../../../scripts/perf-coverage-summary.ts';

// three functions: `a` called, `b` never called, and `c` inside `a` never called (V8 reports no range for it)
const source = 'function a(){return 1;function c(){return 2}}function b(){return 3}a();';
const at = (text: string) => ({ start: source.indexOf(text), end: source.indexOf(text) + text.length });
const A = at('function a(){return 1;function c(){return 2}}');
const B = at('function b(){return 3}');
const C = at('function c(){return 2}');

describe('perf coverage summary', () => {
  it('finds every function of a script, nested ones too', () => {
    expect(functionRanges(source)).toEqual([A, C, B]);
  });

  it("counts the bytes of called functions but not of the functions left uncalled inside or beside them, even those V8 does not report", () => {
    const summary = summariseCoverage({
      url: 'chunk.js',
      source,
      functions: [
        { functionName: '', isBlockCoverage: true, ranges: [{ startOffset: 0, endOffset: source.length, count: 1 }] },
        { functionName: 'a', isBlockCoverage: true, ranges: [{ startOffset: A.start, endOffset: A.end, count: 1 }] },
        { functionName: 'b', isBlockCoverage: true, ranges: [{ startOffset: B.start, endOffset: B.end, count: 0 }] },
      ],
    });
    // used: all but b's and c's text
    const unused = B.end - B.start + (C.end - C.start);
    expect(summary.usedShare).toBeCloseTo((source.length - unused) / source.length, 9);
    expect(summary).toMatchObject({ bytes: source.length, functions: 3, calledFunctions: 1 });
  });
});

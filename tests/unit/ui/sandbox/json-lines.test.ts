import { describe, expect, it } from 'vitest';
import { lineColumn, lineOf, parseJson, pathLines } from '../../../../src/ui/sandbox/json-lines.ts';
import { wordError } from '../../../../src/i18n/validation-messages.ts';

const text = JSON.stringify({ name: 'x', traffic: { arrival: { kind: 'poisson', ratePerSec: -1 } }, targetGroups: [{ id: 'web', targets: [{ id: 'a' }, { id: 'b', weight: -3 }] }] }, null, 2);

describe('JSON lines', () => {
  it('finds the line of every key and list item', () => {
    const lines = pathLines(text);
    const lineWith = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(lines.get('(root)')).toBe(1);
    expect(lines.get('traffic.arrival.ratePerSec')).toBe(lineWith('"ratePerSec"'));
    expect(lines.get('targetGroups[0].targets[1].weight')).toBe(lineWith('"weight"'));
    expect(lines.get('targetGroups[0].targets[1]')).toBe(lineWith('"id": "b"') - 1);
  });

  it('points a missing field at its nearest ancestor', () => {
    const lines = pathLines(text);
    expect(lineOf(lines, 'targetGroups[0].targets[0].serviceTimeMs')).toBe(lines.get('targetGroups[0].targets[0]'));
    expect(lineOf(lines, 'balancers')).toBe(1);
  });

  it('reports a syntax error with its line and column', () => {
    const parsed = parseJson('{\n  "a": 1,\n  oops\n}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.line).toBe(3);
      expect(parsed.error.message).toMatch(/^not valid JSON: .*\(line 3, column 3\)$/);
      // coded, so a page in another language words it; the English written out equals the code's template
      expect(parsed.error).toMatchObject({ path: '(root)', code: 'val_not_json_at', params: { line: 3, column: 3 } });
      expect(wordError(parsed.error)).toBe(parsed.error.message);
    }
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });

  it('survives text that is not JSON after all', () => {
    expect(pathLines('{"a": [1, 2').get('a[1]')).toBe(1);
  });
});

// V8's block coverage of one script (Playwright's `page.coverage.stopJSCoverage()` entry), summed up for
// scripts/perf-coverage.ts: how many of its functions and bytes a visit called. V8 leaves out most functions it
// never compiled, so the script is parsed here (TypeScript's parser) for the whole list of its functions.
import ts from 'typescript';

/** One script's coverage as Playwright returns it (V8's Profiler.takePreciseCoverage, with the source). */
export interface ScriptCoverage {
  url: string;
  source?: string;
  functions: { functionName: string; isBlockCoverage: boolean; ranges: { startOffset: number; endOffset: number; count: number }[] }[];
}

export interface CoverageSummary {
  bytes: number;
  /** Share of the bytes in code that ran: in functions called and not in blocks they skipped (0–1). */
  usedShare: number;
  /** Functions in the source (the script's top level not counted). */
  functions: number;
  /** Of those, the ones called at least once. */
  calledFunctions: number;
}

/** Start and end offsets of every function in `source` (declarations, expressions, arrows, methods, accessors). */
export function functionRanges(source: string): { start: number; end: number }[] {
  const file = ts.createSourceFile('chunk.js', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const found: { start: number; end: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) found.push({ start: node.getStart(file), end: node.getEnd() });
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * A byte's count is that of the innermost range around it: every function of the source starts at 0 (never
 * called), then V8's ranges (a function's whole range, then the blocks inside it) are laid down outermost first.
 */
export function summariseCoverage(script: ScriptCoverage): CoverageSummary {
  const source = script.source ?? '';
  const counts = new Uint8Array(source.length);
  const parsed = functionRanges(source).map((f) => ({ startOffset: f.start, endOffset: f.end, count: 0, parsed: true }));
  const reported = script.functions.flatMap((f) => f.ranges.map((r) => ({ ...r, parsed: false })));
  // outermost first; of two equal ranges V8's comes last, so it wins
  const ranges = [...parsed, ...reported].sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset || Number(b.parsed) - Number(a.parsed));
  for (const r of ranges) counts.fill(r.count > 0 ? 1 : 0, r.startOffset, Math.min(source.length, r.endOffset));
  const used = counts.reduce((sum, c) => sum + c, 0);
  const topLevel = (f: ScriptCoverage['functions'][number]) => f.ranges[0]?.startOffset === 0 && f.ranges[0]?.endOffset >= source.length;
  return {
    bytes: source.length,
    usedShare: source.length === 0 ? 0 : used / source.length,
    functions: parsed.length,
    calledFunctions: script.functions.filter((f) => !topLevel(f) && (f.ranges[0]?.count ?? 0) > 0).length,
  };
}

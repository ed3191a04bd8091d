// Where a script entry of a long animation frame comes from: the Long Animation Frames API gives the built file
// and a character position in it (minified code: one name-less arrow looks like another), and the build's
// source maps turn that into the source file and line (`src/ui/shell/later.ts:15`). Used by perf:ui's report.
import { existsSync, readFileSync } from 'node:fs';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';

const maps = new Map<string, { map: TraceMap; lineStarts: number[] } | null>();

function load(dist: string, file: string): { map: TraceMap; lineStarts: number[] } | null {
  if (!maps.has(file)) {
    const js = `${dist}assets/${file}`;
    if (!existsSync(js) || !existsSync(`${js}.map`)) maps.set(file, null);
    else {
      const text = readFileSync(js, 'utf8');
      const lineStarts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
      maps.set(file, { map: new TraceMap(readFileSync(`${js}.map`, 'utf8')), lineStarts });
    }
  }
  return maps.get(file)!;
}

/** `file` (a name in `dist`/assets) at character `position`, as `source:line`; null without a map or position. */
export function sourceAt(dist: string, file: string, position: number): string | null {
  if (!file || position < 0) return null;
  const loaded = load(dist, file);
  if (loaded === null) return null;
  let line = loaded.lineStarts.length - 1;
  while (line > 0 && loaded.lineStarts[line] > position) line--;
  const at = originalPositionFor(loaded.map, { line: line + 1, column: position - loaded.lineStarts[line] });
  if (at.source === null) return null;
  return `${at.source.replace(/^(\.\.\/)+/, '').replace(/^node_modules\//, '')}:${at.line}`;
}

/**
 * Where things are in a JSON text, so that an error's JSON path (`targetGroups[0].targets[2].weight`) can
 * be shown next to its line. A small scanner of valid JSON (errors in invalid JSON are syntax errors, which
 * come with a position); it records the line of every key and array item.
 */
import type { ValidationError } from '../../scenario/validated.ts';

/** Line (1-based) of each path present in the text; `(root)` is line 1. */
export function pathLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;

  function space(): void {
    while (i < text.length) {
      const c = text[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r') return;
      i++;
    }
  }

  function string(): string {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  }

  function value(path: string): void {
    space();
    if (!lines.has(path)) lines.set(path, line);
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      for (let n = 0; i < text.length && text[i] !== close; n++) {
        if (c === '{') {
          space();
          const key = string();
          const keyPath = path === '(root)' ? key : `${path}.${key}`;
          lines.set(keyPath, line);
          space();
          i++; // the colon
          value(keyPath);
        } else value(`${path === '(root)' ? '' : path}[${n}]`);
        space();
        if (text[i] === ',') i++;
        space();
      }
      i++;
    } else if (c === '"') string();
    else while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
  }

  try {
    value('(root)');
  } catch {
    // Not valid JSON after all: whatever was found so far is still right.
  }
  return lines;
}

/** The line of a path, or of its nearest ancestor present in the text (a missing field points at its parent). */
export function lineOf(lines: Map<string, number>, path: string): number | null {
  let p = path;
  for (;;) {
    const found = lines.get(p);
    if (found !== undefined) return found;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return lines.get('(root)') ?? null;
    p = p.slice(0, cut);
  }
}

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Parses JSON; a syntax error comes back at "(root)", with its line and column when the browser tells the
 * position, coded (val_not_json, val_not_json_at) so the page words it; the browser's own reason stays as
 * it is. The English is error-templates.ts's, written out here so that module stays out of the start chunk.
 */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: ValidationError; line: number | null } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? lineColumn(text, Number(at[1])) : null;
    const reason = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
    const error: ValidationError =
      where === null
        ? { path: '(root)', message: `not valid JSON: ${reason}`, code: 'val_not_json', params: { reason } }
        : { path: '(root)', message: `not valid JSON: ${reason} (line ${where.line}, column ${where.column})`, code: 'val_not_json_at', params: { reason, line: where.line, column: where.column } };
    return { ok: false, error, line: where?.line ?? null };
  }
}

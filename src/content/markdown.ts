/**
 * Splits a lesson's index.md into a tiny frontmatter and its steps, and lifts the step directives
 * (`<!-- name: JSON -->` comments) out of the prose. Deliberately small: the frontmatter is a YAML
 * subset (`key: value` and `key: [a, b]`), steps start at `## ` headings, and raw HTML is refused so
 * the page can render step markdown with HTML escaped. No markdown is rendered here.
 */

/** A problem in index.md, with its 1-based line. */
export interface MarkdownError {
  line: number;
  message: string;
}

export interface RawDirective {
  name: string;
  /** The parsed JSON. */
  value: unknown;
  line: number;
}

export interface RawStep {
  title: string;
  /** The step's prose (markdown, directives removed), trimmed. */
  markdown: string;
  directives: RawDirective[];
  line: number;
}

export interface ParsedMarkdown {
  frontmatter: Record<string, string | string[]>;
  steps: RawStep[];
}

/** Splits `key: [a, "b, c"]` list items on commas outside quotes. */
function splitList(inner: string): string[] {
  const items: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (const ch of inner) {
    if (quote) {
      if (ch === quote) quote = null;
      cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      cur += ch;
    } else if (ch === ',') {
      items.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '' || items.length > 0) items.push(cur);
  return items.map((x) => x.trim());
}

function scalar(raw: string): string | null {
  const v = raw.trim();
  if (v.startsWith('"')) {
    try {
      const s: unknown = JSON.parse(v);
      return typeof s === 'string' ? s : null;
    } catch {
      return null;
    }
  }
  if (v.startsWith("'")) return v.length >= 2 && v.endsWith("'") ? v.slice(1, -1).replaceAll("''", "'") : null;
  return v;
}

function parseFrontmatter(lines: string[], errors: MarkdownError[]): { data: Record<string, string | string[]>; bodyStart: number } {
  const data: Record<string, string | string[]> = {};
  if (lines[0]?.trim() !== '---') {
    errors.push({ line: 1, message: 'index.md must start with a frontmatter block between two "---" lines' });
    return { data, bodyStart: 0 };
  }
  let i = 1;
  for (; i < lines.length && lines[i].trim() !== '---'; i++) {
    const line = lines[i];
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const m = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
    if (!m) {
      errors.push({ line: i + 1, message: 'frontmatter lines are "key: value" or "key: [a, b]"' });
      continue;
    }
    const [, key, rest] = m;
    if (key in data) errors.push({ line: i + 1, message: `"${key}" is given twice` });
    if (rest.trim() === '') {
      errors.push({ line: i + 1, message: `"${key}" has no value` });
      continue;
    }
    if (rest.trim().startsWith('[')) {
      if (!rest.trim().endsWith(']')) {
        errors.push({ line: i + 1, message: `"${key}": a list must close with "]" on the same line` });
        continue;
      }
      const items = splitList(rest.trim().slice(1, -1)).map(scalar);
      if (items.some((x) => x === null || x === '')) errors.push({ line: i + 1, message: `"${key}": an item of the list is empty or badly quoted` });
      data[key] = items.filter((x): x is string => x !== null && x !== '');
    } else {
      const v = scalar(rest);
      if (v === null) errors.push({ line: i + 1, message: `"${key}": badly quoted value` });
      else data[key] = v;
    }
  }
  if (i >= lines.length) errors.push({ line: 1, message: 'the frontmatter is not closed with a "---" line' });
  return { data, bodyStart: i + 1 };
}

const FENCE = /^\s*(```|~~~)/;
const DIRECTIVE = /^\s*([a-z][a-z-]*)\s*:([\s\S]*)$/;
const RAW_HTML = /<\/?[A-Za-z][\w-]*(\s[^<>]*)?\/?>/;

/** Removes comments from one step's lines, collecting directives; reports unclosed comments and raw HTML. */
function liftDirectives(lines: string[], firstLine: number, errors: MarkdownError[]): { markdown: string; directives: RawDirective[] } {
  const directives: RawDirective[] = [];
  const kept: string[] = [];
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence || FENCE.test(line)) {
      kept.push(line);
      continue;
    }
    const open = line.indexOf('<!--');
    if (open < 0) {
      const withoutCode = line.replace(/`[^`]*`/g, '');
      if (RAW_HTML.test(withoutCode)) errors.push({ line: firstLine + i, message: 'raw HTML is not allowed in lesson prose (use markdown)' });
      kept.push(line);
      continue;
    }
    // gather the comment, which may span lines
    let body = line.slice(open + 4);
    let j = i;
    while (!body.includes('-->') && j + 1 < lines.length) body += '\n' + lines[++j];
    const close = body.indexOf('-->');
    if (close < 0) {
      errors.push({ line: firstLine + i, message: 'a comment ("<!--") is never closed with "-->"' });
      break;
    }
    const after = body.slice(close + 3);
    const before = line.slice(0, open);
    if (before.trim() !== '' || after.trim() !== '') errors.push({ line: firstLine + i, message: 'put a directive on lines of its own' });
    const m = DIRECTIVE.exec(body.slice(0, close));
    if (m) {
      try {
        directives.push({ name: m[1], value: JSON.parse(m[2]), line: firstLine + i });
      } catch (e) {
        errors.push({ line: firstLine + i, message: `directive "${m[1]}": not valid JSON (${(e as Error).message})` });
      }
    }
    // a comment that is not `name: …` is an authoring note: dropped
    i = j;
  }
  const markdown = kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { markdown, directives };
}

/** Parses index.md: the frontmatter, then one step per `## ` heading. */
export function parseLessonMarkdown(text: string): { ok: true; value: ParsedMarkdown } | { ok: false; errors: MarkdownError[] } {
  const errors: MarkdownError[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const { data, bodyStart } = parseFrontmatter(lines, errors);
  const steps: RawStep[] = [];
  let current: { title: string; line: number; lines: string[] } | null = null;
  let inFence = false;
  const flush = () => {
    if (!current) return;
    const { markdown, directives } = liftDirectives(current.lines, current.line + 1, errors);
    if (markdown === '') errors.push({ line: current.line, message: `step "${current.title}" has no prose` });
    steps.push({ title: current.title, markdown, directives, line: current.line });
  };
  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i];
    if (FENCE.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,2})\s+(.*)$/.exec(line);
    if (heading && heading[1] === '#') {
      errors.push({ line: i + 1, message: 'the lesson title comes from the frontmatter; start steps with "## "' });
      continue;
    }
    if (heading) {
      flush();
      const title = heading[2].trim();
      if (title === '') errors.push({ line: i + 1, message: 'a step heading needs a title' });
      current = { title, line: i + 1, lines: [] };
    } else if (current) current.lines.push(line);
    else if (line.trim() !== '') errors.push({ line: i + 1, message: 'text before the first step: start each step with a "## " heading' });
  }
  flush();
  if (steps.length === 0 && errors.length === 0) errors.push({ line: bodyStart + 1, message: 'no steps: start each step with a "## " heading' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { frontmatter: data, steps } };
}

/** Words of prose in a step (for the ~100-words-per-step style rule). */
export function wordCount(markdown: string): number {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .split(/\s+/)
    .filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

/**
 * A tiny markdown reader for lesson prose: paragraphs, bullet and numbered lists, fenced code blocks (a
 * configuration quoted as written), **bold**, *emphasis*, `code` and [links](…). It returns plain data that Svelte renders as text nodes, so nothing in the prose
 * can become HTML: safe by construction, with no `{@html}`. Links go only to http(s) or in-app `#/` addresses.
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block = { kind: 'p'; children: Inline[] } | { kind: 'ul' | 'ol'; items: Inline[][] } | { kind: 'pre'; text: string; language: string };

const INLINE = /`([^`]+)`|\*\*(.+?)\*\*|\*([^*\s](?:[^*]*[^*\s])?)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
const SAFE_HREF = /^(https?:\/\/|#\/)/;

/** Splits one run of text into inline pieces. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'code', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'strong', children: parseInline(m[2]) });
    else if (m[3] !== undefined) out.push({ kind: 'em', children: parseInline(m[3]) });
    else if (SAFE_HREF.test(m[5])) out.push({ kind: 'link', href: m[5], children: parseInline(m[4]) });
    else out.push({ kind: 'text', text: m[4] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

/** A fence's opening or closing line: three backticks or tildes, then the language on an opening line. */
const FENCE = /^\s*(```|~~~)\s*([\w+-]*)\s*$/;

/** Splits prose into blocks: fenced code kept line for line; elsewhere blank lines end paragraphs, and list items may wrap onto indented lines. */
export function parseProse(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  let text: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (open === null) {
      text.push(lines[i]);
      continue;
    }
    const end = lines.findIndex((l, j) => j > i && l.trim() === open[1]);
    // a fence never closed is text, as in CommonMark's "until the end of the document" but shown, not lost
    if (end < 0) {
      text.push(lines[i]);
      continue;
    }
    blocks.push(...textBlocks(text.join('\n')));
    text = [];
    blocks.push({ kind: 'pre', text: lines.slice(i + 1, end).join('\n'), language: open[2] });
    i = end;
  }
  blocks.push(...textBlocks(text.join('\n')));
  return blocks;
}

/** Paragraphs and lists of prose without fences. */
function textBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of markdown.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    const kind = BULLET.test(lines[0]) ? 'ul' : NUMBERED.test(lines[0]) ? 'ol' : 'p';
    if (kind === 'p') {
      blocks.push({ kind, children: parseInline(lines.map((l) => l.trim()).join(' ')) });
      continue;
    }
    const marker = kind === 'ul' ? BULLET : NUMBERED;
    const items: string[] = [];
    for (const line of lines) {
      const m = marker.exec(line);
      if (m) items.push(m[1]);
      else items[items.length - 1] += ' ' + line.trim();
    }
    blocks.push({ kind, items: items.map(parseInline) });
  }
  return blocks;
}

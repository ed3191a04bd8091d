/**
 * A tiny markdown reader for lesson prose: paragraphs, bullet and numbered lists, **bold**, *emphasis*,
 * `code` and [links](…). It returns plain data that Svelte renders as text nodes, so nothing in the prose
 * can become HTML: safe by construction, with no `{@html}`. Links go only to http(s) or in-app `#/` addresses.
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block = { kind: 'p'; children: Inline[] } | { kind: 'ul' | 'ol'; items: Inline[][] };

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

/** Splits prose into blocks: blank lines end paragraphs; list items may wrap onto indented lines. */
export function parseProse(markdown: string): Block[] {
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

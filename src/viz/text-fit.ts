/**
 * Text that must fit a fixed box in an SVG node. The view cannot measure text without a DOM, so widths
 * are estimated from the font size (system-ui averages about 0.56 em per character; 0.6 leaves room).
 */

const EM_PER_CHAR = 0.6;

/** Estimated width in px of `text` at `fontPx`. */
export function textWidth(text: string, fontPx: number): number {
  return text.length * fontPx * EM_PER_CHAR;
}

/** `text`, cut with an ellipsis so that it fits `widthPx` at `fontPx`. */
export function fitText(text: string, widthPx: number, fontPx: number): string {
  const max = Math.max(1, Math.floor(widthPx / (fontPx * EM_PER_CHAR)));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/**
 * `text` broken into at most `maxLines` lines of `widthPx`, breaking after hyphens and at spaces (the
 * last line is cut with an ellipsis if it still does not fit).
 */
export function wrapText(text: string, widthPx: number, fontPx: number, maxLines: number): string[] {
  const words = text.match(/[^\s-]+-?|\s+/g)?.filter((w) => w.trim() !== '') ?? [];
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const joined = line === '' ? word : line.endsWith('-') ? line + word : `${line} ${word}`;
    if (line === '' || textWidth(joined, fontPx) <= widthPx) line = joined;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines.map((l) => fitText(l, widthPx, fontPx));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fitText(lines.slice(maxLines - 1).join(''), widthPx, fontPx);
  return kept.map((l) => fitText(l, widthPx, fontPx));
}

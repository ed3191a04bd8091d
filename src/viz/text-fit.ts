/**
 * Text that must fit a fixed box in an SVG node. The layout estimates widths from the font size (system-ui
 * averages about 0.56 em per character; 0.6 leaves room), the same in Node and in the page, so that a picture is
 * laid out alike everywhere. Whether a label is cut is decided on the real width where the page can measure it
 * (a canvas, in the page's font): the estimate cut "unhealthy · in rotation" to "unhealthy · in rotati…" on a
 * card with room to spare.
 */

const EM_PER_CHAR = 0.6;
/** The page's font (theme.css); bold labels are measured in it too, hence the margin below. */
const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
/** Room left for a semi-bold label measured in the regular weight, and for rounding. */
const MEASURE_MARGIN = 1.08;

/** Estimated width in px of `text` at `fontPx`. */
export function textWidth(text: string, fontPx: number): number {
  return text.length * fontPx * EM_PER_CHAR;
}

let context: CanvasRenderingContext2D | null | undefined;
let contextFontPx = 0;

/** The real width in px of `text` at `fontPx` (with a margin), or the estimate where nothing can measure it. */
export function measuredWidth(text: string, fontPx: number): number {
  if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (context === null) return textWidth(text, fontPx);
  if (contextFontPx !== fontPx) {
    context.font = `${fontPx}px ${FONT_FAMILY}`;
    contextFontPx = fontPx;
  }
  return context.measureText(text).width * MEASURE_MARGIN;
}

/** `text`, cut with an ellipsis so that it fits `widthPx` at `fontPx`. */
export function fitText(text: string, widthPx: number, fontPx: number): string {
  if (measuredWidth(text, fontPx) <= widthPx) return text;
  let kept = Math.min(text.length - 1, Math.max(1, Math.floor(widthPx / (fontPx * EM_PER_CHAR)) - 1));
  while (kept < text.length - 1 && measuredWidth(`${text.slice(0, kept + 1)}…`, fontPx) <= widthPx) kept++;
  while (kept > 1 && measuredWidth(`${text.slice(0, kept)}…`, fontPx) > widthPx) kept--;
  return `${text.slice(0, kept)}…`;
}

/**
 * `text` broken into at most `maxLines` lines of `widthPx`, breaking after hyphens and at spaces (the
 * last line is cut with an ellipsis if it still does not fit).
 */
export function wrapText(text: string, widthPx: number, fontPx: number, maxLines: number): string[] {
  const lines = wrapLines(text, widthPx, fontPx);
  if (lines.length <= maxLines) return lines.map((l) => fitText(l, widthPx, fontPx));
  // the lines that do not fit go on the last one, joined as they were in `text` ("outstanding-" "requests" were
  // joined as "outstandingrequests" before being cut)
  const kept = lines.slice(0, maxLines - 1);
  kept.push(lines.slice(maxLines - 1).reduce(joinWords));
  return kept.map((l) => fitText(l, widthPx, fontPx));
}

/** `text` broken into lines of `widthPx` (by the estimate, the same everywhere) after hyphens and at spaces, none cut. */
export function wrapLines(text: string, widthPx: number, fontPx: number): string[] {
  const words = text.match(/[^\s-]+-?|\s+/g)?.filter((w) => w.trim() !== '') ?? [];
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const joined = line === '' ? word : joinWords(line, word);
    if (line === '' || textWidth(joined, fontPx) <= widthPx) line = joined;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Two words (or lines) as they read in one line: after a hyphen, nothing between them; else a space. */
function joinWords(left: string, right: string): string {
  return left.endsWith('-') ? left + right : `${left} ${right}`;
}

/** The narrowest a label may be drawn, as a share of its own width, rather than cut (see `fitOrSqueeze`). */
export const MIN_SQUEEZE = 0.8;

/**
 * `text` whole when it fits `widthPx`, else drawn up to a fifth narrower (`length`: the SVG text's textLength,
 * its glyphs and spaces closer) rather than cut: a projector shows no tooltip, and "unhealthy · still gets
 * traffic" is the lesson's point. Longer still, it is cut with an ellipsis.
 */
export function fitOrSqueeze(text: string, widthPx: number, fontPx: number): { text: string; length?: number } {
  const width = measuredWidth(text, fontPx) / MEASURE_MARGIN;
  if (width * MEASURE_MARGIN <= widthPx) return { text };
  if (width * MIN_SQUEEZE <= widthPx) return { text, length: Math.min(width, widthPx) };
  return { text: fitText(text, widthPx, fontPx) };
}

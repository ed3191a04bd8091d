/**
 * Reads one Unicode code point of `text` at UTF-16 index i, joining surrogate pairs; a lone surrogate
 * reads as U+FFFD, as UTF-8 encoders do. A result above 0xFFFF used two UTF-16 units.
 */
export function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return c;
  const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
  if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) return 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
  return 0xfffd;
}

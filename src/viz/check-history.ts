/**
 * A target's recent health checks as a row of marks: the engine packs the last 16 results into a number
 * (newest in bit 0, 1 = passed) and counts the checks done, so a target checked only 5 times has 5
 * meaningful bits. Marks are ordered oldest first, so the row reads left to right like a timeline; each is
 * a shape and a colour (a tick for a pass, a cross for a fail) and the row has a text equivalent.
 */
import type { GlyphShape } from './glyphs.ts';
import { OKABE_ITO } from './palette.ts';
import { m } from '../i18n/paraglide/messages.js';

/** The engine keeps this many results. */
export const CHECK_BITS = 16;

export type CheckMark = 'pass' | 'fail';

export const CHECK_MARK_STYLES: Record<CheckMark, { glyph: GlyphShape; fill: string; label: string }> = {
  pass: { glyph: 'check', fill: OKABE_ITO.bluishGreen, get label() { return m.check_pass(); } },
  fail: { glyph: 'cross', fill: OKABE_ITO.vermillion, get label() { return m.check_fail(); } },
};

/** The last `limit` (at most 16) checks, oldest first. */
export function checkMarks(bits: number, count: number, limit = CHECK_BITS): CheckMark[] {
  const n = Math.max(0, Math.min(Math.floor(count), CHECK_BITS, limit));
  const word = Math.trunc(bits) >>> 0;
  const marks: CheckMark[] = [];
  for (let age = n - 1; age >= 0; age--) marks.push(((word >>> age) & 1) === 1 ? 'pass' : 'fail');
  return marks;
}

/** "last 5 checks: pass pass fail fail fail" (oldest first), or "no health checks yet". */
export function checkHistoryText(marks: readonly CheckMark[]): string {
  if (marks.length === 0) return m.checks_none();
  const words = marks.map((mark) => CHECK_MARK_STYLES[mark].label).join(' ');
  return marks.length === 1 ? m.checks_last_one({ marks: words }) : m.checks_last({ count: marks.length, marks: words });
}

/** Centres of `n` marks spaced `stepPx` apart, right-aligned in a row ending at `rightPx` (the newest at the right end). */
export function markPositions(n: number, rightPx: number, stepPx: number): number[] {
  return Array.from({ length: n }, (_, i) => rightPx - (n - 1 - i) * stepPx);
}

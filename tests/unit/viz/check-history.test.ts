import { describe, expect, it } from 'vitest';
import { CHECK_MARK_STYLES, checkHistoryText, checkMarks, markPositions } from '../../../src/viz/check-history.ts';

describe('the check history', () => {
  it('reads the newest result from bit 0 and lists the marks oldest first', () => {
    // newest first: fail fail fail pass pass → bits 0b11000
    expect(checkMarks(0b11000, 5)).toEqual(['pass', 'pass', 'fail', 'fail', 'fail']);
  });

  it('shows only the checks done so far, and at most 16 (or fewer when asked)', () => {
    expect(checkMarks(0xffff, 3)).toEqual(['pass', 'pass', 'pass']);
    expect(checkMarks(0xffff, 0)).toEqual([]);
    expect(checkMarks(0b1, 40)).toHaveLength(16);
    expect(checkMarks(0b1, 40).at(-1)).toBe('pass');
    expect(checkMarks(0b0111, 12, 8)).toEqual(['fail', 'fail', 'fail', 'fail', 'fail', 'pass', 'pass', 'pass']);
  });

  it('says the same in words for screen readers', () => {
    expect(checkHistoryText(checkMarks(0b11000, 5))).toBe('last 5 checks: pass pass fail fail fail');
    expect(checkHistoryText(checkMarks(1, 1))).toBe('last check: pass');
    expect(checkHistoryText([])).toBe('no health checks yet');
  });

  it('tells a pass from a fail by shape as well as colour', () => {
    expect(CHECK_MARK_STYLES.pass.glyph).not.toBe(CHECK_MARK_STYLES.fail.glyph);
    expect(CHECK_MARK_STYLES.pass.fill).not.toBe(CHECK_MARK_STYLES.fail.fill);
  });

  it('puts the newest mark at the right end, evenly spaced', () => {
    expect(markPositions(3, 100, 10)).toEqual([80, 90, 100]);
    expect(markPositions(0, 100, 10)).toEqual([]);
  });
});

// A control the keyboard focuses under the stuck time controls is scrolled out from under them (src/ui/sim/focus-clear.ts).
import { describe, expect, it } from 'vitest';
import { scrollToClear } from '../../../../src/ui/sim/focus-clear.ts';

// the stuck bar: 51 px tall at the window's top, over the right-hand column (x 446 to 1346 at 1366 × 768)
const bar = { top: -1, bottom: 50, left: 446, right: 1346 };

describe('scrollToClear', () => {
  it('scrolls up by the overlap and a gap of 8 px for a control under the bar', () => {
    // the Charts tab, 36 px tall, its top 10 px below the window's top: 40 px of it hidden; up by 50 − 10 + 8
    expect(scrollToClear(bar, { top: 10, bottom: 46, left: 460, right: 560 })).toBe(-48);
    // only its last pixel under the bar: still moved
    expect(scrollToClear(bar, { top: 49, bottom: 85, left: 460, right: 560 })).toBe(-9);
  });

  it('leaves a control below the bar, or beside it in the lesson column, where it is', () => {
    expect(scrollToClear(bar, { top: 50, bottom: 86, left: 460, right: 560 })).toBe(0);
    expect(scrollToClear(bar, { top: 10, bottom: 46, left: 20, right: 430 })).toBe(0);
  });
});

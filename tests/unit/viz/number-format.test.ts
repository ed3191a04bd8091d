import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../src/i18n/paraglide/runtime.js';
import { formatNumber, localizeNumberText, formatCount, formatDuration, formatLargeCount, formatMs, formatPercent, formatRate, formatRequestRate, formatSeconds, formatSecondsPrecise, formatShare, formatClock } from '../../../src/viz/number-format.ts';

describe('the one number formatter', () => {
  it('writes every number with its unit, and — when there is none', () => {
    expect(formatCount(1234)).toBe('1,234');
    expect(formatRequestRate(24.4)).toBe('24 req/s');
    expect(formatRate(2500)).toBe('2.5k/s');
    expect(formatMs(4.25)).toBe('4.3 ms');
    expect(formatMs(1900)).toBe('1.9 s');
    expect(formatPercent(0.054)).toBe('5.4%');
    expect(formatShare(0.337)).toBe('34%');
    expect(formatSeconds(12_345)).toBe('12.3 s');
    expect(formatSecondsPrecise(12_345)).toBe('12.345 s');
    // a clock from the run's start: 18 h = 64,800 s; 65,109.9 s is 18 h 5 min 9.9 s, shown in whole seconds
    expect(formatClock(64_800_000)).toBe('18:00:00');
    expect(formatClock(65_109_900)).toBe('18:05:09');
    expect(formatClock(0)).toBe('0:00:00');
    expect(formatClock(Number.NaN)).toBe('—');
    for (const f of [formatCount, formatRequestRate, formatRate, formatMs, formatPercent, formatShare, formatSeconds, formatLargeCount, formatDuration]) expect(f(NaN)).toBe('—');
  });

  it('says large counts and long waits in words', () => {
    expect(formatLargeCount(86_400_000_000)).toBe('86.4 billion');
    expect(formatLargeCount(2_500_000)).toBe('2.5 million');
    expect(formatDuration(40_000)).toBe('40 s');
    expect(formatDuration(720_000)).toBe('12 min');
    expect(formatDuration(3.5 * 3_600_000)).toBe('3.5 hours');
  });

  describe('in Spanish', () => {
    afterEach(() => overwriteGetLocale(() => 'en'));

    it('writes a decimal comma and groups five digits and more with a non-breaking space', () => {
      overwriteGetLocale(() => 'es');
      expect(formatCount(1234)).toBe('1234');
      expect(formatCount(12_345)).toBe('12\u00a0345');
      expect(formatRate(2500)).toBe('2,5k/s');
      expect(formatMs(4.25)).toBe('4,3 ms');
      expect(formatSeconds(12_345)).toBe('12,3 s');
      expect(formatSecondsPrecise(12_345)).toBe('12,345 s');
      expect(formatNumber(2.5)).toBe('2,5');
      expect(formatLargeCount(2_500_000)).toBe('2,5 millones');
      expect(formatDuration(3.5 * 3600_000)).toBe('3,5 horas');
    });

    it('rewrites a number the engine wrote in English, digits as written, and leaves other text alone', () => {
      overwriteGetLocale(() => 'es');
      expect(localizeNumberText('3.0')).toBe('3,0');
      expect(localizeNumberText('12,345.5')).toBe('12\u00a0345,5');
      expect(localizeNumberText('web-1')).toBe('web-1');
      overwriteGetLocale(() => 'en');
      expect(localizeNumberText('3.0')).toBe('3.0');
    });
  });
});

import { describe, expect, it } from 'vitest';
import { CronSchedule, DEFAULT_EPOCH_MS, cronError } from '../../../../src/engine/scaling/cron.ts';
import { DAY, HOUR, MIN } from './support.ts';

/** The first `n` firings from simulated time 0. */
function firings(expression: string, n: number, epochMs?: number): number[] {
  const cron = new CronSchedule(expression, epochMs);
  const out: number[] = [];
  let t: number | null = -1;
  while (out.length < n && (t = cron.next(t)) !== null) out.push(t);
  return out;
}

describe('CronSchedule', () => {
  it('simulated time 0 is 2026-01-01T00:00:00Z, a Thursday', () => {
    expect(new Date(DEFAULT_EPOCH_MS).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(new Date(DEFAULT_EPOCH_MS).getUTCDay()).toBe(4);
  });

  it('"0 18 * * *" fires every day at 18:00', () => {
    expect(firings('0 18 * * *', 7)).toEqual(Array.from({ length: 7 }, (_, d) => d * DAY + 18 * HOUR));
    const cron = new CronSchedule('0 18 * * *');
    expect(cron.next(18 * HOUR - 1)).toBe(18 * HOUR);
    expect(cron.next(18 * HOUR)).toBe(DAY + 18 * HOUR);
  });

  it('"30 6 * * 2" fires every Tuesday at 06:30 (the first is 2026-01-06)', () => {
    expect(firings('30 6 * * 2', 2)).toEqual([5 * DAY + 6.5 * HOUR, 12 * DAY + 6.5 * HOUR]);
    expect(firings('30 6 * * TUE', 1)).toEqual([5 * DAY + 6.5 * HOUR]);
  });

  it('supports lists, ranges, steps and names', () => {
    expect(firings('*/15 9-10 * * *', 9)).toEqual([9, 9.25, 9.5, 9.75, 10, 10.25, 10.5, 10.75, 24 + 9].map((h) => h * HOUR));
    expect(firings('0 0 1,15 * *', 3)).toEqual([0, 14 * DAY, 31 * DAY]);
    expect(firings('0 12 * FEB-MAR *', 1)).toEqual([31 * DAY + 12 * HOUR]);
    expect(firings('5/20 0 * * *', 3)).toEqual([5, 25, 45].map((m) => m * MIN));
    expect(firings('0 8 * * 1-5', 3)).toEqual([0, 1, 4].map((d) => d * DAY + 8 * HOUR));
    expect(firings('0 0 * * 7', 1)).toEqual([3 * DAY]);
  });

  it('with both day fields restricted, a day matching either fires (Vixie cron)', () => {
    expect(firings('0 0 13 * 5', 3)).toEqual([1, 8, 12].map((d) => d * DAY));
  });

  it('a schedule that never matches returns null', () => {
    expect(new CronSchedule('0 0 30 2 *').next(0)).toBeNull();
  });

  it('follows a configurable epoch', () => {
    const mondayNoon = Date.UTC(2026, 0, 5, 12);
    expect(firings('0 18 * * 1', 2, mondayNoon)).toEqual([6 * HOUR, 7 * DAY + 6 * HOUR]);
  });

  it('explains invalid expressions', () => {
    expect(cronError('0 18 * * *')).toBeNull();
    expect(cronError('0 18 * *')?.message).toBe('cron: expected 5 fields (minute hour day month weekday), got 4');
    expect(cronError('60 * * * *')?.message).toBe('cron: bad minute "60" (allowed 0–59)');
    expect(cronError('0 5-1 * * *')?.message).toBe('cron: empty range in hour "5-1"');
    expect(cronError('*/0 * * * *')?.message).toBe('cron: bad step in minute "*/0"');
    expect(cronError('0 0 ? * *')?.message).toBe('cron: bad day of month "?" (allowed 1–31)');
    expect(cronError('0 0 * * 1-2-3')?.message).toBe('cron: bad range in day of week "1-2-3"');
  });
});

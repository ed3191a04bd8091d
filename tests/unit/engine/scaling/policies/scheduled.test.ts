import { describe, expect, it } from 'vitest';
import { ScheduledPolicy } from '../../../../../src/engine/scaling/policies/scheduled.ts';
import { DAY, HOUR, context } from '../support.ts';

describe('ScheduledPolicy', () => {
  it('a recurring action fires at its time every day, setting min, max and desired', () => {
    const p = new ScheduledPolicy({ actions: [{ name: 'evening peak', recurrence: '0 18 * * *', min: 4, desired: 10 }] });
    expect(p.nextEvaluationMs(0)).toBe(18 * HOUR);
    expect(p.evaluate(context(18 * HOUR - 1, { desired: 2 }))).toBeNull();
    expect(p.evaluate(context(18 * HOUR, { desired: 2 }))).toEqual({
      desired: 10,
      min: 4,
      max: 20,
      reason: 'scheduled actions: evening peak → min 4, max 20, desired 10',
    });
    expect(p.evaluate(context(18 * HOUR, { desired: 2 }))).toBeNull();
    expect(p.nextEvaluationMs(18 * HOUR)).toBe(DAY + 18 * HOUR);
    expect(p.evaluate(context(DAY + 18 * HOUR, { desired: 5 }))?.desired).toBe(10);
  });

  it('a one-time action fires once at its start time', () => {
    const p = new ScheduledPolicy({ actions: [{ startMs: 90_000, desired: 6 }] });
    expect(p.nextEvaluationMs(0)).toBe(90_000);
    expect(p.evaluate(context(90_000, {}))?.desired).toBe(6);
    expect(p.nextEvaluationMs(90_000)).toBe(Infinity);
    expect(p.evaluate(context(DAY, {}))).toBeNull();
  });

  it('keeps desired inside the new min and max', () => {
    const p = new ScheduledPolicy({ actions: [{ startMs: 0, min: 5, max: 8 }] });
    expect(p.evaluate(context(0, { desired: 2 }))).toMatchObject({ desired: 5, min: 5, max: 8 });
    const q = new ScheduledPolicy({ actions: [{ startMs: 0, max: 3 }] });
    expect(q.evaluate(context(0, { desired: 9, min: 4 }))).toMatchObject({ desired: 3, min: 3, max: 3 });
  });

  it('runs actions due together in time, then list order', () => {
    const p = new ScheduledPolicy({
      actions: [
        { name: 'b', startMs: 2000, desired: 7 },
        { name: 'a', startMs: 1000, desired: 3 },
        { name: 'c', startMs: 2000, desired: 9 },
      ],
    });
    expect(p.evaluate(context(5000, {}))).toMatchObject({ desired: 9, reason: 'scheduled actions: a, b, c → min 1, max 20, desired 9' });
  });

  it('a recurring action respects its start and end times', () => {
    const p = new ScheduledPolicy({ actions: [{ recurrence: '0 18 * * *', startMs: DAY, endMs: 2 * DAY + 18 * HOUR, desired: 4 }] });
    expect(p.nextEvaluationMs(0)).toBe(DAY + 18 * HOUR);
    p.evaluate(context(DAY + 18 * HOUR, {}));
    expect(p.nextEvaluationMs(DAY + 18 * HOUR)).toBe(2 * DAY + 18 * HOUR);
    p.evaluate(context(2 * DAY + 18 * HOUR, {}));
    expect(p.nextEvaluationMs(2 * DAY + 18 * HOUR)).toBe(Infinity);
  });

  it('a late evaluation fires a recurring action once and moves on', () => {
    const p = new ScheduledPolicy({ actions: [{ recurrence: '0 * * * *', desired: 4 }] });
    expect(p.evaluate(context(5 * HOUR + 10, {}))?.desired).toBe(4);
    expect(p.nextEvaluationMs(5 * HOUR + 10)).toBe(6 * HOUR);
  });
});

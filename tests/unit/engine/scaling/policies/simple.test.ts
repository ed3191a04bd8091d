import { describe, expect, it } from 'vitest';
import { MetricSeries } from '../../../../../src/engine/scaling/metrics-pipeline.ts';
import { DEFAULT_COOLDOWN_SEC, SimplePolicy } from '../../../../../src/engine/scaling/policies/simple.ts';
import { MIN, context, feed } from '../support.ts';

const cpuHigh = (cooldownSec?: number) =>
  new SimplePolicy({ metric: 'CPUUtilization', alarm: { threshold: 70, comparison: '>' }, scalingAdjustment: 1, cooldownSec });

describe('SimplePolicy', () => {
  it('one alarm triggers one adjustment', () => {
    const cpu = new MetricSeries();
    feed(cpu, 0, MIN, 90);
    const p = cpuHigh();
    const d = p.evaluate(context(MIN, { current: 2, desired: 2 }, { CPUUtilization: cpu }));
    expect(d?.desired).toBe(3);
    expect(d?.reason).toBe('simple CPUUtilization: CPUUtilization 90 > 70 → +1 → desired 3');
    expect(p.nextEvaluationMs(MIN)).toBe(2 * MIN);
  });

  it('the cooldown (default 300 s) prevents a second action inside 300 s, though the alarm stays in ALARM', () => {
    expect(DEFAULT_COOLDOWN_SEC).toBe(300);
    const cpu = new MetricSeries();
    feed(cpu, 0, 12 * MIN, 90);
    const p = cpuHigh();
    let capacity = 2;
    const actedAt: number[] = [];
    for (let t = MIN; t <= 11 * MIN; t = p.nextEvaluationMs(t)) {
      const d = p.evaluate(context(t, { current: capacity, desired: capacity }, { CPUUtilization: cpu }));
      if (d !== null) {
        actedAt.push(t / 1000);
        capacity = d.desired;
      }
      expect(p.alarm.state).toBe('ALARM');
    }
    expect(actedAt).toEqual([60, 360, 660]);
  });

  it('waits for the activity to finish, then counts the cooldown from its end', () => {
    const cpu = new MetricSeries();
    feed(cpu, 0, 10 * MIN, 90);
    const p = cpuHigh();
    const cpuOnly = { CPUUtilization: cpu };
    expect(p.evaluate(context(MIN, { desired: 2 }, cpuOnly))?.desired).toBe(3);
    expect(p.evaluate(context(2 * MIN, { current: 3, desired: 3, activityInProgress: true }, cpuOnly))).toBeNull();
    const after = { current: 3, desired: 3, lastActivityEndMs: 150_000 };
    expect(p.blockedUntilMs(after)).toBe(450_000);
    expect(p.evaluate(context(7 * MIN, after, cpuOnly))).toBeNull();
    expect(p.evaluate(context(8 * MIN, after, cpuOnly))?.desired).toBe(4);
  });

  it('stays within [min, max] and does nothing when already there', () => {
    const cpu = new MetricSeries();
    feed(cpu, 0, MIN, 90);
    const p = new SimplePolicy({ metric: 'CPUUtilization', alarm: { threshold: 70, comparison: '>' }, adjustmentType: 'ExactCapacity', scalingAdjustment: 50 });
    expect(p.evaluate(context(MIN, { desired: 2, max: 8 }, { CPUUtilization: cpu }))?.desired).toBe(8);
    const q = cpuHigh();
    expect(q.evaluate(context(MIN, { current: 8, desired: 8, max: 8 }, { CPUUtilization: cpu }))).toBeNull();
  });

  it('does nothing without its metric or while the alarm is OK', () => {
    const cpu = new MetricSeries();
    feed(cpu, 0, MIN, 50);
    expect(cpuHigh().evaluate(context(MIN, {}, {}))).toBeNull();
    expect(cpuHigh().evaluate(context(MIN, {}, { CPUUtilization: cpu }))).toBeNull();
  });
});

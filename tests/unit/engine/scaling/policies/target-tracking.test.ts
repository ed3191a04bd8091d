import { describe, expect, it } from 'vitest';
import { MetricSeries } from '../../../../../src/engine/scaling/metrics-pipeline.ts';
import { TargetTrackingPolicy } from '../../../../../src/engine/scaling/policies/target-tracking.ts';
import { MIN, context, feed, feedMinutes } from '../support.ts';

const cpuTarget = (extra: Partial<ConstructorParameters<typeof TargetTrackingPolicy>[0]> = {}) =>
  new TargetTrackingPolicy({ metric: 'CPUUtilization', targetValue: 50, ...extra });

describe('TargetTrackingPolicy', () => {
  it('scales out after 3 one-minute datapoints above target, to ceil(current × metric / target)', () => {
    const cpu = new MetricSeries();
    feedMinutes(cpu, [80, 80, 80]);
    const p = cpuTarget();
    const g = { current: 4, desired: 4 };
    expect(p.evaluate(context(2 * MIN, g, { CPUUtilization: cpu }))).toBeNull();
    const d = p.evaluate(context(3 * MIN, g, { CPUUtilization: cpu }));
    expect(d?.desired).toBe(7);
    expect(d?.reason).toBe('target CPUUtilization 50: CPUUtilization 80 above target → ceil(4 × 80 / 50) → desired 7');
    expect(p.nextEvaluationMs(3 * MIN)).toBe(4 * MIN);
  });

  it('counts warming instances toward desired, so a still-high metric adds nothing more', () => {
    const cpu = new MetricSeries();
    feedMinutes(cpu, [80, 80, 80, 80, 80, 80]);
    const p = cpuTarget();
    const at = (minute: number, warming: number, n = 7) => p.evaluate(context(minute * MIN, { current: n, desired: n, warming }, { CPUUtilization: cpu }));
    expect(at(3, 0, 4)?.desired).toBe(7);
    expect(at(4, 3)).toBeNull();
    // Warm-up over, but minute 5's datapoint still came from the 4 serving instances.
    expect(at(5, 0)).toBeNull();
    expect(at(6, 0)?.desired).toBe(12);
  });

  it('never scales out at exactly the target or without data', () => {
    const cpu = new MetricSeries();
    feedMinutes(cpu, [50, 50, 50]);
    expect(cpuTarget().evaluate(context(3 * MIN, {}, { CPUUtilization: cpu }))).toBeNull();
    const p = cpuTarget();
    expect(p.evaluate(context(3 * MIN, {}, { CPUUtilization: new MetricSeries() }))).toBeNull();
    expect(p.alarmHigh.state).toBe('INSUFFICIENT_DATA');
  });

  it('scales in only after 15 datapoints below 90 % of target, by at most 10 % (≥ 1) per 300 s', () => {
    const cpu = new MetricSeries();
    feedMinutes(cpu, new Array(30).fill(20));
    const p = cpuTarget();
    const at = (minute: number, n: number) => p.evaluate(context(minute * MIN, { current: n, desired: n, max: 40 }, { CPUUtilization: cpu }));
    expect(at(14, 20)).toBeNull();
    expect(at(15, 20)?.desired).toBe(18);
    expect(at(16, 18)).toBeNull();
    expect(at(19, 18)).toBeNull();
    expect(at(20, 18)?.desired).toBe(17);
    expect(p.evaluate(context(26 * MIN, { current: 2, desired: 2 }, { CPUUtilization: cpu }))?.desired).toBe(1);
  });

  it('scales in no lower than ceil(current × metric / target)', () => {
    const cpu = new MetricSeries();
    feedMinutes(cpu, new Array(15).fill(40));
    const p = cpuTarget({ scaleInMaxPercent: 100 });
    expect(p.evaluate(context(15 * MIN, { current: 10, desired: 10 }, { CPUUtilization: cpu }))?.desired).toBe(8);
  });

  it('does not scale in while instances warm up, or with DisableScaleIn', () => {
    const cpu = new MetricSeries();
    feedMinutes(cpu, new Array(15).fill(10));
    const g = { current: 10, desired: 10 };
    expect(cpuTarget().evaluate(context(15 * MIN, { ...g, warming: 1 }, { CPUUtilization: cpu }))).toBeNull();
    expect(cpuTarget({ disableScaleIn: true }).evaluate(context(15 * MIN, g, { CPUUtilization: cpu }))).toBeNull();
  });

  it('tracks requests per target with the Sum statistic', () => {
    const rpt = new MetricSeries();
    feed(rpt, 0, 3 * MIN, 25);
    const p = new TargetTrackingPolicy({ metric: 'ALBRequestCountPerTarget', targetValue: 1000, statistic: 'Sum' });
    expect(p.evaluate(context(3 * MIN, { current: 4, desired: 4 }, { ALBRequestCountPerTarget: rpt }))?.desired).toBe(6);
  });

  it('holds CPU near the target in a closed loop (boot + warm-up 180 s)', () => {
    const demand = (t: number) => (t < 30 * MIN ? 300 : t < 150 * MIN ? 1200 : 400);
    const cpu = new MetricSeries();
    const p = cpuTarget();
    let readyAt: number[] = new Array(6).fill(0);
    const cpuLog: { t: number; cpu: number }[] = [];
    const desiredLog: number[] = [];
    for (let t = 0; t < 240 * MIN; t += 1000) {
      if (t % MIN === 0) {
        const warming = readyAt.filter((r) => r > t).length;
        const d = p.evaluate(context(t, { current: readyAt.length, desired: readyAt.length, warming, min: 2, max: 40 }, { CPUUtilization: cpu }));
        if (d !== null && d.desired > readyAt.length) readyAt = [...readyAt, ...new Array(d.desired - readyAt.length).fill(t + 180_000)];
        if (d !== null && d.desired < readyAt.length) readyAt = readyAt.slice(0, d.desired);
        if (d !== null) desiredLog.push(d.desired);
      }
      const inService = readyAt.filter((r) => r <= t).length;
      const value = Math.min(100, demand(t) / inService);
      cpu.add(t, value);
      cpuLog.push({ t, cpu: value });
    }
    const mean = (from: number, to: number) => {
      const xs = cpuLog.filter((s) => s.t >= from && s.t < to).map((s) => s.cpu);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(mean(0, 30 * MIN)).toBe(50);
    expect(mean(50 * MIN, 150 * MIN)).toBeGreaterThan(45);
    expect(mean(50 * MIN, 150 * MIN)).toBeLessThanOrEqual(55);
    expect(desiredLog).toEqual([12, 24, 22, 20, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8]);
    const scaleIns = desiredLog.slice(desiredLog.indexOf(24) + 1);
    expect(scaleIns.length).toBeGreaterThan(3);
    scaleIns.forEach((n, k) => expect((k === 0 ? 24 : scaleIns[k - 1]) - n).toBeLessThanOrEqual(Math.max(1, Math.floor((k === 0 ? 24 : scaleIns[k - 1]) / 10))));
    expect(Math.max(...cpuLog.filter((s) => s.t >= 150 * MIN).map((s) => s.cpu))).toBeLessThanOrEqual(50);
  });
});

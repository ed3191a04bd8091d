// The numbers a scaling decision carries to the event log (engine/decisions.ts) and the sentence the UI
// makes of them (viz/decision-words.ts). Every expected value is worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { MetricSeries } from '../../../../src/engine/scaling/metrics-pipeline.ts';
import { Alarm } from '../../../../src/engine/scaling/alarm.ts';
import { SimplePolicy } from '../../../../src/engine/scaling/policies/simple.ts';
import { StepPolicy } from '../../../../src/engine/scaling/policies/step.ts';
import { TargetTrackingPolicy } from '../../../../src/engine/scaling/policies/target-tracking.ts';
import { alarmWords, decisionWords, formulaWords } from '../../../../src/viz/decision-words.ts';
import { MIN, context, feedMinutes } from './support.ts';

describe('scaling decisions carry their numbers', () => {
  it('an alarm reports N of M: 2 of 3 datapoints above 50 (40, 60, 70) is ALARM when 2 are needed', () => {
    const cpu = new MetricSeries();
    feedMinutes(cpu, [40, 60, 70]);
    const alarm = new Alarm({ threshold: 50, comparison: '>', evaluationPeriods: 3, datapointsToAlarm: 2 });
    alarm.evaluate(3 * MIN, cpu);
    expect(alarm.state).toBe('ALARM');
    const a = alarm.numbers('CPUUtilization');
    expect(a).toEqual({ metric: 'CPUUtilization', statistic: 'Average', comparison: '>', threshold: 50, periodSec: 60, datapoints: [40, 60, 70], breaching: 2, needed: 2 });
    expect(alarmWords(a)).toBe('2 of 3 one-minute datapoints of CPUUtilization (Average) above 50: 40, 60, 70; 2 needed → ALARM');
  });

  it('target tracking scales out by ceil(4 × 80 / 50) = ceil(6.4) = 7 after AlarmHigh saw 3 of 3 above 50', () => {
    const cpu = new MetricSeries();
    feedMinutes(cpu, [80, 80, 80]);
    const p = new TargetTrackingPolicy({ metric: 'CPUUtilization', targetValue: 50 });
    const d = p.evaluate(context(3 * MIN, { current: 4, desired: 4 }, { CPUUtilization: cpu }));
    expect(d?.alarm).toEqual({ metric: 'CPUUtilization', statistic: 'Average', comparison: '>', threshold: 50, periodSec: 60, datapoints: [80, 80, 80], breaching: 3, needed: 3 });
    expect(d?.formula).toEqual({ kind: 'target-tracking', base: 4, metric: 80, target: 50, raw: 6.4, result: 7 });
    expect(formulaWords(d!.formula!)).toBe('ceil(4 × 80 / 50) = ceil(6.4) = 7');
  });

  it('target tracking scales in from AlarmLow (15 of 15 below 45): ceil(20 × 20 / 50) = 8, but at most 10 % of 20 = 2 removed', () => {
    const cpu = new MetricSeries();
    feedMinutes(cpu, new Array(15).fill(20));
    const p = new TargetTrackingPolicy({ metric: 'CPUUtilization', targetValue: 50 });
    const d = p.evaluate(context(15 * MIN, { current: 20, desired: 20, max: 40 }, { CPUUtilization: cpu }));
    expect(d?.desired).toBe(18);
    expect(d?.alarm?.threshold).toBe(45); // 0.9 × 50
    expect(d?.alarm?.breaching).toBe(15);
    expect(d?.alarm?.needed).toBe(15);
    expect(d?.formula).toEqual({ kind: 'target-tracking', base: 20, metric: 20, target: 50, raw: 8, result: 8, maxRemoved: 2 });
    expect(formulaWords(d!.formula!)).toBe('ceil(20 × 20 / 50) = ceil(8) = 8; at most 2 instances removed per scale-in');
  });

  it('a simple policy says its alarm and adjustment: 1 of 1 above 70 (90) → +1 from 2 = 3', () => {
    const cpu = new MetricSeries();
    feedMinutes(cpu, [90]);
    const p = new SimplePolicy({ metric: 'CPUUtilization', alarm: { threshold: 70, comparison: '>' }, scalingAdjustment: 1 });
    const d = p.evaluate(context(MIN, { current: 2, desired: 2 }, { CPUUtilization: cpu }));
    expect(d?.alarm?.datapoints).toEqual([90]);
    expect(d?.formula).toEqual({ kind: 'adjustment', base: 2, adjustment: '+1', result: 3, step: null });
  });

  it('a step policy names the step the breach fell in: 85 − 60 = 25 lies in [20, +∞) → +3', () => {
    const cpu = new MetricSeries();
    feedMinutes(cpu, [85]);
    const p = new StepPolicy({
      metric: 'CPUUtilization',
      alarm: { threshold: 60, comparison: '>' },
      steps: [
        { lowerBound: 0, upperBound: 20, scalingAdjustment: 1 },
        { lowerBound: 20, scalingAdjustment: 3 },
      ],
    });
    const d = p.evaluate(context(MIN, { current: 4, desired: 4 }, { CPUUtilization: cpu }));
    expect(d?.desired).toBe(7);
    expect(d?.formula).toEqual({ kind: 'adjustment', base: 4, adjustment: '+3', result: 7, step: '[20, +∞]' });
  });

  it('the event-log sentence puts the alarm, the formula and the change together', () => {
    const words = decisionWords({
      kind: 'scaling',
      policy: 'target CPUUtilization 50',
      from: 4,
      to: 7,
      min: 1,
      max: 20,
      alarm: { metric: 'CPUUtilization', statistic: 'Average', comparison: '>', threshold: 50, periodSec: 60, datapoints: [62.5, 71, 80], breaching: 3, needed: 3 },
      formula: { kind: 'target-tracking', base: 4, metric: 80, target: 50, raw: 6.4, result: 7 },
    });
    expect(words).toBe('target CPUUtilization 50: 3 of 3 one-minute datapoints of CPUUtilization (Average) above 50: 62.5, 71, 80; 3 needed → ALARM; ceil(4 × 80 / 50) = ceil(6.4) = 7; desired 4 → 7');
  });

  it('a result beyond max is said to be clamped', () => {
    const words = decisionWords({ kind: 'scaling', policy: 'p', from: 4, to: 6, min: 1, max: 6, alarm: null, formula: { kind: 'target-tracking', base: 4, metric: 90, target: 50, raw: 7.2, result: 8 } });
    expect(words).toBe('p: ceil(4 × 90 / 50) = ceil(7.2) = 8; desired 4 → 6 (kept within min 1, max 6)');
  });

  it('the HPA within its tolerance keeps the replicas', () => {
    expect(formulaWords({ kind: 'hpa', current: 3, readyPods: 3, utilizationPercent: 55, targetPercent: 50, ratio: 1.1, tolerance: 0.1, withinTolerance: true, replicas: 3, limited: null })).toBe(
      'utilization 55 % / target 50 % = 1.1, within the tolerance 0.9–1.1: replicas stay 3',
    );
  });
});

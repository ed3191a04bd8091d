import { describe, expect, it } from 'vitest';
import * as scaling from '../../../../src/engine/scaling/index.ts';
import { ceilCapacity, clampCapacity, formatMetric, largestDecision } from '../../../../src/engine/scaling/policy.ts';

describe('the policy interface', () => {
  it('clamps capacity into [min, max]', () => {
    expect([clampCapacity(0, 1, 4), clampCapacity(3, 1, 4), clampCapacity(9, 1, 4)]).toEqual([1, 3, 4]);
  });

  it('rounds a need up, but a whole need with floating-point dust stays whole (target tracking: 2 × 75 % / 50 %)', () => {
    // the mean of a second-by-second CPU series: 75 % can come out as 75.000000000005
    const dusty = (2 * 75.000000000005) / 50;
    expect(Math.ceil(dusty)).toBe(4);
    expect(ceilCapacity(dusty)).toBe(3);
    expect([ceilCapacity(3), ceilCapacity(3.01), ceilCapacity(0.2)]).toEqual([3, 4, 1]);
  });

  it('among simultaneous decisions, the largest capacity wins', () => {
    const a = { desired: 5, reason: 'a' };
    const b = { desired: 7, reason: 'b' };
    expect(largestDecision([null, a, b, { desired: 7, reason: 'c' }])).toBe(b);
    expect(largestDecision([null])).toBeNull();
  });

  it('formats metric values for reasons', () => {
    expect([formatMetric(82.3333), formatMetric(50), formatMetric(null)]).toEqual(['82.33', '50', 'no data']);
  });

  it('every policy implements it: kind, name, evaluate and nextEvaluationMs', () => {
    const policies: scaling.ScalingPolicy[] = [
      new scaling.SimplePolicy({ metric: 'CPUUtilization', alarm: { threshold: 70, comparison: '>' }, scalingAdjustment: 1 }),
      new scaling.StepPolicy({ metric: 'CPUUtilization', alarm: { threshold: 70, comparison: '>' }, steps: [{ lowerBound: 0, scalingAdjustment: 1 }] }),
      new scaling.TargetTrackingPolicy({ metric: 'CPUUtilization', targetValue: 50 }),
      new scaling.ScheduledPolicy({ actions: [{ recurrence: '0 18 * * *', desired: 4 }] }),
      new scaling.PredictivePolicy({ metric: 'RequestRate', targetPerInstance: 100 }),
      ...scaling.beanstalkPolicies(),
      new scaling.HpaPolicy(),
    ];
    expect(policies.map((p) => p.kind)).toEqual(['simple', 'step', 'target-tracking', 'scheduled', 'predictive', 'simple', 'simple', 'hpa']);
    const ctx = { nowMs: 0, current: 2, desired: 2, min: 1, max: 10 };
    for (const p of policies) {
      expect(p.evaluate(ctx)).toBeNull();
      expect(p.nextEvaluationMs(0)).toBeGreaterThan(0);
    }
  });
});

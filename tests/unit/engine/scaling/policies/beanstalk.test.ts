import { describe, expect, it } from 'vitest';
import { MetricSeries } from '../../../../../src/engine/scaling/metrics-pipeline.ts';
import {
  BEANSTALK_ASG_DEFAULTS,
  BEANSTALK_TRIGGER_DEFAULTS,
  beanstalkPolicies,
  normalizeTrigger,
} from '../../../../../src/engine/scaling/policies/beanstalk.ts';
import { MIN, context, feed } from '../support.ts';

describe('Elastic Beanstalk triggers', () => {
  it('has the documented aws:autoscaling:trigger and asg defaults', () => {
    expect(BEANSTALK_TRIGGER_DEFAULTS).toEqual({
      measureName: 'NetworkOut',
      statistic: 'Average',
      unit: 'Bytes',
      periodMinutes: 5,
      evaluationPeriods: 1,
      breachDurationMinutes: 5,
      upperThreshold: 6_000_000,
      upperBreachScaleIncrement: 1,
      lowerThreshold: 2_000_000,
      lowerBreachScaleIncrement: -1,
    });
    expect(BEANSTALK_ASG_DEFAULTS).toEqual({ cooldownSec: 360, minSize: 1, maxSize: 4 });
  });

  it('keeps BreachDuration = Period × EvaluationPeriods', () => {
    expect(normalizeTrigger({ evaluationPeriods: 3 }).breachDurationMinutes).toBe(15);
    expect(normalizeTrigger({ periodMinutes: 1, breachDurationMinutes: 4 }).evaluationPeriods).toBe(4);
    expect(normalizeTrigger({ periodMinutes: 2, breachDurationMinutes: 5 })).toMatchObject({ evaluationPeriods: 3, breachDurationMinutes: 6 });
    expect(normalizeTrigger({ periodMinutes: 2, evaluationPeriods: 2, breachDurationMinutes: 9 }).breachDurationMinutes).toBe(4);
  });

  it('becomes two simple policies with five-minute alarms and a 360 s cooldown', () => {
    const [upper, lower] = beanstalkPolicies();
    expect(upper.config).toMatchObject({ metric: 'NetworkOut', scalingAdjustment: 1, cooldownSec: 360 });
    expect(upper.config.alarm).toEqual({ periodSec: 300, evaluationPeriods: 1, statistic: 'Average', threshold: 6_000_000, comparison: '>' });
    expect(lower.config.alarm).toMatchObject({ threshold: 2_000_000, comparison: '<' });
    expect(lower.config.scalingAdjustment).toBe(-1);
  });

  it('adds an instance after 5 minutes of average NetworkOut above 6 MB, and removes one below 2 MB', () => {
    const net = new MetricSeries();
    feed(net, 0, 5 * MIN, 7_000_000);
    feed(net, 5 * MIN, 20 * MIN, 1_000_000);
    const [upper, lower] = beanstalkPolicies();
    const at = (t: number, desired: number) => context(t, { current: desired, desired, max: 4 }, { NetworkOut: net });
    expect(upper.evaluate(at(4 * MIN, 1))).toBeNull();
    expect(upper.evaluate(at(5 * MIN, 1))?.desired).toBe(2);
    expect(lower.evaluate(at(5 * MIN, 2))).toBeNull();
    expect(lower.evaluate(at(10 * MIN, 2))?.desired).toBe(1);
    expect(lower.evaluate(at(15 * MIN, 1))).toBeNull();
  });
});

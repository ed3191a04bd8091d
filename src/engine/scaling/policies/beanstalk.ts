/**
 * Elastic Beanstalk's `aws:autoscaling:trigger` namespace (real-systems §6.9) as a preset: two simple
 * scaling policies on one metric, an upper alarm (> UpperThreshold → add) and a lower one
 * (< LowerThreshold → remove), both over Period × EvaluationPeriods = BreachDuration, with the
 * `aws:autoscaling:asg` Cooldown of 360 s. Our rule for inconsistent settings: a BreachDuration given
 * without EvaluationPeriods sets EvaluationPeriods = ceil(BreachDuration / Period); otherwise
 * BreachDuration is recomputed from the other two.
 */
import type { Statistic } from '../metrics-pipeline.ts';
import { SimplePolicy } from './simple.ts';

export interface BeanstalkTrigger {
  readonly measureName: string;
  readonly statistic: Statistic;
  readonly unit: string;
  readonly periodMinutes: number;
  readonly evaluationPeriods: number;
  readonly breachDurationMinutes: number;
  readonly upperThreshold: number;
  readonly upperBreachScaleIncrement: number;
  readonly lowerThreshold: number;
  readonly lowerBreachScaleIncrement: number;
}

/** The documented defaults: scale on average NetworkOut per instance above 6 MB or below 2 MB over 5 min. */
export const BEANSTALK_TRIGGER_DEFAULTS: BeanstalkTrigger = {
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
};

/** `aws:autoscaling:asg` defaults that go with the trigger. */
export const BEANSTALK_ASG_DEFAULTS = { cooldownSec: 360, minSize: 1, maxSize: 4 } as const;

/** The trigger with defaults filled in and BreachDuration = Period × EvaluationPeriods enforced. */
export function normalizeTrigger(options: Partial<BeanstalkTrigger> = {}): BeanstalkTrigger {
  const t = { ...BEANSTALK_TRIGGER_DEFAULTS, ...options };
  const period = Math.max(1, t.periodMinutes);
  const evaluationPeriods =
    options.breachDurationMinutes !== undefined && options.evaluationPeriods === undefined
      ? Math.max(1, Math.ceil(options.breachDurationMinutes / period))
      : Math.max(1, t.evaluationPeriods);
  return { ...t, periodMinutes: period, evaluationPeriods, breachDurationMinutes: period * evaluationPeriods };
}

/** The upper (scale-out) and lower (scale-in) simple policies of a Beanstalk environment. */
export function beanstalkPolicies(
  options: Partial<BeanstalkTrigger> = {},
  cooldownSec: number = BEANSTALK_ASG_DEFAULTS.cooldownSec,
): [upper: SimplePolicy, lower: SimplePolicy] {
  const t = normalizeTrigger(options);
  const alarm = { periodSec: t.periodMinutes * 60, evaluationPeriods: t.evaluationPeriods, statistic: t.statistic };
  return [
    new SimplePolicy({
      name: `Beanstalk upper trigger (${t.measureName})`,
      metric: t.measureName,
      alarm: { ...alarm, threshold: t.upperThreshold, comparison: '>' },
      scalingAdjustment: t.upperBreachScaleIncrement,
      cooldownSec,
    }),
    new SimplePolicy({
      name: `Beanstalk lower trigger (${t.measureName})`,
      metric: t.measureName,
      alarm: { ...alarm, threshold: t.lowerThreshold, comparison: '<' },
      scalingAdjustment: t.lowerBreachScaleIncrement,
      cooldownSec,
    }),
  ];
}

/**
 * Elastic Beanstalk's aws:autoscaling:trigger as one policy: the upper and lower simple policies it
 * creates, evaluated together (the larger capacity wins, as with several EC2 policies).
 */
import type { ScalingPolicyConfig } from '../../scenario/schema.ts';
import { beanstalkPolicies, largestDecision, type ScalingContext, type ScalingDecision, type ScalingPolicy } from './index.ts';

type BeanstalkConfig = Extract<ScalingPolicyConfig, { kind: 'beanstalk' }>;

export class BeanstalkPolicyPair implements ScalingPolicy {
  readonly kind = 'simple';
  readonly name = 'Elastic Beanstalk triggers';
  private readonly pair: ScalingPolicy[];

  constructor(cfg: BeanstalkConfig, cooldownSec: number) {
    const { kind: _kind, ...trigger } = cfg;
    this.pair = beanstalkPolicies({ ...trigger, evaluationPeriods: Math.max(1, Math.round(trigger.breachDurationMinutes / trigger.periodMinutes)) }, cooldownSec);
  }

  evaluate(ctx: ScalingContext): ScalingDecision | null {
    return largestDecision(this.pair.map((p) => p.evaluate(ctx)));
  }

  nextEvaluationMs(nowMs: number): number {
    return Math.min(...this.pair.map((p) => p.nextEvaluationMs(nowMs)));
  }
}

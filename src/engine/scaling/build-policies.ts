/** Turns a scaling group's policy settings from the scenario into the pure policy objects of ../scaling. */
import type { ScalingPolicyConfig } from '../../scenario/schema.ts';
import { BeanstalkPolicyPair } from './beanstalk-pair.ts';
import { HpaPolicy, PredictivePolicy, ScheduledPolicy, SimplePolicy, StepPolicy, TargetTrackingPolicy, type ScalingPolicy } from './index.ts';

export function buildPolicies(configs: readonly ScalingPolicyConfig[], groupCooldownSec: number): ScalingPolicy[] {
  const out: ScalingPolicy[] = [];
  for (const p of configs) {
    switch (p.kind) {
      case 'target-tracking':
        out.push(new TargetTrackingPolicy({ metric: p.metric, targetValue: p.targetValue, statistic: p.metric === 'ALBRequestCountPerTarget' ? 'Sum' : 'Average', disableScaleIn: p.disableScaleIn }));
        break;
      case 'step':
        out.push(new StepPolicy({ metric: p.metric, alarm: p.alarm, adjustmentType: p.adjustmentType, steps: p.steps }));
        break;
      case 'simple':
        out.push(new SimplePolicy({ metric: p.metric, alarm: p.alarm, adjustmentType: p.adjustmentType, scalingAdjustment: p.scalingAdjustment, cooldownSec: p.cooldownSec ?? groupCooldownSec }));
        break;
      case 'scheduled':
        out.push(new ScheduledPolicy({ actions: p.actions.map((a) => ({ recurrence: a.recurrence, startMs: (a.atSec ?? 0) * 1000, min: a.min, max: a.max, desired: a.desired })) }));
        break;
      case 'predictive':
        out.push(new PredictivePolicy({ metric: 'RequestCount', targetPerInstance: p.targetRequestsPerInstance, mode: p.mode, schedulingBufferSec: p.schedulingBufferSec }));
        break;
      case 'beanstalk':
        out.push(new BeanstalkPolicyPair(p, groupCooldownSec));
        break;
      case 'hpa':
        out.push(new HpaPolicy({ targetUtilizationPercent: p.targetUtilizationPercent, behavior: p.legacy ? null : {} }));
        break;
    }
  }
  return out;
}

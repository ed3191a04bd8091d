/**
 * EC2 Auto Scaling simple scaling (real-systems §6.2): one alarm, one adjustment. While the alarm is in
 * ALARM the policy acts at each of its evaluations (CloudWatch re-invokes Auto Scaling actions every
 * period), but after acting it waits for the activity to finish and then for the cooldown (default 300 s,
 * the group's DefaultCooldown) counted from the end of the activity. Simplified: the cooldown is per
 * policy, and it starts from the action itself when the engine reports no activity end.
 */
import { Alarm, type AlarmConfig } from '../alarm.ts';
import { applyAdjustment, describeAdjustment, type AdjustmentType } from '../adjustment.ts';
import { clampCapacity, formatMetric, type ScalingContext, type ScalingDecision, type ScalingPolicy } from '../policy.ts';

/** EC2 Auto Scaling's DefaultCooldown. */
export const DEFAULT_COOLDOWN_SEC = 300;

export interface SimplePolicyConfig {
  readonly name?: string;
  /** The metric series the alarm watches, e.g. 'CPUUtilization'. */
  readonly metric: string;
  readonly alarm: AlarmConfig;
  /** Default 'ChangeInCapacity'. */
  readonly adjustmentType?: AdjustmentType;
  /** Instances, a percent or an exact capacity, by adjustment type; negative removes. */
  readonly scalingAdjustment: number;
  /** Floor on |change| for PercentChangeInCapacity. Default 0. */
  readonly minAdjustmentMagnitude?: number;
  /** Default DEFAULT_COOLDOWN_SEC. */
  readonly cooldownSec?: number;
}

export class SimplePolicy implements ScalingPolicy {
  readonly kind = 'simple';
  readonly name: string;
  readonly alarm: Alarm;
  readonly cooldownMs: number;
  private lastActionMs: number | null = null;

  constructor(readonly config: SimplePolicyConfig) {
    this.name = config.name ?? `simple ${config.metric}`;
    this.alarm = new Alarm(config.alarm);
    this.cooldownMs = (config.cooldownSec ?? DEFAULT_COOLDOWN_SEC) * 1000;
  }

  evaluate(ctx: ScalingContext): ScalingDecision | null {
    const series = ctx.metrics?.(this.config.metric);
    if (series === undefined) return null;
    const judgedBefore = this.alarm.lastEvaluatedPeriodEndMs;
    this.alarm.evaluate(ctx.nowMs, series);
    if (this.alarm.lastEvaluatedPeriodEndMs === judgedBefore || this.alarm.state !== 'ALARM') return null;
    if (this.blockedUntilMs(ctx) > ctx.nowMs) return null;
    const type = this.config.adjustmentType ?? 'ChangeInCapacity';
    const raw = applyAdjustment(ctx.current, type, this.config.scalingAdjustment, this.config.minAdjustmentMagnitude);
    const desired = clampCapacity(raw, ctx.min, ctx.max);
    if (desired === ctx.desired) return null;
    this.lastActionMs = ctx.nowMs;
    const { comparison, threshold } = this.config.alarm;
    return {
      desired,
      reason: `${this.name}: ${this.config.metric} ${formatMetric(this.alarm.lastValue)} ${comparison} ${threshold} → ${describeAdjustment(type, this.config.scalingAdjustment)} → desired ${desired}`,
      alarm: this.alarm.numbers(this.config.metric),
      formula: { kind: 'adjustment', base: ctx.current, adjustment: describeAdjustment(type, this.config.scalingAdjustment), result: raw, step: null },
    };
  }

  /**
   * Until when the policy ignores its alarm: Infinity while an activity it waits for is under way,
   * else the end of the cooldown (−Infinity before its first action).
   */
  blockedUntilMs(ctx: Pick<ScalingContext, 'activityInProgress' | 'lastActivityEndMs'>): number {
    if (this.lastActionMs === null) return -Infinity;
    if (ctx.activityInProgress === true) return Infinity;
    const end = ctx.lastActivityEndMs ?? null;
    const start = end !== null && end >= this.lastActionMs ? end : this.lastActionMs;
    return start + this.cooldownMs;
  }

  nextEvaluationMs(nowMs: number): number {
    return this.alarm.nextEvaluationMs(nowMs);
  }
}

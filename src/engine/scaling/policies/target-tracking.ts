/**
 * EC2 Auto Scaling target tracking (real-systems §6.4) as two managed alarms on one-minute datapoints.
 * AWS's internals are [UNVERIFIED]; our choices: AlarmHigh = metric > target, 3 of 3; AlarmLow =
 * metric < 0.9 × target, 15 of 15. Scale-out (fast): desired = ceil(serving × metric / target), serving
 * = the fewest non-warming instances now or at the previous evaluation (the datapoint is last minute's).
 * Scale-in (slow): ceil(current × metric / target), at most max(1, 10 % of current) per action, none
 * while instances warm up, one per 300 s at most (Application Auto Scaling's ScaleInCooldown).
 */
import { Alarm } from '../alarm.ts';
import type { Statistic } from '../metrics-pipeline.ts';
import { ceilCapacity, clampCapacity, formatMetric, type ScalingContext, type ScalingDecision, type ScalingPolicy } from '../policy.ts';

export interface TargetTrackingConfig {
  readonly name?: string;
  /** 'CPUUtilization' (percent) or 'ALBRequestCountPerTarget' (requests per target per minute, Sum). */
  readonly metric: string;
  readonly targetValue: number;
  /** Default 'Average'; use 'Sum' for request counts per minute. */
  readonly statistic?: Statistic;
  /** AWS DisableScaleIn. Default false. */
  readonly disableScaleIn?: boolean;
  /** AlarmHigh's "N of N" one-minute datapoints. Default 3. */
  readonly highDatapoints?: number;
  /** AlarmLow's "N of N". Default 15. */
  readonly lowDatapoints?: number;
  /** AlarmLow threshold = targetValue × this. Default 0.9. */
  readonly lowThresholdRatio?: number;
  /** Largest share of current capacity removed by one scale-in, percent (at least 1 instance). Default 10. */
  readonly scaleInMaxPercent?: number;
  /** Minimum time between two scale-ins. Default 300. */
  readonly scaleInCooldownSec?: number;
}

export class TargetTrackingPolicy implements ScalingPolicy {
  readonly kind = 'target-tracking';
  readonly name: string;
  readonly alarmHigh: Alarm;
  readonly alarmLow: Alarm;
  private lastScaleInMs = -Infinity;
  private servingBefore = Infinity;

  constructor(readonly config: TargetTrackingConfig) {
    this.name = config.name ?? `target ${config.metric} ${config.targetValue}`;
    const statistic = config.statistic ?? 'Average';
    const high = config.highDatapoints ?? 3;
    const low = config.lowDatapoints ?? 15;
    this.alarmHigh = new Alarm({ threshold: config.targetValue, comparison: '>', periodSec: 60, evaluationPeriods: high, statistic });
    const lowThreshold = config.targetValue * (config.lowThresholdRatio ?? 0.9);
    this.alarmLow = new Alarm({ threshold: lowThreshold, comparison: '<', periodSec: 60, evaluationPeriods: low, statistic });
  }

  evaluate(ctx: ScalingContext): ScalingDecision | null {
    const series = ctx.metrics?.(this.config.metric);
    if (series === undefined) return null;
    const judgedBefore = this.alarmHigh.lastEvaluatedPeriodEndMs;
    this.alarmHigh.evaluate(ctx.nowMs, series);
    this.alarmLow.evaluate(ctx.nowMs, series);
    if (this.alarmHigh.lastEvaluatedPeriodEndMs === judgedBefore) return null;
    const serving = ctx.current - (ctx.warming ?? 0);
    const base = Math.min(serving, this.servingBefore);
    this.servingBefore = serving;
    if (this.alarmHigh.state === 'ALARM') return this.scaleOut(ctx, base, this.alarmHigh.lastValue);
    if (this.alarmLow.state === 'ALARM') return this.scaleIn(ctx, this.alarmLow.lastValue);
    return null;
  }

  nextEvaluationMs(nowMs: number): number {
    return this.alarmHigh.nextEvaluationMs(nowMs);
  }

  private scaleOut(ctx: ScalingContext, base: number, value: number | null): ScalingDecision | null {
    if (value === null || base <= 0) return null;
    const raw = (base * value) / this.config.targetValue;
    const desired = clampCapacity(ceilCapacity(raw), ctx.min, ctx.max);
    if (desired <= ctx.desired) return null;
    return {
      desired,
      reason: `${this.name}: ${this.config.metric} ${formatMetric(value)} above target → ceil(${base} × ${formatMetric(value)} / ${this.config.targetValue}) → desired ${desired}`,
      alarm: this.alarmHigh.numbers(this.config.metric),
      formula: { kind: 'target-tracking', base, metric: value, target: this.config.targetValue, raw, result: ceilCapacity(raw) },
    };
  }

  private scaleIn(ctx: ScalingContext, value: number | null): ScalingDecision | null {
    if (value === null || this.config.disableScaleIn === true || (ctx.warming ?? 0) > 0) return null;
    if (ctx.nowMs < this.lastScaleInMs + (this.config.scaleInCooldownSec ?? 300) * 1000) return null;
    const raw = (ctx.current * value) / this.config.targetValue;
    const proposed = ceilCapacity(raw);
    const maxRemoved = Math.max(1, Math.floor((ctx.current * (this.config.scaleInMaxPercent ?? 10)) / 100));
    const desired = clampCapacity(Math.max(proposed, ctx.current - maxRemoved), ctx.min, ctx.max);
    if (desired >= ctx.desired) return null;
    this.lastScaleInMs = ctx.nowMs;
    return {
      desired,
      reason: `${this.name}: ${this.config.metric} ${formatMetric(value)} well below target for ${this.alarmLow.evaluationPeriods} min → remove ${ctx.desired - desired} → desired ${desired}`,
      alarm: this.alarmLow.numbers(this.config.metric),
      formula: { kind: 'target-tracking', base: ctx.current, metric: value, target: this.config.targetValue, raw, result: proposed, maxRemoved },
    };
  }
}

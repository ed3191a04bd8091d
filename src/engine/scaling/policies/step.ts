/**
 * EC2 Auto Scaling step scaling (real-systems §6.3): the size of the breach (metric − threshold) picks a
 * step; above the threshold a step is [lower, upper), below it (lower, upper]. No cooldown: the policy
 * reacts at every alarm evaluation, even during activities. Warm-up: warming instances are not in the
 * metric and the scale-out is computed from the non-warming instances but compared with desired (which
 * counts the warming ones), so repeated breaches within one step give one activity; scale-in waits
 * until no instance is warming. Reproduces ASG-STEP-1.
 */
import { Alarm, type AlarmConfig } from '../alarm.ts';
import { applyAdjustment, describeAdjustment, type AdjustmentType } from '../adjustment.ts';
import { clampCapacity, formatMetric, type ScalingContext, type ScalingDecision, type ScalingPolicy } from '../policy.ts';

/** Bounds are relative to the alarm threshold; null or absent = unbounded (−∞ / +∞). */
export interface StepAdjustment {
  readonly lowerBound?: number | null;
  readonly upperBound?: number | null;
  readonly scalingAdjustment: number;
}

export interface StepPolicyConfig {
  readonly name?: string;
  readonly metric: string;
  /** The side of the threshold follows the comparison: '>'/'>=' steps above it, '<'/'<=' below. */
  readonly alarm: AlarmConfig;
  /** Default 'ChangeInCapacity'. */
  readonly adjustmentType?: AdjustmentType;
  readonly steps: readonly StepAdjustment[];
  readonly minAdjustmentMagnitude?: number;
}

/** The step whose bounds hold `breach` (metric − threshold): [lower, upper) above, (lower, upper] below. */
export function findStep(steps: readonly StepAdjustment[], breach: number, above: boolean): StepAdjustment | null {
  for (const s of steps) {
    const lo = s.lowerBound ?? -Infinity;
    const hi = s.upperBound ?? Infinity;
    if (above ? lo <= breach && breach < hi : lo < breach && breach <= hi) return s;
  }
  return null;
}

/** Why the steps are invalid (overlap, gap, several unbounded ends), or null when they are fine. */
export { stepBoundsError } from '../../../scenario/step-bounds.ts';

export class StepPolicy implements ScalingPolicy {
  readonly kind = 'step';
  readonly name: string;
  readonly alarm: Alarm;
  private readonly above: boolean;

  constructor(readonly config: StepPolicyConfig) {
    this.name = config.name ?? `step ${config.metric}`;
    this.alarm = new Alarm(config.alarm);
    this.above = config.alarm.comparison === '>' || config.alarm.comparison === '>=';
  }

  evaluate(ctx: ScalingContext): ScalingDecision | null {
    const series = ctx.metrics?.(this.config.metric);
    if (series === undefined) return null;
    const judgedBefore = this.alarm.lastEvaluatedPeriodEndMs;
    this.alarm.evaluate(ctx.nowMs, series);
    const value = this.alarm.lastValue;
    if (this.alarm.lastEvaluatedPeriodEndMs === judgedBefore || this.alarm.state !== 'ALARM' || value === null) return null;
    const step = findStep(this.config.steps, value - this.config.alarm.threshold, this.above);
    if (step === null) return null;
    const type = this.config.adjustmentType ?? 'ChangeInCapacity';
    const warming = ctx.warming ?? 0;
    const decide = (base: number): number =>
      clampCapacity(applyAdjustment(base, type, step.scalingAdjustment, this.config.minAdjustmentMagnitude), ctx.min, ctx.max);
    let base = ctx.current - warming;
    let desired = decide(base);
    if (desired <= ctx.desired) {
      const removes = type === 'ExactCapacity' || step.scalingAdjustment < 0;
      base = ctx.current;
      desired = decide(base);
      if (!removes || warming > 0 || desired >= ctx.desired) return null;
    }
    const { threshold } = this.config.alarm;
    const bounds = `[${step.lowerBound ?? '−∞'}, ${step.upperBound ?? '+∞'}]`;
    return {
      desired,
      reason: `${this.name}: ${this.config.metric} ${formatMetric(value)} vs ${threshold}, step ${bounds} ${describeAdjustment(type, step.scalingAdjustment)} → desired ${desired}`,
      alarm: this.alarm.numbers(this.config.metric),
      formula: { kind: 'adjustment', base, adjustment: describeAdjustment(type, step.scalingAdjustment), result: applyAdjustment(base, type, step.scalingAdjustment, this.config.minAdjustmentMagnitude), step: bounds },
    };
  }

  nextEvaluationMs(nowMs: number): number {
    return this.alarm.nextEvaluationMs(nowMs);
  }
}

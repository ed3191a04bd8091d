/**
 * The one interface every scaling controller implements, so the engine can drive EC2 Auto Scaling
 * policies (simple, step, target tracking, scheduled, predictive, Beanstalk triggers) and the Kubernetes
 * HPA the same way: call `evaluate` at (or after) `nextEvaluationMs`, apply the decision, repeat.
 * Policies are deterministic objects: they keep their own state (alarms, cooldowns, recommendations)
 * but never read clocks or randomness; all they know arrives in the context.
 */
import type { MetricLookup } from './metrics-pipeline.ts';
import type { PodSample } from './policies/hpa-replicas.ts';
import type { AlarmNumbers, ScalingFormula } from '../decisions.ts';

export type PolicyKind = 'simple' | 'step' | 'target-tracking' | 'scheduled' | 'predictive' | 'hpa';

/** What the group looks like when a policy is evaluated. */
export interface ScalingContext {
  readonly nowMs: number;
  /** Instances that count toward capacity: pending (booting) or in service, not terminating. */
  readonly current: number;
  /** How many of `current` are still booting or inside their warm-up. Default 0. */
  readonly warming?: number;
  readonly desired: number;
  readonly min: number;
  readonly max: number;
  /** A launch or termination activity is under way (simple policies wait for it). Default false. */
  readonly activityInProgress?: boolean;
  /** When the last launch/termination activity finished (draining included); null if none. */
  readonly lastActivityEndMs?: number | null;
  /** The group's metric series by name (fed by the engine); alarm-based policies need it. */
  readonly metrics?: MetricLookup;
  /** Per-pod CPU samples, for the HPA only. */
  readonly pods?: readonly PodSample[];
}

/**
 * A change to apply. `desired` is already clamped to the (possibly new) [min, max]; `min`/`max` are
 * set only by scheduled actions and by predictive scaling with IncreaseMaxCapacity.
 */
export interface ScalingDecision {
  readonly desired: number;
  readonly min?: number;
  readonly max?: number;
  /** Plain words for the event log, e.g. "AlarmHigh: CPU 82 > 50 → ceil(4 × 82 / 50) = 7". */
  readonly reason: string;
  /** The numbers behind it: the alarm's datapoints and the formula, for the event log's decision. */
  readonly alarm?: AlarmNumbers;
  readonly formula?: ScalingFormula;
}

export interface ScalingPolicy {
  readonly kind: PolicyKind;
  readonly name: string;
  /** A decision, or null for "no change". Calling it more often than nextEvaluationMs is harmless. */
  evaluate(ctx: ScalingContext): ScalingDecision | null;
  /**
   * The next time `evaluate` may decide something new. Ask it right after evaluate(ctx) at the same
   * nowMs; it is then strictly after nowMs.
   */
  nextEvaluationMs(nowMs: number): number;
  /**
   * Capacity this policy holds at `nowMs` whatever the others decide, or 0. Predictive scaling in
   * ForecastAndScale mode holds its forecast for the hour: with several policies the group runs the largest
   * capacity any of them asks for, so a dynamic policy scales in only down to the forecast.
   */
  holds?(nowMs: number): number;
}

/**
 * Capacity for a fractional need, rounded up — but a need that is a whole number, give or take the
 * floating-point error of averaging a metric (2 × 75.000000000005 / 50), stays that number.
 */
export function ceilCapacity(raw: number): number {
  return Math.ceil(raw - 1e-9);
}

/** `value` rounded into [min, max]. */
export function clampCapacity(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * Several policies deciding at the same instant: the largest capacity wins (EC2 Auto Scaling,
 * as-scale-based-on-demand.md). Nulls are ignored; ties keep the first.
 */
export function largestDecision(decisions: readonly (ScalingDecision | null)[]): ScalingDecision | null {
  let best: ScalingDecision | null = null;
  for (const d of decisions) if (d !== null && (best === null || d.desired > best.desired)) best = d;
  return best;
}

/** A metric value for reasons: at most two decimals, e.g. 82.33, 50, 0.5. */
export function formatMetric(value: number | null): string {
  return value === null ? 'no data' : String(Math.round(value * 100) / 100);
}

/**
 * The HPA's scaling behavior (real-systems §7.3, horizontal.go): each sync's recommendation is
 * stabilized — scale-up takes the min of the recommendations in its window (default 0 s), scale-down
 * the max in its window (default 300 s) — then rate-limited by Pods/Percent policies over periodSeconds
 * (Max = most change). Without `behavior` the legacy path applies: max over 300 s for scale-down and a
 * scale-up limit of max(2 × current, 4). Reproduces HPA-RATE-1, the 80 → 72 → 64 doc vector and the
 * stabilization vector.
 */

export interface HpaRatePolicy {
  readonly type: 'Pods' | 'Percent';
  readonly value: number;
  readonly periodSeconds: number;
}

export interface HpaScalingRules {
  readonly stabilizationWindowSeconds: number;
  readonly selectPolicy: 'Max' | 'Min' | 'Disabled';
  readonly policies: readonly HpaRatePolicy[];
}

export interface HpaBehavior {
  readonly scaleUp: HpaScalingRules;
  readonly scaleDown: HpaScalingRules;
}

export const DEFAULT_SCALE_UP: HpaScalingRules = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};

export const DEFAULT_SCALE_DOWN: HpaScalingRules = {
  stabilizationWindowSeconds: 300,
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

/** A behavior with every unset field taken from the defaults (defaults.go). */
export function withDefaults(b: { scaleUp?: Partial<HpaScalingRules>; scaleDown?: Partial<HpaScalingRules> } = {}): HpaBehavior {
  return { scaleUp: { ...DEFAULT_SCALE_UP, ...b.scaleUp }, scaleDown: { ...DEFAULT_SCALE_DOWN, ...b.scaleDown } };
}

/** A rescale the limits remember: when, and how many replicas were added or removed (> 0). */
export interface ScaleEvent {
  readonly atMs: number;
  readonly change: number;
}

function changedInPeriod(periodSeconds: number, events: readonly ScaleEvent[], nowMs: number): number {
  const cutoff = nowMs - periodSeconds * 1000;
  let n = 0;
  for (const e of events) if (e.atMs > cutoff) n += e.change;
  return n;
}

/** calculateScaleUpLimitWithScalingRules: the most replicas the rules allow now. */
export function scaleUpLimit(current: number, up: readonly ScaleEvent[], down: readonly ScaleEvent[], rules: HpaScalingRules, nowMs: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  let result = rules.selectPolicy === 'Min' ? Infinity : -Infinity;
  for (const p of rules.policies) {
    const start = current - changedInPeriod(p.periodSeconds, up, nowMs) + changedInPeriod(p.periodSeconds, down, nowMs);
    const proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    result = rules.selectPolicy === 'Min' ? Math.min(result, proposed) : Math.max(result, proposed);
  }
  return result;
}

/** calculateScaleDownLimitWithBehaviors: the fewest replicas the rules allow now. */
export function scaleDownLimit(current: number, up: readonly ScaleEvent[], down: readonly ScaleEvent[], rules: HpaScalingRules, nowMs: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  let result = rules.selectPolicy === 'Min' ? -Infinity : Infinity;
  for (const p of rules.policies) {
    const start = current - changedInPeriod(p.periodSeconds, up, nowMs) + changedInPeriod(p.periodSeconds, down, nowMs);
    const proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    result = rules.selectPolicy === 'Min' ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return result;
}

/** The controller's memory for one HPA: recommendations and scale events. */
export class HpaNormalizer {
  private recommendations: { value: number; atMs: number }[] = [];
  private up: ScaleEvent[] = [];
  private down: ScaleEvent[] = [];

  /** `behavior` null = the legacy path. `legacyWindowSec` is --horizontal-pod-autoscaler-downscale-stabilization. */
  constructor(
    readonly behavior: HpaBehavior | null,
    readonly legacyWindowSec = 300,
  ) {}

  /** The replicas to scale to, from the calculator's `desired`; records the recommendation. */
  normalize(current: number, desired: number, min: number, max: number, nowMs: number): number {
    const b = this.behavior;
    const recs = this.recommendations;
    if (b === null) {
      const cutoff = nowMs - this.legacyWindowSec * 1000;
      const stabilized = Math.max(desired, ...recs.filter((r) => r.atMs >= cutoff).map((r) => r.value));
      this.remember(desired, nowMs, this.legacyWindowSec);
      return Math.max(min, Math.min(stabilized, max, Math.max(2 * current, 4)));
    }
    const upCutoff = nowMs - b.scaleUp.stabilizationWindowSeconds * 1000;
    const downCutoff = nowMs - b.scaleDown.stabilizationWindowSeconds * 1000;
    const upRec = Math.min(desired, ...recs.filter((r) => r.atMs > upCutoff).map((r) => r.value));
    const downRec = Math.max(desired, ...recs.filter((r) => r.atMs > downCutoff).map((r) => r.value));
    const stabilized = Math.min(Math.max(current, upRec), downRec);
    this.remember(desired, nowMs, Math.max(b.scaleUp.stabilizationWindowSeconds, b.scaleDown.stabilizationWindowSeconds));
    if (stabilized > current) {
      const limit = Math.max(current, scaleUpLimit(current, this.up, this.down, b.scaleUp, nowMs));
      return Math.min(stabilized, max, limit);
    }
    if (stabilized < current) {
      const limit = Math.min(current, scaleDownLimit(current, this.up, this.down, b.scaleDown, nowMs));
      return Math.max(stabilized, min, limit);
    }
    return stabilized;
  }

  /** Records a rescale from `from` to `to` replicas (only the behavior path uses the events). */
  recordScale(from: number, to: number, nowMs: number): void {
    if (this.behavior === null || from === to) return;
    const cutoff = nowMs - 1800 * 1000;
    this.up = this.up.filter((e) => e.atMs > cutoff);
    this.down = this.down.filter((e) => e.atMs > cutoff);
    (to > from ? this.up : this.down).push({ atMs: nowMs, change: Math.abs(to - from) });
  }

  private remember(value: number, nowMs: number, windowSec: number): void {
    const cutoff = nowMs - windowSec * 1000;
    this.recommendations = this.recommendations.filter((r) => r.atMs >= cutoff);
    this.recommendations.push({ value, atMs: nowMs });
  }
}

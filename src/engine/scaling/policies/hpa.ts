/**
 * The Kubernetes Horizontal Pod Autoscaler as an alternative controller (real-systems §7): every sync
 * period (15 s) it computes replicas from the pods' CPU utilization (hpa-replicas.ts), then stabilizes
 * and rate-limits them (hpa-behavior.ts). The group's desired capacity plays the Deployment's
 * spec.replicas and its min/max the HPA's. Without `behavior` the legacy path runs, as in the controller;
 * `behavior: {}` gets the v2 defaults. Simplified: one CPU Resource metric, one tolerance both ways.
 */
import type { ScalingFormula } from '../../decisions.ts';
import { clampCapacity, type ScalingContext, type ScalingDecision, type ScalingPolicy } from '../policy.ts';
import { HpaNormalizer, withDefaults, type HpaScalingRules } from './hpa-behavior.ts';
import { calculateReplicas, type ReplicaCalculation, type ToleranceTest } from './hpa-replicas.ts';

export interface HpaConfig {
  readonly name?: string;
  /** Target average CPU utilization, percent of requests. Default 80 (an HPA with no metrics). */
  readonly targetUtilizationPercent?: number;
  /** Default 0.1. */
  readonly tolerance?: number;
  /** 'inclusive' (current code, default) or 'legacy-abs' (older releases). */
  readonly toleranceTest?: ToleranceTest;
  /** Default 15. */
  readonly syncPeriodSec?: number;
  /** Absent or null = the legacy path; otherwise unset fields take the v2 defaults. */
  readonly behavior?: { readonly scaleUp?: Partial<HpaScalingRules>; readonly scaleDown?: Partial<HpaScalingRules> } | null;
  /** The legacy path's downscale stabilization window, in seconds (default 300). */
  readonly downscaleStabilizationSec?: number;
}

export class HpaPolicy implements ScalingPolicy {
  readonly kind = 'hpa';
  readonly name: string;
  readonly syncMs: number;
  readonly normalizer: HpaNormalizer;
  /** The last replica calculation (utilization for the status line), or null. */
  lastCalculation: ReplicaCalculation | null = null;
  private nextSyncMs = 0;

  constructor(readonly config: HpaConfig = {}) {
    this.name = config.name ?? 'HPA';
    this.syncMs = (config.syncPeriodSec ?? 15) * 1000;
    const behavior = config.behavior == null ? null : withDefaults(config.behavior);
    this.normalizer = new HpaNormalizer(behavior, config.downscaleStabilizationSec ?? 300);
  }

  evaluate(ctx: ScalingContext): ScalingDecision | null {
    if (ctx.nowMs < this.nextSyncMs) return null;
    this.nextSyncMs = this.nextEvaluationMs(ctx.nowMs);
    const current = ctx.desired;
    if (current === 0 && ctx.min !== 0) return null;
    let desired: number;
    let why: string;
    let formula: ScalingFormula | undefined;
    if (current > ctx.max || current < ctx.min) {
      desired = clampCapacity(current, ctx.min, ctx.max);
      why = `replicas ${current} outside [${ctx.min}, ${ctx.max}]`;
    } else {
      const target = this.config.targetUtilizationPercent ?? 80;
      const calc = calculateReplicas(ctx.pods ?? [], current, target, this.config.tolerance ?? 0.1, this.config.toleranceTest ?? 'inclusive');
      this.lastCalculation = calc;
      if (calc === null) return null;
      desired = this.normalizer.normalize(current, calc.replicas, ctx.min, ctx.max, ctx.nowMs);
      why = `CPU ${calc.utilizationPercent} % of requests vs target ${target} % → ${calc.replicas} replicas`;
      if (desired !== calc.replicas) why += `, limited to ${desired} by stabilization and rate limits`;
      const tolerance = this.config.tolerance ?? 0.1;
      formula = { kind: 'hpa', current, readyPods: calc.pods, utilizationPercent: calc.utilizationPercent, targetPercent: target, ratio: calc.usedRatio, tolerance, withinTolerance: calc.withinTolerance, replicas: calc.replicas, limited: desired !== calc.replicas ? desired : null };
    }
    if (desired === current) return null;
    this.normalizer.recordScale(current, desired, ctx.nowMs);
    return formula === undefined ? { desired, reason: `${this.name}: ${why} → desired ${desired}` } : { desired, reason: `${this.name}: ${why} → desired ${desired}`, formula };
  }

  nextEvaluationMs(nowMs: number): number {
    return (Math.floor(nowMs / this.syncMs) + 1) * this.syncMs;
  }
}

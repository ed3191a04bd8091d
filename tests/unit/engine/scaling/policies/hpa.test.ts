import { describe, expect, it } from 'vitest';
import { HpaPolicy } from '../../../../../src/engine/scaling/policies/hpa.ts';
import type { PodSample } from '../../../../../src/engine/scaling/policies/hpa-replicas.ts';
import { context } from '../support.ts';
import { formulaWords } from '../../../../../src/viz/decision-words.ts';

const pods = (n: number, usageMilli: number): PodSample[] => Array.from({ length: n }, () => ({ status: 'ready', usageMilli, requestMilli: 1000 }));

describe('HpaPolicy', () => {
  it('syncs every 15 s and scales to the calculated replicas, rate-limited', () => {
    const hpa = new HpaPolicy({ targetUtilizationPercent: 60, behavior: {} });
    expect(hpa.evaluate(context(0, { desired: 4, min: 1, max: 10, pods: pods(4, 900) }))).toEqual({
      desired: 6,
      reason: 'HPA: CPU 90 % of requests vs target 60 % → 6 replicas → desired 6',
      // 3600m of 4000m requested = 90 %; 90 / 60 = 1.5 is outside 1 ± 0.1; ceil(4 × 1.5) = 6
      formula: { kind: 'hpa', current: 4, readyPods: 4, utilizationPercent: 90, targetPercent: 60, ratio: 1.5, tolerance: 0.1, withinTolerance: false, replicas: 6, limited: null },
    });
    expect(hpa.lastCalculation?.utilizationPercent).toBe(90);
    expect(hpa.evaluate(context(5000, { desired: 6, min: 1, max: 10, pods: pods(6, 900) }))).toBeNull();
    expect(hpa.nextEvaluationMs(0)).toBe(15_000);
  });

  it('says when stabilization or rate limits hold the result back', () => {
    const hpa = new HpaPolicy({ targetUtilizationPercent: 10, behavior: {} });
    expect(hpa.evaluate(context(0, { desired: 2, min: 1, max: 40, pods: pods(2, 1000) }))?.reason).toBe(
      'HPA: CPU 100 % of requests vs target 10 % → 20 replicas, limited to 6 by stabilization and rate limits → desired 6',
    );
  });

  it('words its formula for the event log: ceil(ready × utilization / target), tolerance 0.1', () => {
    const hpa = new HpaPolicy({ targetUtilizationPercent: 10, behavior: {} });
    const d = hpa.evaluate(context(0, { desired: 2, min: 1, max: 40, pods: pods(2, 1000) }));
    // 100 % / 10 % = 10 → ceil(2 × 10) = 20; v2's scale-up limit: max(100 % of 2, 4 pods) per 15 s → 2 + 4 = 6
    expect(d?.formula).toEqual({ kind: 'hpa', current: 2, readyPods: 2, utilizationPercent: 100, targetPercent: 10, ratio: 10, tolerance: 0.1, withinTolerance: false, replicas: 20, limited: 6 });
    expect(formulaWords(d!.formula!)).toBe('utilization 100 % / target 10 % = 10, outside the tolerance ±0.1 → ceil(2 × 10) = 20 replicas, limited to 6 by stabilization and rate limits');
  });

  it('defaults to 80 % CPU and the legacy path', () => {
    const hpa = new HpaPolicy();
    expect(hpa.evaluate(context(0, { desired: 2, min: 1, max: 40, pods: pods(2, 1000) }))?.desired).toBe(3);
    expect(new HpaPolicy().evaluate(context(0, { desired: 2, min: 1, max: 40, pods: pods(2, 2000) }))?.desired).toBe(4);
  });

  it('moves replicas back inside [min, max] without looking at metrics', () => {
    expect(new HpaPolicy().evaluate(context(0, { desired: 12, min: 1, max: 10 }))?.desired).toBe(10);
    expect(new HpaPolicy().evaluate(context(0, { desired: 1, min: 3, max: 10 }))?.desired).toBe(3);
  });

  it('does nothing at 0 replicas with min > 0, or without metrics', () => {
    expect(new HpaPolicy().evaluate(context(0, { desired: 0, min: 1, max: 10, pods: pods(1, 900) }))).toBeNull();
    expect(new HpaPolicy().evaluate(context(0, { desired: 3, min: 1, max: 10, pods: [] }))).toBeNull();
  });
});

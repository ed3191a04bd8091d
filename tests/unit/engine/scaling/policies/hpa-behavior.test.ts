import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCALE_DOWN,
  DEFAULT_SCALE_UP,
  HpaNormalizer,
  scaleDownLimit,
  scaleUpLimit,
  withDefaults,
} from '../../../../../src/engine/scaling/policies/hpa-behavior.ts';

const S = 1000;

/** Runs the normalizer like the controller: normalize, then record the rescale. */
function step(n: HpaNormalizer, current: number, desired: number, nowMs: number, min = 1, max = 100): number {
  const replicas = n.normalize(current, desired, min, max, nowMs);
  n.recordScale(current, replicas, nowMs);
  return replicas;
}

describe('HPA behavior', () => {
  it('has the v2 defaults: up 0 s, Pods 4 and Percent 100 per 15 s, Max; down 300 s, Percent 100 per 15 s', () => {
    expect(DEFAULT_SCALE_UP).toEqual({
      stabilizationWindowSeconds: 0,
      selectPolicy: 'Max',
      policies: [
        { type: 'Pods', value: 4, periodSeconds: 15 },
        { type: 'Percent', value: 100, periodSeconds: 15 },
      ],
    });
    expect(DEFAULT_SCALE_DOWN).toEqual({ stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] });
    expect(withDefaults({ scaleDown: { stabilizationWindowSeconds: 60 } }).scaleDown.policies).toBe(DEFAULT_SCALE_DOWN.policies);
  });

  it('HPA-RATE-1: from 2 toward 20 → 6, then 12 after 15 s, then 20', () => {
    const n = new HpaNormalizer(withDefaults());
    expect(step(n, 2, 20, 0)).toBe(6);
    expect(step(n, 6, 20, 14 * S)).toBe(6);
    expect(step(n, 6, 20, 15 * S)).toBe(12);
    expect(step(n, 12, 20, 30 * S)).toBe(20);
  });

  it('the doc vector: scaleDown Pods 4 and Percent 10 per 60 s (Max) goes 80 → 72 → 64 → … and 4 at a time from 40', () => {
    const n = new HpaNormalizer(
      withDefaults({
        scaleDown: {
          stabilizationWindowSeconds: 0,
          policies: [
            { type: 'Pods', value: 4, periodSeconds: 60 },
            { type: 'Percent', value: 10, periodSeconds: 60 },
          ],
        },
      }),
    );
    const seen = [80];
    for (let k = 0; k < 12; k++) seen.push(step(n, seen[seen.length - 1], 1, k * 60 * S));
    expect(seen).toEqual([80, 72, 64, 57, 51, 45, 40, 36, 32, 28, 24, 20, 16]);
    expect(step(n, 16, 1, 11 * 60 * S + 30 * S)).toBe(16);
  });

  it('the stabilization vector: recommendations 10, 8, 4 within 300 s keep 10 replicas until the 10 ages out', () => {
    const n = new HpaNormalizer(withDefaults());
    const t = 1000 * S;
    expect(step(n, 10, 10, t - 200 * S)).toBe(10);
    expect(step(n, 10, 8, t - 100 * S)).toBe(10);
    expect(step(n, 10, 4, t)).toBe(10);
    expect(step(n, 10, 4, t + 99 * S)).toBe(10);
    expect(step(n, 10, 4, t + 100 * S)).toBe(8);
    expect(step(n, 8, 4, t + 200 * S)).toBe(4);
  });

  it('the legacy path (no behavior) keeps the max over 300 s and limits scale-up to max(2 × current, 4)', () => {
    const n = new HpaNormalizer(null);
    expect(step(n, 2, 20, 0)).toBe(4);
    expect(step(n, 4, 20, 15 * S)).toBe(8);
    expect(step(n, 8, 8, 30 * S)).toBe(16);
    expect(step(n, 16, 8, 315 * S)).toBe(20);
    expect(step(n, 20, 8, 316 * S)).toBe(8);
  });

  it('limits never go past current and follow selectPolicy', () => {
    const rules = DEFAULT_SCALE_UP;
    expect(scaleUpLimit(10, [{ atMs: 0, change: 30 }], [], rules, 5 * S)).toBe(-16);
    expect(scaleUpLimit(10, [], [], { ...rules, selectPolicy: 'Min' }, 0)).toBe(14);
    expect(scaleUpLimit(10, [], [], { ...rules, selectPolicy: 'Disabled' }, 0)).toBe(10);
    expect(scaleDownLimit(10, [], [], { ...DEFAULT_SCALE_DOWN, selectPolicy: 'Disabled' }, 0)).toBe(10);
    const n = new HpaNormalizer(withDefaults());
    n.recordScale(2, 12, 0);
    expect(n.normalize(12, 20, 1, 100, 5 * S)).toBe(12);
  });
});

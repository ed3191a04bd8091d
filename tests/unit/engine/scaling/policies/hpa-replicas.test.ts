import { describe, expect, it } from 'vitest';
import {
  calculateReplicas,
  classifyPod,
  withinTolerance,
  type PodFacts,
  type PodSample,
} from '../../../../../src/engine/scaling/policies/hpa-replicas.ts';

const ready = (n: number, usageMilli: number): PodSample[] => Array.from({ length: n }, () => ({ status: 'ready', usageMilli, requestMilli: 1000 }));
const unready = (n: number): PodSample[] => Array.from({ length: n }, () => ({ status: 'unready', usageMilli: 0, requestMilli: 1000 }));
const missing = (n: number): PodSample[] => Array.from({ length: n }, () => ({ status: 'missing', usageMilli: 0, requestMilli: 1000 }));

describe('HPA replica calculator (vectors A–F, requests 1000m)', () => {
  it('A: 4 ready at 900m, target 60 % → util 90, ratio 1.5 → 6', () => {
    expect(calculateReplicas(ready(4, 900), 4, 60)).toEqual({ replicas: 6, utilizationPercent: 90, ratio: 1.5, pods: 4, usedRatio: 1.5, withinTolerance: false });
  });

  it('B: 4 ready at 650m, target 60 % → ratio 1.083, within tolerance → 4', () => {
    expect(calculateReplicas(ready(4, 650), 4, 60)?.replicas).toBe(4);
  });

  it('C: 4 ready at 700m + 2 unready, target 50 %, current 6 → the damped ratio flips direction → 6', () => {
    const c = calculateReplicas([...ready(4, 700), ...unready(2)], 6, 50);
    // damped: (4 × 700 + 2 × 0) / 6000 = 46 % (floored) / 50 = 0.92, inside [0.9, 1.1]
    expect(c).toEqual({ replicas: 6, utilizationPercent: 70, ratio: 1.4, pods: 6, usedRatio: 0.92, withinTolerance: true });
  });

  it('D: 4 ready at 900m + 2 unready, target 50 %, current 6 → util 60 with unready at 0 → ceil(1.2 × 6) = 8', () => {
    expect(calculateReplicas([...ready(4, 900), ...unready(2)], 6, 50)?.replicas).toBe(8);
  });

  it('E: 4 ready at 200m + 1 missing, target 50 %, current 5 → missing at 100 % → util 36 → 4 (not 2)', () => {
    expect(calculateReplicas([...ready(4, 200), ...missing(1)], 5, 50)?.replicas).toBe(4);
    expect(calculateReplicas(ready(4, 200), 5, 50)?.replicas).toBe(2);
  });

  it('F: 3 ready at 555m, target 50 % → ratio exactly 1.1: current code keeps 3, the older abs() test gives 4', () => {
    expect(calculateReplicas(ready(3, 555), 3, 50)).toEqual({ replicas: 3, utilizationPercent: 55, ratio: 1.1, pods: 3, usedRatio: 1.1, withinTolerance: true });
    expect(calculateReplicas(ready(3, 555), 3, 50, 0.1, 'legacy-abs')?.replicas).toBe(4);
    expect(withinTolerance(1.1)).toBe(true);
    expect(withinTolerance(1.1, 0.1, 'legacy-abs')).toBe(false);
  });

  it('missing pods count as 0 % on a scale-up', () => {
    expect(calculateReplicas([...ready(2, 1000), ...missing(2)], 4, 50)?.replicas).toBe(4);
    expect(calculateReplicas([...ready(2, 1000), ...missing(1)], 3, 50)?.replicas).toBe(4);
  });

  it('gives no answer without a ready pod with metrics', () => {
    expect(calculateReplicas([], 3, 50)).toBeNull();
    expect(calculateReplicas([...unready(2), ...missing(1)], 3, 50)).toBeNull();
  });
});

describe('classifyPod (CPU readiness rules)', () => {
  const pod = (over: Partial<PodFacts>): PodFacts => ({
    phase: 'Running',
    ready: true,
    startMs: 0,
    lastReadyTransitionMs: 10_000,
    sample: { atMs: 100_000, windowMs: 30_000 },
    ...over,
  });

  it('ignores deleting and failed pods; pending ones are unready; no sample is missing', () => {
    expect(classifyPod(pod({ deleting: true }), 100_000)).toBe('ignored');
    expect(classifyPod(pod({ phase: 'Failed' }), 100_000)).toBe('ignored');
    expect(classifyPod(pod({ phase: 'Pending' }), 100_000)).toBe('unready');
    expect(classifyPod(pod({ sample: null }), 100_000)).toBe('missing');
    expect(classifyPod(pod({ ready: null }), 100_000)).toBe('unready');
  });

  it('inside the 5-minute initialization period, a pod counts once ready for a full metric window', () => {
    expect(classifyPod(pod({}), 100_000)).toBe('ready');
    expect(classifyPod(pod({ ready: false }), 100_000)).toBe('unready');
    expect(classifyPod(pod({ lastReadyTransitionMs: 80_000 }), 100_000)).toBe('unready');
  });

  it('after it, only a not-ready pod that never became ready (within 30 s of start) is unready', () => {
    expect(classifyPod(pod({ ready: false, lastReadyTransitionMs: 20_000 }), 400_000)).toBe('unready');
    expect(classifyPod(pod({ ready: false, lastReadyTransitionMs: 200_000 }), 400_000)).toBe('ready');
    expect(classifyPod(pod({ lastReadyTransitionMs: 390_000, sample: { atMs: 395_000, windowMs: 30_000 } }), 400_000)).toBe('ready');
  });
});

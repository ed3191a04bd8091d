import { describe, expect, it } from 'vitest';
import { MetricSeries } from '../../../../../src/engine/scaling/metrics-pipeline.ts';
import type { ScalingContext } from '../../../../../src/engine/scaling/policy.ts';
import { StepPolicy, findStep, stepBoundsError } from '../../../../../src/engine/scaling/policies/step.ts';
import { MIN, context } from '../support.ts';

/** The as-scaling-simple-step.md example: threshold 50 %, ±10 % and ±30 % steps. */
const scaleOut = () =>
  new StepPolicy({
    name: 'out',
    metric: 'CPUUtilization',
    alarm: { threshold: 50, comparison: '>=' },
    adjustmentType: 'PercentChangeInCapacity',
    steps: [
      { lowerBound: 0, upperBound: 10, scalingAdjustment: 0 },
      { lowerBound: 10, upperBound: 20, scalingAdjustment: 10 },
      { lowerBound: 20, upperBound: null, scalingAdjustment: 30 },
    ],
  });
const scaleIn = () =>
  new StepPolicy({
    name: 'in',
    metric: 'CPUUtilization',
    alarm: { threshold: 50, comparison: '<=' },
    adjustmentType: 'PercentChangeInCapacity',
    steps: [
      { lowerBound: -10, upperBound: 0, scalingAdjustment: 0 },
      { lowerBound: -20, upperBound: -10, scalingAdjustment: -10 },
      { lowerBound: null, upperBound: -20, scalingAdjustment: -30 },
    ],
  });

/** Drives both policies minute by minute; each minute's datapoint is `metric`. */
function group() {
  const cpu = new MetricSeries();
  const policies = [scaleOut(), scaleIn()];
  let minute = 0;
  return (metric: number, g: Partial<ScalingContext>): number | null => {
    cpu.add(minute * MIN + 30_000, metric);
    minute++;
    const ctx = context(minute * MIN, { min: 1, max: 30, ...g }, { CPUUtilization: cpu });
    const decisions = policies.map((p) => p.evaluate(ctx)).filter((d) => d !== null);
    return decisions.length === 0 ? null : decisions[0].desired;
  };
}

describe('StepPolicy', () => {
  it('reproduces ASG-STEP-1: 10 → 11 → 14 → 13 → 10', () => {
    const step = group();
    expect(step(45, { current: 10, desired: 10 })).toBeNull();
    expect(step(59.9, { current: 10, desired: 10 })).toBeNull();
    expect(step(60, { current: 10, desired: 10 })).toBe(11);
    expect(step(60, { current: 11, desired: 11, warming: 1 })).toBeNull();
    expect(step(70, { current: 11, desired: 11 })).toBe(14);
    expect(step(40, { current: 14, desired: 14 })).toBe(13);
    expect(step(30, { current: 13, desired: 13 })).toBe(10);
  });

  it('a breach in a higher step during warm-up adds only the difference', () => {
    const step = group();
    expect(step(60, { current: 10, desired: 10 })).toBe(11);
    expect(step(75, { current: 11, desired: 11, warming: 1 })).toBe(13);
  });

  it('scale-in waits until no instance is warming', () => {
    const step = group();
    expect(step(30, { current: 14, desired: 14, warming: 2 })).toBeNull();
    expect(step(30, { current: 14, desired: 14 })).toBe(10);
  });

  it('keeps reacting at every evaluation, with no cooldown', () => {
    const step = group();
    expect(step(60, { current: 10, desired: 10 })).toBe(11);
    expect(step(60, { current: 11, desired: 11 })).toBe(12);
    expect(step(60, { current: 12, desired: 12 })).toBe(13);
  });

  it('bounds are [lower, upper) above the threshold and (lower, upper] below it', () => {
    const out = scaleOut().config.steps;
    const inn = scaleIn().config.steps;
    expect(findStep(out, 10, true)?.scalingAdjustment).toBe(10);
    expect(findStep(out, 9.99, true)?.scalingAdjustment).toBe(0);
    expect(findStep(inn, -9.99, false)?.scalingAdjustment).toBe(0);
    expect(findStep(inn, -10, false)?.scalingAdjustment).toBe(-10);
    expect(findStep(inn, -19.99, false)?.scalingAdjustment).toBe(-10);
    expect(findStep(inn, -20, false)?.scalingAdjustment).toBe(-30);
    expect(findStep(out, -1, true)).toBeNull();
  });

  it('rejects overlapping, gapped or doubly unbounded steps', () => {
    expect(stepBoundsError(scaleOut().config.steps)).toBeNull();
    expect(stepBoundsError(scaleIn().config.steps)).toBeNull();
    expect(stepBoundsError([{ lowerBound: 0, upperBound: 10, scalingAdjustment: 1 }, { lowerBound: 5, scalingAdjustment: 2 }])).toBe('steps overlap at 5');
    expect(stepBoundsError([{ lowerBound: 0, upperBound: 10, scalingAdjustment: 1 }, { lowerBound: 15, scalingAdjustment: 2 }])).toBe('gap between 10 and 15');
    expect(stepBoundsError([{ scalingAdjustment: 1 }, { upperBound: 3, scalingAdjustment: 1 }])).toBe('at most one step may have no lower bound');
    expect(stepBoundsError([])).toBe('a step policy needs at least one step');
  });

  it('says which step fired', () => {
    const step = scaleOut();
    const cpu = new MetricSeries();
    cpu.add(30_000, 72);
    expect(step.evaluate(context(MIN, { current: 10, desired: 10, max: 30 }, { CPUUtilization: cpu }))?.reason).toBe(
      'out: CPUUtilization 72 vs 50, step [20, +∞] +30 % → desired 13',
    );
  });
});

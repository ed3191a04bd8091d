import { describe, expect, it } from 'vitest';
import { distMean, distParams, inverseNormal, quantile } from '../../../../src/engine/core/distributions.ts';
import { Rng } from '../../../../src/engine/core/rng.ts';
import type { Distribution } from '../../../../src/scenario/schema.ts';

function sampleMean(d: Distribution, n = 200_000): number {
  const p = distParams(d);
  const r = new Rng(11, 'd');
  let s = 0;
  for (let i = 0; i < n; i++) s += quantile(p.kind, p.p1, p.p2, r.next());
  return s / n;
}

describe('distributions', () => {
  it('the inverse normal matches known quantiles', () => {
    expect(inverseNormal(0.5)).toBeCloseTo(0, 8);
    expect(inverseNormal(0.99)).toBeCloseTo(2.3263478740408408, 6);
    expect(inverseNormal(0.975)).toBeCloseTo(1.959963984540054, 6);
    expect(inverseNormal(0.001)).toBeCloseTo(-3.090232306167813, 6);
  });

  it('lognormal given by median and p99 has exactly that median and p99', () => {
    const p = distParams({ dist: 'lognormal', medianMs: 120, p99Ms: 600 });
    expect(quantile(p.kind, p.p1, p.p2, 0.5)).toBeCloseTo(120, 6);
    expect(quantile(p.kind, p.p1, p.p2, 0.99)).toBeCloseTo(600, 4);
  });

  it.each<Distribution>([
    { dist: 'constant', valueMs: 7 },
    { dist: 'exponential', meanMs: 50 },
    { dist: 'uniform', minMs: 10, maxMs: 30 },
    { dist: 'lognormal', medianMs: 100, p99Ms: 400 },
  ])('sample mean of %o matches its mean within 1 %', (d) => {
    expect(Math.abs(sampleMean(d) / distMean(d) - 1)).toBeLessThan(0.01);
  });

  it('exponential quantiles follow −mean·ln(1−u)', () => {
    const p = distParams({ dist: 'exponential', meanMs: 10 });
    expect(quantile(p.kind, p.p1, p.p2, 1 - Math.exp(-1))).toBeCloseTo(10, 9);
  });
});

import { describe, expect, it } from 'vitest';
import { LogHistogram } from '../../../../src/engine/metrics/histogram.ts';
import { Rng } from '../../../../src/engine/core/rng.ts';

describe('LogHistogram', () => {
  it('percentiles of 1..10000 ms are within 1 % of the exact ones', () => {
    const h = new LogHistogram(0.01);
    for (let v = 1; v <= 10_000; v++) h.record(v);
    for (const q of [0.5, 0.9, 0.95, 0.99]) expect(Math.abs(h.quantile(q) / (q * 10_000) - 1)).toBeLessThan(0.01);
    expect(h.max).toBe(10_000);
    expect(h.min).toBe(1);
    expect(h.mean()).toBeCloseTo(5000.5, 6);
  });

  it('uses bounded memory and resets cleanly', () => {
    const h = new LogHistogram(0.01);
    const size = h.counts.length;
    for (let i = 0; i < 100_000; i++) h.record((i % 997) * 3.7);
    expect(h.counts.length).toBe(size);
    h.reset();
    expect(h.count).toBe(0);
    expect(h.quantile(0.99)).toBe(0);
    expect(h.counts.every((c) => c === 0)).toBe(true);
  });

  it('clamps values past its range into the last bucket but keeps the exact max', () => {
    const h = new LogHistogram(0.01, 0.001, 1000);
    h.record(5e6);
    expect(h.quantile(0.5)).toBe(5e6);
    expect(h.max).toBe(5e6);
  });

  it('quantilesInto gives what one quantile call per share gives, in one walk', () => {
    const rng = new Rng(3, 'histogram');
    const qs = [0, 0.001, 0.5, 0.5, 0.95, 0.99, 0.999, 1];
    const out = new Float64Array(qs.length);
    for (const size of [0, 1, 2, 7, 45, 100, 5000]) {
      const h = new LogHistogram(0.05);
      // a spread of values over eight decades, a few below the smallest bucket and a few past the range
      for (let i = 0; i < size; i++) h.record(i % 50 === 0 ? 1e-4 : i % 333 === 0 ? 5e9 : 10 ** (8 * rng.next() - 3));
      h.quantilesInto(qs, out);
      expect(Array.from(out)).toEqual(qs.map((q) => h.quantile(q)));
    }
  });
});

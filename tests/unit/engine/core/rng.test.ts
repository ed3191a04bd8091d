import { describe, expect, it } from 'vitest';
import { Rng, createStreams } from '../../../../src/engine/core/rng.ts';

describe('Rng', () => {
  it('gives the same sequence for the same seed and stream', () => {
    const a = new Rng(42, 'arrivals');
    const b = new Rng(42, 'arrivals');
    for (let i = 0; i < 100; i++) expect(a.next()).toBe(b.next());
  });

  it('gives different sequences for different streams of one seed', () => {
    const s = createStreams(1);
    const xs = Array.from({ length: 5 }, () => s.arrivals.next());
    const ys = Array.from({ length: 5 }, () => s.service.next());
    expect(xs).not.toEqual(ys);
  });

  it('draws from one stream do not disturb another', () => {
    const s1 = createStreams(9);
    const s2 = createStreams(9);
    for (let i = 0; i < 1000; i++) s1.balancer.next();
    for (let i = 0; i < 10; i++) expect(s1.arrivals.next()).toBe(s2.arrivals.next());
  });

  it('is uniform on [0, 1): mean, variance and decile counts', () => {
    const r = new Rng(3, 'u');
    const n = 200_000;
    const deciles = new Array(10).fill(0);
    let sum = 0;
    let sq = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = r.next();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
      sq += x * x;
      deciles[Math.floor(x * 10)]++;
    }
    expect(outside).toBe(0);
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sq / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 2);
    for (const d of deciles) expect(Math.abs(d - n / 10)).toBeLessThan(4 * Math.sqrt(n / 10));
  });
});

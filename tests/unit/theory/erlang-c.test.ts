// M/M/c against the table in shared/reference/queueing.md §3.2 (μ = 1), and against the engine itself:
// one target with c slots, Poisson arrivals and exponential service is exactly M/M/c.
import { describe, expect, it } from 'vitest';
import { erlangC, mmc } from '../../../src/theory/erlang-c.ts';
import { createSimulation } from '../../../src/engine/index.ts';
import { checked } from '../engine/support/scenarios.ts';

describe('M/M/c', () => {
  it.each([
    // c, rho, P(wait), W, Wq p99, W p50, W p99 (queueing.md §3.2)
    [1, 0.5, 0.5, 2.0, 7.824, 1.3863, 9.2103],
    [2, 0.8, 0.711111, 2.777778, 10.6606, 2.04, 11.9374],
    [4, 0.9, 0.787753, 2.969383, 10.9165, 2.2545, 12.1932],
    [10, 0.9, 0.668732, 1.668732, 4.2028, 1.3291, 6.2499],
    [50, 0.95, 0.629095, 1.251638, 1.6567, 0.9722, 4.9552],
  ])('c=%i, ρ=%f: Erlang C, mean response and percentiles', (c, rho, pWait, w, wq99, w50, w99) => {
    const m = mmc(c, rho * c, 1)!;
    expect(m.pWait).toBeCloseTo(pWait, 5);
    expect(erlangC(c, rho * c)).toBeCloseTo(pWait, 5);
    expect(m.meanResponse).toBeCloseTo(w, 5);
    expect(m.waitQuantile(0.99)).toBeCloseTo(wq99, 3);
    expect(m.responseQuantile(0.5)).toBeCloseTo(w50, 3);
    expect(m.responseQuantile(0.99)).toBeCloseTo(w99, 3);
    // Little's law is built in: L = λW
    expect(m.l).toBeCloseTo(rho * c * w, 4);
  });

  it('refuses an unstable system', () => {
    expect(mmc(2, 2, 1)).toBeNull();
    expect(erlangC(2, 3)).toBe(1);
  });

  it("the engine matches it: one target with 4 slots at ρ = 0.8 (80,000 requests: mean within 4 %, Little's law within 3 %)", () => {
    const s = checked({
      schemaVersion: 1,
      name: 'mmc',
      seed: 5,
      durationSec: 25_000,
      traffic: { arrival: { kind: 'poisson', ratePerSec: 3.2 }, clients: { count: 1000 } },
      balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'g' }] }],
      targetGroups: [{ id: 'g', algorithm: 'round-robin', requestTimeoutMs: 1e8, targets: [{ id: 't', concurrency: 4, serviceTimeMs: { dist: 'exponential', meanMs: 1000 } }] }],
    });
    let inSystemMs = 0; // the time-integral of the number in the system equals the sum of response times
    const sim = createSimulation(s, { onRequestDone: (r) => (inSystemMs += r.latencyMs) });
    sim.runUntil(25_000 * 1000);
    const m = sim.metrics();
    const theory = mmc(4, 3.2, 1)!; // W = 1.745541 s (queueing.md §3.2)
    expect(Math.abs(m.latencyMs.mean / 1000 / theory.meanResponse - 1)).toBeLessThan(0.04);
    // L = λW: the mean number in the system over the run against the measured rate × measured mean response
    const l = inSystemMs / (25_000 * 1000);
    expect(Math.abs(l / ((m.requests.ok / 25_000) * (m.latencyMs.mean / 1000)) - 1)).toBeLessThan(0.03);
    expect(Math.abs(l / theory.l - 1)).toBeLessThan(0.05);
  });
});

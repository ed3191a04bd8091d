// The engine against closed-form queueing results (shared/reference/queueing.md). Service times are
// exponential with mean 1 s, so response times in seconds are in units of 1/μ, as in the tables.
// Fixed seeds make every run exact; the tolerances are what the run lengths support statistically.
// The network is switched off (no round trips, no balancer processing): the theory is about the queue alone.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import { validateScenario, formatErrors } from '../../../src/scenario/validate.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';
import type { AlgorithmName } from '../../../src/scenario/algorithm-names.ts';
import { LogHistogram } from '../../../src/engine/metrics/histogram.ts';
import { NO_NETWORK } from './support/scenarios.ts';

interface Measured {
  meanSec: number;
  p99Sec: number;
  count: number;
}

/** Runs `servers` targets of `slots` each behind `algorithm` at utilisation rho; measures after a 2 % warm-up. */
function measure(algorithm: AlgorithmName, servers: number, slots: number, rho: number, requests: number, seed = 1): Measured {
  const ratePerSec = rho * servers * slots;
  const durationSec = requests / ratePerSec;
  const doc: ScenarioInput = {
    schemaVersion: 1,
    name: `${algorithm} ${servers}x${slots} rho ${rho}`,
    seed,
    traffic: { arrival: { kind: 'poisson', ratePerSec }, clients: { count: 100_000 } },
    balancers: [{ id: 'lb', processingMs: 0, listeners: [{ port: 80, defaultForward: 'g' }] }],
    network: NO_NETWORK,
    targetGroups: [
      {
        id: 'g',
        algorithm,
        requestTimeoutMs: 1e8,
        targets: Array.from({ length: servers }, (_, i) => ({ id: `t${i}`, concurrency: slots, serviceTimeMs: { dist: 'exponential' as const, meanMs: 1000 } })),
      },
    ],
  };
  const checked = validateScenario(doc);
  if (!checked.ok) throw new Error(formatErrors(checked.errors));
  const warmupMs = durationSec * 1000 * 0.02;
  const h = new LogHistogram(0.005);
  const sim = createSimulation(checked.value, {
    onRequestDone: (r) => {
      if (r.arrivalMs >= warmupMs && r.outcome === 'ok') h.record(r.latencyMs / 1000);
    },
  });
  sim.runUntil(durationSec * 1000);
  return { meanSec: h.mean(), p99Sec: h.quantile(0.99), count: h.count };
}

function within(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual / expected - 1), `got ${actual.toFixed(4)}, expected ${expected} ± ${relative * 100} %`).toBeLessThan(relative);
}

describe('M/M/c: one target with c slots and one FIFO queue', () => {
  it.each([
    // c, rho, W, W p99 (queueing.md §3.2)
    [1, 0.5, 2.0, 9.2103],
    [2, 0.8, 2.777778, 11.9374],
    [4, 0.8, 1.745541, 6.8932],
    [10, 0.9, 1.668732, 6.2499],
  ])('c=%i, ρ=%f: mean response %f and p99 %f', (c, rho, w, p99) => {
    const m = measure('round-robin', 1, c, rho, 600_000);
    within(m.meanSec, w, 0.015);
    within(m.p99Sec, p99, 0.04);
  });
});

describe('uniform random dispatch: each target is M/M/1 at λ/c', () => {
  it('10 single-slot targets at ρ = 0.8 average W = 5 and p99 = 23.03', () => {
    const m = measure('random', 10, 1, 0.8, 1_500_000);
    within(m.meanSec, 5.0, 0.015);
    within(m.p99Sec, 23.0259, 0.04);
  });
});

describe('round robin: each target is an E_c/M/1 queue', () => {
  it.each([
    // c, rho, W, W p99 (queueing.md §3.3)
    [2, 0.8, 3.84398, 17.7022],
    [10, 0.9, 5.660276, 26.0665],
    [50, 0.9, 5.274965, 24.2921],
  ])('c=%i, ρ=%f: W = %f and p99 = %f', (c, rho, w, p99) => {
    const m = measure('round-robin', c, 1, rho, 2_000_000);
    within(m.meanSec, w, 0.015);
    within(m.p99Sec, p99, 0.04);
  });

  it('round robin beats random dispatch at the same load, as the tables say', () => {
    const rr = measure('round-robin', 10, 1, 0.8, 400_000);
    const rnd = measure('random', 10, 1, 0.8, 400_000);
    expect(rr.meanSec).toBeLessThan(rnd.meanSec * 0.7);
  });
});

describe('power of two choices: the supermarket model', () => {
  it('2,000 single-slot targets at λ = 0.9: mean time in system near T₂ = 2.614 (vs 10 for random)', () => {
    const m = measure('power-of-two-choices', 2000, 1, 0.9, 1_500_000);
    // finite N makes tails slightly heavier than the N → ∞ limit: allow an absolute 0.08
    expect(Math.abs(m.meanSec - 2.614057)).toBeLessThan(0.08);
  });

  it('least connections (join the shortest queue) does better still than two choices', () => {
    const p2c = measure('power-of-two-choices', 50, 1, 0.9, 400_000);
    const jsq = measure('least-connections', 50, 1, 0.9, 400_000);
    expect(jsq.meanSec).toBeLessThan(p2c.meanSec);
    // and no better than one central queue (M/M/50 at 0.9: W = 1.0728)
    expect(jsq.meanSec).toBeGreaterThan(1.0728 * 0.99);
  });
});

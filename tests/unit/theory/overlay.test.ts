// The prediction drawn over the charts (theory/overlay.ts, viz/chart-data.ts) equals Erlang C for an
// M/M/c scenario, and the engine's measurements agree with it within a tolerance derived from the run
// itself: the run is cut into B = 20 batches of equal time; batch statistics are nearly independent when
// a batch is long against the queue's memory (here 100 s against a relaxation time of a few seconds), so
// the grand mean's standard error is sd(batch values) / √B, and a 4-standard-error band fails a correct
// engine with probability about 6 × 10⁻⁵ (the seed is fixed, so the outcome is too).
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import { mmc } from '../../../src/theory/erlang-c.ts';
import { networkMsOf, theoryLines } from '../../../src/theory/overlay.ts';
import { latencyChart, utilizationChart } from '../../../src/viz/chart-data.ts';
import { NO_NETWORK, checked } from '../engine/support/scenarios.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';

const BATCHES = 20;
const BATCH_SEC = 100;

function mm4(network: boolean): ScenarioInput {
  // one target, c = 4 slots, λ = 32/s, mean service 100 ms (μ = 10/s a slot): ρ = 32 / 40 = 0.8
  return {
    schemaVersion: 1,
    name: 'M/M/4',
    seed: 11,
    durationSec: BATCHES * BATCH_SEC,
    traffic: { arrival: { kind: 'poisson', ratePerSec: 32 }, clients: { count: 1000 } },
    balancers: [{ id: 'lb', ...(network ? {} : { processingMs: 0 }), listeners: [{ port: 80, defaultForward: 'g' }] }],
    ...(network ? {} : { network: NO_NETWORK }),
    targetGroups: [{ id: 'g', algorithm: 'round-robin', requestTimeoutMs: 1e8, targets: [{ id: 't', concurrency: 4, serviceTimeMs: { dist: 'exponential', meanMs: 100 } }] }],
  } as ScenarioInput;
}

function quantile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** Grand mean and its standard error over the batches. */
function batchMean(values: number[]): { mean: number; se: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, se: Math.sqrt(variance / values.length) };
}

describe('the Erlang C overlay', () => {
  it('draws exactly M/M/c: ρ, and response percentiles plus the network time', () => {
    const s = checked(mm4(true));
    const t = theoryLines(s);
    if (typeof t === 'string') throw new Error(t);
    const p = mmc(4, 0.032, 0.01)!;
    // default layer 7: client round trip 20 + processing 0.5 + same-zone hop 0.3 ms
    expect(networkMsOf(s)).toBeCloseTo(20.8, 12);
    expect(t.rho).toBeCloseTo(0.8, 12);
    expect(t.meanMs).toBeCloseTo(p.meanResponse + 20.8, 9);
    expect(t.p95Ms).toBeCloseTo(p.responseQuantile(0.95) + 20.8, 9);
    // queueing.md §3.2 (c = 4, ρ = 0.8): C = 0.5964, Wq = 0.5964 / (40 − 32) s = 74.55 ms
    expect(t.pWait).toBeCloseTo(0.5964, 4);
    expect(t.meanWaitMs).toBeCloseTo(74.55, 1);
    const series = { startSec: 0, seconds: 3, arrived: new Float64Array(3), ok: new Float64Array(3).fill(1), failed: new Float64Array(3), p50: new Float64Array(3), p95: new Float64Array(3), p99: new Float64Array(3), targetRequests: new Float64Array(3), targetUtilization: new Float64Array(3), targetCount: 1 };
    const latency = latencyChart(series, 60, t);
    expect(Array.from(latency.lines.find((l) => l.key === 'p95-theory')!.values)).toEqual([t.p95Ms, t.p95Ms, t.p95Ms]);
    expect(latency.lines.map((l) => l.key)).toEqual(['p50', 'p95', 'p99', 'p50-theory', 'p95-theory', 'p99-theory']);
    const topology = { targets: [{ id: 't', registered: true }] } as unknown as Parameters<typeof utilizationChart>[1];
    expect(utilizationChart(series, topology, 60, t).lines.find((l) => l.key === 'rho-theory')!.values[0]).toBe(0.8);
    expect(latencyChart(series, 60).lines).toHaveLength(3);
  });

  it('and the engine measures it: mean, p50, p95 and utilisation within 4 standard errors (20 batches of 100 s, 64,000 requests)', () => {
    const s = checked(mm4(false));
    const t = theoryLines(s);
    if (typeof t === 'string') throw new Error(t);
    const batches: number[][] = Array.from({ length: BATCHES }, () => []);
    const sim = createSimulation(s, { onRequestDone: (r) => batches[Math.min(BATCHES - 1, Math.floor(r.arrivalMs / (BATCH_SEC * 1000)))].push(r.latencyMs) });
    sim.runUntil(BATCHES * BATCH_SEC * 1000);
    const series = sim.series();
    const sorted = batches.map((b) => [...b].sort((x, y) => x - y));
    const checks = [
      { name: 'mean', theory: t.meanMs, seMax: 0.025, stat: batchMean(batches.map((b) => b.reduce((a, x) => a + x, 0) / b.length)) },
      { name: 'p50', theory: t.p50Ms, seMax: 0.025, stat: batchMean(sorted.map((b) => quantile(b, 0.5))) },
      { name: 'p95', theory: t.p95Ms, seMax: 0.035, stat: batchMean(sorted.map((b) => quantile(b, 0.95))) },
      {
        name: 'utilisation',
        theory: t.rho,
        seMax: 0.01,
        stat: batchMean(Array.from({ length: BATCHES }, (_, k) => {
          let sum = 0;
          for (let i = k * BATCH_SEC; i < (k + 1) * BATCH_SEC; i++) sum += series.targetUtilization[i];
          return sum / BATCH_SEC;
        })),
      },
    ];
    for (const c of checks) {
      // the band is narrow enough to catch a real error: the mean's 4 standard errors stay under 10 %, so the
      // 20.8 ms of network time (12 % of the mean 174.5 ms) counted by mistake would fail; utilisation's under 4 %
      expect(c.stat.se / c.theory, `${c.name} standard error`).toBeLessThan(c.seMax);
      expect(Math.abs(c.stat.mean - c.theory), `${c.name}: measured ${c.stat.mean} vs Erlang C ${c.theory} (se ${c.stat.se})`).toBeLessThan(4 * c.stat.se);
    }
  });
});

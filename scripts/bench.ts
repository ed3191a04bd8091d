// `npm run bench [-- --json] [-- --only R1-lc]`: times fixed scenarios in Node and prints, for each,
// simulated requests, wall seconds, simulated requests per wall-second, events per second and peak
// heap. Benchmarks are not tests: nothing here asserts on time.
import { performance } from 'node:perf_hooks';
import { createSimulation } from '../src/engine/index.ts';
import { validateScenario, formatErrors } from '../src/scenario/validate.ts';
import type { ScenarioInput } from '../src/scenario/schema.ts';
import type { AlgorithmName } from '../src/scenario/algorithm-names.ts';

interface Bench {
  id: string;
  description: string;
  untilSec: number;
  chunkSec: number;
  scenario: ScenarioInput;
}

/** R1: 50 single-slot targets, exponential service mean 1 s, Poisson 45 req/s (ρ = 0.9). */
function r1(algorithm: AlgorithmName): Bench {
  return {
    id: `R1-${algorithm}`,
    description: `50 single-slot targets, exp(1 s) service, Poisson 45 req/s, 100,000 s, ${algorithm}`,
    untilSec: 100_000,
    chunkSec: 1_000,
    scenario: {
      schemaVersion: 1,
      name: `R1 ${algorithm}`,
      seed: 1,
      traffic: { arrival: { kind: 'poisson', ratePerSec: 45 }, clients: { count: 10_000 } },
      balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
      targetGroups: [
        {
          id: 'web',
          algorithm,
          requestTimeoutMs: 100_000_000,
          targets: Array.from({ length: 50 }, (_, i) => ({ id: `t${i}`, serviceTimeMs: { dist: 'exponential' as const, meanMs: 1000 } })),
        },
      ],
    },
  };
}

/** R2: a large-scale run, 1,000,000 req/s for 10 simulated seconds across 200 targets. */
const r2: Bench = {
  id: 'R2',
  description: '1,000,000 req/s Poisson for 10 s across 200 targets (64 slots, exp(10 ms), ρ ≈ 0.78), power-of-two-choices',
  untilSec: 10,
  chunkSec: 0.5,
  scenario: {
    schemaVersion: 1,
    name: 'R2 large scale',
    seed: 1,
    traffic: { arrival: { kind: 'poisson', ratePerSec: 1_000_000 }, clients: { count: 100_000 } },
    balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
    targetGroups: [
      {
        id: 'web',
        algorithm: 'power-of-two-choices',
        targets: Array.from({ length: 200 }, (_, i) => ({ id: `t${i}`, concurrency: 64, queueLimit: 1024, serviceTimeMs: { dist: 'exponential' as const, meanMs: 10 } })),
      },
    ],
  },
};

const BENCHES: Bench[] = [r1('least-connections'), r1('round-robin'), r2];

interface Result {
  id: string;
  description: string;
  simulatedRequests: number;
  wallSeconds: number;
  simulatedRequestsPerWallSecond: number;
  eventsPerSecond: number;
  peakHeapMB: number;
  p99Ms: number;
}

function run(b: Bench): Result {
  const checked = validateScenario(b.scenario);
  if (!checked.ok) throw new Error(`${b.id}: ${formatErrors(checked.errors)}`);
  const sim = createSimulation(checked.value);
  let peak = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  for (let t = b.chunkSec; t <= b.untilSec + 1e-9; t += b.chunkSec) {
    sim.runUntil(t * 1000);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const wall = (performance.now() - t0) / 1000;
  const m = sim.metrics();
  return {
    id: b.id,
    description: b.description,
    simulatedRequests: m.requests.total,
    wallSeconds: wall,
    simulatedRequestsPerWallSecond: m.requests.total / wall,
    eventsPerSecond: m.events.processed / wall,
    peakHeapMB: peak / 2 ** 20,
    p99Ms: m.latencyMs.p99,
  };
}

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const results: Result[] = [];
for (const b of BENCHES) {
  if (only !== undefined && !b.id.includes(only)) continue;
  const r = run(b);
  results.push(r);
  if (!json) {
    const n = (x: number) => Math.round(x).toLocaleString('en-US');
    console.log(`${r.id.padEnd(22)} ${n(r.simulatedRequests).padStart(11)} req  ${r.wallSeconds.toFixed(2).padStart(7)} s  ${n(r.simulatedRequestsPerWallSecond).padStart(10)} req/s  ${n(r.eventsPerSecond).padStart(11)} events/s  heap ${r.peakHeapMB.toFixed(0).padStart(4)} MB  (p99 ${r.p99Ms.toFixed(0)} ms)`);
  }
}
if (json) console.log(JSON.stringify({ node: process.version, results }, null, 2));

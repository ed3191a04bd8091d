// `npm run bench [-- --json] [-- --only R1-lc]`: times fixed scenarios in Node and prints, for each,
// simulated requests, wall seconds, simulated requests per wall-second, events per second, peak heap and
// how much the heap grew after the first chunk (flat memory: about 0). The floor row is a minimal
// typed-array simulation of R1's model (scripts/bench-floor.ts); R1 least connections is also printed as
// a share of it, measured in the same run. Benchmarks are not tests: nothing here asserts on time.
import { performance } from 'node:perf_hooks';
import { createSimulation } from '../src/engine/index.ts';
import { validateScenario, formatErrors } from '../src/scenario/validate.ts';
import { runFloor } from './bench-floor.ts';
import { BENCHES, type Bench } from './bench-scenarios.ts';

interface Result {
  id: string;
  description: string;
  simulatedRequests: number;
  wallSeconds: number;
  simulatedRequestsPerWallSecond: number;
  eventsPerSecond: number;
  peakHeapMB: number;
  /** Heap after the last chunk minus heap after the first (garbage collected first): flat memory is about 0. */
  heapGrowthMB: number;
  p99Ms: number;
}

function heapAfterGc(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

function run(b: Bench): Result {
  const checked = validateScenario(b.scenario);
  if (!checked.ok) throw new Error(`${b.id}: ${formatErrors(checked.errors)}`);
  const sim = createSimulation(checked.value);
  let peak = process.memoryUsage().heapUsed;
  let firstHeap = NaN;
  let wall = 0;
  for (let t = b.chunkSec; t <= b.untilSec + 1e-9; t += b.chunkSec) {
    const t0 = performance.now();
    sim.runUntil(t * 1000);
    wall += (performance.now() - t0) / 1000;
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    if (Number.isNaN(firstHeap)) firstHeap = heapAfterGc();
  }
  const heapGrowth = heapAfterGc() - firstHeap;
  const m = sim.metrics();
  return {
    id: b.id,
    description: b.description,
    simulatedRequests: m.requests.total,
    wallSeconds: wall,
    simulatedRequestsPerWallSecond: m.requests.total / wall,
    eventsPerSecond: m.events.processed / wall,
    peakHeapMB: peak / 2 ** 20,
    heapGrowthMB: heapGrowth / 2 ** 20,
    p99Ms: m.latencyMs.p99,
  };
}

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const results: Result[] = [];
const n = (x: number) => Math.round(x).toLocaleString('en-US');
for (const b of BENCHES) {
  if (only !== undefined && !b.id.includes(only)) continue;
  const r = run(b);
  results.push(r);
  if (!json) {
    console.log(`${r.id.padEnd(22)} ${n(r.simulatedRequests).padStart(11)} req  ${r.wallSeconds.toFixed(2).padStart(7)} s  ${n(r.simulatedRequestsPerWallSecond).padStart(10)} req/s  ${n(r.eventsPerSecond).padStart(11)} events/s  heap ${r.peakHeapMB.toFixed(0).padStart(4)} MB (+${Math.max(0, r.heapGrowthMB).toFixed(1)} MB)  (p99 ${r.p99Ms.toFixed(0)} ms)`);
  }
}
let floor: { simulatedRequests: number; wallSeconds: number; simulatedRequestsPerWallSecond: number } | null = null;
if (only === undefined || 'floor'.includes(only) || only.includes('R1-least')) {
  const t0 = performance.now();
  const requests = runFloor(100_000);
  const wall = (performance.now() - t0) / 1000;
  floor = { simulatedRequests: requests, wallSeconds: wall, simulatedRequestsPerWallSecond: requests / wall };
  const lc = results.find((r) => r.id === 'R1-least-connections');
  if (!json) {
    const ratio = lc ? `  engine R1-least-connections = ${(lc.simulatedRequestsPerWallSecond / floor.simulatedRequestsPerWallSecond).toFixed(2)} of the floor` : '';
    console.log(`${'floor (R1 model, bare)'.padEnd(22)} ${n(requests).padStart(11)} req  ${wall.toFixed(2).padStart(7)} s  ${n(floor.simulatedRequestsPerWallSecond).padStart(10)} req/s${ratio}`);
  }
}
if (json) console.log(JSON.stringify({ node: process.version, results, floor }, null, 2));

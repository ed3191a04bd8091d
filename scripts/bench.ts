// `npm run bench [-- --json] [-- --only R1-lc]`: times fixed scenarios in Node and prints, for each,
// simulated requests, wall seconds, simulated requests per wall-second and per CPU second of this process
// (user + system: a busy shared machine inflates it far less than wall time), events per second, peak
// heap and how much the heap grew after the first chunk (flat memory: about 0). The floor row is a minimal
// typed-array simulation of R1's model (scripts/bench-floor.ts); R1 least connections is also printed as
// a share of it in CPU time, measured in the same run. Benchmarks are not tests: nothing here asserts on time.
// `--seconds <n>` runs every row (and the floor) for n simulated seconds instead of its own length.
// `npm run bench` first bundles this script with rolldown's minifier, as the app's build compiles the engine into its
// worker (module constants inlined: about 4 % fewer instructions a request than the unbundled source), into
// node_modules/.cache/bench/bench.mjs, and times that: the figures are those of the engine that ships. On a shared,
// busy machine, count instructions instead of timing: run `valgrind --tool=cachegrind --cache-sim=no node
// --predictable --single-threaded node_modules/.cache/bench/bench.mjs --only R1-least --no-floor --seconds <n>` for two
// lengths (e.g. 3000 and 8000; `--no-floor` leaves out the floor, which `--only R1-least` would otherwise run and count
// too; count the floor alone with `--only floor`), and divide the difference of the instruction totals by the
// difference of the requests: start-up and compilation cancel out, and `--predictable` makes the counts repeat to a
// few thousand instructions. docs/performance.md keeps each session's counts.
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
  /** CPU time of this process (user + system) spent inside runUntil: what a shared, busy machine inflates least. */
  cpuSeconds: number;
  simulatedRequestsPerWallSecond: number;
  simulatedRequestsPerCpuSecond: number;
  eventsPerSecond: number;
  peakHeapMB: number;
  /** Heap after the last chunk minus heap after the first (garbage collected first): flat memory is about 0. */
  heapGrowthMB: number;
  p99Ms: number;
}

/** CPU seconds (user + system) this process has used so far. */
function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function heapAfterGc(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

function run(b: Bench): Result {
  const checked = validateScenario(b.scenario);
  if (!checked.ok) throw new Error(`${b.id}: ${formatErrors(checked.errors)}`);
  // the bench draws nothing, like the CLI: no flow records (SimulationOptions.flows)
  const sim = createSimulation(checked.value, { flows: false });
  let peak = process.memoryUsage().heapUsed;
  let firstHeap = NaN;
  let wall = 0;
  let cpu = 0;
  for (let t = b.chunkSec; t <= b.untilSec + 1e-9; t += b.chunkSec) {
    const t0 = performance.now();
    const c0 = cpuNow();
    sim.runUntil(t * 1000);
    cpu += cpuNow() - c0;
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
    cpuSeconds: cpu,
    simulatedRequestsPerWallSecond: m.requests.total / wall,
    simulatedRequestsPerCpuSecond: m.requests.total / cpu,
    eventsPerSecond: m.events.processed / wall,
    peakHeapMB: peak / 2 ** 20,
    heapGrowthMB: heapGrowth / 2 ** 20,
    p99Ms: m.latencyMs.p99,
  };
}

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const noFloor = argv.includes('--no-floor');
const seconds = argv.includes('--seconds') ? Number(argv[argv.indexOf('--seconds') + 1]) : undefined;
if (seconds !== undefined && !(seconds > 0)) throw new Error('--seconds takes a positive number of simulated seconds');
const results: Result[] = [];
const n = (x: number) => Math.round(x).toLocaleString('en-US');
for (const b of BENCHES) {
  if (only !== undefined && !b.id.includes(only)) continue;
  const r = run(seconds === undefined ? b : { ...b, untilSec: seconds, chunkSec: Math.min(b.chunkSec, seconds) });
  results.push(r);
  if (!json) {
    console.log(`${r.id.padEnd(22)} ${n(r.simulatedRequests).padStart(11)} req  ${r.wallSeconds.toFixed(2).padStart(7)} s  ${n(r.simulatedRequestsPerWallSecond).padStart(10)} req/s  ${n(r.simulatedRequestsPerCpuSecond).padStart(10)} req/cpu-s  ${n(r.eventsPerSecond).padStart(11)} events/s  heap ${r.peakHeapMB.toFixed(0).padStart(4)} MB (+${Math.max(0, r.heapGrowthMB).toFixed(1)} MB)  (p99 ${r.p99Ms.toFixed(0)} ms)`);
  }
}
let floor: { simulatedRequests: number; wallSeconds: number; simulatedRequestsPerWallSecond: number; simulatedRequestsPerCpuSecond: number } | null = null;
if (!noFloor && (only === undefined || 'floor'.includes(only) || only.includes('R1-least'))) {
  const t0 = performance.now();
  const c0 = cpuNow();
  const requests = runFloor(seconds ?? 100_000);
  const cpu = cpuNow() - c0;
  const wall = (performance.now() - t0) / 1000;
  floor = { simulatedRequests: requests, wallSeconds: wall, simulatedRequestsPerWallSecond: requests / wall, simulatedRequestsPerCpuSecond: requests / cpu };
  const lc = results.find((r) => r.id === 'R1-least-connections');
  if (!json) {
    const ratio = lc ? `  engine R1-least-connections = ${(lc.simulatedRequestsPerCpuSecond / floor.simulatedRequestsPerCpuSecond).toFixed(2)} of the floor (CPU time)` : '';
    console.log(`${'floor (R1 model, bare)'.padEnd(22)} ${n(requests).padStart(11)} req  ${wall.toFixed(2).padStart(7)} s  ${n(floor.simulatedRequestsPerWallSecond).padStart(10)} req/s  ${n(floor.simulatedRequestsPerCpuSecond).padStart(10)} req/cpu-s${ratio}`);
  }
}
if (json) console.log(JSON.stringify({ node: process.version, results, floor }, null, 2));

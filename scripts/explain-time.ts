// Measures (not a test) how long explaining one request late in a long run takes: the replay runs the
// scenario to that request. `npx tsx scripts/explain-time.ts [bench id] [simulated seconds]`.
import { performance } from 'node:perf_hooks';
import { BENCHES } from './bench-scenarios.ts';
import { createSimulation } from '../src/engine/index.ts';
import { explainRequest } from '../src/engine/explain/index.ts';
import { formatErrors, validateScenario } from '../src/scenario/validate.ts';

const id = process.argv[2] ?? 'R1-least-connections';
const seconds = Number(process.argv[3] ?? 3600);
const bench = BENCHES.find((b) => b.id === id);
if (bench === undefined) throw new Error(`no bench ${id}: ${BENCHES.map((b) => b.id).join(', ')}`);
const checked = validateScenario({ ...bench.scenario, durationSec: seconds });
if (!checked.ok) throw new Error(formatErrors(checked.errors));
const scenario = checked.value;
let t0 = performance.now();
const sim = createSimulation(scenario);
sim.runUntil(seconds * 1000);
const runMs = performance.now() - t0;
const late = sim.metrics().requests.total - 1000;
t0 = performance.now();
const j = explainRequest(scenario, late);
const explainMs = performance.now() - t0;
console.log(`${id}: ${seconds} s simulated (${sim.metrics().requests.total.toLocaleString('en-US')} requests) in ${(runMs / 1000).toFixed(2)} s; explaining request ${late.toLocaleString('en-US')} (arrived at ${(j!.arrivalMs / 1000).toFixed(1)} s, ${j!.steps.length} steps, ${j!.outcome}) took ${(explainMs / 1000).toFixed(2)} s`);

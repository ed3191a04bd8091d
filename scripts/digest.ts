// `npm run digest [-- --write | --check] [-- --only <key>]`: runs every example scenario and every lesson
// world (its scenario with and without its solution, and its scenes) for two seeds, and prints a SHA-256
// digest of each part of the run: every finished request (trace), snapshots every 5 s, the metrics, the
// per-second series, health, scaling, the event log and the topology. An engine change that should not
// change behaviour (a refactor, a speed-up) must leave every digest as it was: `--check` compares with
// scripts/digests.json and names the runs and parts that differ; `--write` records the current ones.
// Fields added to the snapshot and the metrics after digests were first recorded (a target's CPU and its
// held connections) count only where they say more than the older fields (CPU unlike utilisation, any
// connection held), so adding a field changes the digests of the runs it touches and no others.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createSimulation, TARGET_STRIDE, TF } from '../src/engine/index.ts';
import type { Simulation, Snapshot } from '../src/engine/index.ts';
import { loadLessonsFromDir } from '../src/content/node-loader.ts';
import type { TimedChange } from '../src/engine/goals/index.ts';
import { formatErrors, validateScenario } from '../src/scenario/validate.ts';
import type { Change, Scenario } from '../src/scenario/schema.ts';
import { PREVIEW_SCENARIOS } from '../src/preview/scenarios.ts';
import { BENCHES } from './bench-scenarios.ts';

const FILE = 'scripts/digests.json';
const SEEDS = [1, 7];
/** Long worlds are cut here: enough to pass their failures and scaling, short enough to run in seconds. */
const MAX_SEC = 900;

interface World {
  key: string;
  scenario: Scenario;
  changes: readonly TimedChange[];
  untilSec: number;
}

function worlds(): World[] {
  const out: World[] = [];
  for (const name of readdirSync('scenarios').filter((f) => f.endsWith('.json')).sort()) {
    const checked = validateScenario(JSON.parse(readFileSync(`scenarios/${name}`, 'utf8')));
    if (!checked.ok) throw new Error(`scenarios/${name}: ${formatErrors(checked.errors)}`);
    out.push({ key: `scenarios/${name}`, scenario: checked.value, changes: [], untilSec: checked.value.durationSec });
  }
  for (const [name, raw] of Object.entries(PREVIEW_SCENARIOS)) {
    const checked = validateScenario(raw);
    if (!checked.ok) throw new Error(`preview ${name}: ${formatErrors(checked.errors)}`);
    out.push({ key: `preview/${name}`, scenario: checked.value, changes: [], untilSec: checked.value.durationSec });
  }
  out.push(liveChanges());
  // the bench's worlds in short: least connections and round robin at ρ = 0.9, and 1 M req/s
  for (const b of BENCHES) {
    const checked = validateScenario(b.scenario);
    if (!checked.ok) throw new Error(`bench ${b.id}: ${formatErrors(checked.errors)}`);
    out.push({ key: `bench/${b.id}`, scenario: checked.value, changes: [], untilSec: Math.min(b.untilSec, b.untilSec > 100 ? 2000 : 1) });
  }
  const { lessons, errors } = loadLessonsFromDir('lessons');
  if (errors.length > 0) throw new Error(`lessons/ has problems: ${errors.map((e) => e.message).join('; ')}`);
  for (const l of lessons) {
    out.push({ key: `lessons/${l.folder}`, scenario: l.scenario, changes: [], untilSec: l.checkSec });
    out.push({ key: `lessons/${l.folder}+solution`, scenario: l.scenario, changes: l.solution, untilSec: l.checkSec });
    for (const [name, scene] of Object.entries(l.scenes)) out.push({ key: `lessons/${l.folder}/scenes/${name}`, scenario: scene, changes: [], untilSec: scene.durationSec });
    // a case's fix (a scene step's own solution), run to the case's check
    for (const s of l.steps) if (s.case !== null && s.scene !== null) out.push({ key: `lessons/${l.folder}/scenes/${s.scene}+solution`, scenario: l.scenes[s.scene], changes: s.case.solution, untilSec: s.case.checkSec });
  }
  return out;
}

/** Three servers with one live change of every target- and group-level kind, so the change path is covered. */
function liveChanges(): World {
  const checked = validateScenario(JSON.parse(readFileSync('scenarios/three-servers.json', 'utf8')));
  if (!checked.ok) throw new Error(formatErrors(checked.errors));
  const at = (sec: number, change: Change): TimedChange => ({ atMs: sec * 1000, change });
  const dist = { dist: 'exponential', meanMs: 300 } as const;
  const changes: TimedChange[] = [
    at(5, { action: 'set-algorithm', group: 'web', algorithm: 'least-connections' }),
    at(8, { action: 'set-weight', target: 'a', weight: 3 }),
    at(10, { action: 'hang', target: 'b' }),
    at(14, { action: 'set-health-check', group: 'web', healthCheck: { preset: 'aws-alb', intervalSec: 5, timeoutSec: 2, healthyThreshold: 2, unhealthyThreshold: 2 } }),
    at(30, { action: 'recover', target: 'b' }),
    at(35, { action: 'set-target-count', group: 'web', count: 5 }),
    at(40, { action: 'slow', target: 'a', factor: 3 }),
    at(45, { action: 'errors', target: 'web-4', share: 0.5 }),
    at(50, { action: 'set-concurrency', target: 'b', concurrency: 8 }),
    at(52, { action: 'set-service-time', target: 'c', serviceTimeMs: dist }),
    at(55, { action: 'set-rate', ratePerSec: 40 }),
    at(60, { action: 'deregister', target: 'a' }),
    at(75, { action: 'set-algorithm', group: 'web', algorithm: 'power-of-two-choices' }),
    at(80, { action: 'register', target: 'a' }),
    at(85, { action: 'set-target-count', group: 'web', count: 2 }),
    at(90, { action: 'brownout', target: 'b', factor: 2, share: 0.2 }),
    at(95, { action: 'break-dependency', target: 'a' }),
    at(100, { action: 'recover', target: 'a' }),
    at(105, { action: 'crash', target: 'b' }),
  ];
  return { key: 'live-changes', scenario: { ...checked.value, events: [] }, changes, untilSec: 120 };
}

type Parts = Record<string, string>;

function digestRun(w: World, seed: number): Parts {
  const hashes: Record<string, ReturnType<typeof createHash>> = {};
  const part = (name: string) => (hashes[name] ??= createHash('sha256'));
  const trace = part('trace');
  // the trace's first six fields, as recorded before class and attempts joined it (tests check those)
  const sim: Simulation = createSimulation({ ...w.scenario, seed }, {
    onRequestDone: (r) => trace.update(JSON.stringify({ id: r.id, arrivalMs: r.arrivalMs, client: r.client, target: r.target, outcome: r.outcome, latencyMs: r.latencyMs })),
  });
  const changes = [...w.changes].sort((a, b) => a.atMs - b.atMs);
  const untilMs = Math.min(w.untilSec, MAX_SEC) * 1000;
  let next = 0;
  for (let t = 0; t <= untilMs; t += 5000) {
    while (next < changes.length && changes[next].atMs <= t) {
      sim.runUntil(changes[next].atMs);
      part('changes').update(JSON.stringify(sim.apply(changes[next].change)));
      next++;
    }
    sim.runUntil(t);
    part('snapshots').update(stable(olderFields(sim.snapshot())));
    sim.drainFlows?.();
  }
  const metrics = sim.metrics();
  for (const t of Object.values(metrics.targets)) if (t.cpu === t.utilization) delete (t as { cpu?: number }).cpu;
  part('metrics').update(stable(metrics));
  part('series').update(stable(sim.series()));
  part('health').update(stable(sim.health()));
  part('scaling').update(stable(sim.scaling()));
  // the event log as recorded before decisions carried their numbers and refusals their codes (the message already words them)
  part('events').update(stable(sim.events(0).map(({ decision: _numbers, refusal: _coded, ...e }) => e)));
  part('topology').update(stable(sim.topology()));
  return Object.fromEntries(Object.entries(hashes).map(([k, h]) => [k, h.digest('hex').slice(0, 16)]));
}

/** Per target, the fields recorded before CPU and connections, then those two where they say more. */
function olderFields(snap: Snapshot): unknown {
  const old = TF.cpu;
  const targets: number[] = [];
  for (let o = 0; o < snap.targets.length; o += TARGET_STRIDE) {
    targets.push(...snap.targets.subarray(o, o + old));
    const cpu = snap.targets[o + TF.cpu];
    const held = snap.targets[o + TF.connections];
    if (cpu !== snap.targets[o + TF.utilization] || held !== 0) targets.push(cpu, held);
  }
  return { ...snap, targets };
}

/** JSON with typed arrays written as arrays, so their contents count. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));
}

const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const current: Record<string, Parts> = {};
for (const w of worlds()) {
  if (only !== undefined && !w.key.includes(only)) continue;
  for (const seed of SEEDS) current[`${w.key} seed ${seed}`] = digestRun(w, seed);
}
if (argv.includes('--write')) {
  // runs keep their place in the file (the order worlds are found in can differ between machines), so a
  // change shows only the digests that changed; with --only, the other runs keep their recorded digests
  const recorded = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, Parts>;
  const all: Record<string, Parts> = {};
  for (const key of Object.keys(recorded)) {
    if (key in current) all[key] = current[key];
    else if (only !== undefined) all[key] = recorded[key];
  }
  Object.assign(all, current);
  writeFileSync(FILE, JSON.stringify(all, null, 1) + '\n');
  console.log(`wrote ${Object.keys(current).length} run digests to ${FILE}`);
} else if (argv.includes('--check')) {
  const recorded = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, Parts>;
  let differ = 0;
  for (const [key, parts] of Object.entries(current)) {
    const before = recorded[key];
    if (before === undefined) {
      console.log(`new      ${key}`);
      continue;
    }
    const changed = Object.keys({ ...before, ...parts }).filter((p) => before[p] !== parts[p]);
    if (changed.length > 0) {
      differ++;
      console.log(`differs  ${key}: ${changed.join(', ')}`);
    }
  }
  console.log(differ === 0 ? `all ${Object.keys(current).length} runs identical` : `${differ} of ${Object.keys(current).length} runs differ`);
  process.exitCode = differ === 0 ? 0 : 1;
} else {
  console.log(JSON.stringify(current, null, 1));
}

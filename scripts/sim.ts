// Headless runner: `npm run --silent sim -- <scenario.json> [--until S] [--seed N] [--set path=value ...]
// [--trace file.jsonl] [--events file.jsonl] [--json] [--explain <request id>]`. The same engine as the browser, run in Node.
// --explain replays the run to that request and prints its journey as one JSON object.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createSimulation } from '../src/engine/index.ts';
import { explainRequest } from '../src/engine/explain/index.ts';
import type { InFlightRecord, MetricsReport, SimEvent, TraceRecord } from '../src/engine/index.ts';
import { parseOverride, setAtPath } from '../src/scenario/overrides.ts';
import { formatErrors, validateScenario } from '../src/scenario/validate.ts';

const USAGE = 'usage: npm run --silent sim -- <scenario.json> [--until <sec>] [--seed <n>] [--set <path>=<value> ...] [--trace <file.jsonl>] [--events <file.jsonl>] [--json] [--explain <request id>]';

function fail(message: string, code = 2): never {
  process.stderr.write(message.endsWith('\n') ? message : message + '\n');
  process.exit(code);
}

interface Args {
  file: string;
  untilSec?: number;
  seed?: number;
  sets: string[];
  trace?: string;
  events?: string;
  json: boolean;
  explain?: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { file: '', sets: [], json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      if (i + 1 >= argv.length) fail(`${a} needs a value\n${USAGE}`);
      return argv[++i];
    };
    if (a === '--json') args.json = true;
    else if (a === '--until') args.untilSec = Number(next());
    else if (a === '--seed') args.seed = Number(next());
    else if (a === '--set') args.sets.push(next());
    else if (a === '--trace') args.trace = next();
    else if (a === '--explain') args.explain = Number(next());
    else if (a === '--events') args.events = next();
    else if (a === '--help' || a === '-h') fail(USAGE, 0);
    else if (a.startsWith('--')) fail(`unknown option ${a}\n${USAGE}`);
    else if (args.file === '') args.file = a;
    else fail(`only one scenario file, got "${args.file}" and "${a}"\n${USAGE}`);
  }
  if (args.file === '') fail(USAGE);
  if (args.untilSec !== undefined && !(args.untilSec > 0 && Number.isFinite(args.untilSec))) fail('--until must be a positive number of seconds');
  if (args.explain !== undefined && !(Number.isInteger(args.explain) && args.explain >= 0)) fail('--explain needs a request id: an integer ≥ 0 (ids count arrivals from 0)');
  if (args.seed !== undefined && !(Number.isInteger(args.seed) && args.seed >= 0 && args.seed <= 0xffffffff)) fail('--seed must be an integer from 0 to 4294967295');
  return args;
}

/** Writes event-log entries as they are made, one JSON line each. */
class EventWriter {
  private readonly fd: number;
  private buffer: string[] = [];

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  add(e: SimEvent): void {
    this.buffer.push(JSON.stringify(e));
    if (this.buffer.length >= 4096) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer.join('\n') + '\n');
    this.buffer = [];
  }
}

/** Writes trace records in arrival (id) order although requests finish out of order. */
class TraceWriter {
  private readonly fd: number;
  private readonly pending = new Map<number, string>();
  private nextId = 0;
  private buffer: string[] = [];

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  add(r: TraceRecord): void {
    this.pending.set(r.id, JSON.stringify(r));
    while (this.pending.has(this.nextId)) {
      this.buffer.push(this.pending.get(this.nextId)!);
      this.pending.delete(this.nextId++);
    }
    if (this.buffer.length >= 4096) this.flush();
  }

  /** Writes the rest in id order, with the requests still in flight at the end (outcome "in-flight"). */
  close(inFlight: readonly InFlightRecord[]): void {
    for (const r of inFlight) this.pending.set(r.id, JSON.stringify(r));
    const ids = [...this.pending.keys()].sort((a, b) => a - b);
    for (const id of ids) this.buffer.push(this.pending.get(id)!);
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer.join('\n') + '\n');
    this.buffer = [];
  }
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function table(m: MetricsReport, name: string, wallSec: number): string {
  const f = (x: number, d = 1) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const lines = [
    `${name}`,
    `simulated ${f(m.simulatedSec)} s in ${f(wallSec, 2)} s wall (${Math.round(m.requests.total / Math.max(wallSec, 1e-9)).toLocaleString('en-US')} simulated req/s)`,
    '',
    `requests  ${m.requests.total}   ok ${m.requests.ok}   failed ${m.requests.failed}   in flight ${m.requests.inFlight}   error rate ${f(m.errorRate * 100, 2)} %`,
    `failures  ${Object.entries(m.failures).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${v}`).join('   ') || 'none'}`,
    `throughput ${f(m.throughputPerSec)} ok/s`,
    `latency ms  mean ${f(m.latencyMs.mean)}  p50 ${f(m.latencyMs.p50)}  p90 ${f(m.latencyMs.p90)}  p95 ${f(m.latencyMs.p95)}  p99 ${f(m.latencyMs.p99)}  max ${f(m.latencyMs.max)}`,
    '',
    `${pad('target', 14)}${pad('requests', 11)}${pad('ok', 10)}${pad('failed', 9)}${pad('mean ms', 10)}utilisation`,
  ];
  for (const [id, t] of Object.entries(m.targets)) {
    lines.push(`${pad(id, 14)}${pad(String(t.requests), 11)}${pad(String(t.ok), 10)}${pad(String(t.failed), 9)}${pad(f(t.meanLatencyMs), 10)}${f(t.utilization * 100)} %`);
  }
  return lines.join('\n');
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (e) {
    fail(`cannot read ${args.file}: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    fail(`${args.file}: (root): not valid JSON: ${(e as Error).message}`, 1);
  }
  for (const s of args.sets) {
    const o = parseOverride(s);
    if (typeof o === 'string') fail(o);
    raw = setAtPath(raw, o.path, o.value);
  }
  if (args.seed !== undefined) raw = setAtPath(raw, ['seed'], args.seed);
  const checked = validateScenario(raw);
  if (!checked.ok) fail(`${args.file}: invalid scenario\n${formatErrors(checked.errors)}`, 1);
  const scenario = checked.value;

  if (args.explain !== undefined) {
    const j = explainRequest(scenario, args.explain, [], (args.untilSec ?? scenario.durationSec) * 1000);
    if (j === null) fail(`request ${args.explain} never arrived in ${args.untilSec ?? scenario.durationSec} s of ${scenario.name}`, 1);
    process.stdout.write(JSON.stringify({ id: j.id, outcome: j.outcome, latencyMs: j.latencyMs, attempts: j.attempts, steps: j.steps }) + '\n');
    return;
  }
  const trace = args.trace ? new TraceWriter(args.trace) : undefined;
  const events = args.events ? new EventWriter(args.events) : undefined;
  const sim = createSimulation(scenario, { flows: false, ...(trace ? { onRequestDone: (r: TraceRecord) => trace.add(r) } : {}), ...(events ? { onEvent: (e: SimEvent) => events.add(e) } : {}) });
  const untilSec = args.untilSec ?? scenario.durationSec;
  const t0 = performance.now();
  sim.runUntil(untilSec * 1000);
  const wallSec = (performance.now() - t0) / 1000;
  const m = sim.metrics();
  trace?.close(sim.inFlight());
  events?.close();
  if (args.json) {
    process.stdout.write(JSON.stringify({ ...m, scenario: scenario.name, seed: scenario.seed, wall: { seconds: wallSec, requestsPerSec: m.requests.total / Math.max(wallSec, 1e-9) } }) + '\n');
  } else {
    process.stdout.write(table(m, scenario.name, wallSec) + '\n');
  }
}

main();

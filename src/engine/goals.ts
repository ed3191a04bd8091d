/**
 * Lesson goals and step conditions, evaluated against a run: plain data in (what the engine reports,
 * plus the scenario and the live changes applied to it), `{ id, label, met, detail }` out. Pure: it
 * reads `metrics()`, `series()`, `health()`, `topology()` and the event log, never the clock, and never
 * `snapshot()` (which would consume the page's flows). Three kinds: metric (numbers over a window of
 * whole seconds), config (what the system is set up to do), event (what happened). Exact semantics:
 * docs/writing-lessons.md. `runGoalCheck` is the "lesson check": a fresh run with the learner's changes.
 */
import type { AlgorithmName } from '../scenario/algorithm-names.ts';
import { resolveHealthCheck, type ResolvedHealthCheck } from '../scenario/health-presets.ts';
import type { Change, HealthCheckInput, Scenario } from '../scenario/schema.ts';
import { createSimulation } from './simulation.ts';
import type { HealthReport, MetricsReport, Series, SimEvent, Simulation, Topology } from './types.ts';

/** A bound on a number: at most and/or at least (both inclusive). */
export interface Bound {
  atMost?: number;
  atLeast?: number;
}

export const METRIC_NAMES = ['errorRate', 'failedRequests', 'okPerSec', 'p50Ms', 'p95Ms', 'p99Ms', 'targetShare', 'targetUtilization', 'maxUtilization'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/**
 * A number measured over a window of whole simulated seconds: the last `windowSec` seconds, or the
 * seconds from `fromSec` up to `toSec` (exclusive; default: up to now); no window = the whole run.
 */
export interface MetricCondition extends Bound {
  kind: 'metric';
  metric: MetricName;
  /** targetShare, targetUtilization: which target. */
  target?: string;
  /** maxUtilization: only this group's targets (default: every target). */
  group?: string;
  windowSec?: number;
  fromSec?: number;
  toSec?: number;
  /** Percentiles over a window: the worst second (default) or the mean of the seconds weighted by their successes. */
  aggregate?: 'worst-second' | 'mean';
}

export type HealthCheckField = 'intervalSec' | 'timeoutSec' | 'healthyThreshold' | 'unhealthyThreshold';

export type ConfigCondition =
  | ({ kind: 'config'; check: 'health-check'; group: string; present?: boolean; protocol?: 'http' | 'tcp' } & Partial<Record<HealthCheckField, Bound>>)
  | { kind: 'config'; check: 'algorithm'; group: string; oneOf: AlgorithmName[] }
  | { kind: 'config'; check: 'weights'; group: string; ratio: Record<string, number>; tolerance?: number }
  | ({ kind: 'config'; check: 'target-count'; group: string } & Bound)
  | { kind: 'config'; check: 'stickiness'; group: string; present?: boolean }
  | { kind: 'config'; check: 'passive-health'; group: string; present?: boolean };

export type EventCondition =
  | { kind: 'event'; event: 'target-failed'; target?: string; detectedWithinSec?: number; maxFailedRequests?: number }
  | { kind: 'event'; event: 'false-removals'; group?: string; atMost?: number }
  | ({ kind: 'event'; event: 'log'; entry: string; subject?: string; fromSec?: number; toSec?: number } & Bound);

/** Something that is true or not about a run: a step's wait-for, a prediction's outcome, a goal's test. */
export type Condition = MetricCondition | ConfigCondition | EventCondition;

/** A lesson goal: a condition with an id and a short label for the learner. */
export type Goal = Condition & { id: string; label: string };

export interface ConditionResult {
  met: boolean;
  /** One sentence on what was measured or found. */
  detail: string;
  /** The measured number, when there is one (metric conditions, counts). */
  value: number | null;
}

export interface GoalResult extends ConditionResult {
  id: string;
  label: string;
}

/** A live change and the simulated time it was applied at (the worker's LoggedChange has this shape). */
export interface TimedChange {
  atMs: number;
  change: Change;
}

/** Everything a condition may read: the run's reports, plus the scenario and the changes applied to it. */
export interface GoalState {
  nowMs: number;
  scenario: Scenario;
  changes: readonly TimedChange[];
  metrics: MetricsReport;
  series: Series;
  health: HealthReport;
  topology: Topology;
  /** The retained event log (the last 2,000 entries). */
  events: readonly SimEvent[];
}

/** Collects a GoalState from a running simulation and the changes applied to it so far. */
export function goalStateOf(sim: Simulation, changes: readonly TimedChange[]): GoalState {
  return { nowMs: sim.nowMs, scenario: sim.scenario, changes, metrics: sim.metrics(), series: sim.series(), health: sim.health(), topology: sim.topology(), events: sim.events(0) };
}

/** Evaluates every goal, in order. */
export function evaluateGoals(goals: readonly Goal[], state: GoalState): GoalResult[] {
  return goals.map((g) => ({ id: g.id, label: g.label, ...evaluateCondition(g, state) }));
}

/** Evaluates one condition (a goal, a wait-for, a prediction's option). */
export function evaluateCondition(c: Condition, state: GoalState): ConditionResult {
  switch (c.kind) {
    case 'metric':
      return metricCondition(c, state);
    case 'config':
      return configCondition(c, state);
    case 'event':
      return eventCondition(c, state);
  }
}

export interface CheckResult {
  results: GoalResult[];
  allMet: boolean;
  /** Changes the engine refused (each changes nothing), by index in the list given. */
  refused: { index: number; reason: string }[];
}

/**
 * The lesson check: runs `scenario` from time 0, applying each change at its time (in time order; equal
 * times keep list order), until `checkSec`, then evaluates the goals. Deterministic: the same inputs
 * give the same results, so it equals evaluating the learner's own run when it reaches `checkSec`.
 */
export function runGoalCheck(scenario: Scenario, goals: readonly Goal[], changes: readonly TimedChange[], checkSec: number): CheckResult {
  const sim = createSimulation(scenario);
  const order = changes.map((c, index) => ({ ...c, index })).sort((a, b) => a.atMs - b.atMs || a.index - b.index);
  const refused: CheckResult['refused'] = [];
  const applied: TimedChange[] = [];
  const endMs = checkSec * 1000;
  for (const c of order) {
    if (c.atMs > endMs) break;
    sim.runUntil(c.atMs);
    const reason = sim.apply(c.change);
    if (reason === null) applied.push({ atMs: c.atMs, change: c.change });
    else refused.push({ index: c.index, reason });
  }
  sim.runUntil(endMs);
  const results = evaluateGoals(goals, goalStateOf(sim, applied));
  return { results, allMet: results.every((r) => r.met), refused };
}

// ---- bounds and formatting ------------------------------------------------------------------------

function within(value: number, b: Bound): boolean {
  if (Number.isNaN(value)) return false;
  return (b.atMost === undefined || value <= b.atMost) && (b.atLeast === undefined || value >= b.atLeast);
}

function describeBound(b: Bound, unit = ''): string {
  const parts: string[] = [];
  if (b.atLeast !== undefined) parts.push(`≥ ${show(b.atLeast, unit)}`);
  if (b.atMost !== undefined) parts.push(`≤ ${show(b.atMost, unit)}`);
  return parts.join(' and ');
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return String(x);
  return Math.abs(x) >= 10 ? x.toFixed(1) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(3);
}

/** Milliseconds as seconds with one decimal, without a trailing .0: 45001 → "45", 1501 → "1.5". */
function secs(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

const result = (met: boolean, detail: string, value: number | null = null): ConditionResult => ({ met, detail, value });

// ---- metric conditions ----------------------------------------------------------------------------

/** How each metric is named and shown: `%` metrics are shares from 0 to 1, shown as percentages. */
const METRIC_WORDS: Record<MetricName, [string, string]> = {
  errorRate: ['error rate', '%'],
  failedRequests: ['failed requests', ''],
  okPerSec: ['successful requests per second', '/s'],
  p50Ms: ['p50 latency', ' ms'],
  p95Ms: ['p95 latency', ' ms'],
  p99Ms: ['p99 latency', ' ms'],
  targetShare: ['share of requests', '%'],
  targetUtilization: ['utilisation', '%'],
  maxUtilization: ['busiest target’s utilisation', '%'],
};

/** A metric's value with its unit: shares as percentages (0.0123 → "1.2 %"). */
function show(x: number, unit: string): string {
  if (unit !== '%') return `${fmt(round(x))}${unit}`;
  const pct = x * 100;
  return `${pct >= 10 || Number.isInteger(pct) ? Math.round(pct * 10) / 10 : pct.toPrecision(2)} %`;
}

/** Series indices [from, to) of the window, or a reason it is not complete yet. */
function windowOf(c: MetricCondition, s: Series): { from: number; to: number; words: string } | { wait: string } {
  const done = s.startSec + s.seconds; // seconds [0, done) are complete
  if (c.windowSec !== undefined) {
    if (done < c.windowSec) return { wait: `needs ${c.windowSec} s of run, has ${done} s` };
    const from = Math.max(done - c.windowSec, s.startSec);
    return { from: from - s.startSec, to: s.seconds, words: `over the last ${c.windowSec} s` };
  }
  const fromSec = c.fromSec ?? 0;
  const toSec = c.toSec ?? done;
  if (c.toSec !== undefined && done < c.toSec) return { wait: `the run has not reached ${c.toSec} s yet` };
  if (toSec <= fromSec) return { wait: `the run has not reached ${fromSec} s yet` };
  if (fromSec < s.startSec) return { wait: `seconds before ${s.startSec} are no longer kept` };
  return { from: fromSec - s.startSec, to: toSec - s.startSec, words: c.toSec === undefined ? `from ${fromSec} s on` : `from ${fromSec} s to ${toSec} s` };
}

function targetIndex(topology: Topology, id: string | undefined): number {
  return id === undefined ? -1 : topology.targets.findIndex((t) => t.id === id);
}

function metricCondition(c: MetricCondition, state: GoalState): ConditionResult {
  const [words, unit] = METRIC_WORDS[c.metric];
  const bound = describeBound(c, unit);
  const wholeRun = c.windowSec === undefined && c.fromSec === undefined && c.toSec === undefined;
  const value = wholeRun ? wholeRunValue(c, state) : windowValue(c, state);
  if (typeof value === 'string') return result(false, value);
  const subject = c.target !== undefined ? `${c.target}'s ${words}` : words;
  const where = wholeRun ? 'over the whole run' : value.words;
  if (Number.isNaN(value.value)) return result(false, `no successful request ${where}, so no ${words}`, null);
  const met = within(value.value, c);
  return result(met, `${subject} ${where}: ${show(value.value, unit)} (goal ${bound})`, value.value);
}

function round(x: number): number {
  return Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 1000) / 1000;
}

function wholeRunValue(c: MetricCondition, state: GoalState): { value: number; words: string } | string {
  const m = state.metrics;
  const v = (value: number) => ({ value, words: '' });
  switch (c.metric) {
    case 'errorRate':
      return v(m.errorRate);
    case 'failedRequests':
      return v(m.requests.failed);
    case 'okPerSec':
      return v(m.throughputPerSec);
    case 'p50Ms':
    case 'p95Ms':
    case 'p99Ms': {
      if (m.requests.ok === 0) return v(NaN);
      return v(m.latencyMs[c.metric === 'p50Ms' ? 'p50' : c.metric === 'p95Ms' ? 'p95' : 'p99']);
    }
    case 'targetShare': {
      const t = state.topology.targets.find((x) => x.id === c.target);
      if (!t) return `no target "${c.target}"`;
      const peers = state.topology.targets.filter((x) => x.group === t.group);
      const total = peers.reduce((n, x) => n + (m.targets[x.id]?.requests ?? 0), 0);
      return v(total === 0 ? 0 : (m.targets[t.id]?.requests ?? 0) / total);
    }
    case 'targetUtilization': {
      const t = m.targets[c.target ?? ''];
      return t ? v(t.utilization) : `no target "${c.target}"`;
    }
    case 'maxUtilization': {
      const ids = state.topology.targets.filter((t) => c.group === undefined || t.group === c.group).map((t) => t.id);
      return v(Math.max(0, ...ids.map((id) => m.targets[id]?.utilization ?? 0)));
    }
  }
}

function windowValue(c: MetricCondition, state: GoalState): { value: number; words: string } | string {
  const s = state.series;
  const w = windowOf(c, s);
  if ('wait' in w) return w.wait;
  const sum = (a: Float64Array, from = w.from, to = w.to) => {
    let x = 0;
    for (let i = from; i < to; i++) x += a[i];
    return x;
  };
  const out = (value: number) => ({ value, words: w.words });
  const n = w.to - w.from;
  switch (c.metric) {
    case 'errorRate': {
      const ok = sum(s.ok);
      const failed = sum(s.failed);
      return out(ok + failed === 0 ? 0 : failed / (ok + failed));
    }
    case 'failedRequests':
      return out(sum(s.failed));
    case 'okPerSec':
      return out(sum(s.ok) / n);
    case 'p50Ms':
    case 'p95Ms':
    case 'p99Ms': {
      const p = c.metric === 'p50Ms' ? s.p50 : c.metric === 'p95Ms' ? s.p95 : s.p99;
      let worst = 0;
      let weighted = 0;
      let ok = 0;
      for (let i = w.from; i < w.to; i++) {
        if (s.ok[i] === 0) continue;
        worst = Math.max(worst, p[i]);
        weighted += p[i] * s.ok[i];
        ok += s.ok[i];
      }
      if (ok === 0) return out(NaN);
      return c.aggregate === 'mean' ? { value: weighted / ok, words: `${w.words} (mean of the seconds)` } : { value: worst, words: `${w.words} (worst second)` };
    }
    case 'targetShare': {
      const ti = targetIndex(state.topology, c.target);
      if (ti < 0) return `no target "${c.target}"`;
      const group = state.topology.targets[ti].group;
      let total = 0;
      state.topology.targets.forEach((t, i) => {
        if (t.group === group && i < s.targetCount) total += sum(s.targetRequests, i * s.seconds + w.from, i * s.seconds + w.to);
      });
      const mine = ti < s.targetCount ? sum(s.targetRequests, ti * s.seconds + w.from, ti * s.seconds + w.to) : 0;
      return out(total === 0 ? 0 : mine / total);
    }
    case 'targetUtilization': {
      const ti = targetIndex(state.topology, c.target);
      if (ti < 0) return `no target "${c.target}"`;
      return out(ti < s.targetCount ? sum(s.targetUtilization, ti * s.seconds + w.from, ti * s.seconds + w.to) / n : 0);
    }
    case 'maxUtilization': {
      let max = 0;
      state.topology.targets.forEach((t, i) => {
        if ((c.group === undefined || t.group === c.group) && i < s.targetCount) max = Math.max(max, sum(s.targetUtilization, i * s.seconds + w.from, i * s.seconds + w.to) / n);
      });
      return out(max);
    }
  }
}

// ---- config conditions ----------------------------------------------------------------------------

/** The group's active health check now: the scenario's, replaced by each set-health-check applied since. */
export function currentHealthCheck(state: GoalState, group: string): ResolvedHealthCheck | null {
  let hc: HealthCheckInput | null | undefined = state.scenario.targetGroups.find((g) => g.id === group)?.healthCheck;
  for (const { change } of state.changes) if (change.action === 'set-health-check' && change.group === group) hc = change.healthCheck;
  return hc ? resolveHealthCheck(hc) : null;
}

/** A target's weight now: the last set-weight applied to it, else its configured weight (1 for targets added later). */
export function currentWeight(state: GoalState, target: string): number {
  let w = state.scenario.targetGroups.flatMap((g) => g.targets).find((t) => t.id === target)?.weight ?? 1;
  for (const { change } of state.changes) if (change.action === 'set-weight' && change.target === target) w = change.weight;
  return w;
}

function configCondition(c: ConfigCondition, state: GoalState): ConditionResult {
  const cfg = state.scenario.targetGroups.find((g) => g.id === c.group);
  if (!cfg) return result(false, `no target group "${c.group}"`);
  switch (c.check) {
    case 'health-check': {
      const hc = currentHealthCheck(state, c.group);
      const want = c.present ?? true;
      if (!want) return result(hc === null, hc === null ? `${c.group} has no active health check` : `${c.group} still has an active health check`);
      if (hc === null) return result(false, `${c.group} has no active health check`);
      const problems: string[] = [];
      if (c.protocol !== undefined && hc.protocol !== c.protocol) problems.push(`protocol is ${hc.protocol}, not ${c.protocol}`);
      for (const f of ['intervalSec', 'timeoutSec', 'healthyThreshold', 'unhealthyThreshold'] as const) {
        const b = c[f];
        if (b && !within(hc[f], b)) problems.push(`${f} is ${fmt(hc[f])} (goal ${describeBound(b)})`);
      }
      const summary = `${hc.protocol} every ${fmt(hc.intervalSec)} s, timeout ${fmt(hc.timeoutSec)} s, healthy after ${hc.healthyThreshold}, unhealthy after ${hc.unhealthyThreshold}`;
      return result(problems.length === 0, problems.length === 0 ? `${c.group} checks ${summary}` : `${c.group}'s health check: ${problems.join('; ')}`);
    }
    case 'algorithm': {
      const now = state.topology.groups.find((g) => g.id === c.group)?.algorithm ?? cfg.algorithm;
      return result(c.oneOf.includes(now), `${c.group} balances with ${now}`);
    }
    case 'weights': {
      const ids = Object.keys(c.ratio);
      const weights = ids.map((id) => currentWeight(state, id));
      const wSum = weights.reduce((a, b) => a + b, 0);
      const rSum = ids.reduce((a, id) => a + c.ratio[id], 0);
      const tolerance = c.tolerance ?? 0.01;
      const worst = wSum === 0 ? 1 : Math.max(...ids.map((id, i) => Math.abs(weights[i] / wSum - c.ratio[id] / rSum)));
      const shown = ids.map((id, i) => `${id} ${fmt(weights[i])}`).join(', ');
      return result(worst <= tolerance, `weights ${shown} (goal ${ids.map((id) => fmt(c.ratio[id])).join(':')})`, worst);
    }
    case 'target-count': {
      const n = state.topology.groups.find((g) => g.id === c.group)?.targets.length ?? 0;
      return result(within(n, c), `${c.group} has ${n} registered target${n === 1 ? '' : 's'} (goal ${describeBound(c)})`, n);
    }
    case 'stickiness': {
      const on = cfg.stickiness !== undefined;
      const want = c.present ?? true;
      return result(on === want, on ? `${c.group} is sticky (${cfg.stickiness!.kind})` : `${c.group} is not sticky`);
    }
    case 'passive-health': {
      const on = cfg.passiveHealth !== undefined;
      const want = c.present ?? true;
      return result(on === want, on ? `${c.group} watches real traffic (${cfg.passiveHealth!.kind})` : `${c.group} has no passive health`);
    }
  }
}

// ---- event conditions -----------------------------------------------------------------------------

function eventCondition(c: EventCondition, state: GoalState): ConditionResult {
  switch (c.event) {
    case 'target-failed':
      return targetFailed(c, state.health);
    case 'false-removals': {
      const ids = state.topology.targets.filter((t) => c.group === undefined || t.group === c.group).map((t) => t.id);
      const n = ids.reduce((x, id) => x + (state.health.targets[id]?.falseRemovals ?? 0), 0);
      const limit = c.atMost ?? 0;
      return result(n <= limit, n === 0 ? 'no healthy target was taken out of rotation' : `${n} healthy target removal${n === 1 ? '' : 's'} (goal ≤ ${limit})`, n);
    }
    case 'log': {
      const from = (c.fromSec ?? 0) * 1000;
      const to = c.toSec === undefined ? Infinity : c.toSec * 1000;
      const n = state.events.filter((e) => e.kind === c.entry && (c.subject === undefined || e.subject === c.subject) && e.timeMs >= from && e.timeMs < to).length;
      const bound: Bound = c.atLeast === undefined && c.atMost === undefined ? { atLeast: 1 } : c;
      const what = `"${c.entry}" entr${n === 1 ? 'y' : 'ies'}${c.subject ? ` for ${c.subject}` : ''}`;
      return result(within(n, bound), `${n} ${what} (goal ${describeBound(bound)})`, n);
    }
  }
}

function targetFailed(c: Extract<EventCondition, { event: 'target-failed' }>, health: HealthReport): ConditionResult {
  const windows = health.windows.filter((w) => c.target === undefined || w.target === c.target);
  if (windows.length === 0) return result(false, c.target ? `${c.target} has not failed` : 'no target has failed');
  const problems: string[] = [];
  for (const w of windows) {
    const at = `${w.target} (failed at ${secs(w.failedAtMs)} s)`;
    if (c.detectedWithinSec !== undefined) {
      if (w.detectMs === null) problems.push(w.endedAtMs === null ? `${at} is still in rotation` : `${at} recovered before anything noticed`);
      else if (w.detectMs > c.detectedWithinSec * 1000) problems.push(`${at} left rotation after ${secs(w.detectMs)} s (goal ≤ ${fmt(c.detectedWithinSec)} s)`);
    }
    if (c.maxFailedRequests !== undefined && w.failedRequests > c.maxFailedRequests) problems.push(`${at} failed ${w.failedRequests} requests in its blind window (goal ≤ ${c.maxFailedRequests})`);
  }
  if (problems.length > 0) return result(false, problems.join('; '), windows[0].detectMs === null ? null : windows[0].detectMs / 1000);
  const w = windows[windows.length - 1];
  const how = w.detectMs === null ? (w.endedAtMs === null ? 'still in rotation' : 'recovered undetected') : `out of rotation after ${secs(w.detectMs)} s (${w.detectedBy})`;
  return result(true, `${w.target} failed at ${secs(w.failedAtMs)} s: ${how}; ${w.failedRequests} requests failed in its blind window`, w.detectMs === null ? null : w.detectMs / 1000);
}

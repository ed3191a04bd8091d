/** Metric goals: a number from the run (whole run, or a window of whole seconds) against a bound. */
import type { Series, Topology } from '../types.ts';
import type { ConditionResult, GoalState, MetricCondition, MetricName } from './types.ts';
import { describeBound, moment, result, show, within } from './format.ts';

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
  connectionSpread: ['spread of open connections (busiest − quietest, ÷ mean)', '%'],
};


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
  if (c.toSec !== undefined && done < c.toSec) return { wait: `the run has not reached ${moment(c.toSec)} yet` };
  if (toSec <= fromSec) return { wait: `the run has not reached ${moment(fromSec)} yet` };
  if (fromSec < s.startSec) return { wait: `seconds before ${s.startSec} are no longer kept` };
  return { from: fromSec - s.startSec, to: toSec - s.startSec, words: c.toSec === undefined ? `from ${moment(fromSec)} on` : `from ${moment(fromSec)} to ${moment(toSec)}` };
}

function targetIndex(topology: Topology, id: string | undefined): number {
  return id === undefined ? -1 : topology.targets.findIndex((t) => t.id === id);
}

export function metricCondition(c: MetricCondition, state: GoalState): ConditionResult {
  const [words, unit] = METRIC_WORDS[c.metric];
  const bound = describeBound(c, unit);
  const wholeRun = c.windowSec === undefined && c.fromSec === undefined && c.toSec === undefined;
  const value = wholeRun ? wholeRunValue(c, state) : windowValue(c, state);
  if (typeof value === 'string') return result(false, value);
  const subject = c.target !== undefined ? `${c.target}'s ${words}` : c.metric === 'connectionSpread' ? `${c.group}'s ${words}` : words;
  const where = c.metric === 'connectionSpread' ? 'now' : wholeRun ? 'over the whole run' : value.words;
  if (Number.isNaN(value.value)) return result(false, `no successful request ${where}, so no ${words}`, null);
  const met = within(value.value, c);
  return result(met, `${subject} ${where}: ${show(value.value, unit)} (goal ${bound})`, value.value);
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
    case 'connectionSpread':
      return connectionSpread(c.group, state);
  }
}

/**
 * How evenly long-lived connections (WebSockets) sit on a group's registered targets at this moment:
 * (most − fewest) ÷ mean of each target's open connections (requests in flight, long-lived ones included:
 * an ALB picks a WebSocket's target once, at the upgrade, and it holds a slot until it closes). 0 is even.
 */
function connectionSpread(group: string | undefined, state: GoalState): { value: number; words: string } | string {
  const ids = state.topology.targets.filter((t) => t.group === group && t.registered).map((t) => t.id);
  if (ids.length === 0) return `no registered target in group "${group}"`;
  const open = ids.map((id) => state.metrics.targets[id]?.inFlight ?? 0);
  const mean = open.reduce((a, b) => a + b, 0) / open.length;
  if (mean === 0) return `no open connection in group "${group}" yet`;
  return { value: (Math.max(...open) - Math.min(...open)) / mean, words: '' };
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
    case 'connectionSpread':
      return 'the spread of open connections is measured now, over no window';
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

// Goal and condition evaluation: exact window arithmetic on hand-made series, and the config and event
// kinds against real runs of small scenarios.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import { evaluateCondition, evaluateGoals, goalStateOf, runGoalCheck, type Condition, type GoalState, type TimedChange } from '../../../src/engine/goals/index.ts';
import type { Change, Scenario } from '../../../src/scenario/schema.ts';
import { describeBound, show } from '../../../src/engine/goals/format.ts';
import { checked, simple } from './support/scenarios.ts';

function runState(scenario: Scenario, untilSec: number, changes: TimedChange[] = []): GoalState {
  const sim = createSimulation(scenario);
  for (const c of changes) {
    sim.runUntil(c.atMs);
    expect(sim.apply(c.change)).toBeNull();
  }
  sim.runUntil(untilSec * 1000);
  return goalStateOf(sim, changes);
}

const at = (sec: number, change: Change): TimedChange => ({ atMs: sec * 1000, change });
const check = (c: Condition, s: GoalState) => evaluateCondition(c, s);

/** A state whose per-second series is exactly what the test writes (two targets, a and b, in group web). */
function withSeries(rows: { ok: number; failed: number; p99: number; a?: number; b?: number; ua?: number; ub?: number }[]): GoalState {
  const base = runState(simple({ targets: 2 }), 1);
  const n = rows.length;
  const col = (f: (r: (typeof rows)[number]) => number) => Float64Array.from(rows, f);
  return {
    ...base,
    series: {
      startSec: 0,
      seconds: n,
      arrived: col((r) => r.ok + r.failed),
      ok: col((r) => r.ok),
      failed: col((r) => r.failed),
      p50: col((r) => r.p99 / 4),
      p95: col((r) => r.p99 / 2),
      p99: col((r) => r.p99),
      targetRequests: Float64Array.from([...rows.map((r) => r.a ?? 0), ...rows.map((r) => r.b ?? 0)]),
      targetUtilization: Float64Array.from([...rows.map((r) => r.ua ?? 0), ...rows.map((r) => r.ub ?? 0)]),
      targetCount: 2,
    },
  };
}

describe('metric conditions over windows of whole seconds', () => {
  const s = withSeries([
    { ok: 10, failed: 0, p99: 100, a: 5, b: 5, ua: 0.2, ub: 0.4 },
    { ok: 10, failed: 10, p99: 900, a: 15, b: 5, ua: 0.6, ub: 0.4 },
    { ok: 30, failed: 0, p99: 200, a: 20, b: 10, ua: 1.0, ub: 0.1 },
    { ok: 0, failed: 5, p99: 0, a: 5, b: 0, ua: 0, ub: 0 },
  ]);

  it('a trailing window covers the last N complete seconds', () => {
    const r = check({ kind: 'metric', metric: 'failedRequests', windowSec: 2, atMost: 5 }, s);
    expect([r.met, r.value]).toEqual([true, 5]);
    expect(check({ kind: 'metric', metric: 'errorRate', windowSec: 3, atMost: 1 }, s).value).toBeCloseTo(15 / 55);
  });

  it('a window longer than the run so far is not met yet', () => {
    const r = check({ kind: 'metric', metric: 'failedRequests', windowSec: 10, atMost: 1000 }, s);
    expect(r).toEqual({ met: false, detail: 'needs 10 s of run, has 4 s', value: null });
  });

  it('an absolute window is [fromSec, toSec), and waits until toSec is reached', () => {
    expect(check({ kind: 'metric', metric: 'failedRequests', fromSec: 1, toSec: 3, atLeast: 10 }, s).value).toBe(10);
    expect(check({ kind: 'metric', metric: 'failedRequests', fromSec: 1, atLeast: 0 }, s).value).toBe(15);
    expect(check({ kind: 'metric', metric: 'failedRequests', fromSec: 1, toSec: 6, atLeast: 0 }, s).met).toBe(false);
  });

  it('percentiles over a window: the worst second, or the mean of the seconds weighted by their successes', () => {
    expect(check({ kind: 'metric', metric: 'p99Ms', fromSec: 0, toSec: 4, atMost: 900 }, s)).toMatchObject({ met: true, value: 900 });
    expect(check({ kind: 'metric', metric: 'p99Ms', fromSec: 0, toSec: 4, aggregate: 'mean', atMost: 300 }, s).value).toBeCloseTo((100 * 10 + 900 * 10 + 200 * 30) / 50);
    expect(check({ kind: 'metric', metric: 'p95Ms', fromSec: 0, toSec: 1, atMost: 50 }, s)).toMatchObject({ met: true, value: 50 });
  });

  it('a latency goal over seconds without a single success is not met', () => {
    expect(check({ kind: 'metric', metric: 'p99Ms', windowSec: 1, atMost: 1e9 }, s)).toMatchObject({ met: false, value: null });
  });

  it('bounds are inclusive', () => {
    expect(check({ kind: 'metric', metric: 'failedRequests', windowSec: 2, atLeast: 5, atMost: 5 }, s).met).toBe(true);
    expect(check({ kind: 'metric', metric: 'failedRequests', windowSec: 2, atMost: 4 }, s).met).toBe(false);
  });

  it('targetShare is a share of the requests sent to the target group; utilisation is averaged over the window', () => {
    expect(check({ kind: 'metric', metric: 'targetShare', target: 'a', fromSec: 0, toSec: 3, atLeast: 0 }, s).value).toBeCloseTo(40 / 60);
    expect(check({ kind: 'metric', metric: 'targetUtilization', target: 'b', fromSec: 0, toSec: 2, atLeast: 0 }, s).value).toBeCloseTo(0.4);
    expect(check({ kind: 'metric', metric: 'maxUtilization', group: 'web', fromSec: 0, toSec: 3, atLeast: 0 }, s).value).toBeCloseTo(0.6);
    expect(check({ kind: 'metric', metric: 'okPerSec', fromSec: 0, toSec: 3, atLeast: 0 }, s).value).toBeCloseTo(50 / 3);
  });

  it('without a window a metric covers the whole run, from the run totals', () => {
    const st = runState(simple({ ratePerSec: 20, targets: 2 }), 30);
    expect(check({ kind: 'metric', metric: 'p99Ms', atMost: 1e9 }, st).value).toBe(st.metrics.latencyMs.p99);
    expect(check({ kind: 'metric', metric: 'failedRequests', atMost: 0 }, st).value).toBe(st.metrics.requests.failed);
    expect(check({ kind: 'metric', metric: 'targetShare', target: 'a', atLeast: 0 }, st).value).toBeCloseTo(st.metrics.targets.a.requests / (st.metrics.targets.a.requests + st.metrics.targets.b.requests));
  });

  it('says what it measured, with units and the goal', () => {
    expect(check({ kind: 'metric', metric: 'errorRate', windowSec: 3, atMost: 0.01 }, s).detail).toBe('error rate over the last 3 s: 27.3 % (goal ≤ 1 %)');
    expect(check({ kind: 'metric', metric: 'p99Ms', windowSec: 3, atMost: 500 }, s).detail).toBe('p99 latency over the last 3 s (worst second): 900 ms (goal ≤ 500 ms)');
  });
});

describe('config conditions read the configuration as changed live', () => {
  const sc = simple({ targets: 3 });

  it('health-check: none configured, then one added live, then removed', () => {
    const hc = { kind: 'config', check: 'health-check', group: 'web' } as const;
    expect(check(hc, runState(sc, 1)).met).toBe(false);
    const added = runState(sc, 5, [at(1, { action: 'set-health-check', group: 'web', healthCheck: { intervalSec: 5, timeoutSec: 2 } })]);
    expect(check(hc, added)).toMatchObject({ met: true, detail: 'web checks http every 5 s, timeout 2 s, healthy after 5, unhealthy after 2' });
    expect(check({ ...hc, intervalSec: { atMost: 10 }, unhealthyThreshold: { atLeast: 3 } }, added)).toMatchObject({
      met: false,
      detail: "web's health check: unhealthyThreshold is 2 (goal ≥ 3)",
    });
    const removed = runState(sc, 5, [at(1, { action: 'set-health-check', group: 'web', healthCheck: {} }), at(2, { action: 'set-health-check', group: 'web', healthCheck: null })]);
    expect(check({ ...hc, present: false }, removed).met).toBe(true);
  });

  it('algorithm: what the group balances with now', () => {
    const st = runState(sc, 2, [at(1, { action: 'set-algorithm', group: 'web', algorithm: 'least-connections' })]);
    expect(check({ kind: 'config', check: 'algorithm', group: 'web', oneOf: ['least-connections', 'power-of-two-choices'] }, st)).toMatchObject({ met: true, detail: 'web balances with least-connections' });
    expect(check({ kind: 'config', check: 'algorithm', group: 'web', oneOf: ['round-robin'] }, st).met).toBe(false);
  });

  it('weights: proportional to the ratio, within a tolerance on each share', () => {
    const ratio = { kind: 'config', check: 'weights', group: 'web', ratio: { a: 4, b: 2, c: 1 } } as const;
    expect(check(ratio, runState(sc, 1)).met).toBe(false);
    const set = runState(sc, 2, [at(1, { action: 'set-weight', target: 'a', weight: 8 }), at(1, { action: 'set-weight', target: 'b', weight: 4 }), at(1, { action: 'set-weight', target: 'c', weight: 2 })]);
    expect(check(ratio, set)).toMatchObject({ met: true, detail: 'weights a 8, b 4, c 2 (goal 4:2:1)' });
    const close = runState(sc, 2, [at(1, { action: 'set-weight', target: 'a', weight: 5 }), at(1, { action: 'set-weight', target: 'b', weight: 2 })]);
    expect(check(ratio, close).met).toBe(false);
    expect(check({ ...ratio, tolerance: 0.1 }, close).met).toBe(true);
  });

  it('target-count: registered targets now', () => {
    const st = runState(sc, 2, [at(1, { action: 'set-target-count', group: 'web', count: 5 })]);
    expect(check({ kind: 'config', check: 'target-count', group: 'web', atLeast: 5 }, st)).toMatchObject({ met: true, value: 5 });
  });

  it('stickiness and passive health come from the scenario', () => {
    const doc = checked({
      schemaVersion: 1,
      name: 'sticky',
      traffic: { arrival: { kind: 'poisson', ratePerSec: 5 } },
      balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
      targetGroups: [{ id: 'web', algorithm: 'round-robin', stickiness: { kind: 'lb-cookie' }, targets: [{ id: 'a', serviceTimeMs: { dist: 'constant', valueMs: 5 } }] }],
    });
    const st = runState(doc, 1);
    expect(check({ kind: 'config', check: 'stickiness', group: 'web' }, st).met).toBe(true);
    expect(check({ kind: 'config', check: 'passive-health', group: 'web' }, st).met).toBe(false);
    expect(check({ kind: 'config', check: 'passive-health', group: 'web', present: false }, st).met).toBe(true);
  });

  it('session-store: where the group keeps sessions now, a patch folded in', () => {
    const store: Condition = { kind: 'config', check: 'session-store', group: 'web', oneOf: ['shared', 'replicated'] };
    expect(check(store, runState(sc, 1))).toMatchObject({ met: false, detail: "web keeps sessions in its targets' memory" });
    const shared = runState(sc, 2, [at(1, { action: 'patch', op: 'add', path: '/targetGroups/0/sessionStore', value: { kind: 'shared' } })]);
    expect(check(store, shared)).toMatchObject({ met: true, detail: 'web keeps sessions in a shared store' });
    const none = runState(sc, 2, [at(1, { action: 'patch', op: 'add', path: '/targetGroups/0/sessionStore', value: { kind: 'none' } })]);
    expect(check(store, none)).toMatchObject({ met: false, detail: 'web keeps sessions nowhere (stateless)' });
  });

  it('a group that does not exist is never met', () => {
    expect(check({ kind: 'config', check: 'algorithm', group: 'nope', oneOf: ['round-robin'] }, runState(sc, 1))).toMatchObject({ met: false, detail: 'no target group "nope"' });
  });
});

describe('event conditions', () => {
  const sc = simple({ targets: 3, ratePerSec: 30, concurrency: 4 });
  const crashAt10 = at(10, { action: 'crash', target: 'b' });
  const fastCheck = at(0, { action: 'set-health-check', group: 'web', healthCheck: { intervalSec: 2, timeoutSec: 1 } });

  it('target-failed: nothing failed yet, then a failure that is still in rotation, then one detected in time', () => {
    const failed = { kind: 'event', event: 'target-failed', target: 'b' } as const;
    expect(check(failed, runState(sc, 20)).met).toBe(false);
    const blind = runState(sc, 20, [crashAt10]);
    expect(check(failed, blind).met).toBe(true);
    expect(check({ ...failed, detectedWithinSec: 30 }, blind)).toMatchObject({ met: false, detail: 'b (failed at 10 s) is still in rotation' });
    const seen = runState(sc, 20, [fastCheck, crashAt10]);
    const w = seen.health.windows[0];
    expect(w.detectMs).toBeLessThanOrEqual(4001);
    expect(check({ ...failed, detectedWithinSec: 5 }, seen)).toMatchObject({ met: true, value: w.detectMs! / 1000 });
    expect(check({ ...failed, detectedWithinSec: 1 }, seen).met).toBe(false);
    expect(check({ ...failed, maxFailedRequests: w.failedRequests }, seen).met).toBe(true);
    expect(check({ ...failed, maxFailedRequests: w.failedRequests - 1 }, seen).met).toBe(false);
  });

  it('log: counts entries of a kind (and subject) in [fromSec, toSec); at least one unless bounded', () => {
    const st = runState(sc, 20, [fastCheck, crashAt10]);
    expect(check({ kind: 'event', event: 'log', entry: 'unhealthy', subject: 'b' }, st)).toMatchObject({ met: true, value: 1 });
    expect(check({ kind: 'event', event: 'log', entry: 'unhealthy', subject: 'a' }, st).met).toBe(false);
    expect(check({ kind: 'event', event: 'log', entry: 'crash', fromSec: 11 }, st).met).toBe(false);
    expect(check({ kind: 'event', event: 'log', entry: 'crash', fromSec: 10, toSec: 11 }, st).met).toBe(true);
    expect(check({ kind: 'event', event: 'log', entry: 'healthy', atMost: 0 }, st).met).toBe(true);
  });

  it('false-removals: a healthy target taken out by its check counts against the limit', () => {
    // a burst fills the queues; a check that gives up after one 503 removes servers that are only busy
    const burst = checked({
      schemaVersion: 1,
      name: 'burst',
      seed: 5,
      traffic: {
        arrival: { kind: 'poisson', ratePerSec: 60 },
        profile: [{ atSec: 0, ratePerSec: 60 }, { atSec: 10, ratePerSec: 60 }, { atSec: 10, ratePerSec: 400 }, { atSec: 16, ratePerSec: 400 }, { atSec: 16, ratePerSec: 60 }],
      },
      balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
      targetGroups: [
        {
          id: 'web',
          algorithm: 'round-robin',
          healthCheck: { intervalSec: 1, timeoutSec: 0.5, unhealthyThreshold: 1, healthyThreshold: 2 },
          targets: ['a', 'b', 'c'].map((id) => ({ id, concurrency: 4, queueLimit: 10, serviceTimeMs: { dist: 'lognormal' as const, medianMs: 40, p99Ms: 200 } })),
        },
      ],
    });
    const st = runState(burst, 30);
    const n = Object.values(st.health.targets).reduce((x, t) => x + t.falseRemovals, 0);
    expect(n).toBeGreaterThan(0);
    expect(check({ kind: 'event', event: 'false-removals', group: 'web' }, st)).toMatchObject({ met: false, value: n });
    expect(check({ kind: 'event', event: 'false-removals', atMost: n }, st).met).toBe(true);
    expect(check({ kind: 'event', event: 'false-removals' }, runState(sc, 10)).met).toBe(true);
  });
});

describe('goals and the lesson check', () => {
  const sc = simple({ targets: 1, ratePerSec: 20, concurrency: 4 });
  const goals = [
    { id: 'two', label: 'Two targets', kind: 'config', check: 'target-count', group: 'web', atLeast: 2 },
    { id: 'ok', label: 'No failures in the last 10 s', kind: 'metric', metric: 'failedRequests', windowSec: 10, atMost: 0 },
  ] as const;

  it('evaluateGoals keeps each goal id and label', () => {
    const r = evaluateGoals([...goals], runState(sc, 20));
    expect(r.map((x) => [x.id, x.label, x.met])).toEqual([
      ['two', 'Two targets', false],
      ['ok', 'No failures in the last 10 s', true],
    ]);
  });

  it('runGoalCheck applies changes in time order (list order on ties) and reports refused ones', () => {
    const changes: TimedChange[] = [
      at(5, { action: 'set-target-count', group: 'web', count: 2 }),
      at(1, { action: 'set-weight', target: 'a', weight: 0 }), // refused: it would leave every target at weight 0
      at(5, { action: 'set-target-count', group: 'web', count: 3 }),
    ];
    const r = runGoalCheck(sc, [...goals], changes, 20);
    expect(r.refused).toEqual([{ index: 1, reason: 'every target of web would have weight 0, so no request could be sent' }]);
    expect(r.results[0]).toMatchObject({ met: true, value: 3 });
    expect(r.allMet).toBe(true);
  });

  it('is deterministic', () => {
    const once = () => JSON.stringify(runGoalCheck(sc, [...goals], [at(3, { action: 'crash', target: 'a' })], 20));
    expect(once()).toBe(once());
  });
});

describe('how a goal shows its numbers', () => {
  it('keeps three significant figures below 1 instead of rounding to thousandths first', () => {
    // 0.0075 rounded to thousandths is 0.008, which read "0.00800" beside a label saying 0.0075
    expect(show(0.0075, '')).toBe('0.00750');
    expect(describeBound({ atMost: 0.0075 })).toBe('≤ 0.00750');
    // larger values as before: whole above 100, one decimal from 10, two from 1
    expect(show(1234.56, ' ms')).toBe('1235 ms');
    expect(show(45.678, ' ms')).toBe('45.7 ms');
    expect(show(0.1234, '')).toBe('0.123');
    expect(show(0.0123, '%')).toBe('1.2 %');
  });
});

// The simulation worker's API on the timeline: time travel, restoring a shared run, runTo, health and scaling
// reports, infrastructure changes, long share links replayed a bit at a time, a lesson check judged at its second.
import { describe, expect, it } from 'vitest';
import { expose, releaseProxy, wrap } from 'comlink';
import { createSimApi, type SessionId, type SimApi } from '../../../workers/sim-api.ts';
import { createSimulation } from '../../../src/engine/index.ts';
import type { ScalingReport, Snapshot } from '../../../src/engine/types.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import threeServers from '../../../scenarios/three-servers.json';
import blackFriday from '../../../scenarios/black-friday-autoscaling.json';
import { openOk } from './sim-api-helpers.ts';

/** A snapshot without its flows: flows are "since the previous snapshot", so they depend on how often one looked. */
function stateOf(snapshot: Snapshot): Omit<Snapshot, 'flows'> {
  const { flows: _flows, ...rest } = snapshot;
  return rest;
}

/** A run with live changes at odd moments, as a learner would make them. */
function runWithChanges(api: SimApi, id: SessionId): void {
  api.advance(id, 4_321);
  expect(api.apply(id, { action: 'set-algorithm', group: 'web', algorithm: 'least-connections' })).toBeNull();
  api.advance(id, 2_000);
  expect(api.apply(id, { action: 'crash', target: 'b' })).toBeNull();
  api.step(id, 60_000);
  expect(api.apply(id, { action: 'set-target-count', group: 'web', count: 5 })).toBeNull();
  api.frame(id, 3_000, Infinity);
  expect(api.apply(id, { action: 'set-weight', target: 'web-5', weight: 3 })).toBeNull();
  api.advance(id, 7_000);
}

describe('sim-api time travel', () => {
  it('rewinding to T gives the same snapshot, metrics and events as running straight to T with the same changes', () => {
    const api = createSimApi();
    const played = openOk(api, threeServers);
    runWithChanges(api, played);
    const log = api.changeLog(played);
    expect(log.map((e) => e.change.action)).toEqual(['set-algorithm', 'crash', 'set-target-count', 'set-weight']);

    for (const t of [25_000, 9_000, 6_321, 4_321, 0, 12_345]) {
      const rewound = api.seek(played, t, { sinceSeq: 0 }).snapshot;
      const straight = createSimApi();
      const id = openOk(straight, threeServers);
      for (const entry of log.filter((e) => e.atMs <= t)) {
        straight.advance(id, entry.atMs - straight.advance(id, 0).timeMs);
        expect(straight.apply(id, entry.change)).toBeNull();
      }
      const direct = straight.advance(id, t - straight.advance(id, 0).timeMs);
      expect(rewound.timeMs).toBe(t);
      expect(stateOf(rewound)).toEqual(stateOf(direct));
      expect(api.metrics(played)).toEqual(straight.metrics(id));
      expect(api.events(played, 0)).toEqual(straight.events(id, 0));
      expect(api.topology(played)).toEqual(straight.topology(id));
    }
  });

  it('scrubbing back and forward again replays the logged changes, and a new change drops the old future', () => {
    const api = createSimApi();
    const id = openOk(api, threeServers);
    runWithChanges(api, id);
    const end = api.advance(id, 0);
    const endMetrics = api.metrics(id);

    api.seek(id, 1_000);
    expect(api.changeLog(id)).toEqual([]);
    const again = api.seek(id, end.timeMs).snapshot;
    expect(stateOf(again)).toEqual(stateOf(end));
    expect(api.metrics(id)).toEqual(endMetrics);

    api.seek(id, 5_000);
    expect(api.apply(id, { action: 'set-rate', ratePerSec: 50 })).toBeNull();
    expect(api.changeLog(id).map((e) => [e.atMs, e.change.action])).toEqual([
      [4_321, 'set-algorithm'],
      [5_000, 'set-rate'],
    ]);
    api.seek(id, end.timeMs);
    expect(api.topology(id).targets).toHaveLength(3); // the old future's extra targets are gone
  });

  it('steps to the next event without passing the limit', () => {
    const api = createSimApi();
    const id = openOk(api, threeServers);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) times.push(api.step(id, 60_000).snapshot.timeMs);
    expect(times[0]).toBeGreaterThan(0);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]);
    expect(api.metrics(id).events.processed).toBeGreaterThanOrEqual(20);
    expect(api.step(id, times[19] + 0.001).snapshot.timeMs).toBeLessThanOrEqual(times[19] + 0.001);
  });

  it('a frame with a wall-clock budget advances less than asked when the budget runs out, and the result does not depend on it', () => {
    let clock = 0;
    const api = createSimApi({ now: () => (clock += 1) }); // every look at the clock costs 1 ms
    const budgeted = openOk(api, threeServers);
    const short = api.frame(budgeted, 30_000, 20).snapshot.timeMs;
    expect(short).toBeGreaterThan(0);
    expect(short).toBeLessThan(30_000);
    while (api.advance(budgeted, 0).timeMs < 30_000) api.frame(budgeted, 30_000 - api.advance(budgeted, 0).timeMs, 20);

    const plain = openOk(api, threeServers);
    api.advance(plain, 30_000);
    expect(api.metrics(budgeted)).toEqual(api.metrics(plain));
  });

  it('a frame brings the events, series and topology it is asked for, and only when they changed', () => {
    const api = createSimApi();
    const id = openOk(api, threeServers);
    const first = api.frame(id, 2_000, Infinity, { sinceSeq: 0, series: true, topologyVersion: 1 });
    expect(first.events?.[0].kind).toBe('start');
    expect(first.series?.seconds).toBe(2);
    expect(first.topology).toBeNull();
    const quiet = api.frame(id, 100, Infinity, { sinceSeq: first.snapshot.lastEventSeq, topologyVersion: 1 });
    expect(quiet.events).toBeNull();
    expect(quiet.series).toBeNull();
    api.apply(id, { action: 'set-target-count', group: 'web', count: 4 });
    const grown = api.frame(id, 100, Infinity, { sinceSeq: quiet.snapshot.lastEventSeq, topologyVersion: 1 });
    expect(grown.topology?.targets.map((t) => t.id)).toEqual(['a', 'b', 'c', 'web-4']);
    expect(grown.events?.map((e) => e.kind)).toContain('config');
  });

  it('reset starts again at 0 with an empty log; reseed changes the traffic but not the scenario', () => {
    const api = createSimApi();
    const id = openOk(api, threeServers);
    runWithChanges(api, id);
    const reset = api.reset(id);
    expect(reset.ok && reset.scenario.seed).toBe(1);
    expect(api.changeLog(id)).toEqual([]);
    expect(api.advance(id, 0).timeMs).toBe(0);
    api.advance(id, 10_000);
    const seed1 = api.metrics(id);

    const reseeded = api.reset(id, 77);
    expect(reseeded.ok && reseeded.scenario.seed).toBe(77);
    api.advance(id, 10_000);
    expect(api.metrics(id).requests.total).not.toBe(seed1.requests.total);
    expect(api.reset(id, -1).ok).toBe(false);
  });
});

describe('sim-api restoring a shared run', () => {
  it('opens a scenario with a seed, a change log and a moment exactly where the sender was', () => {
    const sender = createSimApi();
    const id = openOk(sender, threeServers);
    sender.reset(id, 5);
    runWithChanges(sender, id);
    const seen = sender.advance(id, 0);

    const receiver = createSimApi();
    const opened = receiver.open(threeServers, { seed: 5, changes: JSON.parse(JSON.stringify(sender.changeLog(id))), atMs: seen.timeMs });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(stateOf(receiver.advance(opened.id, 0))).toEqual(stateOf(seen));
    expect(receiver.metrics(opened.id)).toEqual(sender.metrics(id));
    expect(receiver.changeLog(opened.id)).toEqual(sender.changeLog(id));
  });

  it.each([
    [{ changes: 'all of them', atMs: 0 }, 'changes'],
    [{ changes: [], atMs: -5 }, 'atMs'],
    [{ changes: [], atMs: 61_000 }, 'atMs'],
    [{ changes: [{ atMs: 100, change: { action: 'crash', target: 'a' } }], atMs: 50 }, 'changes[0].atMs'],
    [{ changes: [{ atMs: 200, change: { action: 'crash', target: 'a' } }, { atMs: 100, change: { action: 'recover', target: 'a' } }], atMs: 500 }, 'changes[1].atMs'],
    [{ changes: [{ atMs: 100, change: { action: 'explode', target: 'a' } }], atMs: 500 }, 'changes[0].change.action'],
    [{ changes: [{ atMs: 100, change: { action: 'set-weight', target: 'a', weight: 'heavy' } }], atMs: 500 }, 'changes[0].change.weight'],
    [{ changes: [{ atMs: 100, change: { action: 'crash', target: 'zz' } }], atMs: 500 }, 'changes[0].change'],
    [{ changes: [{ atMs: 100, change: { action: 'crash', target: 'a' }, extra: 1 }], atMs: 500 }, 'changes[0].extra'],
    [{ seed: 2.5 }, 'seed'],
  ])('refuses a tampered restore %j with an error at %s', (options, path) => {
    const opened = createSimApi().open(threeServers, options);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.errors.map((e) => e.path)).toContain(path);
  });

  it('refuses a restore that would take too long to replay, instead of hanging', () => {
    let clock = 0;
    const api = createSimApi({ now: () => (clock += 100), restoreBudgetMs: 1_000 });
    const opened = api.open(threeServers, { changes: [], atMs: 60_000 });
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.errors[0].message).toMatch(/longer than 1 s/);
  });

  it('checks a document without opening a session', () => {
    const api = createSimApi();
    expect(api.check(threeServers)).toBeNull();
    expect(api.check({ ...threeServers, durationSec: -1 })?.map((e) => e.path)).toEqual(['durationSec']);
  });
});

describe('sim-api runTo', () => {
  it('runs on to an absolute time, and never back', () => {
    const api = createSimApi();
    const id = openOk(api, threeServers);
    expect(api.runTo(id, 2_500).snapshot.timeMs).toBe(2_500);
    expect(api.runTo(id, 1_000).snapshot.timeMs).toBe(2_500);
    const other = openOk(api, threeServers);
    api.advance(other, 2_500);
    expect(api.metrics(id)).toEqual(api.metrics(other));
  });
});

describe('sim-api reports: health and scaling', () => {
  it('answers health and scaling as the engine does, with fresh typed arrays each time', () => {
    const api = createSimApi();
    const id = openOk(api, blackFriday);
    const validated = validateScenario(blackFriday);
    if (!validated.ok) throw new Error('black-friday-autoscaling.json must be valid');
    const sim = createSimulation(validated.value, { seriesCapacity: 600 });
    api.advance(id, 30_000);
    sim.runUntil(30_000);
    expect(api.health(id)).toEqual(sim.health());
    const first = api.scaling(id);
    expect(first).toEqual(sim.scaling());
    expect(first.map((r) => [r.id, r.desired, r.min, r.max])).toEqual([['web-asg', 3, 3, 12]]);
    expect(first[0].series.inService).toBeInstanceOf(Float64Array);
    const later = api.scaling(id);
    expect(later[0].series.desired.buffer).not.toBe(first[0].series.desired.buffer);
  });

  it('a frame brings metrics, health and scaling only when asked', () => {
    const api = createSimApi();
    const id = openOk(api, blackFriday);
    const asked = api.frame(id, 5_000, Infinity, { reports: true });
    expect(asked.reports?.metrics.simulatedSec).toBe(5);
    expect(asked.reports?.health.availabilityLast60s).toBeGreaterThan(0.9);
    expect(asked.reports?.scaling[0].instances.filter((i) => i.state === 'in-service')).toHaveLength(3);
    expect(api.frame(id, 1_000, Infinity, { series: true }).reports).toBeNull();
  });

  it('transfers the scaling series through Comlink instead of copying them', async () => {
    const inner = createSimApi();
    const handedOut: ScalingReport[][] = [];
    const api: SimApi = {
      ...inner,
      scaling: (id) => {
        const reports = inner.scaling(id);
        handedOut.push(reports);
        return reports;
      },
      frame: (...args) => {
        const frame = inner.frame(...args);
        if (frame.reports) handedOut.push(frame.reports.scaling);
        return frame;
      },
    };
    const { port1, port2 } = new MessageChannel();
    expose(api, port1);
    const remote = wrap<SimApi>(port2);
    try {
      const opened = await remote.open(blackFriday);
      if (!opened.ok) throw new Error('expected a valid scenario');
      const viaFrame = await remote.frame(opened.id, 10_000, Infinity, { reports: true });
      const direct = await remote.scaling(opened.id);
      expect(direct[0].series.cpu).toBeInstanceOf(Float64Array);
      expect(direct[0].series.cpu).toHaveLength(10);
      expect(viaFrame.reports?.scaling[0].series.desired).toEqual(Float64Array.from({ length: 10 }, () => 3));
      // the worker's copies were moved, not cloned: their buffers are detached on the sending side
      for (const reports of handedOut) expect(reports[0].series.desired.byteLength).toBe(0);
      expect(handedOut).toHaveLength(2);
    } finally {
      remote[releaseProxy]();
      port1.close();
      port2.close();
    }
  });
});

describe('sim-api infrastructure, health-check and capacity changes on the timeline', () => {
  function played(api: SimApi): SessionId {
    const id = openOk(api, blackFriday);
    api.advance(id, 10_000);
    expect(api.apply(id, { action: 'set-capacity', scalingGroup: 'web-asg', desired: 5 })).toBeNull();
    api.advance(id, 10_000);
    expect(api.apply(id, { action: 'set-health-check', group: 'web', healthCheck: { preset: 'haproxy' } })).toBeNull();
    api.advance(id, 10_000);
    expect(api.apply(id, { action: 'zone-outage', zone: 'us-east-1b' })).toBeNull();
    api.advance(id, 5_000);
    expect(api.apply(id, { action: 'db-failover', database: 'db' })).toBeNull();
    api.advance(id, 25_000);
    return id;
  }

  it('a shared change log restores the same run: snapshot, health and scaling', () => {
    const api = createSimApi();
    const live = played(api);
    const restored = api.open(blackFriday, { changes: api.changeLog(live), atMs: 60_000 });
    if (!restored.ok) throw new Error(JSON.stringify(restored.errors));
    expect(stateOf(api.advance(restored.id, 0))).toEqual(stateOf(api.advance(live, 0)));
    expect(api.health(restored.id)).toEqual(api.health(live));
    expect(api.scaling(restored.id)).toEqual(api.scaling(live));
  });

  it('rewinding replays them', () => {
    const api = createSimApi();
    const id = played(api);
    const straight = createSimApi();
    const other = openOk(straight, blackFriday);
    straight.advance(other, 10_000);
    straight.apply(other, { action: 'set-capacity', scalingGroup: 'web-asg', desired: 5 });
    straight.advance(other, 10_000);
    straight.apply(other, { action: 'set-health-check', group: 'web', healthCheck: { preset: 'haproxy' } });
    straight.advance(other, 5_000);
    expect(stateOf(api.seek(id, 25_000).snapshot)).toEqual(stateOf(straight.advance(other, 0)));
    expect(api.scaling(id)).toEqual(straight.scaling(other));
  });

  it('refuses an overlapping health check with the validator’s words, and logs nothing', () => {
    const api = createSimApi();
    const id = openOk(api, blackFriday);
    api.advance(id, 1_000);
    expect(api.apply(id, { action: 'set-health-check', group: 'web', healthCheck: { preset: 'aws-alb', intervalSec: 10, timeoutSec: 10 } })).toMatchObject([
      { path: '(change).healthCheck.timeoutSec', message: 'the timeout (10 s) must be shorter than the interval (10 s), or checks would overlap' },
    ]);
    expect(api.apply(id, { action: 'set-capacity', scalingGroup: 'web-asg', min: 9, max: 6 })).toMatchObject([{ path: '(change).min', message: 'min (9) is above max (6)' }]);
    expect(api.changeLog(id)).toEqual([]);
  });
});

describe('a long share link replayed a bit at a time', () => {
  it('opens at once, replays its changes in order with progress, and ends exactly where the restore would', async () => {
    const { createSimApi } = await import('../../../workers/sim-api.ts');
    const { readFileSync } = await import('node:fs');
    const doc = JSON.parse(readFileSync(new URL('../../../scenarios/three-servers.json', import.meta.url), 'utf8')) as unknown;
    const changes = [
      { atMs: 2_000, change: { action: 'crash', target: 'b' } },
      { atMs: 9_000, change: { action: 'recover', target: 'b' } },
    ];
    const api = createSimApi();
    const direct = api.open(doc, { changes, atMs: 9_000 });
    const deferred = api.open(doc, { changes, atMs: 9_000, deferReplay: true });
    if (!direct.ok || !deferred.ok) throw new Error('not opened');
    expect(api.frame(deferred.id, 0, 0).snapshot.timeMs).toBe(0);
    const moments: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      const bit = api.replay(deferred.id, 9_000, 0.01);
      expect(bit.error).toBeNull();
      moments.push(bit.timeMs);
      if (bit.timeMs >= 9_000) break;
    }
    expect(moments.length).toBeGreaterThan(1);
    expect(moments).toEqual([...moments].sort((x, y) => x - y));
    expect(api.changeLog(deferred.id)).toEqual(changes);
    expect(api.frame(deferred.id, 0, 0).snapshot.totals).toEqual(api.frame(direct.id, 0, 0).snapshot.totals);
  });

  it('stops at the first change the engine refuses, and says which', async () => {
    const { createSimApi } = await import('../../../workers/sim-api.ts');
    const { readFileSync } = await import('node:fs');
    const doc = JSON.parse(readFileSync(new URL('../../../scenarios/three-servers.json', import.meta.url), 'utf8')) as unknown;
    const api = createSimApi();
    const twice = { action: 'deregister', target: 'a' };
    const opened = api.open(doc, { changes: [{ atMs: 1_000, change: twice }, { atMs: 2_000, change: twice }], atMs: 5_000, deferReplay: true });
    if (!opened.ok) throw new Error('not opened');
    let bit = api.replay(opened.id, 5_000, 1_000);
    while (bit.error === null && bit.timeMs < 5_000) bit = api.replay(opened.id, 5_000, 1_000);
    expect(bit.error?.path).toBe('changes[1].change');
    expect(bit.error?.message).toMatch(/already draining/);
  });
});

describe('sim-api: a lesson check judged at its second', () => {
  // a total that grows with time: three-servers gets a few hundred requests in its first seconds, so "at most the
  // count at 2 s" holds at the check (2 s) and fails by 10 s, whatever the page's frames were
  const goalsUpTo = (total: number) => [{ id: 'few', label: 'few requests', kind: 'report' as const, path: 'requests.total', atMost: total }];

  it('evaluates the goals exactly at the check second, however far one frame runs past it', () => {
    const api = createSimApi();
    const exact = openOk(api, threeServers);
    api.advance(exact, 2_000);
    const totalAt2s = api.metrics(exact).requests.total;
    expect(totalAt2s).toBeGreaterThan(10);
    const goals = goalsUpTo(totalAt2s);
    const atCheck = api.checkGoals(exact, goals);
    expect(atCheck[0].met).toBe(true);

    const id = openOk(api, threeServers);
    expect(api.judgeAt(id, 2_000, goals)).toBeNull(); // set, not yet reached
    api.advance(id, 500);
    expect(api.judgeAt(id, 2_000, goals)).toBeNull();
    api.advance(id, 9_500); // one long frame from 0.5 s to 10 s
    expect(api.checkGoals(id, goals)[0].met).toBe(false); // the run now is past the bound…
    expect(api.judgeAt(id, 2_000, goals)).toEqual(atCheck); // …the judgement is the one at 2 s
  });

  it('forgets the judgement when the run goes back before the check, or is reset, and judges again', () => {
    const api = createSimApi();
    const id = openOk(api, threeServers);
    const goals = goalsUpTo(1e9);
    api.judgeAt(id, 2_000, goals);
    api.advance(id, 3_000);
    expect(api.judgeAt(id, 2_000, goals)?.[0].met).toBe(true);
    api.seek(id, 1_000);
    expect(api.judgeAt(id, 2_000, goals)).toBeNull();
    api.advance(id, 1_000);
    expect(api.judgeAt(id, 2_000, goals)?.[0].met).toBe(true);
    api.reset(id);
    expect(api.judgeAt(id, 2_000, goals)).toBeNull();
    api.advance(id, 2_000);
    expect(api.judgeAt(id, 2_000, goals)?.[0].met).toBe(true);
  });
});

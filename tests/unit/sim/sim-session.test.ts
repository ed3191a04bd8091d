import { afterEach, describe, expect, it, vi } from 'vitest';
import { expose } from 'comlink';
import { createSimApi, type SimApi } from '../../../workers/sim-api.ts';
import { SimWorker } from '../../../src/sim/sim-worker.ts';
import { FORWARD_LEG_MS, SHOW_EVERY_MS, SimSession } from '../../../src/sim/sim-session.svelte.ts';
import { ComparePair } from '../../../src/sim/compare-pair.svelte.ts';
import threeServers from '../../../scenarios/three-servers.json';
import blackFriday from '../../../scenarios/black-friday-autoscaling.json';

/** A "worker" in the same thread: the real API behind a message channel, as Comlink sees a Worker. */
function fakeWorker(api: SimApi | null = createSimApi()): () => Worker {
  return () => {
    const { port1, port2 } = new MessageChannel();
    if (api !== null) expose(api, port1);
    const worker = port2 as unknown as Worker;
    worker.terminate = () => {
      port1.close();
      port2.close();
    };
    return worker;
  };
}

const workers: SimWorker[] = [];
function simWorker(api?: SimApi | null, answerTimeoutMs = 2000): SimWorker {
  const w = new SimWorker({ createWorker: fakeWorker(api), answerTimeoutMs });
  workers.push(w);
  return w;
}
afterEach(() => {
  workers.splice(0).forEach((w) => w.dispose());
  vi.restoreAllMocks();
});

describe('SimSession', () => {
  it('opens a scenario and shows time 0, its topology and the start event', async () => {
    const session = new SimSession(simWorker());
    expect(await session.open(threeServers)).toEqual({ ok: true });
    expect(session.timeMs).toBe(0);
    expect(session.topology?.targets.map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(session.events.map((e) => e.kind)).toEqual(['start']);
    expect(session.durationMs).toBe(60_000);
  });

  it('keeps the current run when a document is refused', async () => {
    const session = new SimSession(simWorker());
    await session.open(threeServers);
    await session.forward(2_000);
    const refused = await session.open({ ...threeServers, durationSec: 'long' });
    expect(refused.ok).toBe(false);
    expect(session.timeMs).toBe(2_000);
    expect(session.scenario?.name).toBe(threeServers.name);
  });

  it('restores a moment a bit at a time, reporting progress to it; cancelled, it opens where the replay got to', async () => {
    const session = new SimSession(simWorker());
    const progress: [number, number][] = [];
    const opened = await session.open(threeServers, { atMs: 30_000 }, { onProgress: (done, total) => progress.push([done, total]), cancelled: () => false });
    expect(opened).toEqual({ ok: true });
    expect(progress.at(-1)).toEqual([30_000, 30_000]);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
    expect(session.timeMs).toBe(30_000);

    const cancelled: number[] = [];
    await session.open(threeServers, { atMs: 50_000 }, { onProgress: (done) => cancelled.push(done), cancelled: () => true });
    expect(cancelled).toHaveLength(1); // asked after the first bit: no second one
    expect(session.timeMs).toBe(cancelled[0]);
  });

  it('asks one frame at a time: frames during a question only add to the next one (back-pressure)', async () => {
    // a worker clock that stands still: the frame budget never runs out, however busy the machine is
    const session = new SimSession(simWorker(createSimApi({ now: () => 0 })));
    await session.open(threeServers);
    const first = session.tick(100, 10);
    expect(await session.tick(100, 10)).toBe(false); // in flight: owed, not asked
    expect(await first).toBe(false); // it got as far as asked
    expect(session.reachedMs).toBe(1_000);
    await session.tick(50, 10);
    expect(session.reachedMs).toBe(2_500); // 100 owed + 50, at 10×
    await session.tick(10_000, 1); // a stall counts for at most 250 ms
    expect(session.reachedMs).toBe(2_750);
  });

  it('says when the worker fell behind: it stopped on its wall-clock budget before the time asked for', async () => {
    // a worker clock that jumps 100 ms per reading: every budget runs out after the first slice
    let wall = 0;
    const session = new SimSession(simWorker(createSimApi({ now: () => (wall += 100) })));
    await session.open(threeServers);
    expect(await session.tick(100, 100)).toBe(true);
    expect(session.reachedMs).toBeGreaterThan(0);
    expect(session.reachedMs).toBeLessThan(10_000);
  });

  it('while the worker is behind, still owes the time it fell short by and lets a second question wait in the worker', async () => {
    // a worker clock that jumps 100 ms per reading: each question runs one 1 ms slice, then its budget is spent
    let wall = 0;
    const api = createSimApi({ now: () => (wall += 100) });
    const frame = vi.spyOn(api, 'frame');
    const session = new SimSession(simWorker(api));
    await session.open(threeServers);
    frame.mockClear();
    expect(await session.tick(100, 100)).toBe(true); // asked 10,000 ms, got 1
    expect(session.reachedMs).toBe(1);
    // asked again at once (no wall time since): the 9,999 ms it fell short by, capped at 250 ms of wall × 100
    const again = session.tick(0, 100);
    // a frame meanwhile: behind, so its 16 ms × 100 go out now instead of waiting for the answer
    const second = session.tick(16, 100);
    expect(await Promise.all([again, second])).toEqual([true, true]);
    expect(frame.mock.calls.map((call) => call[1])).toEqual([10_000, 9_999, 1_600]);
    expect(session.reachedMs).toBe(3); // each answer taken in order, from where the previous one left the worker
    // a third question while two are in flight waits (its time is owed)
    const third = session.tick(16, 100);
    const fourth = session.tick(16, 100);
    const fifth = session.tick(16, 100);
    expect(await fifth).toBe(false);
    await Promise.all([third, fourth]);
    expect(frame).toHaveBeenCalledTimes(5);
  });

  it('shows a playing run at most every SHOW_EVERY_MS of wall time, the newest answer always, and the last one soon after', async () => {
    const wall = vi.spyOn(performance, 'now').mockReturnValue(10_000);
    const session = new SimSession(simWorker(createSimApi({ now: () => 0 })));
    await session.open(threeServers);
    await session.tick(100, 10); // the open was shown just now: this one waits
    expect([session.reachedMs, session.latest?.timeMs, session.timeMs]).toEqual([1_000, 1_000, 0]);
    wall.mockReturnValue(10_000 + SHOW_EVERY_MS);
    await session.tick(100, 10);
    expect([session.reachedMs, session.timeMs]).toEqual([2_000, 2_000]);
    await session.tick(100, 10);
    expect(session.timeMs).toBe(2_000);
    await vi.waitFor(() => expect(session.timeMs).toBe(3_000)); // never left unshown
    await session.forward(500); // anything but playing is shown at once
    expect(session.timeMs).toBe(3_500);
    expect(session.horizonMs).toBe(3_500);
  });

  it('runs a long jump in legs of FORWARD_LEG_MS, each its own question, and fetches the series with the last only', async () => {
    const api = createSimApi();
    const asked: [number, boolean][] = [];
    const runTo = api.runTo.bind(api);
    api.runTo = (id, timeMs, request) => {
      asked.push([timeMs, request?.series === true]);
      return runTo(id, timeMs, request);
    };
    const session = new SimSession(simWorker(api));
    await session.open({ ...threeServers, durationSec: 3 * 3_600, traffic: { arrival: { kind: 'poisson', ratePerSec: 1 } } });
    await session.forward(2.5 * FORWARD_LEG_MS);
    expect(asked).toEqual([
      [FORWARD_LEG_MS, false],
      [2 * FORWARD_LEG_MS, false],
      [2.5 * FORWARD_LEG_MS, true],
    ]);
    expect(session.timeMs).toBe(2.5 * FORWARD_LEG_MS);
    // past the end it stops there, in one leg
    asked.length = 0;
    await session.forward(FORWARD_LEG_MS);
    expect(asked).toEqual([[3 * FORWARD_LEG_MS, true]]);
    expect(session.ended).toBe(true);
  });

  it('never runs past the end, and says when it got there', async () => {
    const session = new SimSession(simWorker());
    await session.open(threeServers);
    await session.forward(59_000);
    await session.tick(200, 'max');
    expect(session.reachedMs).toBe(60_000);
    expect(session.ended).toBe(true);
    await session.settle();
    expect(session.timeMs).toBe(60_000);
  });

  it('stops at its stop on the way forward, at any speed, says so once, and plays on from there', async () => {
    // a worker clock that stands still: "As fast as possible" gets all it asks for in one answer
    const session = new SimSession(simWorker(createSimApi({ now: () => 0 })));
    await session.open(threeServers);
    session.stopAtMs = 20_000;
    expect(await session.tick(200, 'max')).toBe(false);
    expect(session.reachedMs).toBe(20_000);
    expect(session.stopped).toBe(true);
    // a frame that asks nothing (a question is in flight) has not arrived anywhere
    const inFlight = session.tick(0, 'max');
    expect(await session.tick(16, 'max')).toBe(false);
    expect(session.stopped).toBe(false);
    await inFlight;
    // at the stop, the next question goes on to the end: a run at its stop is not held there
    await session.tick(200, 'max');
    expect(session.stopped).toBe(false);
    expect(session.reachedMs).toBe(60_000);
  });

  it('never asks past the stop, not even with a second question waiting in the worker', async () => {
    // a worker clock that jumps 100 ms per reading: each question runs one 1 ms slice, then its budget is spent
    let wall = 0;
    const api = createSimApi({ now: () => (wall += 100) });
    const frame = vi.spyOn(api, 'frame');
    const session = new SimSession(simWorker(api));
    await session.open(threeServers);
    session.stopAtMs = 5;
    frame.mockClear();
    expect(await session.tick(100, 'max')).toBe(true); // asked the 5 ms to the stop (not the 59,995 to the end), got 1
    const again = session.tick(0, 'max'); // the 4 ms left
    const second = session.tick(16, 'max'); // behind, but nothing is left to ask for: the first already asks to the stop
    await Promise.all([again, second]);
    expect(frame.mock.calls.map((call) => call[1])).toEqual([5, 4]);
    for (let i = 0; i < 10 && !session.stopped; i++) await session.tick(0, 'max');
    expect(session.stopped).toBe(true);
    expect(session.reachedMs).toBe(5);
    expect(frame.mock.calls.every((call) => call[1] <= 5)).toBe(true);
  });

  it('ends a jump forward at the stop: +1 s, Next event and the scrubber', async () => {
    const session = new SimSession(simWorker());
    await session.open(threeServers);
    session.stopAtMs = 20_000;
    await session.forward(30_000);
    expect(session.reachedMs).toBe(20_000);
    session.stopAtMs = 20_500;
    for (let i = 0; i < 10_000 && session.reachedMs < 20_500; i++) await session.step();
    expect(session.reachedMs).toBe(20_500);
    session.stopAtMs = 30_000;
    await session.seek(45_000);
    expect(session.timeMs).toBe(30_000);
    expect(session.stopped).toBe(true); // a scrub cut short at the stop says so: playing pauses there
    // back is not forward: a rewind goes where it is asked, and forward again from there stops once more
    await session.seek(10_000);
    expect(session.timeMs).toBe(10_000);
    expect(session.stopped).toBe(false);
    await session.seek(50_000);
    expect(session.timeMs).toBe(30_000);
    expect(session.stopped).toBe(true);
    // at or past the stop, it does not hold
    await session.seek(50_000);
    expect(session.timeMs).toBe(50_000);
    expect(session.stopped).toBe(false);
  });

  it('gives the run’s facts at the moment it is at: the reports as the worker has them, not as last shown', async () => {
    const session = new SimSession(simWorker(createSimApi({ now: () => 0 })));
    await session.open(threeServers);
    session.stopAtMs = 20_000;
    await session.tick(200, 'max');
    const facts = await session.facts();
    // the same world run to the same moment in one jump: the same report
    const other = new SimSession(simWorker());
    await other.open(threeServers);
    await other.forward(20_000);
    const expected = await other.facts();
    expect(facts.metrics?.requests).toEqual(expected.metrics?.requests);
    expect(facts.metrics?.requests.total).toBeGreaterThan(0);
    expect(facts.events.map((e) => e.seq)).toEqual(expected.events.map((e) => e.seq));
  });

  it('hears of new events once, and of a replaced log after a rewind', async () => {
    const heard: [string[], boolean][] = [];
    const session = new SimSession(simWorker(), (added, fresh) => heard.push([added.map((e) => e.kind), fresh]));
    await session.open(threeServers);
    await session.forward(2_000);
    await session.apply({ action: 'crash', target: 'b' });
    await session.forward(1_000);
    await session.seek(1_000);
    expect(heard).toEqual([
      [['start'], true],
      [['crash'], false],
      [['start'], true],
    ]);
    expect(session.horizonMs).toBe(3_000);
    expect(session.changes).toEqual([]); // not applied yet at 1 s; it is still ahead on this timeline
    await session.seek(3_000);
    expect(session.changes).toEqual([{ atMs: 2_000, change: { action: 'crash', target: 'b' } }]);
  });

  it('pulls metrics, health and scaling with the series: at most once per closed simulated second, and 4 times a wall second', async () => {
    const wall = vi.spyOn(performance, 'now').mockReturnValue(1_000);
    const session = new SimSession(simWorker());
    await session.open(blackFriday);
    expect(session.metrics?.simulatedSec).toBe(0);
    expect(session.health?.windows).toEqual([]);
    expect(session.scaling?.map((r) => [r.id, r.desired])).toEqual([['web-asg', 3]]);

    await session.catchUp(2_900); // a second closed, but too soon on the wall clock
    expect(session.metrics?.simulatedSec).toBe(0);
    wall.mockReturnValue(1_300);
    await session.catchUp(2_950);
    expect(session.metrics?.simulatedSec).toBe(2.95);
    expect(session.series?.seconds).toBe(2);
    wall.mockReturnValue(2_000);
    await session.catchUp(2_990); // no new second closed since
    expect(session.metrics?.simulatedSec).toBe(2.95);
    await session.forward(10); // a jump the learner asked for brings them at once
    expect(session.metrics?.simulatedSec).toBe(3);
  });

  it('a live change to the health check or the capacity is logged and shows in the reports', async () => {
    const session = new SimSession(simWorker());
    await session.open(blackFriday);
    await session.forward(10_000);
    expect(await session.apply({ action: 'set-capacity', scalingGroup: 'web-asg', desired: 5 })).toBeNull();
    expect(session.scaling?.[0].desired).toBe(5);
    expect(session.scaling?.[0].instances.filter((i) => i.state === 'booting')).toHaveLength(2);
    const refused = await session.apply({ action: 'set-health-check', group: 'web', healthCheck: { intervalSec: 5, timeoutSec: 5 } });
    expect(refused).toMatchObject([{ path: '(change).healthCheck.timeoutSec', message: 'the timeout (5 s) must be shorter than the interval (5 s), or checks would overlap' }]);
    expect(session.changes.map((c) => c.change.action)).toEqual(['set-capacity']);
  });

  it('reports a worker that does not answer, once, and can start again in a fresh one', async () => {
    let broken = true;
    const worker = new SimWorker({ createWorker: () => fakeWorker(broken ? null : createSimApi())(), answerTimeoutMs: 50 });
    workers.push(worker);
    const reasons: string[] = [];
    worker.onCrash((r) => reasons.push(r));
    const session = new SimSession(worker);
    await expect(session.open(threeServers)).rejects.toThrow(/restarted/);
    expect(reasons).toEqual(['the simulation did not answer within 0 s']);
    expect(worker.crashed).toBe(true);

    broken = false;
    worker.restart();
    expect(await session.open(threeServers)).toEqual({ ok: true });
    expect(session.live).toBe(true);
  });
});

describe('ComparePair', () => {
  it('keeps both runs at the same moment, on the same traffic', async () => {
    const pair = new ComparePair(simWorker());
    const rr = threeServers;
    const lc = { ...threeServers, targetGroups: [{ ...threeServers.targetGroups[0], algorithm: 'least-connections' }] };
    expect(await pair.open(rr, lc, 3)).toEqual({ ok: true });
    for (let i = 0; i < 10; i++) await pair.tick(100, 20);
    await pair.settle();
    expect(pair.a.timeMs).toBeGreaterThan(0);
    expect(pair.b.timeMs).toBe(pair.a.timeMs);
    expect(pair.b.snapshot?.totals.arrived).toBe(pair.a.snapshot?.totals.arrived);
    expect(pair.a.scenario?.seed).toBe(3);
    await pair.seek(1_000);
    expect([pair.a.timeMs, pair.b.timeMs]).toEqual([1_000, 1_000]);
  });
});

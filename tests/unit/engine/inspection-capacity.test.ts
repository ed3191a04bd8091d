// GWLB appliances have a capacity (network/appliance-queue.ts): as many workers as their vCPUs, a queue of
// 1,024 by default, drops past it (the request fails as unreachable, the event log says so), and an
// inspection time drawn from its own random stream. Waits are derived by hand from constant arrivals.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import { Rng } from '../../../src/engine/core/rng.ts';
import { explainRequest } from '../../../src/engine/explain/index.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';
import type { TraceRecord } from '../../../src/engine/types.ts';
import { checked } from './support/scenarios.ts';

/** One client (no round trip to the balancer) at 100 requests/s (arrivals at 10, 20, … ms) through the GWLB's appliances fw1 … fwN to two targets. */
function world(inspection: Record<string, unknown>, fw: Record<string, unknown> = {}, appliances = 1): ScenarioInput {
  return {
    schemaVersion: 1,
    name: 'gwlb capacity',
    durationSec: 1,
    traffic: { arrival: { kind: 'constant', ratePerSec: 100 }, clients: { count: 1 } },
    balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'app' }], inspection: { targetGroup: 'fw', ...inspection } }],
    targetGroups: [
      { id: 'app', algorithm: 'round-robin', targets: [{ id: 'a', concurrency: 100, serviceTimeMs: 10 }, { id: 'b', concurrency: 100, serviceTimeMs: 10 }] },
      { id: 'fw', algorithm: 'round-robin', healthCheck: { preset: 'aws-gwlb' }, targets: Array.from({ length: appliances }, (_, i) => ({ id: `fw${i + 1}`, serviceTimeMs: 1, ...fw })) },
    ],
    // no client round trip: a new connection's handshake takes no time (dropped requests open none, so the
    // limited run's handshakes would fall on other requests than the baseline's)
    network: { clientRttMs: 0 },
  } as ScenarioInput;
}

function trace(doc: ScenarioInput) {
  const done: TraceRecord[] = [];
  const s = createSimulation(checked(doc), { onRequestDone: (r) => done.push(r) });
  s.runUntil(1995); // arrivals at 10, 20, … 1990 ms: 199 requests
  const byArrival = new Map(done.map((r) => [Math.round(r.arrivalMs * 1000) / 1000, r])); // arrival times are sums of 10 ms steps
  return { s, byArrival };
}

describe('GWLB appliance capacity', () => {
  it('one worker of 25 ms, a queue of two, a request every 10 ms: requests wait 0, 15, 30, then 45 / 50 ms, and three of every five are dropped', () => {
    // the same hand-worked sequence as appliance-queue.test.ts: from the 4th request on the pattern repeats
    // every 5 requests (wait 45, drop, wait 50, drop, drop); a baseline with 448 workers never waits
    const limited = trace(world({ applianceMs: 25, applianceConcurrency: 1, applianceQueueLimit: 2 }));
    const free = trace(world({ applianceMs: 25, applianceConcurrency: 448 }));
    const period = [45, -1, 50, -1, -1];
    const expected = (n: number) => (n < 3 ? 15 * n : period[(n - 3) % 5]);
    let drops = 0;
    for (let n = 0; n < 199; n++) {
      if (expected(n) < 0) drops++;
      if (n >= 190) continue; // still in flight at 1995 ms
      const r = limited.byArrival.get(10 * (n + 1))!;
      const base = free.byArrival.get(10 * (n + 1))!;
      if (expected(n) < 0) {
        expect(r.outcome).toBe('unreachable');
      } else {
        expect(r.outcome).toBe('ok');
        expect([n, r.latencyMs - base.latencyMs]).toEqual([n, expect.closeTo(expected(n), 9)]);
      }
    }
    const m = limited.s.metrics();
    const ins = m.inspection!.lb;
    // requests 3 … 197 are 39 whole periods of three drops; request 198 starts a period (admitted)
    expect(drops).toBe(39 * 3);
    expect(ins.droppedFull).toBe(drops);
    expect(ins.dropped).toBe(ins.droppedFull);
    expect(m.failures.unreachable).toBe(drops);
    expect(ins.appliances.fw1).toMatchObject({ concurrency: 1, queueLimit: 2, admitted: 199 - drops, peakQueued: 2, dropped: drops });
  });

  it('the event log says when an appliance starts dropping, once, and when its queue has room again', () => {
    // 300 ms of 25 ms jobs every 10 ms (the first 30 requests), then nothing: the queue drains
    const doc = world({ applianceMs: 25, applianceConcurrency: 1, applianceQueueLimit: 2 });
    doc.events = [{ atSec: 0.3, action: 'set-rate', ratePerSec: 1 }] as ScenarioInput['events'];
    const { s } = trace(doc);
    const log = s.events().filter((e) => e.subject === 'fw1');
    expect(log.map((e) => e.kind)).toEqual(['appliance-full', 'appliance-ok']);
    expect(log[0]).toMatchObject({ timeMs: 50, message: 'fw1 is dropping flows: its queue is full (2 waiting for 1 worker)' });
    // the next arrival after the rate change (1 per second) finds the queue empty
    expect(log[1].timeMs).toBeGreaterThan(300);
  });

  it("concurrency defaults to the appliance's vCPUs and the queue to 1,024", () => {
    const m2 = createSimulation(checked(world({})));
    m2.runUntil(100);
    expect(m2.metrics().inspection!.lb.appliances.fw1).toMatchObject({ concurrency: 2, queueLimit: 1024 }); // m5.large: 2 vCPUs
    const m8 = createSimulation(checked(world({}, { instanceType: 'c5.2xlarge' })));
    m8.runUntil(100);
    expect(m8.metrics().inspection!.lb.appliances.fw1.concurrency).toBe(8);
  });

  it('an inspection time distribution draws from its own stream: the extra time is the mean of its own draws', () => {
    // exponential, mean 2 ms, 448 workers (no waiting): request n takes −2 ln(1 − uₙ) ms more than a 0 ms
    // inspection, uₙ the n-th draw of the seed's `appliance` stream; arrivals and service are unchanged
    const exp = trace(world({ applianceMs: { dist: 'exponential', meanMs: 2 }, applianceConcurrency: 448 }));
    const zero = trace(world({ applianceMs: 0, applianceConcurrency: 448 }));
    const seed = checked(world({})).seed;
    const rng = new Rng(seed, 'appliance');
    for (let n = 0; n < 100; n++) {
      const at = 10 * (n + 1);
      expect(exp.byArrival.get(at)!.latencyMs - zero.byArrival.get(at)!.latencyMs).toBeCloseTo(-2 * Math.log(1 - rng.next()), 9);
    }
  });

  it('refuses bad appliance settings with their JSON paths', () => {
    const r = validateScenario(world({ applianceConcurrency: 0, applianceQueueLimit: -1, applianceMs: { dist: 'lognormal', medianMs: 5, p99Ms: 1 } }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path);
    expect(paths).toContain('balancers[0].inspection.applianceConcurrency');
    expect(paths).toContain('balancers[0].inspection.applianceQueueLimit');
    expect(paths).toContain('balancers[0].inspection.applianceMs.p99Ms');
  });

  it('a journey names the wait for a worker and a drop for a full queue', () => {
    const doc = checked(world({ applianceMs: 25, applianceConcurrency: 1, applianceQueueLimit: 2 }));
    const waited = explainRequest(doc, 1, [], 1000)!.steps.find((x) => x.where === 'GWLB fw')!;
    expect(waited.why).toContain('plus its inspection (25 ms) after 15 ms waiting for one of its workers');
    const dropped = explainRequest(doc, 4, [], 1000)!.steps.find((x) => x.where === 'GWLB fw')!;
    expect(dropped.why).toContain("fw1's queue is full (2 waiting for 1 worker): the appliance drops the flow");
  });
});

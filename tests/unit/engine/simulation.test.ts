import { describe, expect, it } from 'vitest';
import { createSimulation, TARGET_STRIDE, TF, FLOW_STRIDE, type TraceRecord } from '../../../src/engine/index.ts';
import { checked, simple } from './support/scenarios.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';

function trace(scenario: ReturnType<typeof simple>, untilMs: number): TraceRecord[] {
  const out: TraceRecord[] = [];
  const sim = createSimulation(scenario, { onRequestDone: (r) => out.push(r) });
  sim.runUntil(untilMs);
  return out.sort((a, b) => a.id - b.id);
}

describe('determinism', () => {
  it('the same scenario and seed give identical metrics and traces, twice', () => {
    const s = simple({ algorithm: 'power-of-two-choices', ratePerSec: 50, targets: 5, concurrency: 2 });
    const a = createSimulation(s);
    const b = createSimulation(s);
    a.runUntil(30_000);
    b.runUntil(30_000);
    expect(a.metrics()).toEqual(b.metrics());
    expect(trace(s, 10_000)).toEqual(trace(s, 10_000));
  });

  it('a different seed gives a different run', () => {
    const a = createSimulation(simple({ seed: 1 }));
    const b = createSimulation(simple({ seed: 2 }));
    a.runUntil(10_000);
    b.runUntil(10_000);
    expect(a.metrics().requests.total).not.toBe(b.metrics().requests.total);
  });

  it('running in many small steps equals one long run', () => {
    const s = simple({ ratePerSec: 40, concurrency: 2 });
    const a = createSimulation(s);
    const b = createSimulation(s);
    for (let t = 16; t <= 20_000; t += 16) a.runUntil(t);
    a.runUntil(20_000);
    b.runUntil(20_000);
    expect(a.metrics()).toEqual(b.metrics());
  });
});

describe('common random numbers', () => {
  it('switching the algorithm leaves every arrival time, client and request size unchanged', () => {
    const rr = trace(simple({ algorithm: 'round-robin', ratePerSec: 20, exponential: true }), 20_000);
    const lc = trace(simple({ algorithm: 'least-connections', ratePerSec: 20, exponential: true }), 20_000);
    const n = Math.min(rr.length, lc.length) - 50;
    expect(n).toBeGreaterThan(300);
    for (let i = 0; i < n; i++) {
      expect(lc[i].arrivalMs).toBe(rr[i].arrivalMs);
      expect(lc[i].client).toBe(rr[i].client);
    }
    // the targets differ, so the comparison is meaningful
    expect(lc.slice(0, n).some((r, i) => r.target !== rr[i].target)).toBe(true);
  });

  it('a request has the same service time wherever it goes when nothing queues', () => {
    // one slot each, tiny load: latency = service time, identical under any algorithm
    const a = trace(simple({ algorithm: 'round-robin', ratePerSec: 0.5, targets: 3 }), 100_000);
    const b = trace(simple({ algorithm: 'random', ratePerSec: 0.5, targets: 3 }), 100_000);
    let same = 0;
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (Math.abs(a[i].latencyMs - b[i].latencyMs) < 1e-9) same++;
    expect(same / a.length).toBeGreaterThan(0.95);
  });
});

describe('targets', () => {
  it('utilisation is busy slot-time over slot-time: constant 100 ms at 5 req/s on one slot is 50 %', () => {
    // arrivals at 0.2 s, 0.4 s … 100 s: 499 finished 100 ms jobs plus one just started
    const sim = createSimulation(simple({ targets: 1, arrival: 'constant', ratePerSec: 5, exponential: false, serviceMs: 100, network: false }));
    sim.runUntil(100_000);
    const m = sim.metrics();
    expect(m.targets.a.utilization).toBeCloseTo(0.499, 9);
    expect(m.latencyMs.p99).toBeCloseTo(100, 0);
    expect(m.requests.failed).toBe(0);
  });

  it('a full queue rejects with 503 and says so in the event log', () => {
    const sim = createSimulation(simple({ targets: 1, ratePerSec: 100, serviceMs: 100, queueLimit: 5 }));
    sim.runUntil(10_000);
    const m = sim.metrics();
    expect(m.failures.rejected).toBeGreaterThan(500);
    expect(m.requests.ok).toBeLessThan(110);
    expect(sim.events().some((e) => e.kind === 'rejecting' && /queue is full \(5 waiting\)/.test(e.message))).toBe(true);
  });

  it('requests that wait longer than the timeout fail with 504 at the timeout', () => {
    const out: TraceRecord[] = [];
    const sim = createSimulation(simple({ targets: 1, ratePerSec: 20, serviceMs: 100, exponential: false, timeoutMs: 2000, network: false }), { onRequestDone: (r) => out.push(r) });
    sim.runUntil(30_000);
    const timeouts = out.filter((r) => r.outcome === 'timeout');
    expect(timeouts.length).toBeGreaterThan(100);
    for (const r of timeouts) expect(r.latencyMs).toBeCloseTo(2000, 6);
    expect(Math.max(...out.filter((r) => r.outcome === 'ok').map((r) => r.latencyMs))).toBeLessThanOrEqual(2000);
  });

  it('with no request timeout (0) an overloaded target keeps every request until it answers, past the default 60 s', () => {
    // 20 req/s into one slot of 100 ms (10 req/s): the queue grows by 10 a second, so the request sent at second
    // 150 waits about 75 s; with the default 60 s those fail with 504, with 0 they are all answered
    const run = (timeoutMs: number | undefined) => {
      const out: TraceRecord[] = [];
      const sim = createSimulation(simple({ targets: 1, ratePerSec: 20, serviceMs: 100, exponential: false, timeoutMs, network: false }), { onRequestDone: (r) => out.push(r) });
      sim.runUntil(300_000);
      return out;
    };
    const none = run(0);
    expect(none.filter((r) => r.outcome !== 'ok')).toEqual([]);
    expect(Math.max(...none.map((r) => r.latencyMs))).toBeGreaterThan(90_000);
    const dflt = run(undefined);
    expect(dflt.filter((r) => r.outcome === 'timeout').length).toBeGreaterThan(100);
  });

  it('a crashed target fails what it holds, refuses new requests, and serves again after recovery', () => {
    const s = simple({ targets: 2, ratePerSec: 20, concurrency: 2 });
    const sim = createSimulation(s);
    sim.runUntil(5_000);
    expect(sim.apply({ action: 'crash', target: 'b' })).toBeNull();
    sim.runUntil(10_000);
    const mid = sim.metrics();
    expect(mid.failures.refused).toBeGreaterThan(40);
    // round robin keeps sending half the traffic to b: nothing took it out of rotation
    expect(mid.targets.b.failed).toBe(mid.failures.refused);
    expect(mid.targets.b.failures.refused).toBe(mid.failures.refused);
    expect(mid.targets.a.failures.refused).toBe(0);
    const snap = sim.snapshot();
    expect(snap.targets[1 * TARGET_STRIDE + TF.state]).toBe(1);
    expect(snap.targets[1 * TARGET_STRIDE + TF.inService]).toBe(0);
    sim.apply({ action: 'recover', target: 'b' });
    sim.runUntil(20_000);
    const end = sim.metrics();
    expect(end.failures.refused).toBe(mid.failures.refused);
    expect(end.targets.b.ok).toBeGreaterThan(mid.targets.b.ok + 50);
    expect(sim.events().map((e) => e.kind)).toEqual(expect.arrayContaining(['crash', 'recover']));
  });

  it('scheduled events in the scenario happen at their time', () => {
    const doc = { ...simple(), events: [{ atSec: 3, action: 'crash' as const, target: 'a' }] };
    const sim = createSimulation(checked(doc as ScenarioInput));
    sim.runUntil(2_999);
    expect(sim.events().some((e) => e.kind === 'crash')).toBe(false);
    sim.runUntil(3_000);
    const crash = sim.events().find((e) => e.kind === 'crash');
    expect(crash?.timeMs).toBe(3000);
  });
});

describe('traffic', () => {
  it('closed-loop users keep exactly one request each in flight or thinking', () => {
    const sim = createSimulation(
      checked({
        schemaVersion: 1,
        name: 'closed',
        traffic: { arrival: { kind: 'closed', users: 20, thinkTimeMs: { dist: 'constant', valueMs: 900 } } },
        balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'g' }] }],
        targetGroups: [{ id: 'g', algorithm: 'round-robin', targets: [{ id: 'a', concurrency: 100, serviceTimeMs: { dist: 'constant', valueMs: 100 } }] }],
      }),
    );
    sim.runUntil(100_000);
    const m = sim.metrics();
    // each user cycles every 100 + 900 ms plus 20.8 ms of network (and a 20 ms handshake one time in 100):
    // 20 users → 20 / 1.021 = 19.6 req/s, less the first think time of each user
    expect(m.throughputPerSec).toBeGreaterThan(19.2);
    expect(m.throughputPerSec).toBeLessThan(19.7);
    expect(m.requests.inFlight).toBeLessThanOrEqual(20);
  });

  it('a rate profile ramps the arrival rate', () => {
    const sim = createSimulation(
      checked({
        schemaVersion: 1,
        name: 'ramp',
        traffic: { arrival: { kind: 'constant', ratePerSec: 10 }, profile: [{ atSec: 10, ratePerSec: 110, rampSec: 10 }] },
        balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'g' }] }],
        targetGroups: [{ id: 'g', algorithm: 'round-robin', targets: [{ id: 'a', concurrency: 1000, serviceTimeMs: { dist: 'constant', valueMs: 1 } }] }],
      }),
    );
    sim.runUntil(30_000);
    const s = sim.series();
    expect(s.arrived[5]).toBe(10);
    expect(s.arrived[15]).toBeGreaterThan(60);
    expect(s.arrived[15]).toBeLessThan(70);
    expect(s.arrived[25]).toBe(110);
    // 10 s at 10/s + a ramp averaging 60/s + 10 s at 110/s
    expect(sim.metrics().requests.total).toBeGreaterThan(1795);
    expect(sim.metrics().requests.total).toBeLessThan(1805);
  });

  it('a live rate change takes effect at once', () => {
    const sim = createSimulation(simple({ arrival: 'constant', ratePerSec: 10, concurrency: 100, serviceMs: 1 }));
    sim.runUntil(10_000);
    expect(sim.apply({ action: 'set-rate', ratePerSec: 100 })).toBeNull();
    sim.runUntil(20_000);
    const s = sim.series();
    expect(s.arrived[5]).toBe(10);
    expect(s.arrived[15]).toBe(100);
  });

  it('clients get distinct addresses, one per /24, so hashing by address spreads them', () => {
    const seen = new Map<string, number>();
    const sim = createSimulation(simple({ algorithm: 'ip-hash', ratePerSec: 200, clients: 3000, targets: 4, concurrency: 50, serviceMs: 1 }));
    sim.runUntil(60_000);
    for (const t of Object.values(sim.metrics().targets)) seen.set(String(seen.size), t.requests);
    const counts = [...seen.values()];
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    for (const c of counts) expect(Math.abs(c / mean - 1)).toBeLessThan(0.15);
  });
});

describe('balancers', () => {
  const routed: ScenarioInput = {
    schemaVersion: 1,
    name: 'routes',
    traffic: {
      arrival: { kind: 'poisson', ratePerSec: 100 },
      mix: [
        { name: 'api', host: 'shop.example.com', path: '/api/cart', share: 1 },
        { name: 'admin', host: 'ADMIN.example.com', path: '/', share: 1 },
        { name: 'beta', host: 'shop.example.com', path: '/', headers: { 'X-Beta': 'yes' }, share: 1 },
        { name: 'other', host: 'shop.example.com', path: '/', share: 1 },
      ],
    },
    balancers: [
      {
        id: 'lb',
        listeners: [
          {
            port: 80,
            rules: [
              { match: { pathPrefix: '/api' }, forward: 'api' },
              { match: { host: 'admin.*' }, forward: 'admin' },
              { match: { header: { name: 'x-beta', value: 'Y*' } }, forward: 'beta' },
            ],
          },
        ],
      },
    ],
    targetGroups: ['api', 'admin', 'beta'].map((g) => ({ id: g, algorithm: 'round-robin' as const, targets: [{ id: `${g}-1`, concurrency: 100, serviceTimeMs: { dist: 'constant' as const, valueMs: 1 } }] })),
  };

  it('layer 7 routes by path prefix, host wildcard and header, first match wins; no default gives 404', () => {
    const sim = createSimulation(checked(routed));
    sim.runUntil(60_000);
    const m = sim.metrics();
    const total = m.requests.total;
    for (const g of ['api', 'admin', 'beta']) expect(Math.abs(m.targets[`${g}-1`].requests / total - 0.25)).toBeLessThan(0.03);
    expect(Math.abs(m.failures['no-route'] / total - 0.25)).toBeLessThan(0.03);
  });

  it('layer 4 keeps a client on one target for the life of its connection', () => {
    const doc = checked({
      schemaVersion: 1,
      name: 'l4',
      traffic: { arrival: { kind: 'poisson', ratePerSec: 50 }, clients: { count: 20 } },
      balancers: [{ id: 'nlb', layer: 4, requestsPerConnection: 1000, listeners: [{ port: 443, protocol: 'tcp', defaultForward: 'g' }] }],
      targetGroups: [{ id: 'g', algorithm: 'round-robin', targets: ['a', 'b', 'c', 'd'].map((id) => ({ id, concurrency: 50, serviceTimeMs: { dist: 'constant' as const, valueMs: 5 } })) }],
    });
    const out: TraceRecord[] = [];
    const sim = createSimulation(doc, { onRequestDone: (r) => out.push(r) });
    sim.runUntil(60_000);
    const byClient = new Map<number, Set<string | null>>();
    for (const r of out) byClient.set(r.client, (byClient.get(r.client) ?? new Set()).add(r.target));
    expect(byClient.size).toBe(20);
    for (const targets of byClient.values()) expect(targets.size).toBe(1);
  });

  it('a live algorithm switch changes where requests go without a reset', () => {
    const sim = createSimulation(simple({ algorithm: 'weighted-round-robin', weights: [5, 1, 1], ratePerSec: 70, concurrency: 10, serviceMs: 10 }));
    sim.runUntil(10_000);
    const before = sim.metrics().targets;
    expect(before.a.requests / (before.b.requests + before.c.requests)).toBeCloseTo(2.5, 1);
    expect(sim.apply({ action: 'set-algorithm', group: 'web', algorithm: 'round-robin' })).toBeNull();
    sim.runUntil(20_000);
    const after = sim.metrics().targets;
    const da = after.a.requests - before.a.requests;
    const db = after.b.requests - before.b.requests;
    expect(da / db).toBeCloseTo(1, 1);
    expect(sim.topology().groups[0].algorithm).toBe('round-robin');
  });

  it('weights set live change the shares', () => {
    const sim = createSimulation(simple({ algorithm: 'weighted-round-robin', ratePerSec: 60, concurrency: 10, serviceMs: 10 }));
    sim.runUntil(1_000);
    sim.apply({ action: 'set-weight', target: 'a', weight: 4 });
    const before = sim.metrics().targets;
    sim.runUntil(61_000);
    const after = sim.metrics().targets;
    const share = (after.a.requests - before.a.requests) / (after.b.requests - before.b.requests);
    expect(share).toBeCloseTo(4, 1);
  });
});

describe('live changes', () => {
  it('growing a group adds targets that take traffic; shrinking drains them', () => {
    const sim = createSimulation(simple({ targets: 2, ratePerSec: 40, concurrency: 4, serviceMs: 50 }));
    sim.runUntil(5_000);
    expect(sim.apply({ action: 'set-target-count', group: 'web', count: 4 })).toBeNull();
    const topo = sim.topology();
    expect(topo.groups[0].targets).toHaveLength(4);
    expect(topo.targets.map((t) => t.id)).toEqual(['a', 'b', 'web-3', 'web-4']);
    sim.runUntil(10_000);
    expect(sim.metrics().targets['web-4'].requests).toBeGreaterThan(20);
    sim.apply({ action: 'set-target-count', group: 'web', count: 1 });
    const frozen = sim.metrics().targets.b.requests;
    sim.runUntil(15_000);
    const m = sim.metrics();
    expect(m.targets.b.requests).toBe(frozen);
    expect(m.targets.b.failed).toBe(0);
    expect(sim.topology().targets.filter((t) => t.registered).map((t) => t.id)).toEqual(['a']);
    // growing again re-registers the same targets before making new ones
    sim.apply({ action: 'set-target-count', group: 'web', count: 3 });
    expect(sim.topology().groups[0].targets.map((i) => sim.topology().targets[i].id)).toEqual(['a', 'b', 'web-3']);
  });

  it('an impossible change is refused with a message and changes nothing', () => {
    const sim = createSimulation(simple({ targets: 1 }));
    sim.runUntil(1_000);
    const before = sim.metrics();
    expect(sim.apply({ action: 'crash', target: 'zzz' })).toMatch(/no target with id "zzz"/);
    expect(sim.apply({ action: 'set-weight', target: 'a', weight: 0 })).toMatch(/weight 0/);
    expect(sim.metrics()).toEqual(before);
  });
});

describe('snapshots and series', () => {
  it('a snapshot carries per-target typed arrays and sampled flows with simulation timing', () => {
    const sim = createSimulation(simple({ targets: 3, ratePerSec: 30, concurrency: 2 }));
    sim.runUntil(5_000);
    const s = sim.snapshot();
    expect(s.timeMs).toBe(5000);
    expect(s.targets).toBeInstanceOf(Float64Array);
    expect(s.targets.length).toBe(3 * TARGET_STRIDE);
    expect(s.flows.length % FLOW_STRIDE).toBe(0);
    let finals = 0;
    for (let i = 0; i < s.flows.length; i += FLOW_STRIDE) if (s.flows[i + 5] !== -1) finals++;
    expect(finals).toBe(s.totals.ok + s.totals.failed);
    for (let i = 0; i < s.flows.length; i += FLOW_STRIDE) {
      if (s.flows[i + 5] === -1) continue; // a departure record: end not known yet
      expect(s.flows[i + 2]).toBeLessThanOrEqual(s.flows[i + 3]);
      expect(s.flows[i + 3]).toBeLessThanOrEqual(s.flows[i + 4]);
    }
    // reading a snapshot changes nothing; flows are handed over once the host drains them
    expect(sim.snapshot().flows).toEqual(s.flows);
    sim.drainFlows();
    expect(sim.snapshot().flows.length).toBe(0);
  });

  it('heavy traffic is sampled, and the snapshot says how many requests one flow stands for', () => {
    const sim = createSimulation(simple({ targets: 10, ratePerSec: 5000, concurrency: 100, serviceMs: 10 }));
    sim.runUntil(3_000);
    sim.drainFlows();
    sim.runUntil(4_000);
    const s = sim.snapshot();
    expect(s.flowSampleEvery).toBe(20);
    let finals = 0;
    for (let i = 0; i < s.flows.length; i += FLOW_STRIDE) if (s.flows[i + 5] !== -1) finals++;
    expect(finals).toBeGreaterThan(200);
    expect(finals).toBeLessThan(300);
  });

  it('per-second series add up to the totals and stay bounded', () => {
    const sim = createSimulation(simple({ ratePerSec: 20, concurrency: 4 }), { seriesCapacity: 50 });
    sim.runUntil(40_000);
    const s = sim.series();
    const m = sim.metrics();
    expect(s.seconds).toBe(40);
    expect(s.arrived.reduce((a, b) => a + b, 0)).toBe(m.requests.total);
    let perTarget = 0;
    for (let i = 0; i < s.targetRequests.length; i++) perTarget += s.targetRequests[i];
    expect(perTarget).toBe(m.requests.total);
    sim.runUntil(120_000);
    const later = sim.series();
    expect(later.seconds).toBe(50);
    expect(later.startSec).toBe(70);
  });
});

describe('crash bookkeeping', () => {
  it('a crash also frees requests that already timed out but were still held, so slots never exceed concurrency', () => {
    // constant 5 s service with a 1 s timeout: every request is orphaned in service when the crash comes
    const sim = createSimulation(simple({ targets: 1, concurrency: 1, ratePerSec: 2, arrival: 'constant', exponential: false, serviceMs: 5000, timeoutMs: 1000, queueLimit: 10 }));
    sim.runUntil(3_000);
    sim.apply({ action: 'crash', target: 'a' });
    sim.apply({ action: 'recover', target: 'a' });
    for (let t = 3_100; t < 30_000; t += 100) {
      sim.runUntil(t);
      const s = sim.snapshot();
      expect(s.targets[TF.inService]).toBeLessThanOrEqual(1);
      expect(s.targets[TF.inService]).toBeGreaterThanOrEqual(0);
    }
  });

  it('utilisation over the run accounts for a live change of slots', () => {
    const sim = createSimulation(simple({ targets: 1, concurrency: 1, arrival: 'constant', ratePerSec: 5, exponential: false, serviceMs: 100 }));
    sim.runUntil(50_000);
    sim.apply({ action: 'set-concurrency', target: 'a', concurrency: 2 });
    sim.runUntil(100_000);
    // busy 25 s in each half; capacity 50 slot-s then 100 slot-s
    expect(sim.metrics().targets.a.utilization).toBeCloseTo((25 + 25) / (50 + 100), 2);
  });
});

describe('failure modes', () => {
  it('a hung target takes requests and never answers: they time out, and recovery resets them', () => {
    const sim = createSimulation(simple({ targets: 2, concurrency: 4, ratePerSec: 10, timeoutMs: 5000 }));
    sim.runUntil(5_000);
    sim.apply({ action: 'hang', target: 'a' });
    sim.runUntil(30_000);
    const m = sim.metrics();
    expect(m.targets.a.failures.timeout).toBeGreaterThan(4);
    expect(m.targets.a.failures.timeout).toBe(m.failures.timeout);
    expect(sim.snapshot().targets[TF.state]).toBe(2);
    expect(sim.apply({ action: 'recover', target: 'a' })).toBeNull();
    const okBefore = sim.metrics().targets.a.ok;
    sim.runUntil(60_000);
    expect(sim.metrics().targets.a.ok).toBeGreaterThan(okBefore + 50);
    expect(sim.snapshot().targets[TF.inService]).toBeLessThanOrEqual(4);
  });

  it('a slow target serves k times slower', () => {
    const base = createSimulation(simple({ targets: 1, concurrency: 100, ratePerSec: 5, exponential: false, serviceMs: 100, network: false }));
    const slow = createSimulation(simple({ targets: 1, concurrency: 100, ratePerSec: 5, exponential: false, serviceMs: 100, network: false }));
    slow.apply({ action: 'slow', target: 'a', factor: 4 });
    base.runUntil(20_000);
    slow.runUntil(20_000);
    expect(base.metrics().latencyMs.p50).toBeCloseTo(100, 0);
    expect(slow.metrics().latencyMs.p50).toBeCloseTo(400, 0);
    expect(slow.snapshot().targets[TF.slowFactor]).toBe(4);
  });

  it('an erroring target answers about its share of requests with 500', () => {
    const sim = createSimulation(simple({ targets: 1, concurrency: 50, ratePerSec: 100, serviceMs: 10 }));
    sim.apply({ action: 'errors', target: 'a', share: 0.3 });
    sim.runUntil(100_000);
    const m = sim.metrics();
    expect(Math.abs(m.failures.error / (m.requests.ok + m.requests.failed) - 0.3)).toBeLessThan(0.01);
  });

  it('brownout is slow and failing at once; recover clears both', () => {
    const sim = createSimulation(simple({ targets: 1, concurrency: 50, ratePerSec: 50, exponential: false, serviceMs: 20, network: false }));
    sim.apply({ action: 'brownout', target: 'a', factor: 3, share: 0.5 });
    sim.runUntil(20_000);
    const m = sim.metrics();
    expect(m.latencyMs.p50).toBeCloseTo(60, 0);
    expect(m.failures.error / (m.requests.ok + m.requests.failed)).toBeGreaterThan(0.45);
    sim.apply({ action: 'recover', target: 'a' });
    const snap = sim.snapshot();
    expect([snap.targets[TF.state], snap.targets[TF.slowFactor], snap.targets[TF.errorShare]]).toEqual([0, 1, 0]);
  });

  it('a crashed target cannot hang or slow down until it recovers', () => {
    const sim = createSimulation(simple());
    sim.apply({ action: 'crash', target: 'a' });
    expect(sim.apply({ action: 'hang', target: 'a' })).toMatch(/crashed; recover it first/);
    expect(sim.apply({ action: 'slow', target: 'a', factor: 2 })).toMatch(/recover it first/);
  });
});

describe('deregistration and draining', () => {
  it('a draining target gets no new requests, finishes what it holds, and is unused after the delay', () => {
    // a gets 1 req/s and can serve 4/3 per second: it holds a few requests at any time
    const doc = simple({ targets: 2, concurrency: 4, arrival: 'constant', ratePerSec: 2, exponential: false, serviceMs: 3000, queueLimit: 100 });
    doc.targetGroups[0].deregistrationDelaySec = 20;
    const sim = createSimulation(doc);
    sim.runUntil(10_000);
    const before = sim.metrics().targets.a;
    expect(before.inFlight).toBeGreaterThanOrEqual(2);
    sim.apply({ action: 'deregister', target: 'a' });
    expect(sim.snapshot().targets[TF.lifecycle]).toBe(1);
    sim.runUntil(29_000);
    const mid = sim.metrics().targets.a;
    expect(mid.requests).toBe(before.requests);
    expect(mid.failed).toBe(0);
    expect(mid.ok).toBe(before.ok + before.inFlight);
    sim.runUntil(31_000);
    expect(sim.snapshot().targets[TF.lifecycle]).toBe(2);
    expect(sim.topology().targets[0].registered).toBe(false);
    expect(sim.events().some((e) => e.kind === 'unused' && /finished draining/.test(e.message))).toBe(true);
  });

  it('what is still open when the delay ends is cut off with 502', () => {
    // nothing finishes within the window: 60 s per request
    const doc = simple({ targets: 2, concurrency: 1, ratePerSec: 2, exponential: false, serviceMs: 60_000, queueLimit: 100, timeoutMs: 1_000_000 });
    doc.targetGroups[0].deregistrationDelaySec = 5;
    const sim = createSimulation(doc);
    sim.runUntil(10_000);
    const held = sim.metrics().targets.a.inFlight;
    expect(held).toBeGreaterThan(1);
    sim.apply({ action: 'deregister', target: 'a' });
    sim.runUntil(16_000);
    expect(sim.metrics().targets.a.failures.refused).toBe(held);
  });

  it('registering again puts the target back in rotation', () => {
    const sim = createSimulation(simple({ targets: 2, ratePerSec: 20, concurrency: 4 }));
    sim.apply({ action: 'deregister', target: 'b' });
    sim.runUntil(10_000);
    expect(sim.metrics().targets.b.requests).toBe(0);
    sim.apply({ action: 'register', target: 'b' });
    sim.runUntil(20_000);
    expect(sim.metrics().targets.b.requests).toBeGreaterThan(50);
    // the old drain timer must not unregister it later
    sim.runUntil(400_000);
    expect(sim.snapshot().targets[TARGET_STRIDE + TF.lifecycle]).toBe(0);
  });
});

describe('flows', () => {
  it('a drawn request has a departure record when sent and a final record when it finishes', () => {
    const sim = createSimulation(simple({ targets: 2, arrival: 'constant', ratePerSec: 5, exponential: false, serviceMs: 500, concurrency: 10 }));
    sim.runUntil(10_000);
    const f = sim.snapshot().flows;
    const departed = new Map<number, number>();
    const finished = new Map<number, number>();
    for (let i = 0; i < f.length; i += FLOW_STRIDE) {
      if (f[i + 5] === -1) {
        expect(Number.isNaN(f[i + 4])).toBe(true);
        departed.set(f[i], f[i + 2]);
      } else finished.set(f[i], f[i + 4]);
    }
    expect(departed.size).toBe(50);
    // sent every 200 ms from 0.2 s: those sent at 9.6, 9.8 and 10 s are still in service
    expect(finished.size).toBe(47);
    for (const [id, end] of finished) expect(end).toBeCloseTo(departed.get(id)! + 500, 6);
  });
});

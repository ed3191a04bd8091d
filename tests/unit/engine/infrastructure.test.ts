// Above the targets: availability zones and cross-zone balancing, balancers that fail (alone or with a
// standby), and regions behind a Route 53 name whose answers clients cache for the TTL.
import { describe, expect, it } from 'vitest';
import { createSimulation, type TraceRecord } from '../../../src/engine/index.ts';
import { checked } from './support/scenarios.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';

const svc = { dist: 'constant' as const, valueMs: 10 };

function zonal(crossZone: boolean): ScenarioInput {
  // zone a has one target, zone b has four (uneven, as in the AWS documentation's example)
  return {
    schemaVersion: 1,
    name: 'zones',
    traffic: { arrival: { kind: 'poisson', ratePerSec: 100 }, clients: { count: 2000 } },
    balancers: [{ id: 'lb', layer: 7, zones: ['a', 'b'], crossZone, listeners: [{ port: 80, defaultForward: 'web' }] }],
    targetGroups: [
      {
        id: 'web',
        algorithm: 'round-robin',
        targets: [
          { id: 'a1', zone: 'a', concurrency: 50, serviceTimeMs: svc },
          ...[1, 2, 3, 4].map((i) => ({ id: `b${i}`, zone: 'b', concurrency: 50, serviceTimeMs: svc })),
        ],
      },
    ],
  };
}

describe('availability zones', () => {
  it('with cross-zone on, five targets share evenly; off, the lone target in zone a takes half the traffic', () => {
    const on = createSimulation(checked(zonal(true)));
    const off = createSimulation(checked(zonal(false)));
    on.runUntil(60_000);
    off.runUntil(60_000);
    const share = (m: ReturnType<typeof on.metrics>, id: string) => m.targets[id].requests / m.requests.total;
    expect(share(on.metrics(), 'a1')).toBeCloseTo(0.2, 1);
    expect(share(off.metrics(), 'a1')).toBeCloseTo(0.5, 1);
    expect(share(off.metrics(), 'b1')).toBeCloseTo(0.125, 1);
  });

  it('a zone outage stops its targets and node; clients of that node fail until their DNS cache (60 s) expires', () => {
    const doc = { ...zonal(true), events: [{ atSec: 30, action: 'zone-outage' as const, zone: 'a' }] };
    const out: TraceRecord[] = [];
    const s = createSimulation(checked(doc), { onRequestDone: (r) => out.push(r) });
    s.runUntil(200_000);
    const unreachable = out.filter((r) => r.outcome === 'unreachable');
    expect(unreachable.length).toBeGreaterThan(100);
    // nobody fails for the node after their cached answer (at most 60 s old at the outage) ran out
    expect(Math.max(...unreachable.map((r) => r.arrivalMs))).toBeLessThan(90_000);
    expect(s.events().some((e) => e.kind === 'outage' && /zone a is down/.test(e.message))).toBe(true);
  });

  it('targets without a zone are spread over the balancer zones in order', () => {
    const doc = zonal(false);
    doc.targetGroups[0].targets = [0, 1, 2, 3].map((i) => ({ id: `t${i}`, concurrency: 50, serviceTimeMs: svc }));
    const s = createSimulation(checked(doc));
    s.runUntil(30_000);
    const m = s.metrics();
    // t0, t2 in a; t1, t3 in b: each zone's node splits its half between two targets
    for (const id of ['t0', 't1', 't2', 't3']) expect(m.targets[id].requests / m.requests.total).toBeCloseTo(0.25, 1);
  });
});

function single(standby: boolean): ScenarioInput {
  return {
    schemaVersion: 1,
    name: 'lb failure',
    traffic: { arrival: { kind: 'constant', ratePerSec: 10 } },
    balancers: [{ id: 'lb', ...(standby ? { standby: { heartbeatIntervalSec: 1, missedHeartbeats: 3 } } : {}), listeners: [{ port: 80, defaultForward: 'web' }] }],
    targetGroups: [{ id: 'web', algorithm: 'round-robin', targets: [{ id: 'a', concurrency: 10, serviceTimeMs: svc }] }],
    events: [{ atSec: 10, action: 'crash-balancer', balancer: 'lb' }],
  };
}

describe('the balancer itself', () => {
  it('a single balancer is a single point of failure: everything fails after it does', () => {
    const out: TraceRecord[] = [];
    const s = createSimulation(checked(single(false)), { onRequestDone: (r) => out.push(r) });
    s.runUntil(60_000);
    const after = out.filter((r) => r.arrivalMs >= 10_000);
    expect(after.length).toBeGreaterThan(490);
    expect(after.every((r) => r.outcome === 'unreachable')).toBe(true);
    expect(out.filter((r) => r.arrivalMs < 10_000).every((r) => r.outcome === 'ok')).toBe(true);
    expect(s.events().some((e) => /single point of failure/.test(e.message))).toBe(true);
  });

  it('with a hot standby, only the 3 s of missed heartbeats fail', () => {
    const out: TraceRecord[] = [];
    const s = createSimulation(checked(single(true)), { onRequestDone: (r) => out.push(r) });
    s.runUntil(60_000);
    const failed = out.filter((r) => r.outcome === 'unreachable');
    // 10 req/s for the 3 s between the failure and the takeover
    expect(failed.length).toBeGreaterThanOrEqual(29);
    expect(failed.length).toBeLessThanOrEqual(31);
    expect(failed.every((r) => r.arrivalMs >= 10_000 && r.arrivalMs <= 13_000)).toBe(true);
    expect(out.filter((r) => r.arrivalMs > 13_000).every((r) => r.outcome === 'ok')).toBe(true);
    expect(s.events().some((e) => e.kind === 'takeover')).toBe(true);
  });
});

function regions(policy: 'failover' | 'weighted', ignoreTtlShare = 0): ScenarioInput {
  return {
    schemaVersion: 1,
    name: 'regions',
    traffic: { arrival: { kind: 'poisson', ratePerSec: 50 }, clients: { count: 500 } },
    balancers: [
      { id: 'east', region: 'us-east-1', listeners: [{ port: 80, defaultForward: 'east-web' }] },
      { id: 'west', region: 'us-west-2', listeners: [{ port: 80, defaultForward: 'west-web' }] },
    ],
    targetGroups: ['east', 'west'].map((r) => ({ id: `${r}-web`, algorithm: 'round-robin' as const, targets: [1, 2].map((i) => ({ id: `${r}${i}`, concurrency: 50, serviceTimeMs: svc })) })),
    dns: {
      policy,
      ttlSec: 60,
      records: [
        { id: 'primary', balancer: 'east', ...(policy === 'failover' ? { failover: 'primary' as const } : {}) },
        { id: 'secondary', balancer: 'west', ...(policy === 'failover' ? { failover: 'secondary' as const } : {}) },
      ],
      resolvers: { count: 50, ignoreTtlShare, ignoreTtlExtraSec: 600 },
      healthChecks: { intervalSec: 30, failureThreshold: 3, checkers: 1 },
    },
    events: [{ atSec: 100, action: 'region-outage', region: 'us-east-1' }],
  };
}

describe('regions behind Route 53', () => {
  it('active-passive: before the outage only east serves; after it, clients fail until checks flip and their TTL ends', () => {
    const out: TraceRecord[] = [];
    const s = createSimulation(checked(regions('failover')), { onRequestDone: (r) => out.push(r) });
    s.runUntil(400_000);
    const before = out.filter((r) => r.arrivalMs < 100_000);
    expect(before.every((r) => r.target?.startsWith('east'))).toBe(true);
    const failed = out.filter((r) => r.outcome !== 'ok');
    expect(failed.length).toBeGreaterThan(1000);
    const lastFail = Math.max(...failed.map((r) => r.arrivalMs));
    // record unhealthy after 3 failed checks (≤ 90 s), then cached answers live up to 60 s more
    expect(lastFail).toBeGreaterThan(150_000);
    expect(lastFail).toBeLessThanOrEqual(100_000 + 90_000 + 60_000);
    expect(out.filter((r) => r.arrivalMs > 260_000).every((r) => r.outcome === 'ok' && r.target?.startsWith('west'))).toBe(true);
    expect(s.events().some((e) => e.kind === 'dns-unhealthy' && e.subject === 'primary')).toBe(true);
  });

  it('resolvers that ignore the TTL keep sending their clients to the dead region for longer', () => {
    const late = (share: number) => {
      const out: TraceRecord[] = [];
      const s = createSimulation(checked(regions('failover', share)), { onRequestDone: (r) => out.push(r) });
      s.runUntil(1_000_000);
      return out.filter((r) => r.outcome !== 'ok' && r.arrivalMs > 260_000).length;
    };
    expect(late(0)).toBe(0);
    expect(late(0.2)).toBeGreaterThan(500);
  });

  it('active-active (weighted 1:1): both regions serve, and after the outage the survivor takes everything', () => {
    const out: TraceRecord[] = [];
    const s = createSimulation(checked(regions('weighted')), { onRequestDone: (r) => out.push(r) });
    s.runUntil(400_000);
    const before = out.filter((r) => r.arrivalMs < 100_000);
    const east = before.filter((r) => r.target?.startsWith('east')).length / before.length;
    expect(east).toBeGreaterThan(0.3);
    expect(east).toBeLessThan(0.7);
    // only the clients whose answer pointed east fail: fewer than with active-passive
    const failedAA = out.filter((r) => r.outcome !== 'ok').length;
    const ap: TraceRecord[] = [];
    createSimulation(checked(regions('failover')), { onRequestDone: (r) => ap.push(r) }).runUntil(400_000);
    expect(failedAA).toBeLessThan(ap.filter((r) => r.outcome !== 'ok').length);
  });

  it('bad references get precise errors', () => {
    const doc = regions('failover');
    doc.dns!.records[1].balancer = 'nowhere';
    doc.events = [{ atSec: 1, action: 'zone-outage', zone: 'mars' }];
    const r = validateScenario(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map(({ path, message }) => ({ path, message }))).toEqual(
      expect.arrayContaining([
        { path: 'dns.records[1].balancer', message: 'no balancer with id "nowhere"' },
        { path: 'events[0].zone', message: 'no zone named "mars"' },
      ]),
    );
  });
});

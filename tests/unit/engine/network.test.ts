// Network and layer costs (src/engine/network/): an uncongested request's latency is its service time plus
// the documented round trips, handshakes and processing (schema/network.ts, network/hops.ts); layer 4 is
// cheaper and faster than layer 7; an NLB's flow hash spreads one client's connections; TLS versions and
// resumption cost their round trips; only layer-4 traffic across zones is billed.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';
import { checked } from './support/scenarios.ts';

const SERVICE_MS = 10;
const CLIENT_RTT = 20;
const SAME_ZONE = 0.3;
const CROSS_ZONE = 1;
const L7_PROCESSING = 0.5;
const L4_PROCESSING = 0.05;
const BYTES = (2 + 20) * 1000;

interface Opts {
  layer?: 4 | 7;
  listener?: Record<string, unknown>;
  balancer?: Record<string, unknown>;
  clients?: number;
  targets?: { id: string; zone?: string }[];
  algorithm?: string;
  group?: Record<string, unknown>;
  rate?: number;
}

/** Constant arrivals to targets with room for everyone (no queueing): latency is service + network. */
function world(o: Opts = {}): ScenarioInput {
  const layer = o.layer ?? 7;
  return {
    schemaVersion: 1,
    name: 'network',
    durationSec: 20,
    traffic: { arrival: { kind: 'constant', ratePerSec: o.rate ?? 100 }, clients: { count: o.clients ?? 1 } },
    balancers: [{ id: 'lb', layer, listeners: [{ port: 443, protocol: layer === 7 ? 'http' : 'tcp', defaultForward: 'app', ...(o.listener ?? {}) }], ...(o.balancer ?? {}) }],
    targetGroups: [
      {
        id: 'app',
        algorithm: (o.algorithm ?? 'round-robin') as never,
        targets: (o.targets ?? [{ id: 'a' }, { id: 'b' }]).map((t) => ({ ...t, concurrency: 100, serviceTimeMs: SERVICE_MS })),
        ...(o.group ?? {}),
      },
    ],
  } as ScenarioInput;
}

function run(doc: ScenarioInput, sec = 20) {
  const s = createSimulation(checked(doc));
  s.runUntil(sec * 1000);
  return s.metrics();
}

/** Mean handshake share when every k-th request (from the first) opens a connection costing `ms`. */
const everyKth = (n: number, k: number, ms: number) => (Math.ceil(n / k) * ms) / n;

describe('an uncongested request costs its service time plus the documented network', () => {
  it('layer 7: client round trip, 0.5 ms processing, a same-zone hop, and a TCP handshake every 100 requests', () => {
    const m = run(world());
    const n = m.requests.ok;
    expect(n).toBeGreaterThan(1900);
    expect(m.latencyMs.mean).toBeCloseTo(SERVICE_MS + CLIENT_RTT + L7_PROCESSING + SAME_ZONE + everyKth(n, 100, CLIENT_RTT), 9);
  });

  it('layer 4: 0.05 ms processing, and the TCP handshake goes through to the target (client RTT + hop)', () => {
    const m = run(world({ layer: 4 }));
    const n = m.requests.ok;
    expect(m.latencyMs.mean).toBeCloseTo(SERVICE_MS + CLIENT_RTT + L4_PROCESSING + SAME_ZONE + everyKth(n, 100, CLIENT_RTT + SAME_ZONE), 9);
  });

  it('the same scenario is faster and cheaper at layer 4, and layer 4 refuses path rules', () => {
    const l7 = run(world());
    const l4 = run(world({ layer: 4 }));
    expect(l4.latencyMs.mean).toBeLessThan(l7.latencyMs.mean);
    // same instances; the NLB's capacity unit costs $0.006 an hour, the ALB's $0.008, both billed on the GB processed here
    expect(l4.cost.instanceUsd).toBe(l7.cost.instanceUsd);
    expect(l4.cost.balancerUsd).toBeLessThan(l7.cost.balancerUsd);
    const gb = (l7.requests.total * BYTES) / 1e9;
    expect(l7.cost.balancerUsd).toBeCloseTo((20 / 3600) * 0.0225 + gb * 0.008, 12);
    expect(l4.cost.balancerUsd).toBeCloseTo((20 / 3600) * 0.0225 + gb * 0.006, 12);
    expect(l7.cost.totalUsd).toBeCloseTo(l7.cost.instanceUsd + l7.cost.balancerUsd + l7.cost.dataTransferUsd, 12);
    const r = validateScenario(world({ layer: 4, listener: { rules: [{ match: { pathPrefix: '/api' }, forward: 'app' }] } }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('balancers[0].listeners[0].rules');
  });

  it('a client in another region pays the cross-region round trip, or the measured one when dns.latencyMs has it', () => {
    const away = { ...world(), traffic: { arrival: { kind: 'constant', ratePerSec: 100 }, clients: { count: 1, locations: [{ region: 'eu-west-1', share: 1 }] } }, balancers: [{ id: 'lb', region: 'us-east-1', listeners: [{ port: 443, defaultForward: 'app' }] }] } as ScenarioInput;
    const m = run(away);
    const rtt = CLIENT_RTT + 70;
    expect(m.latencyMs.mean).toBeCloseTo(SERVICE_MS + rtt + L7_PROCESSING + SAME_ZONE + everyKth(m.requests.ok, 100, rtt), 9);
    const network = { ...away, network: { clientRttMs: 5, crossRegionRttMs: 100 } } as ScenarioInput;
    const m2 = run(network);
    expect(m2.latencyMs.mean).toBeCloseTo(SERVICE_MS + 105 + L7_PROCESSING + SAME_ZONE + everyKth(m2.requests.ok, 100, 105), 9);
  });
});

describe('TLS handshakes cost round trips', () => {
  const tls = (version: '1.2' | '1.3', resumptionShare: number) => ({
    protocol: 'https',
    tls: { version, resumptionShare, requestsPerConnection: 1, handshakeCpuMs: 0, resumedHandshakeCpuMs: 0, perRequestCpuMs: 0 },
  });
  const base = SERVICE_MS + CLIENT_RTT + L7_PROCESSING + SAME_ZONE;

  it('a new connection per request: TCP 1 + TLS 1.3 full 1 = 2 round trips; TLS 1.2 full: 3', () => {
    expect(run(world({ listener: tls('1.3', 0) })).latencyMs.mean).toBeCloseTo(base + 2 * CLIENT_RTT, 9);
    expect(run(world({ listener: tls('1.2', 0) })).latencyMs.mean).toBeCloseTo(base + 3 * CLIENT_RTT, 9);
  });

  it('a resumed handshake costs 1 round trip in both versions; half resumed averages 2.5 in TLS 1.2', () => {
    expect(run(world({ listener: tls('1.2', 1) })).latencyMs.mean).toBeCloseTo(base + 2 * CLIENT_RTT, 9);
    expect(run(world({ listener: tls('1.3', 1) })).latencyMs.mean).toBeCloseTo(base + 2 * CLIENT_RTT, 9);
    const half = run(world({ listener: tls('1.2', 0.5) }));
    // connections alternate full (3) and resumed (2), the first full
    const n = half.requests.ok;
    expect(half.latencyMs.mean).toBeCloseTo(base + ((Math.ceil(n / 2) * 3 + Math.floor(n / 2) * 2) * CLIENT_RTT) / n, 9);
  });

  it('passthrough at layer 4: TCP and TLS handshakes both reach the target (client RTT + hop each)', () => {
    const doc = world({ layer: 4, listener: { protocol: 'tls', tls: { mode: 'passthrough', version: '1.3', requestsPerConnection: 1, handshakeCpuMs: 0, resumedHandshakeCpuMs: 0, perRequestCpuMs: 0 } }, balancer: { requestsPerConnection: 1 } });
    expect(run(doc).latencyMs.mean).toBeCloseTo(SERVICE_MS + CLIENT_RTT + L4_PROCESSING + SAME_ZONE + 2 * (CLIENT_RTT + SAME_ZONE), 9);
  });
});

describe('NLB flow hash', () => {
  const four = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];

  it('spreads one client’s new connections over the targets (a new source port each)', () => {
    const m = run(world({ layer: 4, algorithm: 'flow-hash', targets: four, balancer: { requestsPerConnection: 1 } }));
    const counts = Object.values(m.targets).map((t) => t.requests);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(m.requests.total);
    // 2,000 connections: each target's share is within 5 standard deviations of a quarter
    for (const c of counts) expect(Math.abs(c / m.requests.total - 0.25)).toBeLessThan(5 * Math.sqrt((0.25 * 0.75) / 2000));
  });

  it('keeps a connection on its target, and source-IP stickiness pins the client', () => {
    const long = run(world({ layer: 4, algorithm: 'flow-hash', targets: four, balancer: { requestsPerConnection: 1_000_000 } }));
    expect(Object.values(long.targets).filter((t) => t.requests > 0)).toHaveLength(1);
    const sticky = run(world({ layer: 4, algorithm: 'flow-hash', targets: four, balancer: { requestsPerConnection: 1 }, group: { stickiness: { kind: 'source-ip' } } }));
    expect(Object.values(sticky.targets).filter((t) => t.requests > 0)).toHaveLength(1);
  });
});

describe('cross-zone hops and data', () => {
  // one client reaches the node in zone a; target b is in zone b
  const zoned = (layer: 4 | 7) => world({ layer, targets: [{ id: 'a', zone: 'a' }, { id: 'b', zone: 'b' }], balancer: { zones: ['a', 'b'], crossZone: true } });

  it('a hop to another zone costs the cross-zone round trip', () => {
    const m = run(zoned(7));
    const n = m.requests.ok;
    const hops = (m.targets.a.ok * SAME_ZONE + m.targets.b.ok * CROSS_ZONE) / n;
    expect(m.latencyMs.mean).toBeCloseTo(SERVICE_MS + CLIENT_RTT + L7_PROCESSING + hops + everyKth(n, 100, CLIENT_RTT), 9);
  });

  it('only a layer-4 balancer’s cross-zone bytes are billed, $0.01/GB in each direction', () => {
    const alb = run(zoned(7));
    const nlb = run(zoned(4));
    expect(alb.cost.dataTransferUsd).toBe(0);
    expect(nlb.targets.b.requests).toBeGreaterThan(0);
    expect(nlb.cost.dataTransferUsd).toBeCloseTo(((nlb.targets.b.requests * BYTES) / 1e9) * 0.01 * 2, 15);
    const off = run(world({ layer: 4, targets: [{ id: 'a', zone: 'a' }, { id: 'b', zone: 'b' }], balancer: { zones: ['a', 'b'], crossZone: false } }));
    expect(off.cost.dataTransferUsd).toBe(0);
  });

  it('a self-run balancer priced at 0 costs nothing but its instances', () => {
    const m = run(world({ balancer: { pricing: { hourlyUsd: 0, capacityUnitHourUsd: 0 } } }));
    expect(m.cost.balancerUsd).toBe(0);
    expect(m.cost.totalUsd).toBe(m.cost.instanceUsd);
  });

  // a self-run HAProxy billed as its c5.large ($0.085/h, src/scenario/instance-types.ts), no capacity units
  const selfRun = { pricing: { hourlyUsd: 0.085, capacityUnitHourUsd: 0 } };

  it('a hot standby is a second instance: the hourly price counts twice', () => {
    const m = run(world({ balancer: { ...selfRun, standby: {} } }));
    expect(m.cost.balancerUsd).toBeCloseTo((20 / 3600) * 0.085 * 2, 15);
  });

  it('a standby added live is billed from that moment on, not for the hours before', () => {
    const s = createSimulation(checked(world({ balancer: selfRun })));
    s.runUntil(10_000);
    expect(s.apply({ action: 'patch', op: 'add', path: '/balancers/0/standby', value: {} })).toBeNull();
    s.runUntil(20_000);
    expect(s.metrics().cost.balancerUsd).toBeCloseTo((10 / 3600) * 0.085 + (10 / 3600) * 0.085 * 2, 15);
  });
});

describe('latency-aware algorithms measure the hop to the target, as a real balancer does', () => {
  // nginx least_time times an upstream from its connect to the answer; tower's peak-EWMA from dispatch to the
  // answer: both include the network between balancer and target. With the hop overridden to 15 ms and a 10 ms
  // service, every answer least_time hears is 25 ms: avg 25, read rounded up to the next 20 ms → 40 (without the
  // hop it would hear 10 ms → 20).
  const withHop = (algorithm: string) => ({ ...world({ algorithm, targets: [{ id: 'a' }] }), network: { sameZoneRttMs: 15 } }) as ScenarioInput;

  it('least-response-time: rt is service + hop', () => {
    const s = createSimulation(checked(withHop('least-response-time')));
    s.runUntil(5000);
    expect(s.internals('app')!.members[0].costMs).toBe(40);
  });

  it('peak-EWMA: a first answer above the 30 ms default is taken as the peak at once (10 + 25 hop = 35 ms)', () => {
    const doc = { ...world({ algorithm: 'peak-ewma', targets: [{ id: 'a' }] }), network: { sameZoneRttMs: 25 } } as ScenarioInput;
    const s = createSimulation(checked(doc));
    s.runUntil(25); // arrivals every 10 ms from 10 ms: the first answer is back at 20 ms, the second at 30
    expect(s.internals('app')!.members[0].costMs).toBe(35);
  });
});

describe('the NLB bill counts new TLS connections at 50 per capacity unit, TCP flows at 800', () => {
  // a new connection for every request, small messages: the connections dimension is the largest
  const nlb = (protocol: 'tcp' | 'tls') => {
    const tlsBlock = { mode: 'terminate', version: '1.3', requestsPerConnection: 1, handshakeCpuMs: 0, resumedHandshakeCpuMs: 0, perRequestCpuMs: 0 };
    const doc = world({ layer: 4, rate: 1000, listener: protocol === 'tls' ? { protocol, tls: tlsBlock } : { protocol }, balancer: { requestsPerConnection: 1 } });
    return run({ ...doc, network: { requestKB: 0.1, responseKB: 0.1 } } as ScenarioInput);
  };
  const hourly = (0.0225 * 20) / 3600;

  it('20 s at 1,000 new connections a second: unit-hours = connections / (per-unit rate × 3,600)', () => {
    const tcp = nlb('tcp');
    const tls = nlb('tls');
    const n = tcp.requests.total;
    expect(tls.requests.total).toBe(n);
    expect(n).toBeGreaterThan(19_000);
    // GB processed: n × 200 bytes ≈ 0.004 GB, below both connection figures (0.0069 and 0.11 unit-hours)
    expect(tcp.cost.balancerUsd).toBeCloseTo(hourly + (n / (800 * 3600)) * 0.006, 12);
    expect(tls.cost.balancerUsd).toBeCloseTo(hourly + (n / (50 * 3600)) * 0.006, 12);
  });
});

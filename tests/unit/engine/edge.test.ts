// The balancer's edge: TLS, its own CPU, rate limiting, a WAF, and DDoS waves.
import { describe, expect, it } from 'vitest';
import { createSimulation, type TraceRecord } from '../../../src/engine/index.ts';
import { checked } from './support/scenarios.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';

const svc = { dist: 'constant' as const, valueMs: 5 };

describe('TLS termination vs passthrough', () => {
  function tls(mode: 'terminate' | 'passthrough'): ScenarioInput {
    return {
      schemaVersion: 1,
      name: 'tls',
      traffic: { arrival: { kind: 'poisson', ratePerSec: 500 } },
      balancers: [{ id: 'nlb', layer: 4, capacity: { cpuCores: 4, routeCpuMs: 0.01 }, listeners: [{ port: 443, protocol: 'tls', tls: { mode, handshakeCpuMs: 2, requestsPerConnection: 1 }, defaultForward: 'web' }] }],
      targetGroups: [{ id: 'web', algorithm: 'least-connections', targets: ['a', 'b'].map((id) => ({ id, concurrency: 4, serviceTimeMs: svc })) }],
    };
  }

  it('terminating TLS moves the handshake CPU from the targets to the balancer', () => {
    const term = createSimulation(checked(tls('terminate')));
    const pass = createSimulation(checked(tls('passthrough')));
    term.runUntil(60_000);
    pass.runUntil(60_000);
    const util = (s: typeof term) => s.metrics().targets.a.utilization + s.metrics().targets.b.utilization;
    // 250 req/s per target × 5 ms = 1.25 slots of 4; passthrough adds ~2.02 ms per request there
    expect(util(pass)).toBeGreaterThan(util(term) * 1.3);
    const lb = (s: typeof term) => s.snapshot().infra.balancers[0].cpuLoad!;
    // 500 req/s × (0.01 + 2.02) ms over 4 cores ≈ 25 %, against 500 × 0.01 ms ≈ 0.1 %
    expect(lb(term)).toBeGreaterThan(0.2);
    expect(lb(pass)).toBeLessThan(0.01);
  });

  it('session resumption lowers the handshake share', () => {
    const doc = tls('terminate');
    doc.balancers[0].listeners[0].tls = { mode: 'terminate', handshakeCpuMs: 2, requestsPerConnection: 1, resumptionShare: 0.9 };
    const s = createSimulation(checked(doc));
    s.runUntil(30_000);
    expect(s.snapshot().infra.balancers[0].cpuLoad!).toBeLessThan(0.06);
  });
});

describe('balancer capacity', () => {
  function spike(managed: boolean): ScenarioInput {
    return {
      schemaVersion: 1,
      name: 'spike',
      traffic: { arrival: { kind: 'poisson', ratePerSec: 100 }, profile: [{ atSec: 60, ratePerSec: 600 }] },
      balancers: [{ id: 'lb', capacity: { cpuCores: 0.2, routeCpuMs: 0.5, ...(managed ? { managed: { maxCores: 2, scaleUpAfterSec: 120, threshold: 0.7 } } : {}) }, listeners: [{ port: 80, defaultForward: 'web' }] }],
      targetGroups: [{ id: 'web', algorithm: 'round-robin', targets: [{ id: 'a', concurrency: 1000, serviceTimeMs: svc }] }],
    };
  }

  it('a sudden spike overloads the balancer; a managed one catches up after minutes, a self-run one does not', () => {
    const out = (managed: boolean) => {
      const rec: TraceRecord[] = [];
      createSimulation(checked(spike(managed)), { onRequestDone: (r) => rec.push(r) }).runUntil(600_000);
      return rec;
    };
    const shed = (rec: TraceRecord[], from: number, to: number) => rec.filter((r) => r.arrivalMs >= from && r.arrivalMs < to && r.outcome === 'lb-overloaded').length;
    const managed = out(true);
    const fixed = out(false);
    expect(shed(managed, 0, 60_000)).toBe(0);
    // 600 req/s × 0.5 ms = 0.3 cores of work on 0.2: about a third shed at first (~200 req/s)
    expect(shed(managed, 70_000, 120_000)).toBeGreaterThan(6_000);
    // doubled at ~180 s (0.4 cores, load 0.75 > 0.7), again at ~300 s (0.8): nothing shed after that
    expect(shed(managed, 450_000, 600_000)).toBe(0);
    expect(shed(fixed, 450_000, 600_000)).toBeGreaterThan(20_000);
  });
});

describe('rate limiting and the WAF', () => {
  it('a token bucket per address caps a bursty client and spares the others', () => {
    const doc: ScenarioInput = {
      schemaVersion: 1,
      name: 'rate limit',
      traffic: { arrival: { kind: 'poisson', ratePerSec: 200 }, clients: { count: 1000, nat: { share: 0.25, addresses: 1 } } },
      balancers: [{ id: 'lb', rateLimit: { ratePerSec: 10, burst: 20 }, listeners: [{ port: 80, defaultForward: 'web' }] }],
      targetGroups: [{ id: 'web', algorithm: 'round-robin', targets: [{ id: 'a', concurrency: 100, serviceTimeMs: svc }] }],
    };
    const rec: TraceRecord[] = [];
    const s = createSimulation(checked(doc), { onRequestDone: (r) => rec.push(r) });
    s.runUntil(60_000);
    const behindNat = rec.filter((r) => r.client < 250);
    const others = rec.filter((r) => r.client >= 250);
    // the 250 clients behind one address share a 10 req/s bucket against ~50 req/s
    expect(behindNat.filter((r) => r.outcome === 'rate-limited').length / behindNat.length).toBeGreaterThan(0.75);
    expect(others.filter((r) => r.outcome === 'rate-limited')).toHaveLength(0);
    expect(s.metrics().edge.legitRateLimited).toBeGreaterThan(2000);
  });

  it('a WAF blocks most malicious requests and a few legitimate ones; a DDoS wave from many bots is cut by rate limiting', () => {
    const doc: ScenarioInput = {
      schemaVersion: 1,
      name: 'attack',
      traffic: {
        arrival: { kind: 'poisson', ratePerSec: 100 },
        clients: { count: 2000 },
        mix: [
          { name: 'shop', path: '/products', share: 0.98 },
          { name: 'sqli', path: "/search?q=' OR 1=1", share: 0.02, malicious: true },
        ],
        attacks: [{ atSec: 30, durationSec: 30, ratePerSec: 5000, bots: 50 }],
      },
      balancers: [{ id: 'lb', waf: { detectionRate: 0.95, falsePositiveRate: 0.01 }, rateLimit: { ratePerSec: 5, burst: 10 }, listeners: [{ port: 80, defaultForward: 'web' }] }],
      targetGroups: [{ id: 'web', algorithm: 'round-robin', targets: [{ id: 'a', concurrency: 1000, serviceTimeMs: svc }] }],
    };
    const s = createSimulation(checked(doc));
    s.runUntil(90_000);
    const e = s.metrics().edge;
    expect(e.maliciousBlocked / (e.maliciousBlocked + e.maliciousAllowed)).toBeGreaterThan(0.9);
    expect(e.legitBlocked).toBeGreaterThan(20);
    // 50 bots × 5 req/s can pass out of 5000 req/s: about 95 % stopped
    expect(e.attackRequests).toBeGreaterThan(140_000);
    expect(e.attackStopped / e.attackRequests).toBeGreaterThan(0.9);
    expect(e.legitRateLimited).toBe(0);
  });
});

describe('attacks and other traffic', () => {
  it('bots are not closed-loop users: a wave ends when its duration does', () => {
    const doc: ScenarioInput = {
      schemaVersion: 1,
      name: 'closed + attack',
      traffic: { arrival: { kind: 'closed', users: 10, thinkTimeMs: { dist: 'constant', valueMs: 1000 } }, attacks: [{ atSec: 10, durationSec: 5, ratePerSec: 100, bots: 20 }] },
      balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
      targetGroups: [{ id: 'web', algorithm: 'round-robin', targets: [{ id: 'a', concurrency: 100, serviceTimeMs: svc }] }],
    };
    const s = createSimulation(checked(doc));
    s.runUntil(60_000);
    // 10 users × ~1 request per second for 60 s, plus ~500 attack requests
    expect(s.metrics().requests.total).toBeLessThan(1300);
    expect(s.metrics().edge.attackRequests).toBeGreaterThan(400);
  });
});

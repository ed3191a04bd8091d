// The database tier: connection pools that scaling out can exhaust, a pooling proxy, load-dependent
// query latency, read replicas, and a primary failover.
import { describe, expect, it } from 'vitest';
import { createSimulation, type TraceRecord } from '../../../src/engine/index.ts';
import { checked, NETWORK_MS } from './support/scenarios.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';

function shop(o: { proxy?: boolean; replicas?: number; targets?: number; rate?: number; writes?: number } = {}): ScenarioInput {
  const w = o.writes ?? 0.2;
  return {
    schemaVersion: 1,
    name: 'db',
    traffic: {
      arrival: { kind: 'poisson', ratePerSec: o.rate ?? 100 },
      mix: [
        { name: 'browse', path: '/products', share: 1 - w, queries: 'read' as const },
        ...(w > 0 ? [{ name: 'buy', path: '/checkout', share: w, queries: 'write' as const }] : []),
      ],
    },
    balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
    targetGroups: [
      {
        id: 'web',
        algorithm: 'round-robin',
        database: { id: 'db', poolSize: 10 },
        targets: Array.from({ length: o.targets ?? 3 }, (_, i) => ({ id: `web-${i + 1}`, concurrency: 20, serviceTimeMs: { dist: 'constant' as const, valueMs: 20 } })),
      },
    ],
    databases: [{ id: 'db', maxConnections: 30, queryTimeMs: { dist: 'constant', valueMs: 5 }, concurrency: 4, readReplicas: o.replicas ?? 0, failoverSec: 60, proxy: o.proxy ?? false }],
  };
}

describe('database connections', () => {
  it('scaling out past the connection limit makes the new targets fail every request; a proxy prevents it', () => {
    const run = (proxy: boolean) => {
      const s = createSimulation(checked(shop({ proxy })));
      s.runUntil(10_000);
      expect(s.metrics().requests.failed).toBe(0);
      s.apply({ action: 'set-target-count', group: 'web', count: 5 });
      s.runUntil(40_000);
      return s;
    };
    const direct = run(false);
    const m = direct.metrics();
    expect(m.targets['web-4'].failures.error).toBe(m.targets['web-4'].requests);
    expect(m.targets['web-5'].failures.error).toBeGreaterThan(100);
    expect(m.targets['web-1'].failed).toBe(0);
    expect(direct.snapshot().infra.databases[0]).toMatchObject({ connectionsOpen: 30, maxConnections: 30, starved: 2 });
    expect(direct.events().some((e) => e.kind === 'db' && /web-4 could not connect to db: too many connections \(30 of 30 in use\)/.test(e.message))).toBe(true);

    const pooled = run(true);
    expect(pooled.metrics().requests.failed).toBe(0);
    expect(pooled.snapshot().infra.databases[0]).toMatchObject({ connectionsOpen: 30, clientConnections: 50, starved: 0, proxy: true });
  });

  it('a crashed target closes its pool, making room for one that was refused', () => {
    const s = createSimulation(checked(shop({ targets: 4 })));
    s.runUntil(5_000);
    expect(s.snapshot().infra.databases[0].starved).toBe(1);
    s.apply({ action: 'crash', target: 'web-1' });
    expect(s.snapshot().infra.databases[0].starved).toBe(0);
  });
});

describe('query latency and replicas', () => {
  it('query time grows with the database load: 1 / (1 − ρ)', () => {
    const p50 = (rate: number) => {
      const s = createSimulation(checked(shop({ rate, writes: 0 })));
      s.runUntil(30_000);
      return s.metrics().latencyMs.p50;
    };
    // ρ = rate × 5 ms / (4 × 1000): at 80/s it is 0.1 → 5.6 ms; at 640/s it is 0.8 → 25 ms
    // (Poisson arrivals make each second's ρ vary around that: allow 5 %), plus the network's 20.8 ms
    expect(Math.abs(p50(80) / (20 + 5 / 0.9 + NETWORK_MS) - 1)).toBeLessThan(0.05);
    expect(Math.abs(p50(640) / (20 + 5 / 0.2 + NETWORK_MS) - 1)).toBeLessThan(0.05);
  });

  it('read replicas take the reads off the primary', () => {
    const p50 = (replicas: number) => {
      const s = createSimulation(checked(shop({ rate: 640, writes: 0, replicas })));
      s.runUntil(30_000);
      return s.metrics().latencyMs.p50;
    };
    expect(p50(2)).toBeLessThan(p50(0) - 10);
  });
});

describe('primary failover', () => {
  it('writes fail for the failover time; reads on replicas carry on; behind a proxy writes wait instead', () => {
    const run = (proxy: boolean) => {
      const out: TraceRecord[] = [];
      const doc = { ...shop({ proxy, replicas: 1 }), events: [{ atSec: 10, action: 'db-failover' as const, database: 'db' }] };
      const s = createSimulation(checked(doc), { onRequestDone: (r) => out.push(r) });
      s.runUntil(100_000);
      return out;
    };
    const direct = run(false);
    const errors = direct.filter((r) => r.outcome === 'error');
    expect(errors.length).toBeGreaterThan(800);
    expect(errors.every((r) => r.arrivalMs >= 10_000 && r.arrivalMs < 70_000)).toBe(true);
    const proxied = run(true);
    expect(proxied.filter((r) => r.outcome !== 'ok')).toHaveLength(0);
    // a write sent at the start of the failover waits for its end (20–60 s behind the proxy: cut by up to 2/3, db-proxy.test.ts)
    expect(Math.max(...proxied.map((r) => r.latencyMs))).toBeGreaterThan(19_000);
  });

  it('logs the failover and its end: back after failoverSec; a second failover moves the end, and only the new end is logged', () => {
    const events = [
      { atSec: 10, action: 'db-failover' as const, database: 'db' },
      { atSec: 100, action: 'db-failover' as const, database: 'db' },
      { atSec: 130, action: 'db-failover' as const, database: 'db' },
    ];
    const s = createSimulation(checked({ ...shop({ replicas: 1 }), events }));
    s.runUntil(250_000);
    const log = s.events(0).filter((e) => e.subject === 'db' && (e.kind === 'db' || e.kind === 'recover'));
    // 10 + 60; the failover at 100 s would end at 160 s, but the one at 130 s moves the end to 190 s
    expect(log.map((e) => [e.kind, e.timeMs])).toEqual([
      ['db', 10_000],
      ['recover', 70_000],
      ['db', 100_000],
      ['db', 130_000],
      ['recover', 190_000],
    ]);
    expect(log[0].message).toContain('writes fail (reads go on at its read replicas) for 60 s');
    // without replicas every query needs the primary
    const bare = createSimulation(checked({ ...shop(), events: [events[0]] }));
    bare.runUntil(20_000);
    expect(bare.events(0).find((e) => e.kind === 'db')?.message).toContain('every query fails for 60 s');
  });
});

describe('goodput under the SLO', () => {
  it('late successes are not good: a deep queue turns drops into lateness, not into goodput', () => {
    const doc = (queueLimit: number | null): ScenarioInput => ({
      schemaVersion: 1,
      name: 'slo',
      slo: { latencyMs: 300 },
      traffic: { arrival: { kind: 'poisson', ratePerSec: 120 } },
      balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
      targetGroups: [{ id: 'web', algorithm: 'least-connections', targets: [{ id: 'a', concurrency: 10, queueLimit, serviceTimeMs: { dist: 'exponential', meanMs: 100 } }] }],
    });
    const shallow = createSimulation(checked(doc(10)));
    const deep = createSimulation(checked(doc(100_000)));
    shallow.runUntil(120_000);
    deep.runUntil(120_000);
    // the deep queue "succeeds" more often, but almost nothing it serves is in time
    expect(deep.metrics().errorRate).toBeLessThan(shallow.metrics().errorRate);
    expect(deep.metrics().slo.good).toBeLessThan(shallow.metrics().slo.good / 2);
    expect(shallow.metrics().slo.goodShare).toBeGreaterThan(0.7);
  });
});

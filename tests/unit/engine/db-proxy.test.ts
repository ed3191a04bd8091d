// RDS Proxy (infra/database.ts, infra/proxy-pool.ts): its connections to the database are capped at
// MaxConnectionsPercent of max_connections; a request waits first-come-first-served to borrow one, and fails
// when the wait would pass ConnectionBorrowTimeout; each query pays the proxy's time; a failover behind the
// proxy is shorter by a share of up to 2/3 ("up to 66 %"), stated in the log.
import { describe, expect, it } from 'vitest';
import { createSimulation, type TraceRecord } from '../../../src/engine/index.ts';
import { checked, NO_NETWORK } from './support/scenarios.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';

const QUERY_MS = 100;
const PROXY_MS = 1;
const COMPUTE_MS = 1;

/** One target with room for all, a constant 100 ms query per request, arrivals every 50 ms, no network. */
function world(proxySettings: Record<string, unknown>, o: { seed?: number; events?: unknown[]; writes?: boolean } = {}): ScenarioInput {
  return {
    schemaVersion: 1,
    name: 'proxy',
    seed: o.seed ?? 1,
    network: NO_NETWORK,
    traffic: { arrival: { kind: 'constant', ratePerSec: 20 }, mix: [{ name: 'q', path: '/', share: 1, queries: o.writes ? 'write' : 'read' }] },
    balancers: [{ id: 'lb', processingMs: 0, listeners: [{ port: 80, defaultForward: 'web' }] }],
    targetGroups: [{ id: 'web', algorithm: 'round-robin', requestTimeoutMs: 1_000_000, database: { id: 'db', poolSize: 10 }, targets: [{ id: 'w', concurrency: 10_000, queueLimit: null, serviceTimeMs: { dist: 'constant', valueMs: COMPUTE_MS } }] }],
    // 10 % of 10 connections = 1 proxy connection; a huge concurrency keeps the query time flat
    databases: [{ id: 'db', maxConnections: 10, queryTimeMs: { dist: 'constant', valueMs: QUERY_MS }, concurrency: 10_000, failoverSec: 60, proxy: true, proxySettings: { maxConnectionsPercent: 10, addedLatencyMs: PROXY_MS, ...proxySettings } }],
    events: o.events ?? [],
  } as ScenarioInput;
}

function trace(doc: ScenarioInput, untilMs: number) {
  const out: TraceRecord[] = [];
  const s = createSimulation(checked(doc), { onRequestDone: (r) => out.push(r) });
  s.runUntil(untilMs);
  return { s, out: out.sort((a, b) => a.id - b.id) };
}

/**
 * The reference: one connection (or `size`), first come first served. Request k arrives at 50 (k + 1) ms (the
 * engine's own arrival times are used, as their sums round in the last bit and decide the second) and
 * borrows the connection free soonest, holding it for the query (100 ms × the database's load factor
 * 1 / (1 − ρ), ρ = queries started in the previous second × 100 ms / (10,000 × 1 s)) plus the proxy's 1 ms;
 * a request whose wait would pass the timeout fails and takes nothing.
 */
function reference(arrivals: readonly number[], timeoutMs: number, size = 1): ({ ok: true; latencyMs: number } | { ok: false })[] {
  const free: number[] = new Array(size).fill(-Infinity);
  const started = new Map<number, number>();
  return arrivals.map((at) => {
    const sec = Math.floor(at / 1000);
    const soonest = free.indexOf(Math.min(...free));
    const wait = Math.max(0, free[soonest] - at);
    if (timeoutMs > 0 && wait > timeoutMs) return { ok: false };
    started.set(sec, (started.get(sec) ?? 0) + 1);
    const rho = ((started.get(sec - 1) ?? 0) * QUERY_MS) / (10_000 * 1000);
    const hold = QUERY_MS / (1 - rho) + PROXY_MS;
    free[soonest] = at + wait + hold;
    return { ok: true, latencyMs: COMPUTE_MS + wait + hold };
  });
}

describe('RDS Proxy connection cap', () => {
  it('at its cap requests wait to borrow a connection, and the wait is in their latency (not a failure)', () => {
    const { out } = trace(world({}), 10_000);
    const ref = reference(out.map((r) => r.arrivalMs), 120_000);
    expect(out.length).toBeGreaterThan(30);
    out.forEach((r, k) => {
      expect(r.outcome).toBe('ok');
      expect(r.latencyMs).toBeCloseTo((ref[k] as { latencyMs: number }).latencyMs, 6);
    });
    // one connection held 101 ms (the first second's load is 0) for a request every 50 ms: request k waits 51 k ms
    expect(out[10].latencyMs).toBeCloseTo(COMPUTE_MS + 51 * 10 + QUERY_MS + PROXY_MS, 6);
  });

  it('a wait past ConnectionBorrowTimeout fails the request (500) and leaves the connection to the next', () => {
    // requests that arrived in the first 3 s have all finished by 5 s (a wait is at most 1 s)
    const out = trace(world({ connectionBorrowTimeoutSec: 1 }), 5000).out.filter((r) => r.arrivalMs < 3000);
    expect(out).toHaveLength(60); // the 60th arrives at 2,999.99… ms (sums of 50 ms round in the last bit)
    const ref = reference(out.map((r) => r.arrivalMs), 1000);
    expect(out.map((r) => r.outcome)).toEqual(ref.map((x) => (x.ok ? 'ok' : 'error')));
    // requests 0–19 wait at most 51 × 19 = 969 ms; 20 would wait 1,020 ms; then every other one fits
    expect(out.slice(19, 24).map((r) => r.outcome)).toEqual(['ok', 'error', 'ok', 'error', 'ok']);
  });

  it('100 % of max_connections (the default) is 10 connections: no request waits at this load', () => {
    const { out } = trace(world({ maxConnectionsPercent: 100 }), 5000);
    const ref = reference(out.map((r) => r.arrivalMs), 120_000, 10);
    out.forEach((r, k) => expect(r.latencyMs).toBeCloseTo((ref[k] as { latencyMs: number }).latencyMs, 6));
    expect(out.every((r) => r.outcome === 'ok' && r.latencyMs < COMPUTE_MS + QUERY_MS * 1.001 + PROXY_MS)).toBe(true);
  });
});

describe('failover behind the proxy', () => {
  it('is shorter by a share drawn up to 2/3 (AWS: "up to 66 %"), stated in the log, and writes wait for it', () => {
    const cuts = [1, 2, 3, 4, 5].map((seed) => {
      const { s, out } = trace(world({ maxConnectionsPercent: 100 }, { seed, writes: true, events: [{ atSec: 10.025, action: 'db-failover', database: 'db' }] }), 80_000);
      const line = s.events().find((e) => e.kind === 'db')!.message;
      const m = line.match(/wait ([\d.]+) s \(the proxy cut (\d+) % off the 60 s failover/)!;
      const waitMs = Number(m[1]) * 1000;
      expect(waitMs).toBeGreaterThanOrEqual(20_000 - 1);
      expect(waitMs).toBeLessThanOrEqual(60_000);
      expect(Number(m[2])).toBeCloseTo(100 * (1 - waitMs / 60_000), -1);
      // the first write after the failover starts (arrives 10.05 s) waits until its end, then queries
      const first = out.find((r) => r.arrivalMs > 10_025)!;
      expect(first.outcome).toBe('ok');
      // (the log states the wait to the ms; the query is 100 ms × 1 / (1 − 0.0002) at 20 queries a second)
      expect(Math.abs(first.latencyMs - (10_025 + waitMs - first.arrivalMs + COMPUTE_MS + QUERY_MS / (1 - 0.0002) + PROXY_MS))).toBeLessThanOrEqual(0.5);
      expect(out.every((r) => r.outcome === 'ok')).toBe(true);
      return Number(m[2]);
    });
    expect(new Set(cuts).size).toBeGreaterThan(1);
  });
});

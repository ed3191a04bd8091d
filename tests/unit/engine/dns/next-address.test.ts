// Clients try the next address of a DNS answer when a connection is refused (most HTTP clients do), and
// resolver caches start staggered across the TTL.
import { describe, expect, it } from 'vitest';
import { createSimulation, type TraceRecord } from '../../../../src/engine/index.ts';
import { checked } from '../support/scenarios.ts';
import type { ScenarioInput } from '../../../../src/scenario/schema.ts';

/**
 * Three servers published under one multivalue name, each address a layer-4 pass-through to one server
 * (so a crashed server's address refuses the connection); web-1 crashes at 20 s.
 */
function threeAddresses(triesNextAddressShare: number, staggered = true): ScenarioInput {
  const ids = [1, 2, 3];
  return {
    schemaVersion: 1,
    name: 'three addresses',
    durationSec: 180,
    traffic: { arrival: { kind: 'poisson', ratePerSec: 30 }, clients: { count: 600, triesNextAddressShare } },
    dns: {
      name: 'shop.example.com',
      policy: 'multivalue',
      ttlSec: 60,
      records: ids.map((i) => ({ id: `record-${i}`, balancer: `ip-${i}` })),
      resolvers: { count: 50, staggered },
    },
    balancers: ids.map((i) => ({ id: `ip-${i}`, layer: 4 as const, listeners: [{ port: 80, protocol: 'tcp' as const, defaultForward: `server-${i}` }] })),
    targetGroups: ids.map((i) => ({ id: `server-${i}`, algorithm: 'round-robin' as const, targets: [{ id: `web-${i}`, concurrency: 4, queueLimit: 50, serviceTimeMs: 40 }] })),
    events: [{ atSec: 20, action: 'crash', target: 'web-1' }],
  };
}

function run(doc: ScenarioInput, untilMs = 180_000): TraceRecord[] {
  const done: TraceRecord[] = [];
  const sim = createSimulation(checked(doc), { onRequestDone: (r) => done.push(r) });
  sim.runUntil(untilMs);
  return done;
}

const failedAfter = (done: TraceRecord[], ms: number) => done.filter((r) => r.outcome !== 'ok' && r.arrivalMs >= ms);

describe('clients try the next address of a DNS answer', () => {
  it('clients that fall back stop failing within one request after a crash: only what web-1 held fails', () => {
    const done = run(threeAddresses(1));
    // web-1 serves 40 ms per request on 4 slots at ~10 req/s: it held at most its 4 slots' requests at 20 s
    const failed = done.filter((r) => r.outcome !== 'ok');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThanOrEqual(4);
    for (const r of failed) expect(r.arrivalMs).toBeLessThan(20_000);
    expect(failedAfter(done, 20_000)).toEqual([]);
    // and nothing reaches web-1 after the crash, while web-2 and web-3 take its share
    expect(done.some((r) => r.target === 'web-1' && r.arrivalMs >= 20_000)).toBe(false);
  });

  it('clients that do not fall back keep failing until Route 53 drops the record and their cache expires', () => {
    const done = run(threeAddresses(0));
    const after = failedAfter(done, 20_000);
    // about a third of the requests after the crash go to the dead address until the answers change
    expect(after.length).toBeGreaterThan(500);
    expect(after.every((r) => r.outcome === 'refused')).toBe(true);
    // nothing fails once the record is out of every answer: Route 53 needs 3 failed probes at 30 s from
    // most of 8 checkers (after 20 s: ≥ 80 s), then a cache keeps the old answer up to one TTL (60 s)
    expect(Math.max(...after.map((r) => r.arrivalMs))).toBeLessThan(20_000 + 90_000 + 60_000);
    expect(failedAfter(done, 170_000)).toEqual([]);
  });

  it('a share in between: only the clients that do not fall back fail after the crash', () => {
    const none = failedAfter(run(threeAddresses(0)), 20_000);
    const half = failedAfter(run(threeAddresses(0.5)), 20_000);
    // the same clients pick the same first address in both runs; the half that fall back no longer fail
    expect(half.length).toBeGreaterThan(0);
    expect(half.length).toBeLessThan(none.length * 0.7);
    expect(half.length).toBeGreaterThan(none.length * 0.3);
  });

  it('a layer-7 address accepts the connection and answers 502 itself, so clients do not move on', () => {
    const doc = threeAddresses(1);
    for (const b of doc.balancers) {
      b.layer = 7;
      b.listeners[0].protocol = 'http';
    }
    expect(failedAfter(run(doc), 20_000).length).toBeGreaterThan(500);
  });
});

describe('staggered resolver caches', () => {
  it('after the record is dropped, clients leave the dead address over a whole TTL, not at one moment', () => {
    const failures = (staggered: boolean, from: number, to: number) => run(threeAddresses(0, staggered)).filter((r) => r.outcome !== 'ok' && r.arrivalMs >= from && r.arrivalMs < to).length;
    // Route 53 drops record-1 between 100 and 110 s (3 failed probes 30 s apart at most of 8 checkers).
    // Unstaggered, every resolver first fetched within the first second or two, so every cache refetches
    // at about 120 s (a few seconds later for a resolver asked late): failures end then, all at once.
    expect(failures(false, 140_000, 180_000)).toBe(0);
    // Staggered, resolver r's first answer expired at (r + 1) × 1.2 s and each refetched then, so their
    // caches run out evenly between the record's removal and one TTL later: failures taper off after 140 s.
    expect(failures(true, 140_000, 160_000)).toBeGreaterThan(20);
  });
});

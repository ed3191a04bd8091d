// Sessions: where session state lives decides what a failure costs the users.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import { checked } from './support/scenarios.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';

type GroupExtras = Record<string, unknown>;

function shop(extras: GroupExtras, o: { nat?: { share: number; addresses: number }; clients?: number; algorithm?: string; events?: unknown[] } = {}): ScenarioInput {
  return {
    schemaVersion: 1,
    name: 'cart',
    traffic: {
      arrival: { kind: 'poisson', ratePerSec: 100 },
      clients: { count: o.clients ?? 500, ...(o.nat ? { nat: o.nat } : {}) },
      sessions: { idleSec: 1800 },
      mix: [
        { name: 'browse', path: '/products', share: 0.6 },
        { name: 'add', path: '/cart', share: 0.35, cart: 'add' },
        { name: 'buy', path: '/checkout', share: 0.05, cart: 'checkout' },
      ],
    },
    balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
    targetGroups: [
      {
        id: 'web',
        algorithm: (o.algorithm ?? 'round-robin') as 'round-robin',
        healthCheck: { preset: 'aws-alb', intervalSec: 10, timeoutSec: 2 },
        targets: ['a', 'b', 'c'].map((id) => ({ id, concurrency: 20, serviceTimeMs: { dist: 'exponential' as const, meanMs: 20 } })),
        ...extras,
      },
    ],
    events: (o.events ?? []) as ScenarioInput['events'],
  };
}

const crashB = [{ atSec: 60, action: 'crash', target: 'b' }];

describe('where sessions live', () => {
  it('without stickiness, in-memory sessions are lost on almost every request', () => {
    const s = createSimulation(checked(shop({})));
    s.runUntil(60_000);
    const m = s.metrics().sessions!;
    expect(m.sessionsLost).toBeGreaterThan(3000);
    expect(m.cartsLost).toBeGreaterThan(500);
  });

  it('sticky sessions keep carts — until the sticky target dies; a shared store keeps them through the crash', () => {
    const sticky = createSimulation(checked(shop({ stickiness: { kind: 'lb-cookie' } }, { events: crashB })));
    const shared = createSimulation(checked(shop({ sessionStore: { kind: 'shared', latencyMs: 1 } }, { events: crashB })));
    sticky.runUntil(59_000);
    expect(sticky.metrics().sessions!.cartsLost).toBe(0);
    sticky.runUntil(120_000);
    shared.runUntil(120_000);
    // about a third of the users were on b and lost their carts
    expect(sticky.metrics().sessions!.sessionsLost).toBeGreaterThan(100);
    expect(sticky.metrics().sessions!.cartsLost).toBeGreaterThan(50);
    expect(shared.metrics().sessions!.sessionsLost).toBe(0);
    expect(shared.metrics().sessions!.cartsLost).toBe(0);
    // the price of the shared store: 1 ms more per request
    expect(shared.metrics().latencyMs.mean).toBeGreaterThan(sticky.metrics().latencyMs.mean * 0 + 1);
  });

  it('a stateless group (none) keeps no sessions: every cart request it serves is a lost cart, an added item with it', () => {
    const byClass: Record<string, number> = {};
    const s = createSimulation(checked(shop({ sessionStore: { kind: 'none' }, stickiness: { kind: 'lb-cookie' } })), {
      onRequestDone: (r) => {
        if (r.outcome === 'ok') byClass[r.class] = (byClass[r.class] ?? 0) + 1;
      },
    });
    s.runUntil(60_000);
    const m = s.metrics();
    // nothing fails at 100 req/s on 60 slots, so every request of a cart class was served (and looked for its
    // cart): those done, and those in service at 60 s (a queue never forms at 100 req/s × 20 ms on 60 slots)
    expect(m.requests.failed).toBe(0);
    for (const r of s.inFlight()) if (r.target !== null) byClass[r.class] = (byClass[r.class] ?? 0) + 1;
    expect(byClass.add).toBeGreaterThan(1000);
    expect(m.sessions).toEqual({ sessionsStarted: 0, sessionsLost: 0, cartsLost: byClass.add + byClass.buy, itemsLost: byClass.add, checkouts: 0 });
    // and no session table is made for it: the snapshot shows no store either
    expect(s.snapshot().infra?.sessionStores).toEqual([]);
  });

  it('replicated sessions survive the loss of one target', () => {
    const s = createSimulation(checked(shop({ sessionStore: { kind: 'replicated', costPerWriteMs: 0.5 } }, { events: crashB })));
    s.runUntil(120_000);
    expect(s.metrics().sessions!.cartsLost).toBe(0);
  });

  it('a shared store that goes down fails the requests that need a session', () => {
    const s = createSimulation(checked(shop({ sessionStore: { kind: 'shared', latencyMs: 1 } }, { events: [{ atSec: 10, action: 'crash-session-store', group: 'web' }] })));
    s.runUntil(20_000);
    expect(s.metrics().failures.error).toBeGreaterThan(800);
  });

  it('the sticky cookie is rewritten when its target becomes unhealthy', () => {
    const s = createSimulation(checked(shop({ stickiness: { kind: 'lb-cookie' } }, { events: crashB })));
    s.runUntil(200_000);
    // after detection nothing more goes to b
    const sent = s.metrics().targets.b.requests;
    s.runUntil(260_000);
    expect(s.metrics().targets.b.requests).toBe(sent);
    expect(s.metrics().requests.failed).toBeLessThan(3000);
  });
});

describe('sticky load imbalance', () => {
  it('a few heavy clients behind one NAT address make source-IP stickiness lopsided; cookies do not', () => {
    const nat = { share: 0.4, addresses: 1 };
    const byIp = createSimulation(checked(shop({ stickiness: { kind: 'source-ip' } }, { nat })));
    const byCookie = createSimulation(checked(shop({ stickiness: { kind: 'lb-cookie' } }, { nat })));
    byIp.runUntil(120_000);
    byCookie.runUntil(120_000);
    expect(byIp.metrics().imbalance).toBeGreaterThan(0.3);
    expect(byCookie.metrics().imbalance).toBeLessThan(0.1);
  });
});

describe('long-lived connections', () => {
  function sockets(algorithm: string): ScenarioInput {
    return {
      schemaVersion: 1,
      name: 'websockets',
      traffic: { arrival: { kind: 'poisson', ratePerSec: 5 }, mix: [{ name: 'ws', path: '/live', share: 1, longLivedMs: { dist: 'exponential', meanMs: 300_000 } }] },
      balancers: [{ id: 'lb', listeners: [{ port: 443, protocol: 'https', defaultForward: 'ws' }] }],
      targetGroups: [{ id: 'ws', algorithm: algorithm as 'round-robin', targets: ['a', 'b', 'c'].map((id) => ({ id, concurrency: 10_000, serviceTimeMs: { dist: 'constant' as const, valueMs: 1 } })) }],
      events: [{ atSec: 600, action: 'set-target-count', group: 'ws', count: 4 }],
    };
  }

  it('after a target is added, least connections fills it up while round robin leaves it far behind', () => {
    const open = (algorithm: string) => {
      const s = createSimulation(checked(sockets(algorithm)));
      s.runUntil(900_000);
      const t = s.metrics().targets;
      return ['a', 'b', 'c', 'ws-4'].map((id) => t[id].inFlight);
    };
    const rr = open('round-robin');
    const lc = open('least-connections');
    const spread = (xs: number[]) => (Math.max(...xs) - Math.min(...xs)) / (xs.reduce((a, b) => a + b, 0) / xs.length);
    expect(spread(lc)).toBeLessThan(0.15);
    expect(spread(rr)).toBeGreaterThan(0.3);
  });

  it('long-lived connections do not count as slow responses', () => {
    const s = createSimulation(checked(sockets('least-connections')));
    s.runUntil(900_000);
    expect(s.metrics().latencyMs.p99).toBe(0);
    expect(s.metrics().requests.ok).toBeGreaterThan(2000);
  });
});

describe('replication limits', () => {
  it('replicated sessions are lost only when every replica is lost at once', () => {
    const all = ['a', 'b', 'c'].flatMap((t) => [{ atSec: 60, action: 'crash', target: t }, { atSec: 61, action: 'recover', target: t }]);
    const s = createSimulation(checked(shop({ sessionStore: { kind: 'replicated', costPerWriteMs: 0.5 } }, { events: all })));
    s.runUntil(120_000);
    expect(s.metrics().sessions!.sessionsLost).toBeGreaterThan(100);
  });
});

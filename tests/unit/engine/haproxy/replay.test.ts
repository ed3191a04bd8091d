import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../../src/engine/index.ts';
import { validateScenario, formatErrors } from '../../../../src/scenario/validate.ts';
import { checked } from '../support/scenarios.ts';
import { every, letters, run, world } from '../support/haproxy.ts';

describe('replayed requests (traffic.arrival.kind "replay")', () => {
  it('haproxy-roundrobin 5,1,1: ten requests 100 ms apart go a a a b a a c a a a, each at exactly its atMs', () => {
    const { trace } = run(world({ algorithm: 'haproxy-roundrobin', weights: [5, 1, 1], requests: every(100, 10) }));
    expect(letters(trace)).toBe('a a a b a a c a a a');
    expect(trace.map((r) => r.arrivalMs)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    expect(trace.every((r) => r.outcome === 'ok' && r.latencyMs === 1)).toBe(true);
  });

  it('equal times are sent in list order', () => {
    const { trace } = run(world({ algorithm: 'weighted-round-robin', weights: [5, 1, 1], requests: every(0, 7) }));
    expect(letters(trace)).toBe('a a b a c a a');
    expect(trace.map((r) => r.id)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('each request is routed and hashed by its own path, host and headers', () => {
    const doc = world({
      algorithm: 'haproxy-hash',
      group: { hashKey: 'path' },
      requests: [{ atMs: 0, path: '/item/1' }, { atMs: 1, path: '/item/2' }, { atMs: 2, path: '/item/1?x=1' }, { atMs: 3, path: '/item/3' }, { atMs: 4, path: '/item/2' }],
    });
    const { trace } = run(doc);
    // balance uri (map-based, sdbm of the path up to "?") over three servers of weight 1
    expect(trace[2].target).toBe(trace[0].target);
    expect(trace[4].target).toBe(trace[1].target);
    const rr = world({ algorithm: 'round-robin', requests: [{ atMs: 0, path: '/api/x' }, { atMs: 1, path: '/web' }, { atMs: 2, path: '/web', host: 'admin.example' }, { atMs: 3, headers: { 'X-Beta': 'yes' } }, { atMs: 4 }] });
    const rules = checked({
      ...rr,
      balancers: [{ id: 'lb', listeners: [{ port: 80, rules: [{ match: { pathPrefix: '/api' }, forward: 'api' }, { match: { host: 'admin.*' }, forward: 'api' }, { match: { header: { name: 'x-beta', value: 'yes' } }, forward: 'api' }], defaultForward: 'bk' }] }],
      targetGroups: [...rr.targetGroups, { id: 'api', algorithm: 'round-robin', targets: [{ id: 'z', serviceTimeMs: { dist: 'constant', valueMs: 1 } }] }],
    });
    const out: string[] = [];
    const sim = createSimulation(rules, { onRequestDone: (r) => (out[r.id] = r.target ?? '-') });
    sim.runUntil(1000);
    expect(out).toEqual(['z', 'a', 'z', 'z', 'b']);
  });

  it('requests from one address are one client; no address means traffic.clients.ipBase', () => {
    const { trace } = run(world({ algorithm: 'haproxy-source', requests: [{ atMs: 0, client: '127.0.0.1' }, { atMs: 1, client: '127.0.2.9' }, { atMs: 2, client: '127.0.0.1' }, { atMs: 3 }, { atMs: 4, client: '10.0.0.1' }] }));
    expect(trace.map((r) => r.client)).toEqual([0, 1, 0, 2, 2]);
    // real-systems §2.7, map-based [a, b, c]: 127.0.0.1 → c, 127.0.2.9 → a
    expect(letters(trace.slice(0, 3))).toBe('c a c');
  });

  it('the class applies service times and shows in the trace; only the size is drawn', () => {
    const doc = world({ algorithm: 'round-robin', requests: [{ atMs: 0 }, { atMs: 10, class: 'slow' }] });
    const scenario = checked({
      ...doc,
      traffic: { ...doc.traffic, mix: [{ name: 'fast', share: 1 }, { name: 'slow', share: 1 }] },
      targetGroups: [{ ...doc.targetGroups[0], targets: doc.targetGroups[0].targets.map((t) => ({ ...t, serviceTimeByClass: { slow: { dist: 'constant', valueMs: 50 } } })) }],
    });
    const out: { cls: string; latencyMs: number }[] = [];
    createSimulation(scenario, { onRequestDone: (r) => (out[r.id] = { cls: r.class, latencyMs: r.latencyMs }) }).runUntil(1000);
    expect(out).toEqual([{ cls: 'fast', latencyMs: 1 }, { cls: 'slow', latencyMs: 50 }]);
  });

  it('nothing arrives but the listed requests, and set-rate is refused', () => {
    const { sim, trace } = run(world({ algorithm: 'round-robin', requests: every(1000, 3) }));
    expect(trace).toHaveLength(3);
    expect(sim.metrics().requests.total).toBe(3);
    expect(sim.apply({ action: 'set-rate', ratePerSec: 5 })).toBe('a replay sends exactly its listed requests, at no rate');
  });

  it('bad replays are refused with the path and the reason', () => {
    const errors = (doc: unknown) => {
      const r = validateScenario(doc);
      return r.ok ? 'ok' : formatErrors(r.errors);
    };
    expect(errors(world({ algorithm: 'round-robin', requests: [{ atMs: 5 }, { atMs: 1 }] }))).toBe('traffic.arrival.requests[1].atMs: 1 ms is earlier than the request before it (5 ms); list requests in time order');
    expect(errors(world({ algorithm: 'round-robin', durationSec: 1, requests: [{ atMs: 1000 }] }))).toBe('traffic.arrival.requests[0].atMs: 1000 ms is not before the end of the run (durationSec 1 = 1000 ms)');
    expect(errors(world({ algorithm: 'round-robin', requests: [{ atMs: 0, client: '10.0.0.300' }] }))).toBe('traffic.arrival.requests[0].client: must be a dotted IPv4 address');
  });
});

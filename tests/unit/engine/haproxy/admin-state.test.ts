import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../src/scenario/schema.ts';
import { every, letters, run, world } from '../support/haproxy.ts';

/**
 * set-admin-state (HAProxy's `set server bk/<s> state ready|drain|maint`) through the engine, one request
 * every 10 ms, against the orders recorded from HAProxy 2.6.12 (docs/haproxy-integration.md §3).
 */
const at = (atMs: number, target: string, state: 'ready' | 'drain' | 'maint'): { atMs: number; change: Change } => ({ atMs, change: { action: 'set-admin-state', target, state } });
const PATHS = Array.from({ length: 50 }, (_, i) => ({ atMs: 10 + i * 10, path: `/item/${i + 1}` }));

describe('set-admin-state', () => {
  it('roundrobin 3,2,1, b to maint after 5 picks and back after 4 more', () => {
    const { trace } = run(world({ algorithm: 'haproxy-roundrobin', weights: [3, 2, 1], requests: every(10, 21) }), undefined, [at(45, 'b', 'maint'), at(85, 'b', 'ready')]);
    expect(letters(trace)).toBe('a b a c a a a a c a b a c a b a b a c a b');
  });

  it('static-rr, the same steps', () => {
    const { trace } = run(world({ algorithm: 'haproxy-static-rr', weights: [3, 2, 1], requests: every(10, 21) }), undefined, [at(45, 'b', 'maint'), at(85, 'b', 'ready')]);
    expect(letters(trace)).toBe('a a b a b a a a c b c a a b a b c a a b a');
  });

  it('leastconn 1,1,1, b out after 2 picks and back after 3', () => {
    const { trace } = run(world({ algorithm: 'haproxy-leastconn', requests: every(10, 11) }), undefined, [at(15, 'b', 'maint'), at(45, 'b', 'ready')]);
    expect(letters(trace)).toBe('a b c a c a c b a c b');
  });

  it('roundrobin 1,1,1 with c drained after 2 picks and ready after 3 more', () => {
    const { trace } = run(world({ algorithm: 'haproxy-roundrobin', requests: every(10, 11) }), undefined, [at(15, 'c', 'drain'), at(45, 'c', 'ready')]);
    expect(letters(trace)).toBe('a b a b a b a c b a c');
  });

  it('maint rebuilds a map-based hash without the server (most keys move); consistent moves only its keys', () => {
    const map = run(world({ algorithm: 'haproxy-hash', weights: [1, 1, 1, 1, 1], group: { hashKey: 'path' }, requests: PATHS }), undefined, [at(0, 'c', 'maint')]);
    expect(letters(map.trace).replaceAll(' ', '')).toBe('abdeabdeaabdeabdeabeabdeabdeadeabdeabdebdeabdeabda');
    const consistent = run(world({ algorithm: 'haproxy-hash', weights: [1, 1, 1, 1, 1], group: { hashKey: 'path', hashType: 'consistent' }, requests: PATHS }), undefined, [at(0, 'c', 'maint')]);
    expect(letters(consistent.trace).replaceAll(' ', '')).toBe('aeeeaebddddaededaaabbadbaadbdaddadebaddbaeeadaedea');
  });

  it('a request in flight when its server enters maint finishes normally', () => {
    const { trace } = run(world({ algorithm: 'haproxy-roundrobin', serviceMs: 1500, requests: [{ atMs: 0 }] }), 5000, [at(100, 'a', 'maint')]);
    expect(trace[0]).toMatchObject({ target: 'a', outcome: 'ok', latencyMs: 1500 });
  });

  it('every server in maint or drained: no target (HAProxy 503 at once), even with fail-open', () => {
    const { trace } = run(world({ algorithm: 'haproxy-roundrobin', targets: [{}, {}], requests: [{ atMs: 10 }, { atMs: 20 }] }), 1000, [at(0, 'a', 'maint'), at(0, 'b', 'drain')]);
    expect(trace.map((r) => [r.outcome, r.latencyMs])).toEqual([['no-target', 0], ['no-target', 0]]);
  });

  it('maint pauses health checks; ready brings a checked server up at once, and one failed check takes it down', () => {
    const doc = world({ algorithm: 'haproxy-roundrobin', targets: [{}, {}], group: { healthCheck: { preset: 'haproxy', intervalSec: 1 } }, requests: every(100, 60) });
    const { trace, events } = run(doc, 7000, [
      at(500, 'b', 'maint'),
      { atMs: 600, change: { action: 'crash', target: 'b' } },
      at(3000, 'b', 'ready'),
    ]);
    // b crashed while in maintenance: no check saw it; back in ready at 3 s it is up at once, and the probe sent
    // at once (refused, answered 1 ms later) takes it down: rise 2 / fall 3 starts at rise, so one failure is enough
    expect(events.filter((e) => e.subject === 'b').map((e) => [e.timeMs, e.kind])).toEqual([
      [500, 'maint'],
      [600, 'crash'],
      [3000, 'ready'],
      [3001, 'unhealthy'],
      [3001, 'detected'],
    ]);
    expect(trace.filter((r) => r.target === 'b' && r.arrivalMs > 500)).toEqual([]);
  });

  it('the event log names each state, HAProxy style', () => {
    const { events } = run(world({ algorithm: 'haproxy-roundrobin', requests: every(10, 1) }), 1000, [at(100, 'b', 'drain'), at(200, 'b', 'maint'), at(300, 'b', 'ready')]);
    expect(events.slice(1).map((e) => e.message)).toEqual([
      'bk/b enters drain mode: no new load-balanced requests, but requests whose cookie names it still go there',
      'bk/b is going DOWN for maintenance: it takes no new requests and its health checks pause; what it holds finishes',
      'bk/b is UP/READY (leaving maintenance)',
    ]);
  });
});

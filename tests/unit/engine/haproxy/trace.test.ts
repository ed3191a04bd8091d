import { describe, expect, it } from 'vitest';
import { every, run, world } from '../support/haproxy.ts';

describe('a complete trace (class, attempts, requests in flight) and the event log', () => {
  it('each attempt is listed with its target, outcome and time, like $upstream_addr and $upstream_status', () => {
    // nginx smooth WRR with proxy_next_upstream error: b is crashed, so the second request tries b, then c
    const { trace } = run(
      world({ algorithm: 'weighted-round-robin', group: { retries: { maxTries: 3 } }, requests: every(10, 3) }),
      1000,
      [{ atMs: 0, change: { action: 'crash', target: 'b' } }],
    );
    expect(trace.map((r) => r.attempts)).toEqual([
      [{ target: 'a', outcome: 'ok', atMs: 0 }],
      [{ target: 'b', outcome: 'refused', atMs: 10 }, { target: 'c', outcome: 'ok', atMs: 10 }],
      [{ target: 'c', outcome: 'ok', atMs: 20 }],
    ]);
    expect(trace.map((r) => r.class)).toEqual(['default', 'default', 'default']);
  });

  it('a request that fails before any target has no attempts; one that runs out of tries ends with its last', () => {
    const { trace } = run(
      world({ algorithm: 'round-robin', targets: [{}, {}], group: { retries: { maxTries: 2 } }, requests: [{ atMs: 10 }] }),
      1000,
      [
        { atMs: 0, change: { action: 'crash', target: 'a' } },
        { atMs: 0, change: { action: 'crash', target: 'b' } },
      ],
    );
    expect(trace[0]).toMatchObject({ target: 'b', outcome: 'refused', attempts: [{ target: 'a', outcome: 'refused' }, { target: 'b', outcome: 'refused' }] });
    const none = run(world({ algorithm: 'round-robin', targets: [{}], requests: [{ atMs: 10 }] }), 1000, [{ atMs: 0, change: { action: 'deregister', target: 'a' } }]);
    expect(none.trace[0]).toMatchObject({ target: null, outcome: 'no-target', attempts: [] });
  });

  it('a request still in flight keeps its arrival time, client, class and target', () => {
    const { sim, trace } = run(world({ algorithm: 'round-robin', serviceMs: 5000, requests: [{ atMs: 0 }, { atMs: 100, client: '192.0.2.7' }] }), 1000);
    expect(trace).toHaveLength(0);
    expect(sim.inFlight()).toEqual([
      { id: 0, arrivalMs: 0, client: 0, class: 'default', target: 'a', outcome: 'in-flight', latencyMs: null, attempts: [{ target: 'a', outcome: 'in-flight', atMs: 0 }] },
      { id: 1, arrivalMs: 100, client: 1, class: 'default', target: 'b', outcome: 'in-flight', latencyMs: null, attempts: [{ target: 'b', outcome: 'in-flight', atMs: 100 }] },
    ]);
    expect(sim.metrics().requests.inFlight).toBe(2);
  });

  it('finished and in-flight requests together are every request, once', () => {
    const { sim, trace } = run(world({ algorithm: 'least-connections', serviceMs: 700, requests: every(37, 200) }), 5000);
    const ids = [...trace.map((r) => r.id), ...sim.inFlight().map((r) => r.id)].sort((a, b) => a - b);
    expect(ids).toEqual(Array.from({ length: sim.metrics().requests.total }, (_, i) => i));
  });

  it('onEvent hears every entry of the event log with its time, beyond what the log keeps', () => {
    const { sim, events } = run(world({ algorithm: 'round-robin', requests: every(10, 1) }), 1000, [
      { atMs: 200, change: { action: 'crash', target: 'b' } },
      { atMs: 300, change: { action: 'recover', target: 'b' } },
    ]);
    expect(events.map((e) => [e.timeMs, e.kind, e.subject])).toEqual([
      [0, 'start', 'haproxy vector'],
      [200, 'crash', 'b'],
      [300, 'recover', 'b'],
    ]);
    expect(sim.events(0)).toEqual(events);
  });
});

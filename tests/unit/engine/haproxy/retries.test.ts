import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../src/scenario/schema.ts';
import type { TraceRecord } from '../../../../src/engine/index.ts';
import { run, world, type WorldOptions } from '../support/haproxy.ts';

/**
 * HAProxy's retries (`retries.style: "haproxy"`) against the vectors recorded on HAProxy 2.6.12
 * (docs/haproxy-integration.md §5, R1–R10): a, b up and c refusing (crashed); no health checks unless
 * said, so c stays "running"; `timeout connect` 5 s, hence a turnaround of min(5 s, 1 s) = 1 s.
 */
const crash = (target: string, atMs = 0): { atMs: number; change: Change } => ({ atMs, change: { action: 'crash', target } });
/** Each attempt as "target@ms outcome". */
const steps = (r: TraceRecord | undefined) => r?.attempts.map((a) => `${a.target}@${a.atMs} ${a.outcome}`).join(', ');
type Retries = { retries?: number; redispatch?: boolean | number; connectTimeoutMs?: number; on?: ('conn-failure' | 'response-timeout' | '500' | '503')[] };
const haproxy = (retries: Retries, o: Partial<WorldOptions> = {}) =>
  world({ algorithm: 'haproxy-roundrobin', requests: [{ atMs: 10 }, { atMs: 20 }, { atMs: 30 }], ...o, group: { retries: { style: 'haproxy', ...retries }, ...o.group } });

describe('HAProxy retries: the same server, a one-second turnaround, 503 when spent', () => {
  it('R1 roundrobin, retries 3, no redispatch: c at 0, 1, 2, 3 s, then 503 (refused) at 3.0 s', () => {
    const { trace } = run(haproxy({}), 10_000, [crash('c')]);
    expect(trace.slice(0, 2).map((r) => `${r.target} ${r.outcome}`)).toEqual(['a ok', 'b ok']);
    expect(steps(trace[2])).toBe('c@30 refused, c@1030 refused, c@2030 refused, c@3030 refused');
    expect(trace[2]).toMatchObject({ outcome: 'refused', latencyMs: 3000 });
  });

  it('R2 with redispatch: a request no cookie binds goes to another server at once', () => {
    const { trace } = run(haproxy({ redispatch: true }), 10_000, [crash('c')]);
    expect(steps(trace[2])).toBe('c@30 refused, a@30 ok');
    expect(trace[2]).toMatchObject({ outcome: 'ok', latencyMs: 1 });
  });

  it('R3 leastconn with redispatch: the same', () => {
    const { trace } = run(haproxy({ redispatch: true }, { algorithm: 'haproxy-leastconn' }), 10_000, [crash('c')]);
    expect(steps(trace[2])).toBe('c@30 refused, a@30 ok');
  });

  it('R4 uri map-based with redispatch: a hash waits for the last retry, and the map gives c again: 503 at 2.0 s', () => {
    const doc = haproxy({ redispatch: true }, { algorithm: 'haproxy-hash', group: { hashKey: 'path' }, requests: [{ atMs: 10, path: '/item/3' }, { atMs: 20, path: '/item/4' }] });
    const { trace } = run(doc, 10_000, [crash('c')]);
    // three turnarounds would make 3 s; the last retry is a redispatch, which starts at once
    expect(steps(trace[0])).toBe('c@10 refused, c@1010 refused, c@2010 refused, c@2010 refused');
    expect(trace[0]).toMatchObject({ outcome: 'refused', latencyMs: 2000 });
    expect(trace[1].target).toBe('a');
  });

  it('R5 uri consistent with redispatch: the last retry moves clockwise past c to the next node\'s server, 200 at 2.0 s', () => {
    const requests = [3, 4, 5].map((k, i) => ({ atMs: 10 + i * 5000, path: `/item/${k}` }));
    const up = run(haproxy({ redispatch: true }, { algorithm: 'haproxy-hash', group: { hashKey: 'path', hashType: 'consistent' }, requests }), 20_000);
    expect(up.trace.map((r) => r.target)).toEqual(['c', 'c', 'c']);
    const { trace } = run(haproxy({ redispatch: true }, { algorithm: 'haproxy-hash', group: { hashKey: 'path', hashType: 'consistent' }, requests }), 20_000, [crash('c')]);
    expect(trace.map((r) => `${r.target} ${r.outcome} ${r.latencyMs}`)).toEqual(['b ok 2001', 'b ok 2001', 'a ok 2001']);
    expect(steps(trace[0])).toBe('c@10 refused, c@1010 refused, c@2010 refused, b@2010 ok');
  });

  it('R9 retries 2 with a 300 ms connect timeout: the turnaround is 300 ms, 503 at 0.6 s', () => {
    const { trace } = run(haproxy({ retries: 2, connectTimeoutMs: 300 }), 10_000, [crash('c')]);
    expect(steps(trace[2])).toBe('c@30 refused, c@330 refused, c@630 refused');
    expect(trace[2]).toMatchObject({ outcome: 'refused', latencyMs: 600 });
  });

  it('with one usable active server a redispatch still waits out the turnaround (srv_act ≤ 1)', () => {
    // a is the only primary (b a backup): the last retry is a redispatch, but the algorithm has only a to offer
    const { trace } = run(haproxy({ redispatch: true }, { targets: [{}, { backup: true }], requests: [{ atMs: 10 }] }), 10_000, [crash('a')]);
    expect(steps(trace[0])).toBe('a@10 refused, a@1010 refused, a@2010 refused, a@3010 refused');
  });

  it('retries 0: one attempt, no retry', () => {
    const { trace } = run(haproxy({ retries: 0, redispatch: true }), 10_000, [crash('c')]);
    expect(steps(trace[2])).toBe('c@30 refused');
  });

  it('an interval P > 0 redispatches every P-th retry; −N the N-th before the last', () => {
    // roundrobin 1,1,1 hides the difference (a lone request redispatches at once); hashes show it
    const doc = (redispatch: number) => haproxy({ retries: 4, redispatch }, { algorithm: 'haproxy-hash', group: { hashKey: 'path', hashType: 'consistent' }, requests: [{ atMs: 10, path: '/item/3' }] });
    expect(steps(run(doc(2), 10_000, [crash('c')]).trace[0])).toBe('c@10 refused, c@1010 refused, b@1010 ok');
    expect(steps(run(doc(-2), 10_000, [crash('c')]).trace[0])).toBe('c@10 refused, c@1010 refused, c@2010 refused, b@2010 ok');
  });

  it('listed answers are retried on the same server at once (no turnaround): 500 with retry-on 500', () => {
    const doc = haproxy({ on: ['500'], redispatch: false }, { targets: [{}, { errorShare: 1 }, {}] });
    const { trace } = run(doc, 10_000);
    // each attempt is sent when the previous 500 arrives (1 ms of service); the client gets the last 500
    expect(steps(trace[1])).toBe('b@20 error, b@21 error, b@22 error, b@23 error');
    expect(trace[1]).toMatchObject({ outcome: 'error', latencyMs: 4 });
  });

  it('a response timeout is retried only when listed, and counts from the new attempt', () => {
    const listed = haproxy({ on: ['conn-failure', 'response-timeout'], retries: 1 }, { group: { requestTimeoutMs: 500 } });
    const { trace } = run(listed, 10_000, [{ atMs: 0, change: { action: 'hang', target: 'c' } }]);
    expect(steps(trace[2])).toBe('c@30 timeout, c@530 timeout');
    expect(trace[2]).toMatchObject({ outcome: 'timeout', latencyMs: 1000 });
    const unlisted = run(haproxy({ retries: 1 }, { group: { requestTimeoutMs: 500 } }), 10_000, [{ atMs: 0, change: { action: 'hang', target: 'c' } }]);
    expect(steps(unlisted.trace[2])).toBe('c@30 timeout');
  });

  it('a request waiting out its turnaround is in flight at its next server, with its attempts so far', () => {
    const { sim } = run(haproxy({}), 500, [crash('c')]);
    expect(sim.inFlight()).toEqual([
      { id: 2, arrivalMs: 30, client: 0, class: 'default', target: 'c', outcome: 'in-flight', latencyMs: null, attempts: [{ target: 'c', outcome: 'refused', atMs: 30 }] },
    ]);
  });

  it('a server that health checks mark down is left at the next failure, before the last retry', () => {
    // `check inter 1s` (rise 2, fall 3): a server starts with its counter at rise, so c's first failed probe
    // (the checks of a, b, c are spread over the interval: c's at 2/3 s) marks it DOWN
    const doc = (redispatch: boolean) =>
      haproxy({ retries: 5, redispatch }, { algorithm: 'haproxy-hash', group: { hashKey: 'path', hashType: 'consistent', healthCheck: { preset: 'haproxy', intervalSec: 1 } }, requests: [{ atMs: 10, path: '/item/3' }] });
    const kept = run(doc(false), 10_000, [crash('c')]);
    const marked = kept.events.find((e) => e.subject === 'c' && e.kind === 'unhealthy')!.timeMs;
    expect(marked).toBeGreaterThan(10);
    expect(marked).toBeLessThan(1010);
    // without redispatch HAProxy stays on c although it is down: 5 retries, 503 at 5.0 s
    expect(kept.trace[0]).toMatchObject({ outcome: 'refused', latencyMs: 5000 });
    // with it, the failure at 1.0 s finds c not running: the retry goes to the next node's server at once
    expect(steps(run(doc(true), 10_000, [crash('c')]).trace[0])).toBe('c@10 refused, c@1010 refused, b@1010 ok');
  });
});

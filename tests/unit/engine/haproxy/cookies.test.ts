import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../src/scenario/schema.ts';
import type { TraceRecord } from '../../../../src/engine/index.ts';
import { run, world, type WorldOptions } from '../support/haproxy.ts';

/**
 * HAProxy cookie persistence (`cookie SERVERID insert indirect nocache`) step by step, against the vectors
 * recorded on HAProxy 2.6.12 (docs/haproxy-integration.md §4 C1–C7 and §5 R6–R10; real-systems §2.13–2.14).
 * roundrobin over a, b, c of weight 1; "b*" is an answer from b carrying `Set-Cookie: SERVERID=b`, "b" one
 * without (the client's cookie was used). Client X is 192.0.2.1; others are 198.51.100.N.
 */
const X = '192.0.2.1';
const other = (n: number) => `198.51.100.${n}`;
type Step = { client: string } | { change: Change };
const at = (target: string, state: 'ready' | 'drain' | 'maint'): Step => ({ change: { action: 'set-admin-state', target, state } });

/** Runs the steps 10 ms apart (requests and changes in order) and returns each answer as "b*" / "b" / "-". */
function steps(list: Step[], o: Partial<WorldOptions> = {}, until = 30_000): { shown: string; trace: TraceRecord[] } {
  const requests: { atMs: number; client: string }[] = [];
  const changes: { atMs: number; change: Change }[] = [];
  list.forEach((step, i) => ('client' in step ? requests.push({ atMs: 10 * (i + 1), client: step.client }) : changes.push({ atMs: 10 * (i + 1) - 5, change: step.change })));
  const { trace } = run(world({ algorithm: 'haproxy-roundrobin', requests, ...o, group: { stickiness: { kind: 'haproxy-cookie' }, ...o.group } }), until, changes);
  return { shown: trace.map((r) => (r.target === null || r.outcome !== 'ok' ? '-' : `${r.target}${r.setCookie === undefined ? '' : '*'}`)).join(' '), trace };
}
const x: Step = { client: X };
/** Brings X onto b: another client takes a first. */
const bindXtoB: Step[] = [{ client: other(1) }, x];

describe('HAProxy cookie persistence, step by step', () => {
  it('C1 an ordinary client keeps its new server once its own is in maintenance', () => {
    expect(steps([...bindXtoB, x, at('b', 'maint'), x, x, at('b', 'ready'), x, x]).shown).toBe('a* b* b c* c c c');
  });

  it('C2 a client that keeps its stale cookie is load-balanced (each answer offering a new cookie) until its server is back', () => {
    const { shown } = steps([...bindXtoB, x, at('b', 'maint'), x, x, at('b', 'ready'), x, x], { clients: { count: 1000, ipBase: '10.0.0.1', keepsStaleCookie: true } });
    expect(shown).toBe('a* b* b c* a* b b');
  });

  it('C3 drain keeps the persistent client on b while new clients go elsewhere', () => {
    const { shown } = steps([...bindXtoB, at('b', 'drain'), x, { client: other(2) }, { client: other(3) }, { client: other(4) }, x, at('b', 'ready'), { client: other(5) }, { client: other(6) }]);
    expect(shown).toBe('a* b* b c* a* c* b a* c*');
  });

  it('C4 weight 0 takes no new clients but keeps the ones its cookie names', () => {
    const list: Step[] = [{ client: other(1) }, { client: other(2) }, x, { change: { action: 'set-weight', target: 'c', weight: 0 } }, x, { client: other(3) }, { client: other(4) }, { client: other(5) }];
    expect(steps(list).shown).toBe('a* b* c* c a* b* a*');
  });

  it('C5 a cookie naming a backup is honoured while the primaries are up', () => {
    const list: Step[] = [at('a', 'maint'), at('b', 'maint'), at('c', 'maint'), x, at('a', 'ready'), at('b', 'ready'), at('c', 'ready'), x, { client: other(1) }];
    expect(steps(list, { targets: [{}, {}, {}, { backup: true }] }).shown).toBe('d* d a*');
  });

  it('C6 a cookie naming a server the group no longer has is ignored: load-balanced with a new cookie', () => {
    // X is bound to d; the group shrinks to a, b, c, so SERVERID=d names nothing
    const list: Step[] = [{ client: other(1) }, { client: other(2) }, { client: other(3) }, x, { change: { action: 'set-target-count', group: 'bk', count: 3 } }, x, x];
    expect(steps(list, { targets: [{}, {}, {}, {}] }).shown).toBe('a* b* c* d* a* a');
  });

  it('C7 health checks: once b is DOWN its cookie is load-balanced at once; a stale client is back on b when b is UP', () => {
    const requests = [
      { atMs: 10, client: other(1) },
      { atMs: 20, client: X },
      ...[3000, 3010, 6000].map((atMs) => ({ atMs, client: X })),
    ];
    const doc = world({
      algorithm: 'haproxy-roundrobin',
      requests,
      clients: { count: 1000, ipBase: '10.0.0.1', keepsStaleCookie: true },
      group: { stickiness: { kind: 'haproxy-cookie' }, healthCheck: { preset: 'haproxy', intervalSec: 1 }, whenAllUnhealthy: 'refuse' },
    });
    // b crashes at 100 ms (DOWN at its next check) and recovers at 4 s (UP after rise 2 checks)
    const { trace, events } = run(doc, 30_000, [
      { atMs: 100, change: { action: 'crash', target: 'b' } },
      { atMs: 4000, change: { action: 'recover', target: 'b' } },
    ]);
    const up = events.find((e) => e.subject === 'b' && e.kind === 'healthy' && e.timeMs > 4000)!.timeMs;
    expect(up).toBeLessThan(6000);
    expect(trace.map((r) => `${r.target}${r.setCookie === undefined ? '' : '*'} ${r.attempts.length}`)).toEqual(['a* 1', 'b* 1', 'c* 1', 'a* 1', 'b 1']);
  });
});

describe('HAProxy retries with cookie persistence (R6–R10)', () => {
  /** X bound to c (after two other clients), then c refuses and X sends one more request. */
  const bound = (retries: object, o: Partial<WorldOptions> = {}) =>
    world({
      algorithm: 'haproxy-roundrobin',
      requests: [{ atMs: 10, client: other(1) }, { atMs: 20, client: other(2) }, { atMs: 30, client: X }, { atMs: 200, client: X }, { atMs: 5000, client: other(3) }],
      ...o,
      group: { stickiness: { kind: 'haproxy-cookie' }, retries: { style: 'haproxy', ...retries }, ...o.group },
    });
  const attempts = (r: TraceRecord) => r.attempts.map((a) => `${a.target}@${a.atMs} ${a.outcome}`).join(', ');
  const crashC = [{ atMs: 100, change: { action: 'crash', target: 'c' } as Change }];

  it('R6 cookie c, redispatch: c at 0, 1, 2 s, then a at 2.0 s with Set-Cookie a; the next new client goes to b', () => {
    const { trace } = run(bound({ redispatch: true }), 30_000, crashC);
    expect(attempts(trace[3])).toBe('c@200 refused, c@1200 refused, c@2200 refused, a@2200 ok');
    expect(trace[3]).toMatchObject({ outcome: 'ok', latencyMs: 2001, setCookie: 'a' });
    expect(trace[4]).toMatchObject({ target: 'b', setCookie: 'b' });
  });

  it('R7 cookie c, no redispatch: 503 at 3.0 s with no Set-Cookie, so the client keeps its cookie', () => {
    const { trace } = run(bound({}), 30_000, crashC);
    expect(attempts(trace[3])).toBe('c@200 refused, c@1200 refused, c@2200 refused, c@3200 refused');
    expect(trace[3]).toMatchObject({ outcome: 'refused', latencyMs: 3000 });
    expect(trace[3].setCookie).toBeUndefined();
  });

  it('R8 cookie c, redispatch 1: redispatched at the first retry, a at once with Set-Cookie a', () => {
    const { trace } = run(bound({ redispatch: 1 }), 30_000, crashC);
    expect(attempts(trace[3])).toBe('c@200 refused, a@200 ok');
    expect(trace[3]).toMatchObject({ setCookie: 'a' });
  });

  it('R10 health checks mark c DOWN during the retries: with redispatch X leaves c at the next failure; without, 503 at 3.0 s', () => {
    const checks = { healthCheck: { preset: 'haproxy' as const, intervalSec: 1 } };
    const down = run(bound({}, { group: checks }), 30_000, crashC);
    const marked = down.events.find((e) => e.subject === 'c' && e.kind === 'unhealthy')!.timeMs;
    // c's first failed check (its checks run at 2/3 s and every second after) marks it DOWN, after X's first attempt
    expect(marked).toBeGreaterThan(200);
    expect(marked).toBeLessThan(1200);
    expect(attempts(down.trace[3])).toBe('c@200 refused, c@1200 refused, c@2200 refused, c@3200 refused');
    const redispatched = run(bound({ redispatch: true }, { group: checks }), 30_000, crashC);
    expect(attempts(redispatched.trace[3])).toBe('c@200 refused, c@1200 refused, a@1200 ok');
    expect(redispatched.trace[3].setCookie).toBe('a');
  });
});

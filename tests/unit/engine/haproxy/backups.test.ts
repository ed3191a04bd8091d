import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../src/scenario/schema.ts';
import { formatErrors, validateScenario } from '../../../../src/scenario/validate.ts';
import { every, letters, run, world } from '../support/haproxy.ts';

/** Backup servers and nginx `down`, one request every 10 ms, against docs/haproxy-integration.md §2 (RUN on HAProxy 2.6.12 and nginx 1.22). */
const change = (atMs: number, c: Change) => ({ atMs, change: c });
const maint = (target: string) => change(0, { action: 'set-admin-state', target, state: 'maint' });
const crash = (target: string) => change(0, { action: 'crash', target });
const from10 = (count: number) => every(10, count).map((r) => ({ atMs: r.atMs + 10 }));

describe('HAProxy backups (a, b primaries; c, d, e backups)', () => {
  const backups = [{}, {}, { backup: true }, { backup: true }, { backup: true }];
  const haproxy = (algorithm: Parameters<typeof world>[0]['algorithm'], changes: ReturnType<typeof maint>[], group = {}, count = 6) =>
    letters(run(world({ algorithm, targets: backups, group, requests: from10(count) }), undefined, changes).trace);

  it('all up: the primaries only', () => {
    expect(haproxy('haproxy-roundrobin', [], {}, 4)).toBe('a b a b');
  });

  it('a and b in maint: everything to the first backup, whatever the algorithm', () => {
    for (const algorithm of ['haproxy-roundrobin', 'haproxy-static-rr', 'haproxy-leastconn', 'haproxy-first'] as const) {
      expect(haproxy(algorithm, [maint('a'), maint('b')], {}, 4)).toBe('c c c c');
    }
    expect(haproxy('haproxy-hash', [maint('a'), maint('b')], { hashKey: 'path' }, 4)).toBe('c c c c');
    expect(haproxy('haproxy-roundrobin', [maint('a'), maint('b'), maint('c')], {}, 3)).toBe('d d d');
  });

  it('allBackups balances over every backup with the same algorithm', () => {
    for (const algorithm of ['haproxy-roundrobin', 'haproxy-static-rr', 'haproxy-leastconn'] as const) {
      expect(haproxy(algorithm, [maint('a'), maint('b')], { allBackups: true })).toBe('c d e c d e');
    }
    expect(haproxy('haproxy-first', [maint('a'), maint('b')], { allBackups: true }, 3)).toBe('c c c');
    expect(haproxy('haproxy-hash', [maint('a'), maint('b')], { allBackups: true, hashKey: 'path' }, 3)).toBe('e e e');
  });
});

describe('nginx backups (a, b primaries; c, d backups) and down', () => {
  const group = { retries: {}, passiveHealth: { kind: 'nginx' as const } };
  const nginx = (changes: ReturnType<typeof crash>[], targets: object[] = [{}, {}, { backup: true }, { backup: true }], algorithm: 'weighted-round-robin' | 'least-connections' = 'weighted-round-robin') =>
    run(world({ algorithm, targets, group, requests: from10(8) }), undefined, changes).trace;

  it('primaries up: a b a b…', () => {
    for (const algorithm of ['weighted-round-robin', 'least-connections'] as const) expect(letters(nginx([], undefined, algorithm))).toBe('a b a b a b a b');
  });

  it('a dead (refused): the first request tries a then b; a is out for fail_timeout, so b b b…', () => {
    const trace = nginx([crash('a')]);
    expect(letters(trace)).toBe('b b b b b b b b');
    expect(trace[0].attempts.map((a) => `${a.target} ${a.outcome}`)).toEqual(['a refused', 'b ok']);
  });

  it('a and b dead: the request moves to the backups and stays there; c d c d…', () => {
    for (const algorithm of ['weighted-round-robin', 'least-connections'] as const) {
      const trace = nginx([crash('a'), crash('b')], undefined, algorithm);
      expect(letters(trace)).toBe('c d c d c d c d');
      expect(trace[0].attempts.map((a) => `${a.target} ${a.outcome}`)).toEqual(['a refused', 'b refused', 'c ok']);
    }
  });

  it('a and b down: c d c d…, and the try budget leaves them out', () => {
    expect(letters(nginx([], [{ down: true }, { down: true }, { backup: true }, { backup: true }]))).toBe('c d c d c d c d');
  });

  it('a and b dead with backups weighing 2 and 1: smooth WRR over the backups', () => {
    expect(letters(nginx([crash('a'), crash('b')], [{}, {}, { backup: true, weight: 2 }, { backup: true }]))).toBe('c d c c d c c d');
  });

  it('a backup that refuses sends the request on to the next backup; the budget is primaries plus backups', () => {
    const trace = nginx([crash('a'), crash('b'), crash('c')]);
    expect(trace[0].attempts.map((a) => `${a.target} ${a.outcome}`)).toEqual(['a refused', 'b refused', 'c refused', 'd ok']);
    expect(letters(trace)).toBe('d d d d d d d d');
  });

  it('down keeps its place in the hash: nginx hash re-hashes only the down server\'s keys', () => {
    const requests = Array.from({ length: 30 }, (_, i) => ({ atMs: 10 + i, path: `/k/${i}` }));
    const all = run(world({ algorithm: 'hash', group: { hashKey: 'path' }, requests })).trace;
    const down = run(world({ algorithm: 'hash', group: { hashKey: 'path' }, targets: [{}, { down: true }, {}], requests })).trace;
    expect(down.some((r) => r.target === 'b')).toBe(false);
    all.forEach((r, i) => {
      if (r.target !== 'b') expect(down[i].target).toBe(r.target);
    });
  });

  it('nginx refuses backup with hash, ip_hash and random, and the validator says so', () => {
    const r = validateScenario(world({ algorithm: 'ip-hash', targets: [{}, { backup: true }], requests: from10(1) }));
    expect(r.ok ? 'ok' : formatErrors(r.errors)).toBe(
      "targetGroups[0].targets[1].backup: nginx's ip_hash has no backup servers (nginx refuses the config); use weighted-round-robin or least-connections, or a haproxy-* algorithm",
    );
    const t = validateScenario(world({ algorithm: 'haproxy-hash', group: { hashKey: 'path', hashType: 'rendezvous' as never }, requests: from10(1) }));
    expect(t.ok ? 'ok' : formatErrors(t.errors)).toBe('targetGroups[0].hashType: must be "map-based" or "consistent", got the text "rendezvous"');
  });
});

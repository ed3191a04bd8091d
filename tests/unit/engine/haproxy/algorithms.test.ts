import { describe, expect, it } from 'vitest';
import { every, letters, run, world } from '../support/haproxy.ts';

/**
 * The HAProxy algorithms as the engine drives them (options from the group, server ids, backups, keys
 * per request), against the vectors recorded from HAProxy 2.6.12 that the algorithm tests also use
 * (tests/unit/engine/balancer/algorithms/haproxy-*.test.ts): the 50 paths /item/1 … /item/50, one at a time.
 */
const PATHS = Array.from({ length: 50 }, (_, i) => ({ atMs: i * 10, path: `/item/${i + 1}` }));
const MAP_BASED = { all: 'eabcdeabccdeabcdeabbcdeabcdeaabcdeabcdeeabcdeabcdd', withoutC: 'abdeabdeaabdeabdeabeabdeabdeadeabdeabdebdeabdeabda' };
const CONSISTENT = {
  all: 'aecccebdcddaededaaabbccbaadbdacdadeccdccaecadaedec',
  withoutC: 'aeeeaebddddaededaaabbadbaadbdaddadebaddbaeeadaedea',
  deletedImplicit: 'aadddebedeeaaeeeaaabbddbaaebeadeaeaddeddaedaeadeed',
};
const compact = (s: string) => s.replaceAll(' ', '');

describe('HAProxy algorithms in the engine', () => {
  it('haproxy-hash reads each request\'s path, map-based by default (balance uri)', () => {
    const { trace } = run(world({ algorithm: 'haproxy-hash', weights: [1, 1, 1, 1, 1], group: { hashKey: 'path' }, requests: PATHS }));
    expect(compact(letters(trace))).toBe(MAP_BASED.all);
  });

  it('hashType consistent reaches the algorithm: 16 nodes per weight placed by server id', () => {
    const { trace } = run(world({ algorithm: 'haproxy-hash', weights: [1, 1, 1, 1, 1], group: { hashKey: 'path', hashType: 'consistent' }, requests: PATHS }));
    expect(compact(letters(trace))).toBe(CONSISTENT.all);
  });

  it('c deleted: implicit ids renumber d and e and move their keys; explicit ids 1, 2, 4, 5 keep them', () => {
    const four = (ids?: number[]) =>
      world({
        algorithm: 'haproxy-hash',
        targets: ['a', 'b', 'd', 'e'].map((id, i) => ({ id, ...(ids ? { haproxyId: ids[i] } : {}) })),
        group: { hashKey: 'path', hashType: 'consistent' },
        requests: PATHS,
      });
    expect(compact(letters(run(four()).trace))).toBe(CONSISTENT.deletedImplicit);
    expect(compact(letters(run(four([1, 2, 4, 5])).trace))).toBe(CONSISTENT.withoutC);
    const map = run(world({ algorithm: 'haproxy-hash', targets: ['a', 'b', 'd', 'e'].map((id) => ({ id })), group: { hashKey: 'path' }, requests: PATHS }));
    expect(compact(letters(map.trace))).toBe(MAP_BASED.withoutC);
  });

  it('a target added live gets the first free id from its position, and keeps it: consistent keys stay put', () => {
    // a, b, c with ids 1, 2, 5; the group grows to 4: bk-4 (position 4) takes the first free id from 4, which is 4
    const doc = world({ algorithm: 'haproxy-hash', targets: [{}, {}, { haproxyId: 5 }], group: { hashKey: 'path', hashType: 'consistent' }, requests: [...PATHS, ...PATHS.map((r) => ({ ...r, atMs: r.atMs + 10_000 }))] });
    const { trace } = run(doc, undefined, [{ atMs: 5000, change: { action: 'set-target-count', group: 'bk', count: 4 } }]);
    const before = trace.slice(0, 50).map((r) => r.target);
    const after = trace.slice(50).map((r) => r.target);
    // the same tree with a fourth server of id 4: every key that did not move to it stayed where it was
    const fourth = after.filter((t) => t === 'bk-4').length;
    expect(fourth).toBeGreaterThan(5);
    for (let k = 0; k < 50; k++) if (after[k] !== 'bk-4') expect(after[k]).toBe(before[k]);
    const same = run(world({ algorithm: 'haproxy-hash', targets: [{}, {}, { haproxyId: 5 }, { id: 'bk-4', haproxyId: 4 }], group: { hashKey: 'path', hashType: 'consistent' }, requests: PATHS }));
    expect(same.trace.map((r) => r.target)).toEqual(after);
  });

  it('haproxy-source hashes the client address: 127.0.0.1 → c of a, b, c (map-based)', () => {
    const ips = ['127.0.0.1', '127.0.1.5', '127.0.2.9', '127.1.0.1', '127.5.6.7', '127.200.3.4'];
    const requests = ips.map((client, i) => ({ atMs: i, client }));
    expect(compact(letters(run(world({ algorithm: 'haproxy-source', requests })).trace))).toBe('cbaabb');
    expect(compact(letters(run(world({ algorithm: 'haproxy-source', group: { hashType: 'consistent' }, requests })).trace))).toBe('bbabcc');
  });

  it('a live set-weight is noticed at the next pick, not a reload (roundrobin 4,3,2,1, a to 1 after 3 picks)', () => {
    const { trace } = run(world({ algorithm: 'haproxy-roundrobin', weights: [4, 3, 2, 1], requests: every(10, 17) }), undefined, [{ atMs: 25, change: { action: 'set-weight', target: 'a', weight: 1 } }]);
    expect(letters(trace)).toBe('a b a c b a c b d b c b a c b d b');
  });

  it('haproxy-leastconn hears each answer (onResponse): servers re-placed in the order their requests ended', () => {
    // three requests at once on a, b, c; c answers first, then b, then a: the next three go c, b, a
    const doc = world({
      algorithm: 'haproxy-leastconn',
      targets: [{ serviceTimeMs: { dist: 'constant', valueMs: 30 } }, { serviceTimeMs: { dist: 'constant', valueMs: 20 } }, { serviceTimeMs: { dist: 'constant', valueMs: 10 } }],
      requests: [...every(0, 3), ...every(0, 3, { atMs: 100 })],
    });
    expect(letters(run(doc).trace)).toBe('a b c c b a');
  });

  it('haproxy-first fills servers by id up to their slots (concurrency = maxconn)', () => {
    const doc = world({ algorithm: 'haproxy-first', targets: [{ concurrency: 2, haproxyId: 3 }, { concurrency: 2, haproxyId: 1 }, { concurrency: 2, haproxyId: 2 }], serviceMs: 1000, requests: every(1, 6) });
    expect(letters(run(doc).trace)).toBe('b b c c a a');
  });
});

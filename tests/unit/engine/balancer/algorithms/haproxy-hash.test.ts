import { describe, expect, it } from 'vitest';
import { create } from '../../../../../src/engine/balancer/algorithms/haproxy-hash.ts';
import type { AlgorithmOptions } from '../../../../../src/engine/balancer/algorithm.ts';
import { FakeGroup, type FakeGroupSpec, ready } from '../fake-group.ts';

/**
 * Vectors recorded from HAProxy 2.6.12 with `balance uri` and `hash-type map-based` or `consistent`
 * over five weight-1 servers a–e (127.0.0.1:19001–19005), GET /item/1 … /item/50 one at a time:
 * all up; c in maintenance (`set server bk/c state maint`); c deleted from the config (d and e then get
 * the implicit ids 3 and 4); c deleted with explicit `id 1, 2, 4, 5`. The letter k is the server of
 * /item/k+1. Derivation, map-based: sdbm("/item/1") = 3258759684, % 5 = 4 → e (map a b c d e); without
 * c the map is a b d e and 3258759684 % 4 = 0 → a. Consistent: full_hash(3258759684) = 973480367 goes
 * to the nearest of the 80 nodes full_hash(id × 4096 + j), j < 16 — so deleting c with implicit ids
 * moves d's and e's nodes too, while explicit ids keep them: the same map as c in maintenance.
 */
const KEYS = Array.from({ length: 50 }, (_, i) => `/item/${i + 1}`);
const FIVE = [1, 1, 1, 1, 1];

function map(spec: FakeGroupSpec, options: AlgorithmOptions, names = 'abcde', down: number[] = [], keys = KEYS): string {
  const group = new FakeGroup(spec);
  const hash = ready(create, group, options);
  for (const d of down) group.eligibles[d] = false;
  return keys.map((key) => names[hash.pick(group, { clientIp: 0, key })] ?? '-').join('');
}

const MAP_BASED = {
  all: 'eabcdeabccdeabcdeabbcdeabcdeaabcdeabcdeeabcdeabcdd',
  withoutC: 'abdeabdeaabdeabdeabeabdeabdeadeabdeabdebdeabdeabda',
};
const CONSISTENT = {
  all: 'aecccebdcddaededaaabbccbaadbdacdadeccdccaecadaedec',
  withoutC: 'aeeeaebddddaededaaabbadbaadbdaddadebaddbaeeadaedea',
  deletedImplicit: 'aadddebedeeaaeeeaaabbddbaaebeadeaeaddeddaedaeadeed',
};

describe('haproxy-hash (HAProxy 2.6 balance uri / url_param / hdr)', () => {
  it('map-based over 50 paths: all up, c in maintenance, c deleted (either ids) — the last three agree', () => {
    const options = { hashType: 'map-based' } as const;
    expect(map({ weights: FIVE }, options)).toBe(MAP_BASED.all);
    expect(map({ weights: FIVE }, options, 'abcde', [2])).toBe(MAP_BASED.withoutC);
    expect(map({ weights: [1, 1, 1, 1] }, options, 'abde')).toBe(MAP_BASED.withoutC);
    expect(map({ weights: [1, 1, 1, 1], serverIds: [1, 2, 4, 5] }, options, 'abde')).toBe(MAP_BASED.withoutC);
  });

  it('map-based rebuilds its map without c, so keys that were never on c move too', () => {
    let moved = 0;
    for (let k = 0; k < 50; k++) if (MAP_BASED.all[k] !== 'c' && MAP_BASED.withoutC[k] !== MAP_BASED.all[k]) moved++;
    expect(moved).toBe(30); // of the 40 keys that were not on c
  });

  it('consistent over 50 paths: c in maintenance moves only c\'s keys', () => {
    const options = { hashType: 'consistent' } as const;
    expect(map({ weights: FIVE }, options)).toBe(CONSISTENT.all);
    expect(map({ weights: FIVE }, options, 'abcde', [2])).toBe(CONSISTENT.withoutC);
    for (let k = 0; k < 50; k++) if (CONSISTENT.all[k] !== 'c') expect(CONSISTENT.withoutC[k]).toBe(CONSISTENT.all[k]);
  });

  it('consistent, c deleted: implicit ids renumber d and e and move their keys; explicit ids do not', () => {
    const options = { hashType: 'consistent' } as const;
    expect(map({ weights: [1, 1, 1, 1] }, options, 'abde')).toBe(CONSISTENT.deletedImplicit);
    expect(map({ weights: [1, 1, 1, 1], serverIds: [1, 2, 4, 5] }, options, 'abde')).toBe(CONSISTENT.withoutC);
  });

  it('weights 3,1,1,1,1: map-based and consistent', () => {
    expect(map({ weights: [3, 1, 1, 1, 1] }, { hashType: 'map-based' })).toBe('deabacadebacadeabaccadeabacaddeabacadeaabacadeabaa');
    expect(map({ weights: [3, 1, 1, 1, 1] }, { hashType: 'consistent' })).toBe('aaccceadaddaedadaaabbaabaadbaacaadeccdccaecaaaedac');
  });

  it('url_param hashes the value; a request without it goes round robin (map, or the tree\'s nodes)', () => {
    const keys = [...Array.from({ length: 10 }, (_, i) => String(i + 1)), '', '', '', '', ''];
    expect(map({ weights: FIVE }, { hashType: 'map-based', hashKey: 'query:id' }, 'abcde', [], keys)).toBe('eabcdeabceabcde');
    expect(map({ weights: FIVE }, { hashType: 'consistent', hashKey: 'query:id' }, 'abcde', [], keys)).toBe('cdceaadaaccddcd');
  });

  it('hdr hashes the header value like uri hashes the path', () => {
    const keys = KEYS.slice(0, 10);
    expect(map({ weights: FIVE }, { hashKey: 'header:X-User' }, 'abcde', [], keys)).toBe(MAP_BASED.all.slice(0, 10));
    expect(map({ weights: FIVE }, { hashType: 'consistent', hashKey: 'header:X-User' }, 'abcde', [], keys)).toBe(CONSISTENT.all.slice(0, 10));
  });

  it('backups: with a, b down only the first backup serves, and uri hashes nothing (hash 0)', () => {
    const spec = { weights: [1, 1, 2, 2, 1], backups: [false, false, true, true, true] };
    expect(map(spec, {}, 'abcde', [0, 1], KEYS.slice(0, 12))).toBe('cccccccccccc');
    expect(map({ ...spec, weights: FIVE }, { allBackups: true }, 'abcde', [0, 1], ['/', '/', '/'])).toBe('eee');
  });

  it('consistent passes over the server to avoid, clockwise', () => {
    const group = new FakeGroup({ weights: FIVE });
    const hash = ready(create, group, { hashType: 'consistent' });
    const first = hash.pick(group, { clientIp: 0, key: '/item/3' });
    expect(first).toBe(2);
    const next = hash.pick(group, { clientIp: 0, key: '/item/3', avoid: 2 });
    expect(next).not.toBe(2);
    expect(next).toBeGreaterThanOrEqual(0);
  });
});

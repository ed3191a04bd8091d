import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/engine/core/rng.ts';
import { ResolverPool, pickAddress } from '../../../../src/engine/infra/dns/resolver-cache.ts';

const resolvers = (ignoreTtlShare = 0, count = 10) => ({ count, ignoreTtlShare, ignoreTtlExtraSec: 900 });

/** A query that counts how often Route 53 is asked and answers with the count. */
function counter(): { query: () => number[]; asked: () => number } {
  let n = 0;
  return { query: () => [n++], asked: () => n };
}

describe('ResolverPool', () => {
  it('a resolver answers from its cache until the TTL ends, then asks again', () => {
    const pool = new ResolverPool(resolvers(), 60, new Rng(1, 'dns'));
    const q = counter();
    expect(pool.resolve(3, 1_000, q.query)).toEqual([0]);
    expect(pool.resolve(3, 60_999, q.query)).toEqual([0]);
    expect(pool.resolve(3, 61_000, q.query)).toEqual([1]);
    expect(q.asked()).toBe(2);
  });

  it('clients sharing a resolver share its cached answer; others ask on their own', () => {
    const pool = new ResolverPool(resolvers(), 60, new Rng(1, 'dns'));
    const q = counter();
    pool.resolve(3, 0, q.query);
    expect(pool.resolverOf(13)).toBe(3);
    expect(pool.resolve(13, 5_000, q.query)).toEqual([0]);
    expect(pool.resolve(4, 5_000, q.query)).toEqual([1]);
  });

  it('answers are cached per scope (client location)', () => {
    const pool = new ResolverPool(resolvers(), 60, new Rng(1, 'dns'));
    const q = counter();
    expect(pool.resolve(3, 0, q.query, 0)).toEqual([0]);
    expect(pool.resolve(3, 0, q.query, 1)).toEqual([1]);
    expect(pool.resolve(3, 1, q.query, 0)).toEqual([0]);
  });

  it('round(share × count) resolvers, chosen by the seed, ignore the TTL', () => {
    const pool = new ResolverPool(resolvers(0.25, 100), 60, new Rng(1, 'dns'));
    const ignoring = Array.from({ length: 100 }, (_, r) => r).filter((r) => pool.ignoresTtl(r));
    expect(ignoring).toHaveLength(25);
    const again = new ResolverPool(resolvers(0.25, 100), 60, new Rng(1, 'dns'));
    expect(ignoring.every((r) => again.ignoresTtl(r))).toBe(true);
    expect(ignoring).not.toEqual(Array.from({ length: 25 }, (_, r) => r));
  });

  it('a TTL-ignoring resolver keeps its answer ignoreTtlExtraSec past the TTL', () => {
    const pool = new ResolverPool(resolvers(1), 60, new Rng(1, 'dns'));
    const q = counter();
    const e = pool.store(0, 1_000, [7]);
    expect([e.expiresAtMs, e.keepUntilMs]).toEqual([61_000, 961_000]);
    expect(pool.resolve(0, 960_999, q.query)).toEqual([7]);
    expect(pool.served(500_000)).toEqual({ answers: 1, pastTtl: 1 });
    expect(pool.resolve(0, 961_000, q.query)).toEqual([0]);
  });

  it('a new TTL applies to answers fetched from then on', () => {
    const pool = new ResolverPool(resolvers(), 60, new Rng(1, 'dns'));
    pool.store(0, 0, [1]);
    pool.ttlSec = 5;
    pool.store(1, 0, [2]);
    expect(pool.cached(0, 30_000)?.answer).toEqual([1]);
    expect(pool.cached(1, 5_000)).toBeNull();
  });

  it('flush empties every cache', () => {
    const pool = new ResolverPool(resolvers(1), 60, new Rng(1, 'dns'));
    pool.store(0, 0, [1]);
    pool.flush();
    expect(pool.cached(0, 1)).toBeNull();
    expect(pool.served(1)).toEqual({ answers: 0, pastTtl: 0 });
  });
});

describe('pickAddress', () => {
  it('NODATA gives -1; a single record is always taken', () => {
    expect(pickAddress([], 5)).toBe(-1);
    expect(pickAddress([4], 5)).toBe(4);
  });

  it('a client always takes the same position, and clients spread evenly over the answer', () => {
    const answer = [10, 11, 12, 13];
    const counts = new Map<number, number>();
    for (let c = 0; c < 4_000; c++) {
      expect(pickAddress(answer, c)).toBe(pickAddress(answer, c));
      counts.set(pickAddress(answer, c), (counts.get(pickAddress(answer, c)) ?? 0) + 1);
    }
    for (const a of answer) expect(Math.abs((counts.get(a) ?? 0) - 1_000)).toBeLessThan(100);
  });

  it('the clients of one resolver (ids 10 apart) do not all take the same address', () => {
    const picks = new Set(Array.from({ length: 20 }, (_, k) => pickAddress([0, 1], 3 + 10 * k)));
    expect(picks).toEqual(new Set([0, 1]));
  });
});

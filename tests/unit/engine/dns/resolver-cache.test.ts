import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/engine/core/rng.ts';
import { ResolverPool, pickAddress, triesNextAddress } from '../../../../src/engine/infra/dns/resolver-cache.ts';

// unstaggered: these tests follow one answer's TTL from the moment it is fetched (staggering has its own test below)
const resolvers = (ignoreTtlShare = 0, count = 10, staggered = false) => ({ count, ignoreTtlShare, ignoreTtlExtraSec: 900, staggered });

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

describe('staggered caches', () => {
  it("resolver r's first answer lives until (r + 1) ÷ count × TTL; later ones for the whole TTL", () => {
    const pool = new ResolverPool(resolvers(0, 4, true), 60, new Rng(1, 'dns'));
    const q = counter();
    // resolvers 0…3 of 4: first answers expire at 15, 30, 45 and 60 s
    for (let r = 0; r < 4; r++) expect(pool.store(r, 0, q.query()).expiresAtMs).toBe(15_000 * (r + 1));
    expect(pool.resolve(0, 14_999, q.query)).toEqual([0]);
    expect(pool.resolve(0, 15_000, q.query)).toEqual([4]);
    expect(pool.cached(0, 15_000)!.expiresAtMs).toBe(75_000);
    // a resolver first asked after its phase has passed caches for the whole TTL
    const late = new ResolverPool(resolvers(0, 4, true), 60, new Rng(1, 'dns'));
    expect(late.store(1, 40_000, [0]).expiresAtMs).toBe(100_000);
  });

  it('a flush does not stagger again', () => {
    const pool = new ResolverPool(resolvers(0, 4, true), 60, new Rng(1, 'dns'));
    expect(pool.store(0, 0, [0]).expiresAtMs).toBe(15_000);
    pool.flush();
    expect(pool.store(0, 1_000, [0]).expiresAtMs).toBe(61_000);
  });
});

describe('triesNextAddress', () => {
  it('all clients at share 1, none at 0, and about the share in between', () => {
    const ids = Array.from({ length: 10_000 }, (_, c) => c);
    expect(ids.every((c) => triesNextAddress(c, 1))).toBe(true);
    expect(ids.some((c) => triesNextAddress(c, 0))).toBe(false);
    const n = ids.filter((c) => triesNextAddress(c, 0.3)).length;
    expect(Math.abs(n - 3_000)).toBeLessThan(150);
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

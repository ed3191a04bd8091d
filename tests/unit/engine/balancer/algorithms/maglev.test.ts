import { describe, expect, it } from 'vitest';
import { buildMaglevTable, create } from '../../../../../src/engine/balancer/algorithms/maglev.ts';
import { FakeGroup, NO_KEY, ready } from '../fake-group.ts';

const ADDRESSES = ['10.1.0.1:80', '10.1.0.2:80', '10.1.0.3:80', '10.1.0.4:80', '10.1.0.5:80'];
const entries = (table: Int32Array, members: number) => {
  const counts = new Array<number>(members).fill(0);
  for (const member of table) counts[member]++;
  return counts;
};
const key = (k: number) => ({ clientIp: 0, key: `user-${k}` });

describe('maglev (Envoy Maglev)', () => {
  it('weights 1:2 fill the 65537-entry table with 21,846 and 43,691 entries (Envoy docs)', () => {
    expect(entries(buildMaglevTable(['10.0.0.1:80', '10.0.0.2:80'], [1, 2], 65537), 2)).toEqual([21_846, 43_691]);
  });

  it('fills every slot, giving equal weights near-equal shares', () => {
    const table = buildMaglevTable(ADDRESSES, [1, 1, 1, 1, 1], 65537);
    expect(table.length).toBe(65537);
    expect(table.indexOf(-1)).toBe(-1);
    for (const count of entries(table, 5)) expect(Math.abs(count - 65537 / 5)).toBeLessThanOrEqual(1);
  });

  it('leaves weight-0 members out of the table and is empty when no member has weight', () => {
    expect(entries(buildMaglevTable(ADDRESSES.slice(0, 3), [1, 0, 1], 65537), 3)[1]).toBe(0);
    expect(buildMaglevTable(ADDRESSES.slice(0, 2), [0, 0], 65537).length).toBe(0);
  });

  it('orders members by address, so configuration order does not change where a key goes', () => {
    const forward = new FakeGroup({ weights: [1, 1, 1], addresses: ADDRESSES.slice(0, 3) });
    const reversed = new FakeGroup({ weights: [1, 1, 1], addresses: ADDRESSES.slice(0, 3).reverse() });
    const a = ready(create, forward), b = ready(create, reversed);
    for (let k = 0; k < 500; k++) expect(reversed.addresses[b.pick(reversed, key(k))]).toBe(forward.addresses[a.pick(forward, key(k))]);
  });

  it('removing one of 5 members moves about 1/5 of the keys, nearly all of them from the removed member', () => {
    const full = new FakeGroup({ weights: [1, 1, 1, 1, 1], addresses: ADDRESSES });
    const less = new FakeGroup({ weights: [1, 1, 1, 1], addresses: ADDRESSES.filter((_, i) => i !== 2) });
    const a = ready(create, full), b = ready(create, less);
    let moved = 0, movedFromOthers = 0;
    for (let k = 0; k < 20_000; k++) {
      const before = full.addresses[a.pick(full, key(k))], after = less.addresses[b.pick(less, key(k))];
      if (before !== after) moved++;
      if (before !== after && before !== ADDRESSES[2]) movedFromOthers++;
    }
    expect(Math.abs(moved / 20_000 - 0.2)).toBeLessThan(0.015);
    expect(movedFromOthers / 20_000).toBeLessThan(0.01);
  });

  it('sends the same key to the same member every time', () => {
    const group = new FakeGroup({ weights: [1, 1, 1], addresses: ADDRESSES.slice(0, 3) });
    const maglev = ready(create, group);
    const first = maglev.pick(group, key(42));
    for (let k = 0; k < 10; k++) expect(maglev.pick(group, key(42))).toBe(first);
  });

  it('retries an ineligible member with the XOR-mutated hash; keys of other members stay put', () => {
    const group = new FakeGroup({ weights: [1, 1, 1, 1, 1], addresses: ADDRESSES });
    const maglev = ready(create, group);
    const before = Array.from({ length: 2000 }, (_, k) => maglev.pick(group, key(k)));
    group.eligibles[2] = false;
    const spread = new Array<number>(5).fill(0);
    before.forEach((member, k) => {
      const now = maglev.pick(group, key(k));
      if (member !== 2) expect(now).toBe(member);
      else spread[now]++;
    });
    expect(spread[2]).toBe(0);
    expect(spread.filter((c) => c > 0).length).toBe(4); // the moved keys spread over all the others
  });

  it('returns -1 when nothing is eligible, and the one eligible member otherwise', () => {
    const group = new FakeGroup({ weights: [1, 1, 1], addresses: ADDRESSES.slice(0, 3), eligible: [false, false, false] });
    const maglev = ready(create, group);
    expect(maglev.pick(group, key(1))).toBe(-1);
    group.eligibles[1] = true;
    for (let k = 0; k < 100; k++) expect(maglev.pick(group, key(k))).toBe(1);
  });

  it('an empty key draws a random hash, spreading requests by the table', () => {
    const group = new FakeGroup({ weights: [1, 3], addresses: ADDRESSES.slice(0, 2), seed: 21 });
    const maglev = ready(create, group);
    let second = 0;
    for (let k = 0; k < 20_000; k++) if (maglev.pick(group, NO_KEY) === 1) second++;
    expect(Math.abs(second / 20_000 - 0.75)).toBeLessThan(0.015);
  });

  it('rebuild after a weight change refills the table', () => {
    const group = new FakeGroup({ weights: [1, 1], addresses: ADDRESSES.slice(0, 2) });
    const maglev = ready(create, group);
    group.weights = [0, 1];
    maglev.rebuild(group);
    for (let k = 0; k < 100; k++) expect(maglev.pick(group, key(k))).toBe(1);
  });

  it('rejects a table size that is not prime, like Envoy', () => {
    expect(() => create({ tableSize: 65536 })).toThrow(/prime/);
    const group = new FakeGroup({ weights: [1, 2], addresses: ADDRESSES.slice(0, 2) });
    expect(ready(create, group, { tableSize: 251 }).pick(group, key(1))).toBeGreaterThanOrEqual(0);
  });
});

import { describe, expect, it } from 'vitest';
import { create } from '../../../../../src/engine/balancer/algorithms/hash.ts';
import { FakeGroup, letter, pickLetters, ready } from '../fake-group.ts';

const KEYS = ['user1', 'user2', 'user3', 'alice', 'bob', 'carol', '/img/1.png', '/img/2.png', 'session-42', 'x'];

describe('hash (nginx hash <key>, Cache::Memcached compatible)', () => {
  it('maps the NGX-HASH-1 keys to a b b b c a c b c b with three weight-1 servers', () => {
    const group = new FakeGroup({ weights: [1, 1, 1] });
    const hash = ready(create, group);
    expect(KEYS.map((key) => letter(hash.pick(group, { clientIp: 0, key })))).toEqual(['a', 'b', 'b', 'b', 'c', 'a', 'c', 'b', 'c', 'b']);
  });

  it('an ineligible choice re-hashes with a decimal prefix; other keys stay put', () => {
    const group = new FakeGroup({ weights: [1, 1, 1] });
    const hash = ready(create, group);
    const before = KEYS.map((key) => hash.pick(group, { clientIp: 0, key }));
    group.eligibles[2] = false;
    KEYS.forEach((key, k) => {
      const member = hash.pick(group, { clientIp: 0, key });
      expect(member).not.toBe(2);
      if (before[k] !== 2) expect(member).toBe(before[k]);
    });
  });

  it('adding a server remaps most keys', () => {
    const three = new FakeGroup({ weights: [1, 1, 1] });
    const four = new FakeGroup({ weights: [1, 1, 1, 1] });
    const a = ready(create, three), b = ready(create, four);
    let moved = 0;
    for (let k = 0; k < 1000; k++) if (a.pick(three, { clientIp: 0, key: `k${k}` }) !== b.pick(four, { clientIp: 0, key: `k${k}` })) moved++;
    expect(moved).toBeGreaterThan(600);
  });

  it('weights scale the shares', () => {
    const group = new FakeGroup({ weights: [3, 1] });
    const hash = ready(create, group);
    let first = 0;
    for (let k = 0; k < 4000; k++) if (hash.pick(group, { clientIp: 0, key: `key-${k}` }) === 0) first++;
    expect(first / 4000).toBeCloseTo(0.75, 1);
  });

  it('an empty key, or fewer than 2 members, falls back to round robin', () => {
    const group = new FakeGroup({ weights: [1, 1, 1] });
    expect(pickLetters(ready(create, group), group, 4)).toBe('a b c a');
    const one = new FakeGroup({ weights: [1] });
    expect(ready(create, one).pick(one, { clientIp: 0, key: 'user1' })).toBe(0);
  });

  it('never picks weight 0 and returns -1 when nothing is eligible', () => {
    const group = new FakeGroup({ weights: [1, 0, 1] });
    const hash = ready(create, group);
    for (let k = 0; k < 300; k++) expect(hash.pick(group, { clientIp: 0, key: `k${k}` })).not.toBe(1);
    group.eligibles = [false, false, false];
    expect(hash.pick(group, { clientIp: 0, key: 'user1' })).toBe(-1);
  });
});

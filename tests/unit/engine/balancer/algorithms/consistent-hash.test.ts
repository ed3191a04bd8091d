import { describe, expect, it } from 'vitest';
import { create } from '../../../../../src/engine/balancer/algorithms/consistent-hash.ts';
import { FakeGroup, letter, pickLetters, ready } from '../fake-group.ts';

const KEYS = ['user1', 'user2', 'user3', 'alice', 'bob', 'carol', '/img/1.png', '/img/2.png', 'session-42', 'x'];
const ADDRESSES = ['127.0.0.1:18081', '127.0.0.1:18082', '127.0.0.1:18083'];

const lettersFor = (group: FakeGroup) => {
  const chash = ready(create, group);
  return KEYS.map((key) => letter(chash.pick(group, { clientIp: 0, key })));
};

describe('consistent-hash (nginx hash <key> consistent, ketama)', () => {
  it('maps the NGX-HASH-1 keys to a c a c c a c c b b on 127.0.0.1:18081/2/3', () => {
    const group = new FakeGroup({ weights: [1, 1, 1], addresses: ADDRESSES });
    expect(lettersFor(group)).toEqual(['a', 'c', 'a', 'c', 'c', 'a', 'c', 'c', 'b', 'b']);
  });

  it('with c down moves only the keys that were on c (NGX-HASH-1, c down column)', () => {
    const group = new FakeGroup({ weights: [1, 1, 1], addresses: ADDRESSES, eligible: [true, true, false] });
    expect(lettersFor(group)).toEqual(['a', 'b', 'a', 'a', 'b', 'a', 'a', 'b', 'b', 'b']);
  });

  it('removing a server from the group leaves every key of the other servers in place', () => {
    const full = new FakeGroup({ weights: [1, 1, 1, 1], addresses: ['10.0.0.1:80', '10.0.0.2:80', '10.0.0.3:80', '10.0.0.4:80'] });
    const less = new FakeGroup({ weights: [1, 1, 1], addresses: ['10.0.0.1:80', '10.0.0.2:80', '10.0.0.4:80'] });
    const a = ready(create, full), b = ready(create, less);
    for (let k = 0; k < 2000; k++) {
      const before = full.addresses[a.pick(full, { clientIp: 0, key: `k${k}` })];
      const after = less.addresses[b.pick(less, { clientIp: 0, key: `k${k}` })];
      if (before !== '10.0.0.3:80') expect(after).toBe(before);
    }
  });

  it('a weight-2 server gets about twice the keys of a weight-1 server', () => {
    const group = new FakeGroup({ weights: [2, 1], addresses: ['10.0.0.1:80', '10.0.0.2:80'] });
    const chash = ready(create, group);
    let first = 0;
    for (let k = 0; k < 6000; k++) if (chash.pick(group, { clientIp: 0, key: `key-${k}` }) === 0) first++;
    expect(first / 6000).toBeGreaterThan(0.6);
    expect(first / 6000).toBeLessThan(0.73);
  });

  it('members that share one address split its keys by smooth WRR', () => {
    const group = new FakeGroup({ weights: [1, 1, 1], addresses: ['10.0.0.1:80', '10.0.0.9:80', '10.0.0.9:80'] });
    const probe = ready(create, group);
    let key = 'k0';
    for (let k = 0; probe.pick(group, { clientIp: 0, key }) === 0; k++) key = `k${k}`;
    const chash = ready(create, group);
    expect([1, 2, 3, 4].map(() => letter(chash.pick(group, { clientIp: 0, key })))).toEqual(['b', 'c', 'b', 'c']);
  });

  it('an empty key or a single member falls back to round robin; nothing eligible gives -1', () => {
    const group = new FakeGroup({ weights: [1, 1, 1], addresses: ADDRESSES });
    const chash = ready(create, group);
    expect(pickLetters(chash, group, 4)).toBe('a b c a');
    group.eligibles = [false, false, false];
    expect(chash.pick(group, { clientIp: 0, key: 'user1' })).toBe(-1);
    const one = new FakeGroup({ weights: [1], addresses: [ADDRESSES[0]] });
    expect(ready(create, one).pick(one, { clientIp: 0, key: 'user1' })).toBe(0);
  });

  it('never picks weight 0, and rebuild after a weight change gives it points again', () => {
    const group = new FakeGroup({ weights: [1, 0, 1], addresses: ADDRESSES });
    const chash = ready(create, group);
    expect(KEYS.map((key) => chash.pick(group, { clientIp: 0, key }))).not.toContain(1);
    group.weights = [1, 1, 1];
    chash.rebuild(group);
    expect(lettersFor(group)).toEqual(['a', 'c', 'a', 'c', 'c', 'a', 'c', 'c', 'b', 'b']);
  });
});

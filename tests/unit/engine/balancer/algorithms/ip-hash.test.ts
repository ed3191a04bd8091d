import { describe, expect, it } from 'vitest';
import { create } from '../../../../../src/engine/balancer/algorithms/ip-hash.ts';
import { FakeGroup, NO_KEY, ipv4, letter, pickLetters, ready } from '../fake-group.ts';

const pickFor = (group: FakeGroup, ip: string) => letter(ready(create, group).pick(group, { clientIp: ipv4(ip), key: '' }));

describe('ip-hash (nginx ip_hash)', () => {
  // NGX-IPHASH-1: [client, weights 1,1,1, weights 5,1,1, 1,1,1 with c down]
  const vector: [string, string, string, string][] = [
    ['127.0.0.1', 'c', 'a', 'b'],
    ['127.0.1.5', 'a', 'a', 'a'],
    ['127.0.2.9', 'b', 'a', 'b'],
    ['127.1.0.1', 'b', 'a', 'b'],
    ['127.5.6.7', 'a', 'b', 'a'],
    ['127.200.3.4', 'c', 'b', 'b'],
  ];

  it.each(vector)('client %s goes to %s (1,1,1), %s (5,1,1) and %s with c down (NGX-IPHASH-1)', (ip, equal, weighted, cDown) => {
    expect(pickFor(new FakeGroup({ weights: [1, 1, 1] }), ip)).toBe(equal);
    expect(pickFor(new FakeGroup({ weights: [5, 1, 1] }), ip)).toBe(weighted);
    expect(pickFor(new FakeGroup({ weights: [1, 1, 1], eligible: [true, true, false] }), ip)).toBe(cDown);
  });

  it('hashes only the first three octets, so a whole /24 shares one member', () => {
    const group = new FakeGroup({ weights: [1, 1, 1, 1, 1] });
    const ipHash = ready(create, group);
    const first = ipHash.pick(group, { clientIp: ipv4('192.168.7.1'), key: '' });
    for (let last = 0; last < 256; last++) expect(ipHash.pick(group, { clientIp: ipv4(`192.168.7.${last}`), key: '' })).toBe(first);
  });

  it('never picks a weight-0 member', () => {
    const group = new FakeGroup({ weights: [1, 0, 1] });
    const ipHash = ready(create, group);
    for (let k = 0; k < 500; k++) expect(ipHash.pick(group, { clientIp: ipv4(`10.${k % 256}.${k >> 8}.1`), key: '' })).not.toBe(1);
  });

  it('after more than 20 ineligible choices falls back to round robin and still finds a member', () => {
    const group = new FakeGroup({ weights: [1000, 1], eligible: [false, true] });
    const ipHash = ready(create, group);
    for (let k = 0; k < 50; k++) expect(ipHash.pick(group, { clientIp: ipv4(`10.0.${k}.1`), key: '' })).toBe(1);
  });

  it('with fewer than 2 members uses round robin, and returns -1 when nothing is eligible', () => {
    const one = new FakeGroup({ weights: [1] });
    expect(pickLetters(ready(create, one), one, 2)).toBe('a a');
    const none = new FakeGroup({ weights: [1, 1], eligible: [false, false] });
    expect(ready(create, none).pick(none, NO_KEY)).toBe(-1);
  });

  it('rebuild after a weight change moves clients by the new total weight', () => {
    const group = new FakeGroup({ weights: [1, 1, 1] });
    const ipHash = ready(create, group);
    const client = { clientIp: ipv4('127.0.0.1'), key: '' };
    expect(letter(ipHash.pick(group, client))).toBe('c');
    group.weights = [5, 1, 1];
    ipHash.rebuild(group);
    expect(letter(ipHash.pick(group, client))).toBe('a');
  });
});

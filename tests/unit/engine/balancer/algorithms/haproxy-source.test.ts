import { describe, expect, it } from 'vitest';
import { create } from '../../../../../src/engine/balancer/algorithms/haproxy-source.ts';
import { FakeGroup, ipv4, letter, ready } from '../fake-group.ts';

/**
 * Vectors: the first six addresses are real-systems §2.7's table (RUN on 3.5 and 2.8); all sixteen
 * were recorded from HAProxy 2.6.12 (`balance source`, equal weights, clients bound to 127.x.y.z on
 * loopback; `set server bk/c state maint` for the five-server rows). Derivation, map-based: the address
 * as a number modulo the map size, 127.0.0.1 = 2130706433, % 3 = 2 → c. Consistent: full_hash of it
 * (2317047883) goes to the nearest of the 48 nodes full_hash(id × 4096 + j).
 */
const IPS = ['127.0.0.1', '127.0.1.5', '127.0.2.9', '127.1.0.1', '127.5.6.7', '127.200.3.4', ...Array.from({ length: 10 }, (_, i) => `127.0.0.${i + 2}`)];

function map(weights: number[], hashType: 'map-based' | 'consistent', down: number[] = []): string {
  const group = new FakeGroup({ weights });
  const source = ready(create, group, { hashType });
  for (const d of down) group.eligibles[d] = false;
  return IPS.map((ip) => letter(source.pick(group, { clientIp: ipv4(ip), key: '' }))).join('');
}

describe('haproxy-source (HAProxy 2.6 balance source)', () => {
  it('map-based: the address modulo the map (127.0.0.1 → c of a, b, c)', () => {
    expect(map([1, 1, 1], 'map-based')).toBe('cbaabbabcabcabca');
  });

  it('consistent: the avalanched address on the node tree', () => {
    expect(map([1, 1, 1], 'consistent')).toBe('bbabccacabacaacb');
  });

  it('a server in maintenance: map-based rebuilds the map, consistent moves only its own clients', () => {
    expect(map([1, 1, 1, 1, 1], 'map-based', [2])).toBe('bbbbeadeabdeabde');
    const all = map([1, 1, 1, 1, 1], 'consistent');
    const withoutC = map([1, 1, 1, 1, 1], 'consistent', [2]);
    expect(withoutC).toBe('dbabeddeadadaaeb');
    for (let k = 0; k < IPS.length; k++) if (all[k] !== 'c') expect(withoutC[k]).toBe(all[k]);
  });

  it('one usable server takes everything without hashing; none gives -1', () => {
    const group = new FakeGroup({ weights: [1, 1] });
    const source = ready(create, group);
    group.eligibles[0] = false;
    expect(source.pick(group, { clientIp: ipv4('10.0.0.1'), key: '' })).toBe(1);
    group.eligibles[1] = false;
    expect(source.pick(group, { clientIp: ipv4('10.0.0.1'), key: '' })).toBe(-1);
  });
});

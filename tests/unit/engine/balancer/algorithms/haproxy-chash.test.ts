import { describe, expect, it } from 'vitest';
import { ChashTree } from '../../../../../src/engine/balancer/algorithms/haproxy-chash.ts';
import { fullHash } from '../../../../../src/engine/balancer/algorithms/haproxy-hash-functions.ts';
import { ServerSet } from '../../../../../src/engine/balancer/algorithms/haproxy-servers.ts';
import { FakeGroup } from '../fake-group.ts';

function tree(weights: number[], serverIds?: number[]) {
  const group = new FakeGroup({ weights, serverIds });
  const servers = new ServerSet('dynamic', false);
  servers.reset(group);
  const chash = new ChashTree(servers);
  chash.init();
  return chash;
}

describe('ChashTree (lb_chash.c)', () => {
  it('a hash equal to a node key goes to that node\'s server; 16 nodes per weight unit, placed by server id', () => {
    const chash = tree([1, 1], [7, 9]);
    for (let j = 0; j < 16; j++) {
      expect(chash.byHash(0, fullHash(7 * 4096 + j), -1)).toBe(0);
      expect(chash.byHash(0, fullHash(9 * 4096 + j), -1)).toBe(1);
    }
  });

  it('takes the nearer neighbour, the previous one on a tie, and wraps around the ring', () => {
    const chash = tree([1, 1], [1, 2]);
    const nodes = [1, 2].flatMap((id, m) => Array.from({ length: 16 }, (_, j) => ({ key: fullHash(id * 4096 + j), m }))).sort((a, b) => a.key - b.key);
    const k = nodes.findIndex((n, i) => i + 1 < nodes.length && nodes[i + 1].m !== n.m && (nodes[i + 1].key - n.key) % 2 === 0);
    const mid = nodes[k].key + (nodes[k + 1].key - nodes[k].key) / 2;
    expect(chash.byHash(0, mid, -1)).toBe(nodes[k].m); // equal distances: the previous node
    expect(chash.byHash(0, mid + 1, -1)).toBe(nodes[k + 1].m);
    const first = nodes[0], last = nodes[nodes.length - 1];
    const gap = 2 ** 32 - last.key + first.key; // the arc that wraps past 2^32
    expect(chash.byHash(0, (last.key + Math.floor(gap / 2) - 1) % 2 ** 32, -1)).toBe(last.m);
    expect(chash.byHash(0, (last.key + Math.floor(gap / 2) + 1) % 2 ** 32, -1)).toBe(first.m);
  });

  it('removing a server\'s nodes sends its keys to the next nodes only', () => {
    const chash = tree([1, 1, 1]);
    const before = Array.from({ length: 200 }, (_, k) => chash.byHash(0, fullHash(k * 7919), -1));
    chash.setNodes(1, 0);
    before.forEach((m, k) => {
      const now = chash.byHash(0, fullHash(k * 7919), -1);
      if (m !== 1) expect(now).toBe(m);
      else expect(now).not.toBe(1);
    });
  });

  it('without a key, walks the nodes in ring order from the last one used', () => {
    const chash = tree([1, 1]);
    const walk = Array.from({ length: 32 }, () => chash.next(0, -1));
    expect(walk.filter((m) => m === 0)).toHaveLength(16);
    expect(Array.from({ length: 32 }, () => chash.next(0, -1))).toEqual(walk);
  });
});

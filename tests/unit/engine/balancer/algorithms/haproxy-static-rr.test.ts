import { describe, expect, it } from 'vitest';
import { create } from '../../../../../src/engine/balancer/algorithms/haproxy-static-rr.ts';
import { FakeGroup, pickLetters, ready } from '../fake-group.ts';

/**
 * Vectors: real-systems §2.4 gives 5,1,1 → `a a a b a a c` (RUN on 3.5 and 2.8). All orders below were
 * also recorded from HAProxy 2.6.12 (`balance static-rr`, one request at a time, loopback backends).
 * Derivation of the 3,2,1 map (lb_map.c recalc_server_map, T = 6): per slot every server adds its
 * weight to its score, the first with the largest (score + 6) / 6 wins and pays 6. Scores (a, b, c):
 * slot 0 (3,2,1) → a; slot 1 (0,4,2) → a (all 1, first wins); slot 2 (-3,6,3) → b; slot 3 (0,2,4) → a;
 * slot 4 (-3,4,5) → b; slot 5 (0,0,6) → c. Map a a b a b c.
 */
const orders = (weights: number[], count = 2 * weights.reduce((a, b) => a + b)) => {
  const group = new FakeGroup({ weights });
  return pickLetters(ready(create, group), group, count);
};

describe('haproxy-static-rr (HAProxy 2.6 balance static-rr, lb_map)', () => {
  it('walks the weight map: 5,1,1 a a a b a a c; 3,2,1 a a b a b c; 4,3,2,1 a b a b c a b a c d', () => {
    expect(orders([5, 1, 1])).toBe('a a a b a a c a a a b a a c');
    expect(orders([3, 2, 1])).toBe('a a b a b c a a b a b c');
    expect(orders([4, 3, 2, 1])).toBe('a b a b c a b a c d a b a b c a b a c d');
    expect(orders([2, 1])).toBe('a a b a a b');
  });

  it('weights are divided by their gcd: 4,2,2 walks the map of 2,1,1', () => {
    expect(orders([4, 2, 2], 8)).toBe(orders([2, 1, 1], 8));
  });

  it('a server in maintenance rebuilds the map and the walk goes on from its index (3,2,1, b after 5 picks)', () => {
    const group = new FakeGroup({ weights: [3, 2, 1] });
    const srr = ready(create, group);
    expect(pickLetters(srr, group, 5)).toBe('a a b a b');
    group.eligibles[1] = false; // map a a a c; index 5 is past its end, so the walk restarts
    expect(pickLetters(srr, group, 4)).toBe('a a a c');
    group.eligibles[1] = true; // map a a b a b c again, from index 4
    expect(pickLetters(srr, group, 12)).toBe('b c a a b a b c a a b a');
  });

  it('backups: the first only, or all with allBackups', () => {
    const group = new FakeGroup({ weights: [1, 1, 1, 1, 1], backups: [false, false, true, true, true] });
    group.eligibles[0] = group.eligibles[1] = false;
    expect(pickLetters(ready(create, group), group, 6)).toBe('c c c c c c');
    expect(pickLetters(ready(create, group, { allBackups: true }), group, 6)).toBe('c d e c d e');
  });

  it('keeps lb_map.c\'s quirk: the first backup weighing 2 fills its map from every usable backup', () => {
    // weights 1,1 and backups 2,2,1 (gcd 1): only c should serve, but the 2-slot map is filled from c, d and e
    const group = new FakeGroup({ weights: [1, 1, 2, 2, 1], backups: [false, false, true, true, true] });
    group.eligibles[0] = group.eligibles[1] = false;
    expect(pickLetters(ready(create, group), group, 6)).toBe('c d c d c d');
  });

  it('passes over the server to avoid unless it is the only one', () => {
    const group = new FakeGroup({ weights: [1, 1, 1] });
    const srr = ready(create, group);
    expect(pickLetters(srr, group, 2)).toBe('a b');
    expect(srr.pick(group, { clientIp: 0, key: '', avoid: 2 })).toBe(0);
    const lone = new FakeGroup({ weights: [3] });
    expect(ready(create, lone).pick(lone, { clientIp: 0, key: '', avoid: 0 })).toBe(0);
  });

  it('weight 0 takes a server out; nothing usable gives -1', () => {
    const group = new FakeGroup({ weights: [1, 0, 1] });
    const srr = ready(create, group);
    expect(pickLetters(srr, group, 4)).toBe('a c a c');
    group.eligibles = [false, false, false];
    expect(srr.pick(group, { clientIp: 0, key: '' })).toBe(-1);
  });
});

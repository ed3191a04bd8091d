import { describe, expect, it } from 'vitest';
import { create } from '../../../../../src/engine/balancer/algorithms/haproxy-roundrobin.ts';
import { FakeGroup, pickLetters, ready } from '../fake-group.ts';

/**
 * Vectors: real-systems §2.3 gives 5-1-1 and 3-2-1 (RUN on HAProxy 3.5-dev5 and 2.8.0). Every order
 * below was also recorded from HAProxy 2.6.12 (Debian 12 package, `nbthread 1`, `balance roundrobin`,
 * backends on 127.0.0.1:19001+ answering their letter, one request at a time; state changes through
 * the stats socket: `set server bk/b state maint|drain|ready`, `set weight bk/a 1`).
 * Derivation (lb_fwrr.c): eweights are weight × 16, so with 5,1,1 the window T is 112; a's step is
 * 112 / 80 = 1 remainder 32 and b's and c's 112 / 16 = 7, and the curr key 256·npos + (4096 + rweight
 * − eweight)/16 puts the heavier server first at equal npos: a a a b a a c.
 */
const orders = (weights: number[], count = 2 * weights.reduce((a, b) => a + b)) => {
  const group = new FakeGroup({ weights });
  return pickLetters(ready(create, group), group, count);
};

describe('haproxy-roundrobin (HAProxy 2.6 balance roundrobin, lb_fwrr)', () => {
  it('front-loads the heavy server: 5,1,1 gives a a a b a a c, twice', () => {
    expect(orders([5, 1, 1])).toBe('a a a b a a c a a a b a a c');
  });

  it('3,2,1 gives a b a c a b and 4,3,2,1 gives a b a c b a d a b c', () => {
    expect(orders([3, 2, 1])).toBe('a b a c a b a b a c a b');
    expect(orders([4, 3, 2, 1])).toBe('a b a c b a d a b c a b a c b a d a b c');
  });

  it('equal weights rotate; 2,1 gives a a b', () => {
    expect(orders([1, 1, 1])).toBe('a b c a b c');
    expect(orders([2, 1])).toBe('a a b a a b');
  });

  it('a server in maintenance leaves the trees and is re-placed when ready (3,2,1, b after 5 picks)', () => {
    const group = new FakeGroup({ weights: [3, 2, 1] });
    const rr = ready(create, group);
    expect(pickLetters(rr, group, 5)).toBe('a b a c a');
    group.eligibles[1] = false;
    expect(pickLetters(rr, group, 4)).toBe('a a a c');
    group.eligibles[1] = true;
    expect(pickLetters(rr, group, 12)).toBe('a b a c a b a b a c a b');
  });

  it('the heavy server coming back waits for its place (5,1,1, a out after 3 picks)', () => {
    const group = new FakeGroup({ weights: [5, 1, 1] });
    const rr = ready(create, group);
    expect(pickLetters(rr, group, 3)).toBe('a a a');
    group.eligibles[0] = false;
    expect(pickLetters(rr, group, 3)).toBe('b c b');
    group.eligibles[0] = true;
    expect(pickLetters(rr, group, 14)).toBe('c a b a a a a c a b a a a a');
  });

  it('a weight change re-places the server (fwrr_update_server_weight)', () => {
    const lighter = new FakeGroup({ weights: [4, 3, 2, 1] });
    const rr = ready(create, lighter);
    expect(pickLetters(rr, lighter, 3)).toBe('a b a');
    lighter.weights[0] = 1;
    expect(pickLetters(rr, lighter, 14)).toBe('c b a c b d b c b a c b d b');
    const heavier = new FakeGroup({ weights: [4, 3, 2, 1] });
    const rr2 = ready(create, heavier);
    expect(pickLetters(rr2, heavier, 5)).toBe('a b a c b');
    heavier.weights[3] = 8;
    expect(pickLetters(rr2, heavier, 20)).toBe('a d b d c a d d b a d d c a d b d a d b');
  });

  it('a draining server takes no new requests (1,1,1, c drained after 2 picks)', () => {
    const group = new FakeGroup({ weights: [1, 1, 1] });
    const rr = ready(create, group);
    expect(pickLetters(rr, group, 2)).toBe('a b');
    group.eligibles[2] = false;
    expect(pickLetters(rr, group, 3)).toBe('a b a');
    group.eligibles[2] = true;
    expect(pickLetters(rr, group, 6)).toBe('b a c b a c');
  });

  it('backups serve only when no active server is usable: the first backup, or all with allBackups', () => {
    const backups = [false, false, true, true, true];
    const group = new FakeGroup({ weights: [1, 1, 1, 1, 1], backups });
    expect(pickLetters(ready(create, group), group, 6)).toBe('a b a b a b');
    group.eligibles[0] = group.eligibles[1] = false;
    expect(pickLetters(ready(create, group), group, 6)).toBe('c c c c c c');
    expect(pickLetters(ready(create, group, { allBackups: true }), group, 6)).toBe('c d e c d e');
    group.eligibles[2] = false;
    expect(pickLetters(ready(create, group), group, 3)).toBe('d d d');
  });

  it('a redispatch passes over the server to avoid (the dead c of a, b, c goes to a, as HAProxy logged rc=+1)', () => {
    const group = new FakeGroup({ weights: [1, 1, 1] });
    const rr = ready(create, group);
    expect(pickLetters(rr, group, 3)).toBe('a b c');
    expect(rr.pick(group, { clientIp: 0, key: '', avoid: 2 })).toBe(0);
    const lone = new FakeGroup({ weights: [1] });
    expect(ready(create, lone).pick(lone, { clientIp: 0, key: '', avoid: 0 })).toBe(0);
  });

  it('never picks weight 0 and returns -1 when nothing is usable', () => {
    const group = new FakeGroup({ weights: [2, 0, 1] });
    const rr = ready(create, group);
    expect(pickLetters(rr, group, 6)).toBe('a a c a a c'); // as 2,1 without b
    group.eligibles = [false, false, false];
    expect(rr.pick(group, { clientIp: 0, key: '' })).toBe(-1);
  });
});

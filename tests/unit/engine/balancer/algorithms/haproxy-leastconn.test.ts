import { describe, expect, it } from 'vitest';
import { create } from '../../../../../src/engine/balancer/algorithms/haproxy-leastconn.ts';
import { FakeGroup, pickHeld, pickLetters, ready } from '../fake-group.ts';

/**
 * Vectors recorded from HAProxy 2.6.12 (`balance leastconn`, loopback backends). "Idle": one request
 * at a time, as real-systems §2.5 [RUN 2.8.0] (5,1,1 gives a b c a b c: idle servers tie at key 0
 * whatever their weights, and a server that took and ended a request goes behind the others of its key).
 * "Held": each request stays open (the backend sleeps 4 s, requests 100 ms apart), so keys grow.
 * Derivation for 5,1,1 held (lb_fwlc.c key = (inflight + 1) × 4096 / eweight, eweights 80, 16, 16):
 * a, b, c take key 0 in turn; then a's keys 102, 153, 204, 256, 307, 358, 409, 460 stay below b's and
 * c's 512, so a takes 8 more; at 512 a ties with b and c but was re-placed last: b, c, then a.
 */
describe('haproxy-leastconn (HAProxy 2.6 balance leastconn, lb_fwlc)', () => {
  it('idle servers take turns whatever their weights (FIFO ties up to 3.1)', () => {
    const group = new FakeGroup({ weights: [5, 1, 1] });
    expect(pickLetters(ready(create, group), group, 14)).toBe('a b c a b c a b c a b c a b');
    const two = new FakeGroup({ weights: [2, 1] });
    expect(pickLetters(ready(create, two), two, 6)).toBe('a b a b a b');
  });

  it('with requests held open, weights decide: 5,1,1 gives a b c, then a eight times, then b c a', () => {
    const group = new FakeGroup({ weights: [5, 1, 1] });
    expect(pickHeld(ready(create, group), group, 14)).toBe('a b c a a a a a a a a b c a');
    const other = new FakeGroup({ weights: [3, 2, 1] });
    expect(pickHeld(ready(create, other), other, 12)).toBe('a b c a b a a b a c b a');
  });

  it('a server back from maintenance queues behind the idle ones (1,1,1, b out after 2 picks)', () => {
    const group = new FakeGroup({ weights: [1, 1, 1] });
    const lc = ready(create, group);
    expect(pickLetters(lc, group, 2)).toBe('a b');
    group.eligibles[1] = false;
    expect(pickLetters(lc, group, 3)).toBe('c a c');
    group.eligibles[1] = true;
    expect(pickLetters(lc, group, 6)).toBe('a c b a c b');
  });

  it('answers re-place servers in the order they came (onResponse)', () => {
    const group = new FakeGroup({ weights: [1, 1, 1], active: [0, 0, 0] });
    const lc = ready(create, group);
    expect(pickHeld(lc, group, 3)).toBe('a b c');
    group.actives = [0, 0, 0];
    lc.onResponse?.(2, 10, 0);
    lc.onResponse?.(0, 10, 0);
    lc.onResponse?.(1, 10, 0);
    expect(pickLetters(lc, group, 3)).toBe('c a b');
  });

  it('backups: the first only, or all with allBackups', () => {
    const group = new FakeGroup({ weights: [1, 1, 1, 1, 1], backups: [false, false, true, true, true] });
    expect(pickLetters(ready(create, group), group, 4)).toBe('a b a b');
    group.eligibles[0] = group.eligibles[1] = false;
    expect(pickLetters(ready(create, group), group, 4)).toBe('c c c c');
    expect(pickLetters(ready(create, group, { allBackups: true }), group, 6)).toBe('c d e c d e');
  });

  it('passes over the server to avoid unless it is the only one', () => {
    const group = new FakeGroup({ weights: [1, 1] });
    const lc = ready(create, group);
    expect(lc.pick(group, { clientIp: 0, key: '', avoid: 0 })).toBe(1);
    const lone = new FakeGroup({ weights: [1] });
    expect(ready(create, lone).pick(lone, { clientIp: 0, key: '', avoid: 0 })).toBe(0);
  });
});

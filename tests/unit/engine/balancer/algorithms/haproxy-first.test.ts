import { describe, expect, it } from 'vitest';
import { create } from '../../../../../src/engine/balancer/algorithms/haproxy-first.ts';
import { FakeGroup, pickHeld, pickLetters, ready } from '../fake-group.ts';

/**
 * Vectors recorded from HAProxy 2.6.12 (`balance first`, `maxconn 2` on each server, requests held
 * open 3 s and sent 100 ms apart): a a b b c c; with `id 3`, `id 2`, `id 1` on a, b, c: c c b b a a;
 * one request at a time always a. lb_fas.c keys servers by id and takes the first with room.
 */
describe('haproxy-first (HAProxy 2.6 balance first, lb_fas)', () => {
  it('fills servers to their slots in id order', () => {
    const group = new FakeGroup({ weights: [1, 1, 1], concurrencies: [2, 2, 2] });
    expect(pickHeld(ready(create, group), group, 6)).toBe('a a b b c c');
    const reversed = new FakeGroup({ weights: [1, 1, 1], concurrencies: [2, 2, 2], serverIds: [3, 2, 1] });
    expect(pickHeld(ready(create, reversed), reversed, 6)).toBe('c c b b a a');
  });

  it('one request at a time always goes to the first server; weights are ignored', () => {
    const group = new FakeGroup({ weights: [1, 5, 9], concurrencies: [2, 2, 2] });
    expect(pickLetters(ready(create, group), group, 4)).toBe('a a a a');
  });

  it('without slots in the view every server has room, so the lowest id takes everything', () => {
    const group = new FakeGroup({ weights: [1, 1], serverIds: [7, 4] });
    expect(pickHeld(ready(create, group), group, 3)).toBe('b b b');
  });

  it('when every server is full the request waits on the one with the smallest overflow (no backend queue)', () => {
    const group = new FakeGroup({ weights: [1, 1], concurrencies: [1, 2] });
    expect(pickHeld(ready(create, group), group, 5)).toBe('a b b a b');
  });

  it('a server out of rotation or at weight 0 is skipped; the avoided server only as a last resort', () => {
    const group = new FakeGroup({ weights: [1, 0, 1], concurrencies: [2, 2, 2] });
    group.eligibles[0] = false;
    expect(pickHeld(ready(create, group), group, 2)).toBe('c c');
    const two = new FakeGroup({ weights: [1, 1], concurrencies: [2, 2] });
    const first = ready(create, two);
    expect(first.pick(two, { clientIp: 0, key: '', avoid: 0 })).toBe(1);
    two.eligibles[1] = false;
    expect(first.pick(two, { clientIp: 0, key: '', avoid: 0 })).toBe(0);
  });

  it('backups: the first one only, also with allBackups it fills them in id order', () => {
    const group = new FakeGroup({ weights: [1, 1, 1, 1], backups: [false, true, true, true], concurrencies: [1, 1, 1, 1] });
    group.eligibles[0] = false;
    expect(pickHeld(ready(create, group), group, 3)).toBe('b b b');
    group.actives = [0, 0, 0, 0];
    expect(pickHeld(ready(create, group, { allBackups: true }), group, 3)).toBe('b c d');
  });
});

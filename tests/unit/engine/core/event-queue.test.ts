import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../../../src/engine/core/event-queue.ts';
import { Rng } from '../../../../src/engine/core/rng.ts';

describe('EventQueue', () => {
  it('pops events in time order, and same-time events in the order they were scheduled', () => {
    const q = new EventQueue(2);
    q.push(5, 1, 0, 0);
    q.push(1, 1, 1, 0);
    q.push(5, 1, 2, 0);
    q.push(3, 1, 3, 0);
    q.push(5, 1, 4, 0);
    const order: number[] = [];
    while (q.pop()) order.push(q.a);
    expect(order).toEqual([1, 3, 0, 2, 4]);
  });

  it('matches a stable sort on a large random workload with interleaved pops', () => {
    const rng = new Rng(7, 'test');
    const q = new EventQueue(4);
    const reference: { t: number; s: number }[] = [];
    const popped: number[] = [];
    const expected: number[] = [];
    let seq = 0;
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(rng.next() * 100);
      q.push(t, 2, seq, 0);
      reference.push({ t, s: seq++ });
      if (i % 3 === 0) {
        reference.sort((x, y) => x.t - y.t || x.s - y.s);
        expected.push(reference.shift()!.s);
        q.pop();
        popped.push(q.a);
      }
    }
    expect(popped).toEqual(expected);
    expect(q.size).toBe(reference.length);
    expect(q.peekTime()).toBe(Math.min(...reference.map((r) => r.t)));
  });

  it('reports Infinity and pops nothing when empty', () => {
    const q = new EventQueue();
    expect(q.peekTime()).toBe(Infinity);
    expect(q.pop()).toBe(false);
  });
});

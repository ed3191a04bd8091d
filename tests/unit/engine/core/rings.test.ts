import { describe, expect, it } from 'vitest';
import { IntQueue } from '../../../../src/engine/core/int-queue.ts';
import { DeadlineQueue } from '../../../../src/engine/core/deadline-queue.ts';
import { Rng } from '../../../../src/engine/core/rng.ts';

describe('IntQueue', () => {
  it('is FIFO across wrap-arounds and growth, like an array', () => {
    const rng = new Rng(5, 'rings');
    const q = new IntQueue(3); // rounded up to 4
    const model: number[] = [];
    for (let i = 0; i < 5000; i++) {
      // pushes win slightly more often, so the ring wraps many times and grows a few times
      if (rng.next() < 0.55) {
        q.push(i);
        model.push(i);
      } else expect(q.shift()).toBe(model.length === 0 ? -1 : model.shift());
      expect(q.size).toBe(model.length);
      if (model.length > 0) expect(q.at(model.length - 1)).toBe(model[model.length - 1]);
    }
    expect(model.length).toBeGreaterThan(64);
  });
});

describe('DeadlineQueue', () => {
  it('keeps deadlines sorted, ties in arrival order, across wrap-arounds and growth', () => {
    const rng = new Rng(6, 'rings');
    const q = new DeadlineQueue(5); // rounded up to 8
    const model: { d: number; slot: number; id: number }[] = [];
    let now = 0;
    for (let i = 0; i < 5000; i++) {
      if (rng.next() < 0.55) {
        now += 1;
        // mostly in order; now and then an earlier deadline (a shortened timeout), sometimes tying
        const d = rng.next() < 0.1 ? now + Math.floor(rng.next() * 20) : now + 20;
        q.push(d, i % 100, i);
        let at = model.length;
        while (at > 0 && model[at - 1].d > d) at--;
        model.splice(at, 0, { d, slot: i % 100, id: i });
      } else if (model.length > 0) {
        const head = model.shift()!;
        expect([q.headDeadline(), q.headSlot(), q.headId()]).toEqual([head.d, head.slot, head.id]);
        q.drop();
      }
      expect(q.size).toBe(model.length);
    }
    expect(model.length).toBeGreaterThan(64);
    expect(q.headDeadline()).toBe(model[0].d);
  });

  it('has Infinity as its head deadline when empty, at first and after draining across a wrap-around', () => {
    const q = new DeadlineQueue(4);
    expect(q.headDeadline()).toBe(Infinity);
    for (let i = 0; i < 3; i++) q.push(10 + i, i, i);
    for (let i = 0; i < 3; i++) q.drop();
    expect(q.headDeadline()).toBe(Infinity);
    // the head is now at position 3 of 4: the next deadlines wrap around the ring
    q.push(20, 7, 7);
    q.push(21, 8, 8);
    expect([q.headDeadline(), q.headSlot(), q.headId()]).toEqual([20, 7, 7]);
    q.drop();
    q.drop();
    expect(q.headDeadline()).toBe(Infinity);
  });
});

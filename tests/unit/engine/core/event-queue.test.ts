import { describe, expect, it } from 'vitest';
import { EventQueue, KINDS } from '../../../../src/engine/core/event-queue.ts';
import * as kinds from '../../../../src/engine/event-kinds.ts';
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

  it('reports Infinity again once every event has been taken, and the next event after that', () => {
    const q = new EventQueue();
    q.push(5, 1, 0, 0);
    q.push(3, 1, 1, 0);
    expect(q.pop() && q.pop()).toBe(true);
    expect(q.peekTime()).toBe(Infinity);
    expect(q.popUntil(Infinity)).toBe(false);
    q.push(7, 1, 2, 0);
    expect(q.peekTime()).toBe(7);
    expect(q.popUntil(6)).toBe(false);
    expect(q.popUntil(7) && q.a === 2).toBe(true);
  });
});

/**
 * The calendar layout (current bucket, ring, far heap, re-laid out as the width follows the run) must pop
 * exactly as one heap ordered by (time, sequence) would: checked against a stable sort over workloads that
 * move between time scales (microseconds to hours), schedule at the current time after a peek and in the
 * past, park events at the end of time, and use the slot beside the queue.
 */
describe('EventQueue as a calendar', () => {
  /** Events kept sorted latest first by (time, sequence): pop takes the last. */
  function reference() {
    const items: { t: number; s: number }[] = [];
    const later = (x: { t: number; s: number }, t: number, s: number) => x.t > t || (x.t === t && x.s > s);
    return {
      push(t: number, s: number) {
        let lo = 0;
        let hi = items.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (later(items[mid], t, s)) lo = mid + 1;
          else hi = mid;
        }
        items.splice(lo, 0, { t, s });
      },
      pop(): { t: number; s: number } {
        return items.pop()!;
      },
      get size() {
        return items.length;
      },
    };
  }

  it('pops as a stable sort while the time scale changes by nine orders of magnitude', () => {
    const rng = new Rng(11, 'calendar');
    // the width is looked at every 256 pops: dozens of re-layouts across the phases
    const q = new EventQueue(4, 256);
    const ref = reference();
    let seq = 0;
    let now = 0;
    let beside = -1;
    const got: number[] = [];
    const want: number[] = [];
    // phases: the mean gap between events goes 1 µs → 10 ms → 1 h → 1 µs
    const scales = [0.001, 10, 3_600_000, 0.001];
    for (const scale of scales) {
      for (let i = 0; i < 12_000; i++) {
        const r = rng.next();
        let t: number;
        if (r < 0.05) t = now; // at the current instant, after a peek
        else if (r < 0.06) t = now - scale; // in the past: pops next, in (time, sequence) order
        else if (r < 0.061) t = Infinity; // the end of time
        else if (r < 0.07) t = now + Math.floor(rng.next() * 4) * scale; // exact ties on a grid
        else t = now + -Math.log(1 - rng.next()) * scale * 8;
        if (r > 0.9 && beside < 0) {
          q.pushBeside(t, 3, seq, 0);
          beside = seq;
        } else q.push(t, 2, seq, 0);
        ref.push(t, seq++);
        if (i % 2 === 1) {
          q.peekTime();
          expect(q.pop()).toBe(true);
          const e = ref.pop();
          got.push(q.a);
          want.push(e.s);
          if (q.a === beside) beside = -1;
          if (e.t !== Infinity && e.t > now) now = e.t;
        }
      }
    }
    expect(got).toEqual(want);
    expect(q.relayouts).toBeGreaterThan(10);
    expect(q.size).toBe(ref.size);
    // every event scheduled was popped once or still waits, across the re-layouts and the slot beside the queue
    expect(q.popped).toBe(got.length);
    const rest: number[] = [];
    const restWant: number[] = [];
    while (q.pop()) rest.push(q.a);
    while (ref.size > 0) restWant.push(ref.pop().s);
    expect(rest).toEqual(restWant);
  });

  it('carries the kind and both payloads through the ring and the far heap', () => {
    const q = new EventQueue(1024, 256);
    // a dense start sets a narrow width; then events far beyond the ring's reach
    for (let i = 0; i < 20_000; i++) q.push(i * 0.001, i % 60, i, -i);
    for (let i = 0; i < 20_000; i++) q.pop();
    q.push(1e7, 5, 1, 2);
    q.push(20.0005, 7, 3, 4);
    expect(q.pop()).toBe(true);
    expect([q.time, q.kind, q.a, q.b]).toEqual([20.0005, 7, 3, 4]);
    expect(q.pop()).toBe(true);
    expect([q.time, q.kind, q.a, q.b]).toEqual([1e7, 5, 1, 2]);
    expect(q.pop()).toBe(false);
  });
  it('keeps every event kind below KINDS, and carries the largest kind and int32 payload extremes exactly', () => {
    const all = (Object.values(kinds) as unknown[]).filter((v): v is number => typeof v === 'number');
    expect(all.length).toBeGreaterThan(10);
    for (const k of all) expect(k).toBeLessThan(KINDS);
    const q = new EventQueue(4);
    // more events than the first heap holds, so some move as it grows; the side slot too
    for (let i = 0; i < 9; i++) q.push(9 - i, KINDS - 1, 2 ** 31 - 1 - i, -(2 ** 31) + i);
    q.pushBeside(0.5, KINDS - 1, -1, 0);
    expect(q.pop()).toBe(true);
    expect([q.time, q.kind, q.a, q.b]).toEqual([0.5, KINDS - 1, -1, 0]);
    for (let i = 8; i >= 0; i--) {
      expect(q.pop()).toBe(true);
      expect([q.time, q.kind, q.a, q.b]).toEqual([9 - i, KINDS - 1, 2 ** 31 - 1 - i, -(2 ** 31) + i]);
    }
  });

  it('popUntil takes exactly what peekTime() then pop() take, across re-layouts and the slot beside the queue', () => {
    const rng = new Rng(5, 'pop-until');
    // two queues fed the same events: one drained the old way (look, then take), one with popUntil
    const looked = new EventQueue(4, 64);
    const merged = new EventQueue(4, 64);
    const got: number[] = [];
    const want: number[] = [];
    let seq = 0;
    let limit = 0;
    for (let round = 0; round < 3000; round++) {
      // the mean gap swings between 1 µs and 1 s, so the calendar is laid out again many times
      const scale = round % 1000 < 500 ? 0.001 : 1000;
      for (let k = 0; k < 4; k++) {
        // some at the limit itself, most spread far enough ahead that a few thousand wait (a calendar)
        const r = rng.next();
        const t = r < 0.1 ? limit : limit + -Math.log(1 - rng.next()) * scale * (r < 0.5 ? 6 : 2000);
        const beside = rng.next() < 0.2;
        for (const q of [looked, merged]) {
          if (beside) q.pushBeside(t, 3, seq, 0);
          else q.push(t, 2, seq, 0);
        }
        seq++;
      }
      limit += -Math.log(1 - rng.next()) * scale * 3;
      while (looked.peekTime() <= limit) {
        looked.pop();
        want.push(looked.time, looked.a);
      }
      while (merged.popUntil(limit)) got.push(merged.time, merged.a);
      expect(merged.peekTime()).toBe(looked.peekTime());
    }
    expect(got).toEqual(want);
    expect(got.length).toBeGreaterThan(8000);
    expect(merged.relayouts).toBe(looked.relayouts);
    expect(merged.relayouts).toBeGreaterThan(4);
    expect(merged.size).toBe(looked.size);
    // an empty queue takes nothing, even with no limit
    expect(new EventQueue().popUntil(Infinity)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { SimState } from '../../../src/engine/state.ts';
import { DeadlineQueue } from '../../../src/engine/core/deadline-queue.ts';
import { Rng } from '../../../src/engine/core/rng.ts';
import { REQ_SERVING, RequestPool } from '../../../src/engine/request/pool.ts';
import { release } from '../../../src/engine/request/finish.ts';

/** The two parts of a run's state that `release` touches: the pool, and one group's timeout list. */
function world() {
  const pool = new RequestPool(8);
  const timeouts = new DeadlineQueue(8);
  const s = { pool, groups: [{ timeouts }] } as unknown as SimState;
  let nextId = 0;
  /** A request sent now: its slot, listed with its deadline as send.ts lists it. */
  const send = (deadline: number): number => {
    const slot = pool.alloc();
    pool.id[slot] = nextId++;
    pool.attempt[slot] = 0;
    pool.group[slot] = 0;
    pool.state[slot] = REQ_SERVING;
    timeouts.push(deadline, slot, pool.id[slot] * 32);
    return slot;
  };
  return { s, pool, timeouts, send };
}

describe('the timeout list on release', () => {
  it('drops finished requests from the head only when the head itself is released', () => {
    const { s, timeouts, send } = world();
    const [a, b, c] = [send(10), send(11), send(12)];
    // b ends first: it is not the head, so it stays listed (expire passes over it)
    release(s, b);
    expect(timeouts.size).toBe(3);
    // a, the head, ends: a and the finished b behind it go, c (still out) is the new head
    release(s, a);
    expect(timeouts.size).toBe(1);
    expect(timeouts.headSlot()).toBe(c);
    expect(timeouts.headDeadline()).toBe(12);
  });

  it('stays as long as the span from the oldest request still out to the newest, whatever order they end in', () => {
    const rng = new Rng(11, 'timeout-list');
    const { s, pool, timeouts, send } = world();
    const out: number[] = [];
    let sent = 0;
    for (let i = 0; i < 20_000; i++) {
      if (out.length < 40 || rng.next() < 0.5) {
        out.push(send(sent++));
      } else {
        const k = Math.floor(rng.next() * out.length);
        release(s, out[k]);
        out.splice(k, 1);
      }
      // the list holds every request sent since the oldest one still out (its id is its send order)
      const oldest = out.reduce((m, slot) => Math.min(m, pool.id[slot]), Infinity);
      expect(timeouts.size).toBe(out.length === 0 ? 0 : sent - oldest);
    }
    expect(sent).toBeGreaterThan(9000);
  });
});

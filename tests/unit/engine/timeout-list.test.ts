import { describe, expect, it } from 'vitest';
import type { SimState } from '../../../src/engine/state.ts';
import { DeadlineQueue } from '../../../src/engine/core/deadline-queue.ts';
import { Rng } from '../../../src/engine/core/rng.ts';
import { REQ_SERVING, RequestPool } from '../../../src/engine/request/pool.ts';
import { release } from '../../../src/engine/request/finish.ts';
import { compactTimeouts } from '../../../src/engine/request/timeout-list.ts';
import type { TargetGroup } from '../../../src/engine/balancer/target-group.ts';

/** The two parts of a run's state the timeout list reads: the pool, and one group's list. */
function world() {
  const pool = new RequestPool(8);
  const timeouts = new DeadlineQueue(8);
  const group = { timeouts } as unknown as TargetGroup;
  const s = { pool, groups: [group] } as unknown as SimState;
  let nextId = 0;
  /** A request sent now: its slot, listed with its deadline as send.ts lists it (a full list compacted first). */
  const send = (deadline: number): number => {
    const slot = pool.alloc();
    pool.id[slot] = nextId++;
    pool.attempt[slot] = 0;
    pool.group[slot] = 0;
    pool.state[slot] = REQ_SERVING;
    if (!timeouts.tryPush(deadline, slot, pool.id[slot] * 32)) {
      compactTimeouts(s, group);
      timeouts.push(deadline, slot, pool.id[slot] * 32);
    }
    return slot;
  };
  return { s, group, pool, timeouts, send };
}

describe('the timeout list', () => {
  it('keeps a finished request listed until the list looks at its head, then drops every finished one there', () => {
    const { s, group, timeouts, send } = world();
    const [a, b, c] = [send(10), send(11), send(12)];
    // b, then a (the head) end: a release only frees the slot
    release(s, b);
    release(s, a);
    expect(timeouts.size).toBe(3);
    // a look at the head (the wake-up, or a full list) drops a and the finished b behind it: c, still out, is the head
    compactTimeouts(s, group);
    expect(timeouts.size).toBe(1);
    expect(timeouts.headSlot()).toBe(c);
    expect(timeouts.headDeadline()).toBe(12);
  });

  it('holds every request still out in the order sent, and grows only when the span from the oldest one still out fills it', () => {
    const rng = new Rng(11, 'timeout-list');
    const { s, group, pool, timeouts, send } = world();
    const out: number[] = [];
    let sent = 0;
    let widest = 0;
    for (let i = 0; i < 20_000; i++) {
      if (out.length < 40 || rng.next() < 0.5) {
        out.push(send(sent++));
      } else {
        const k = Math.floor(rng.next() * out.length);
        release(s, out[k]);
        out.splice(k, 1);
      }
      const oldest = out.reduce((m, slot) => Math.min(m, pool.id[slot]), Infinity);
      widest = Math.max(widest, out.length === 0 ? 0 : sent - oldest);
      // finished requests stay listed, but the ring doubles only when, compacted, it is still full
      expect(timeouts.size).toBeLessThanOrEqual(Math.max(8, 2 * widest));
      expect(timeouts.size).toBeGreaterThanOrEqual(out.length === 0 ? 0 : sent - oldest);
    }
    // compacted, it is what dropping each finished request at once would leave: every request since the oldest still out
    compactTimeouts(s, group);
    const oldest = out.reduce((m, slot) => Math.min(m, pool.id[slot]), Infinity);
    expect(timeouts.size).toBe(sent - oldest);
    expect(timeouts.headId()).toBe(oldest * 32);
    expect(sent).toBeGreaterThan(9000);
  });
});

/**
 * A group's timeout list (core/deadline-queue.ts) keeps finished requests until something looks at its head: a
 * request that ends does not leave the list (its slot is simply freed), and the list drops the finished requests at
 * its head only when it is full (the sender, before it grows the ring) and when its wake-up comes (request/timeout.ts).
 * Nothing that happens depends on those finished entries: the wake-up is armed at a deadline no later than every
 * listed one, `expire` passes over finished requests (their deadlines come before any live request's behind them),
 * and after every wake-up the head is the earliest request still out, as it would be had each finished request left
 * the list at once. Only the list's length differs: at most twice the span from the oldest request still held to the
 * newest. At round robin's R1 this saves the look at the list's head on every release (docs/performance.md).
 */
import type { SimState } from '../state.ts';
import type { TargetGroup } from '../balancer/target-group.ts';
import { REQ_QUEUED, REQ_SERVING } from './pool.ts';

/** Drops timeouts of requests that are no longer waiting or in service from the head of the group's list. */
export function compactTimeouts(s: SimState, group: TargetGroup): void {
  const timeouts = group.timeouts;
  const pool = s.pool;
  while (timeouts.size > 0) {
    const slot = timeouts.headSlot();
    const st = pool.state[slot];
    if (pool.id[slot] * 32 + pool.attempt[slot] === timeouts.headId() && (st === REQ_QUEUED || st === REQ_SERVING)) break;
    timeouts.drop();
  }
}

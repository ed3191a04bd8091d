/**
 * The request timeout (504): requests of a group whose deadline passed fail — still queued, they are
 * abandoned (skipped when their turn comes); in service, the target keeps working on an orphan.
 * Deadlines come out of the group's FIFO list (core/deadline-queue.ts), one wake-up event at a time.
 */
import type { SimState } from '../state.ts';
import type { TargetGroup } from '../balancer/target-group.ts';
import { EV_TIMEOUT } from '../event-kinds.ts';
import { REQ_ABANDONED, REQ_ORPHANED, REQ_QUEUED, REQ_SERVING } from './pool.ts';
import { FAIL } from '../types.ts';
import { attemptFailed } from './retry.ts';
import { compactTimeouts } from './timeout-list.ts';

/** The group's earliest deadline has come: every request past its deadline times out. */
export function expire(s: SimState, group: TargetGroup, token: number): void {
  const timeouts = group.timeouts;
  if (token !== timeouts.token) return;
  const pool = s.pool;
  timeouts.armed = false;
  while (timeouts.size > 0 && timeouts.headDeadline() <= s.nowMs) {
    const slot = timeouts.headSlot();
    if (pool.id[slot] * 32 + pool.attempt[slot] === timeouts.headId()) {
      const state = pool.state[slot];
      timeouts.drop();
      if (state === REQ_QUEUED) {
        const t = pool.target[slot];
        s.store.queued[t]--;
        group.holding(t, -1);
        attemptFailed(s, slot, FAIL.timeout, REQ_ABANDONED);
      } else if (state === REQ_SERVING) {
        attemptFailed(s, slot, FAIL.timeout, REQ_ORPHANED);
      }
      continue;
    }
    timeouts.drop();
  }
  compactTimeouts(s, group);
  if (timeouts.size > 0) {
    timeouts.armed = true;
    timeouts.armedAtMs = timeouts.headDeadline();
    s.queue.push(timeouts.armedAtMs, EV_TIMEOUT, group.index, timeouts.token);
  }
}

/**
 * A target at work: a request starts in a free slot (its service time drawn from the request's own
 * quantile, scaled by the target's failure mode and CPU speed, plus database and session-store time),
 * completes (ok, or a 5xx decided at start), frees its slot for the next queued request, or times
 * out (504) while the target may still be working on it.
 */
import type { Engine } from '../simulation.ts';
import type { TargetGroup } from '../balancer/target-group.ts';
import { quantile } from '../core/distributions.ts';
import { EV_COMPLETION, EV_TIMEOUT } from '../event-kinds.ts';
import { FLAG_WILL_ERROR, REQ_ABANDONED, REQ_ORPHANED, REQ_QUEUED, REQ_SERVING } from './requests.ts';
import { TARGET_HUNG } from './targets.ts';
import { DB_ERROR } from '../infra/database-tier.ts';
import { attemptFailed } from '../balancer/retry.ts';
import { FAIL } from '../simulation.ts';
import { OUTCOME_OK } from '../types.ts';

/** Target t begins serving the request in `slot`. */
export function start(e: Engine, slot: number, t: number): void {
  const store = e.store;
  const pool = e.pool;
  const now = e.nowMs;
  store.accrue(t, now);
  store.busy[t]++;
  pool.state[slot] = REQ_SERVING;
  pool.startMs[slot] = now;
  // a hung target takes the request and never answers: only the timeout ends it
  if (store.state[t] === TARGET_HUNG) return;
  const c = pool.cls[slot];
  const i = t * store.classes + c;
  const longLived = e.mix.longLived[c] === 1;
  let serviceMs: number;
  if (longLived) {
    const ll = e.mix.classes[c].longLived!;
    serviceMs = quantile(ll.kind, ll.p1, ll.p2, pool.serviceU[slot]);
  } else {
    serviceMs = ((quantile(store.svcKind[i], store.svcP1[i], store.svcP2[i], pool.serviceU[slot]) + pool.extraMs[slot]) * store.slowFactor[t]) / store.speed[t];
  }
  if (e.sessions.enabled) {
    const g = pool.group[slot];
    const extra = e.sessions.onServe(g, e.scenario.targetGroups[g], pool.client[slot], t, e.mix.cartOp[c], now);
    if (extra < 0) pool.flags[slot] |= FLAG_WILL_ERROR;
    else serviceMs += extra;
  }
  if (store.errorShare[t] > 0 && e.rng.failures.next() < store.errorShare[t]) pool.flags[slot] |= FLAG_WILL_ERROR;
  if (e.db.active && !longLived) {
    const dbMs = e.db.extraMs(t, pool.cls[slot], pool.serviceU[slot]);
    if (dbMs === DB_ERROR) pool.flags[slot] |= FLAG_WILL_ERROR;
    else serviceMs += dbMs;
  }
  e.queue.push(now + serviceMs, EV_COMPLETION, slot, pool.id[slot] % 2147483648);
}

/** A service completion event for `slot` (ignored if the request was already cleared by a crash). */
export function complete(e: Engine, slot: number, idLow: number): void {
  const pool = e.pool;
  const state = pool.state[slot];
  if ((state !== REQ_SERVING && state !== REQ_ORPHANED) || pool.id[slot] % 2147483648 !== idLow) return;
  const t = pool.target[slot];
  const store = e.store;
  store.accrue(t, e.nowMs);
  store.busy[t]--;
  if (state === REQ_SERVING) {
    const g = pool.group[slot];
    e.groups[g].observe(t, e.nowMs - pool.arrivalMs[slot], e.nowMs);
    if ((pool.flags[slot] & FLAG_WILL_ERROR) !== 0) {
      pool.flags[slot] &= ~FLAG_WILL_ERROR;
      attemptFailed(e, slot, FAIL.error, 0);
    } else {
      e.healthSys.onSuccess(g, t);
      e.finish(slot, OUTCOME_OK);
      e.release(slot);
    }
  } else {
    e.release(slot);
  }
  startQueued(e, t);
}

/** Fills free service slots of target t from its queue, skipping requests whose clients gave up. */
export function startQueued(e: Engine, t: number): void {
  const store = e.store;
  const q = store.queues[t];
  while (store.busy[t] < store.concurrency[t] && q.size > 0) {
    const s = q.shift();
    if (e.pool.state[s] === REQ_ABANDONED) {
      e.release(s);
      continue;
    }
    store.queued[t]--;
    start(e, s, t);
  }
  if (store.rejecting[t] === 1 && store.queued[t] <= store.queueLimit[t] / 2) {
    store.rejecting[t] = 0;
    e.log.add(e.nowMs, 'accepting', store.ids[t], `${store.ids[t]} is accepting requests again: its queue has room`);
  }
}

/** Requests of a group whose deadline has passed fail with a timeout (504). */
export function expire(e: Engine, group: TargetGroup): void {
  const timeouts = group.timeouts;
  const pool = e.pool;
  timeouts.armed = false;
  while (timeouts.size > 0 && timeouts.headDeadline() <= e.nowMs) {
    const slot = timeouts.headSlot();
    if (pool.id[slot] * 32 + pool.attempt[slot] === timeouts.headId()) {
      const state = pool.state[slot];
      timeouts.drop();
      if (state === REQ_QUEUED) {
        e.store.queued[pool.target[slot]]--;
        attemptFailed(e, slot, FAIL.timeout, REQ_ABANDONED);
      } else if (state === REQ_SERVING) {
        attemptFailed(e, slot, FAIL.timeout, REQ_ORPHANED);
      }
      continue;
    }
    timeouts.drop();
  }
  e.compactTimeouts(group);
  if (timeouts.size > 0) {
    timeouts.armed = true;
    e.queue.push(timeouts.headDeadline(), EV_TIMEOUT, group.index, 0);
  }
}

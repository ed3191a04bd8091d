/**
 * The balancer sends an attempt to its target: a crashed target refuses the connection (502); a target
 * with a free slot starts serving; a busy one queues the request (FIFO, up to its queue limit — like
 * HAProxy's maxqueue or a full accept backlog — beyond which it answers 503). The group's request
 * timeout starts now; long-lived connections send keep-alives, so no timeout cuts them, and a group whose
 * timeout is 0 has none (Envoy's route `timeout: 0s`, HAProxy's `timeout server 0`).
 */
import type { SimState } from '../state.ts';
import type { TargetGroup } from '../balancer/target-group.ts';
import { EV_TIMEOUT } from '../event-kinds.ts';
import { FLAG_SAMPLED, REQ_QUEUED } from './pool.ts';
import { TARGET_CRASHED } from '../backend/targets.ts';
import { FAIL, FLOW_DEPARTED } from '../types.ts';
import { holdConnection, start } from './serve.ts';
import { hopMs } from '../network/hops.ts';
import { compactTimeouts } from './timeout-list.ts';

/** Sends the request in `slot` to target t. Returns 0 when t took it, else this attempt's failure code. */
export function send(s: SimState, slot: number, t: number, group: TargetGroup): number {
  const store = s.store;
  const pool = s.pool;
  if (s.explain !== null) s.explain.sending(s, slot, t);
  store.requests[t]++;
  store.countSent(t);
  pool.target[slot] = t;
  pool.sentMs[slot] = s.nowMs;
  const hop = hopMs(s, slot, t);
  pool.netMs[slot] += hop;
  if (s.attemptLog !== null) s.attemptLog.sent(pool.id[slot], store.ids[t], s.nowMs);
  if ((pool.flags[slot] & FLAG_SAMPLED) !== 0) s.flows.record(pool.id[slot], t, pool.arrivalMs[slot], NaN, NaN, FLOW_DEPARTED);
  if (store.state[t] === TARGET_CRASHED) return FAIL.refused;
  // an event-loop server keeps a long-lived connection without a slot (backend/connection-model.ts)
  if (s.mix.anyLongLived && store.eventLoop[t] === 1 && s.mix.longLived[pool.cls[slot]] === 1) return holdConnection(s, slot, t, group);
  if (store.busy[t] < store.concurrency[t]) {
    group.holding(t, 1);
    start(s, slot, t);
  } else if (store.queued[t] < store.queueLimit[t]) {
    group.holding(t, 1);
    store.queues[t].push(slot);
    store.queued[t]++;
    pool.state[slot] = REQ_QUEUED;
  } else {
    if (store.rejecting[t] === 0) {
      store.rejecting[t] = 1;
      s.log.add(s.nowMs, 'rejecting', store.ids[t], `${store.ids[t]} is rejecting requests with 503: its queue is full (${store.queueLimit[t]} waiting)`);
    }
    return FAIL.rejected;
  }
  if (group.retryBudget !== null) group.retryBudget.sent(pool, slot);
  if (s.mix.anyLongLived && s.mix.longLived[pool.cls[slot]] === 1) return 0;
  // no timeout (0: Envoy's route timeout 0, HAProxy without `timeout server`): nothing to list or to wake up for
  if (group.timeoutMs === 0) return 0;
  const timeouts = group.timeouts;
  // the answer must be back at the balancer in time: the hop eats into the timeout
  const deadline = s.nowMs + group.timeoutMs - hop;
  const id = pool.id[slot] * 32 + pool.attempt[slot];
  if (timeouts.tryPush(deadline, slot, id) === false) {
    // a full list: the finished requests at its head go first (a release leaves them listed), then it grows if it must
    compactTimeouts(s, group);
    timeouts.push(deadline, slot, id);
  }
  // `=== false`: one comparison, where a bare test of the boolean field is a full ToBoolean
  if (timeouts.armed === false) {
    timeouts.armed = true;
    timeouts.armedAtMs = timeouts.headDeadline();
    s.queue.push(timeouts.armedAtMs, EV_TIMEOUT, group.index, timeouts.token);
  } else if (timeouts.headDeadline() < timeouts.armedAtMs) {
    // a shortened timeout put this deadline first: wake up for it, and let the later wake-up lapse
    timeouts.token++;
    timeouts.armedAtMs = timeouts.headDeadline();
    s.queue.push(timeouts.armedAtMs, EV_TIMEOUT, group.index, timeouts.token);
  }
  return 0;
}

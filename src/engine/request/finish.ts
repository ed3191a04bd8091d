/**
 * A request is over (ok or failed): it is counted in every metric — totals, latency (successful ordinary
 * requests only; a long-lived connection's lifetime is not a response time), goodput under the SLO,
 * per-target counts, the blind window, edge statistics, sampled flows and the trace — and a closed-loop
 * user starts thinking about the next one. Then its slot is released, unless the target still holds it.
 */
import type { SimState } from '../state.ts';
import { FAILURE_REASONS, OUTCOME_OK, outcomeName } from '../types.ts';
import { FLAG_ATTACK, FLAG_BUDGET_ACTIVE, FLAG_BUDGET_RETRY, FLAG_SAMPLED } from './pool.ts';
import { attemptOver } from './retry-budget.ts';
import { EV_USER } from '../event-kinds.ts';
import { thinkTime } from '../traffic/think-time.ts';
import { answerCookie } from '../sessions/haproxy-cookie.ts';

const REASONS = FAILURE_REASONS.length;

/** Counts a finished request (ok or failed) in every metric; the slot is released by the caller. */
export function recordFinish(s: SimState, slot: number, outcome: number): void {
  const pool = s.pool;
  const now = s.nowMs;
  // time at the balancer and the target, plus the network time accounted to the request (network/hops.ts)
  const latencyMs = now - pool.arrivalMs[slot] + pool.netMs[slot];
  const t = pool.target[slot];
  const totals = s.totals;
  if (s.explainFinish !== null) s.explainFinish.finished(s, slot, outcome);
  if (outcome === OUTCOME_OK) {
    totals.ok++;
    s.second.ok++;
    // a long-lived connection's "latency" is how long it stayed open: not a response time
    if (!s.mix.anyLongLived || s.mix.longLived[pool.cls[slot]] === 0) {
      s.latency.record(latencyMs);
      if (latencyMs <= s.sloMs) totals.good++;
    } else {
      totals.good++;
    }
    if (t >= 0) {
      s.store.ok[t]++;
      s.store.latencySum[t] += latencyMs;
    }
  } else {
    totals.failed++;
    s.second.failed++;
    totals.failures[outcome - 1]++;
    if (t >= 0) {
      s.store.failed[t]++;
      s.store.failuresBy[t * REASONS + outcome - 1]++;
      s.health.blind.countFailure(t);
    }
  }
  if (s.tried.size > 0) s.tried.delete(pool.id[slot]);
  if ((pool.flags[slot] & (FLAG_BUDGET_ACTIVE | FLAG_BUDGET_RETRY)) !== 0) attemptOver(pool, slot, s.groups[pool.group[slot]].retryBudget);
  // only a HAProxy cookie group's answer sets a cookie (a call saved on every other finish)
  const cookie = t >= 0 && s.sessions !== null && s.groups[pool.group[slot]].haproxyCookie === true ? answerCookie(s, slot, t, outcome) : undefined;
  if (s.edgeStats !== null) s.edgeStats.count(pool.flags[slot] & FLAG_ATTACK, s.mix.malicious[pool.cls[slot]], outcome);
  if ((pool.flags[slot] & FLAG_SAMPLED) !== 0) s.flows.record(pool.id[slot], t, pool.arrivalMs[slot], pool.startMs[slot], now, outcome);
  if (s.onDone !== null) {
    const id = pool.id[slot];
    const name = outcomeName(outcome);
    const attempts = s.attemptLog!.finish(id, name);
    const setCookie = cookie === undefined ? {} : { setCookie: cookie };
    s.onDone({ id, arrivalMs: pool.arrivalMs[slot], client: pool.client[slot], class: s.mix.classes[pool.cls[slot]].name, target: t >= 0 ? s.store.ids[t] : null, outcome: name, latencyMs, attempts, ...setCookie });
  }
  // a closed-loop user thinks, then sends again (attack bots are not users)
  if (s.traffic.think !== null && pool.client[slot] < s.clients.normal) s.queue.push(now + pool.netMs[slot] + thinkTime(s), EV_USER, pool.client[slot], 0);
}

/**
 * A request that was never sent fails (refused at the balancer, or no target to choose): its slot says it
 * has no target, which arrival leaves unwritten, before it is counted.
 */
export function failUnsent(s: SimState, slot: number, outcome: number): void {
  s.pool.target[slot] = -1;
  fail(s, slot, outcome);
}

/**
 * Records a failure. With `keepAs`, the slot stays held in that state (the target still has the
 * request queued or in service); otherwise it is released.
 */
export function fail(s: SimState, slot: number, outcome: number, keepAs = 0): void {
  recordFinish(s, slot, outcome);
  if (keepAs === 0) release(s, slot);
  else s.pool.state[slot] = keepAs;
}

/**
 * Frees a request slot. Its entry in its group's timeout list, if any, stays until the list next looks at its head
 * (request/timeout-list.ts).
 */
export function release(s: SimState, slot: number): void {
  s.pool.release(slot);
}

/**
 * A request is over (ok or failed): it is counted in every metric — totals, latency (successful ordinary
 * requests only; a long-lived connection's lifetime is not a response time), goodput under the SLO,
 * per-target counts, the blind window, edge statistics, sampled flows and the trace — and a closed-loop
 * user starts thinking about the next one.
 */
import type { Engine } from '../simulation.ts';
import { FAILURE_REASONS, OUTCOME_OK, outcomeName } from '../types.ts';
import { FLAG_ATTACK, FLAG_SAMPLED } from '../backend/requests.ts';
import { EV_USER } from '../event-kinds.ts';

/** Counts a finished request (ok or failed) in every metric; the slot is released by the caller. */
export function recordFinish(e: Engine, slot: number, outcome: number): void {
  const pool = e.pool;
  const now = e.nowMs;
  const latencyMs = now - pool.arrivalMs[slot];
  const t = pool.target[slot];
  if (outcome === OUTCOME_OK) {
    e.ok++;
    e.secOk++;
    // a long-lived connection's "latency" is how long it stayed open: not a response time
    if (e.mix.longLived[pool.cls[slot]] === 0) {
      e.latency.record(latencyMs);
      e.secLatency.record(latencyMs);
      if (latencyMs <= e.sloMs) e.good++;
    } else {
      e.good++;
    }
    if (t >= 0) {
      e.store.ok[t]++;
      e.store.latencySum[t] += latencyMs;
    }
  } else {
    e.failed++;
    e.secFailed++;
    e.failures[outcome - 1]++;
    if (t >= 0) {
      e.store.failed[t]++;
      e.store.failuresBy[t * FAILURE_REASONS.length + outcome - 1]++;
      e.healthSys.blind.countFailure(t);
    }
  }
  if (e.tried.size > 0) e.tried.delete(pool.id[slot]);
  e.edgeStats.count(pool.flags[slot] & FLAG_ATTACK, e.mix.malicious[pool.cls[slot]], outcome);
  if ((pool.flags[slot] & FLAG_SAMPLED) !== 0) e.flows.record(pool.id[slot], t, pool.arrivalMs[slot], pool.startMs[slot], now, outcome);
  if (e.onDone !== undefined) {
    e.onDone({ id: pool.id[slot], arrivalMs: pool.arrivalMs[slot], client: pool.client[slot], target: t >= 0 ? e.store.ids[t] : null, outcome: outcomeName(outcome), latencyMs });
  }
  // a closed-loop user thinks, then sends again (attack bots are not users)
  if (e.closedLoop && pool.client[slot] < e.clients.normal) e.queue.push(now + e.thinkTime(), EV_USER, pool.client[slot], 0);
}

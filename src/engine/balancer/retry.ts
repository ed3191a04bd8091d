/**
 * Retrying a failed attempt on another target, like nginx proxy_next_upstream: passive health hears of
 * the failure first (nginx counts errors and timeouts always, a listed HTTP status only when it moves
 * on); then, with tries left and the condition listed, the request goes to a target it has not tried.
 */
import type { Engine } from '../simulation.ts';
import { FAILURE_REASONS } from '../types.ts';
import { FLAG_ATTACK, FLAG_SAMPLED } from '../backend/requests.ts';
import { choose } from './choose.ts';

/** nginx proxy_next_upstream condition for each outcome code (index = outcome). */
const RETRY_CONDITION = ['', 'http_503', 'timeout', 'error', '', '', 'http_500', '', '', '', ''];

/**
 * An attempt at its target failed. Passive health hears of it; then, if the group retries on this
 * condition and tries remain (nginx proxy_next_upstream), the request goes to another target —
 * moving to a fresh slot when the old target still holds the old one (`keepAs`) — else it fails.
 */
export function attemptFailed(e: Engine, slot: number, outcome: number, keepAs: number): void {
  const pool = e.pool;
  const t = pool.target[slot];
  const g = pool.group[slot];
  const group = e.groups[g];
  const retries = group.retries;
  const id = pool.id[slot];
  const cond = RETRY_CONDITION[outcome];
  let tried = e.tried.get(id);
  let retry = false;
  if (retries !== null && retries.on.includes(cond as never)) {
    const max = retries.maxTries === 0 ? group.members.length : retries.maxTries;
    retry = (tried?.length ?? 0) + 1 < max && pool.attempt[slot] < 31;
  }
  // nginx counts errors and timeouts always, a listed HTTP status only when it moves to the next server
  const penalty = e.healthSys.onFailure(g, t, cond === 'error' || cond === 'timeout' || retry);
  if (penalty > 0) group.penalize(e.store.memberIndex[t], penalty);
  if (retry) {
    if (tried === undefined) e.tried.set(id, (tried = []));
    tried.push(t);
    group.zoneFilter = pool.zone[slot];
    const next = choose(e, group, e.clients.ip(pool.client[slot]), pool.client[slot], pool.cls[slot], tried);
    if (next >= 0) {
      // the target failed this attempt even though the user may never see it
      e.store.failed[t]++;
      e.store.failuresBy[t * FAILURE_REASONS.length + outcome - 1]++;
      let s2 = slot;
      if (keepAs !== 0) {
        s2 = cloneRequest(e, slot);
        pool.state[slot] = keepAs;
      }
      pool.attempt[s2]++;
      e.send(s2, next, group);
      return;
    }
  }
  e.fail(slot, outcome, keepAs);
}

/** A fresh slot for the next attempt of the request in `slot`. */
function cloneRequest(e: Engine, slot: number): number {
  const pool = e.pool;
  const s = pool.alloc();
  pool.id[s] = pool.id[slot];
  pool.arrivalMs[s] = pool.arrivalMs[slot];
  pool.startMs[s] = pool.startMs[slot];
  pool.serviceU[s] = pool.serviceU[slot];
  pool.client[s] = pool.client[slot];
  pool.cls[s] = pool.cls[slot];
  pool.group[s] = pool.group[slot];
  pool.target[s] = pool.target[slot];
  pool.flags[s] = pool.flags[slot] & (FLAG_SAMPLED | FLAG_ATTACK);
  pool.extraMs[s] = pool.extraMs[slot];
  pool.attempt[s] = pool.attempt[slot];
  pool.zone[s] = pool.zone[slot];
  return s;
}

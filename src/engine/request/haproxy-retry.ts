/**
 * HAProxy's retries (`retries.style: "haproxy"`), as HAProxy 2.6 does them (src/backend.c
 * `back_handle_st_cer`, include/haproxy/stream.h `stream_choose_redispatch`, src/http_ana.c `do_l7_retry`;
 * real-systems §2.14; docs/haproxy-integration.md §5, whose vectors were recorded on HAProxy 2.6.12).
 *
 * When an attempt on server S fails with a condition listed in `on` (a refused connection is
 * `conn-failure`, the group's request timeout `response-timeout`, a 500 or a full queue's 503 `500`/`503`):
 * 1. with `retries` retries already made, the request fails: the client gets HAProxy's 503 (reason
 *    `refused` in the trace) or the listed answer (500, 503, 504);
 * 2. else one more retry is counted and HAProxy decides whether to redispatch — only with `redispatch` on,
 *    and when S is not running (health down or maintenance), or the retry count hits the interval (−1: the
 *    last retry; P > 0: every P-th; −N: the N-th before the last), or the request is not cookie-bound, the
 *    group has more than one usable active server and the algorithm is not a hash. A redispatched attempt
 *    is load-balanced afresh, passing over S where the algorithm can (a map-based hash cannot); otherwise
 *    the request tries S again;
 * 3. after a refused connection HAProxy waits min(`connectTimeoutMs`, 1 s) before the next attempt when it
 *    stays on S (or the group has at most one usable active server); a redispatched attempt starts at once.
 *
 * Simplifies: an engine target never leaves a connection unanswered (a crashed one refuses at once), so a
 * connect timeout only bounds the turnaround; no `force-persist`; at most 32 attempts per request, as in the
 * nginx style. The request holds no target while it waits (REQ_WAITING) and no request timeout runs then.
 */
import type { SimState } from '../state.ts';
import type { TargetGroup } from '../balancer/target-group.ts';
import { FAILURE_REASONS, FAIL, outcomeName } from '../types.ts';
import { EV_HAPROXY_RETRY } from '../event-kinds.ts';
import { FLAG_DIRECT, REQ_WAITING, idTag } from './pool.ts';
import { ADMIN_MAINT, LC_IN_SERVICE } from '../backend/targets.ts';
import { healthOf } from '../health/health-data.ts';
import { UNHEALTHY } from '../health/health-state.ts';
import { onAttemptFailed } from '../health/passive.ts';
import { HASH_ALGORITHMS } from '../../scenario/algorithm-names.ts';
import { pickFresh } from './choose.ts';
import { send } from './send.ts';
import { fail } from './finish.ts';
import { cloneRequest } from './clone.ts';

/** HAProxy `retry-on` condition for each outcome code (index = outcome). */
const CONDITION = ['', '503', 'response-timeout', 'conn-failure', '', '', '500', '', '', '', ''];
const REASONS = FAILURE_REASONS.length;
/** HAProxy's turnaround after an asynchronous connection error: at most one second. */
const TURNAROUND_MS = 1000;
/** pool.attempt feeds the timeout ids (id × 32 + attempt): never more than 32 attempts. */
const MAX_RETRIES = 31;

type HaproxyRetries = Extract<NonNullable<TargetGroup['retries']>, { style: 'haproxy' }>;

/** The attempt in `slot` failed with `outcome` (`keepAs`: the target still holds the slot in that state). */
export function haproxyAttemptFailed(s: SimState, slot: number, outcome: number, keepAs: number): void {
  const pool = s.pool;
  const store = s.store;
  for (;;) {
    const t = pool.target[slot];
    const g = pool.group[slot];
    const group = s.groups[g];
    const r = group.retries as HaproxyRetries;
    if (s.attemptLog !== null) s.attemptLog.ended(pool.id[slot], outcomeName(outcome));
    const made = pool.attempt[slot];
    const retry = r.on.includes(CONDITION[outcome] as never) && made < Math.min(r.retries, MAX_RETRIES);
    const penalty = onAttemptFailed(s, g, t, outcome === FAIL.refused || outcome === FAIL.timeout || retry);
    if (penalty > 0) group.penalize(store.memberIndex[t], penalty);
    if (!retry) return fail(s, slot, outcome, keepAs);
    const retries = made + 1;
    let next = t;
    const redispatch = redispatches(s, group, r, t, retries, (pool.flags[slot] & FLAG_DIRECT) !== 0);
    if (redispatch) {
      // the cookie binding is dropped: the algorithm chooses again, passing over S where it can
      group.zoneFilter = pool.zone[slot];
      group.avoid = store.memberIndex[t];
      next = pickFresh(s, group, s.clients.ip(pool.client[slot]), pool.client[slot], pool.form[slot], []);
      group.avoid = -1;
      if (next < 0) return fail(s, slot, outcome, keepAs);
    }
    // the server failed this attempt even though the client may never see it
    store.failed[t]++;
    store.failuresBy[t * REASONS + outcome - 1]++;
    let s2 = slot;
    if (keepAs !== 0) {
      s2 = cloneRequest(s, slot);
      pool.state[slot] = keepAs;
    }
    pool.attempt[s2] = retries;
    pool.target[s2] = next;
    if (redispatch) pool.flags[s2] &= ~FLAG_DIRECT;
    if (outcome === FAIL.refused && (!redispatch || usableActives(group) <= 1)) {
      pool.state[s2] = REQ_WAITING;
      s.queue.push(s.nowMs + Math.min(r.connectTimeoutMs, TURNAROUND_MS), EV_HAPROXY_RETRY, s2, idTag(pool.id[s2]));
      return;
    }
    const code = send(s, s2, next, group);
    if (code === 0) return;
    slot = s2;
    outcome = code;
    keepAs = 0;
  }
}

/** The turnaround of the request waiting in `slot` is over: it tries its server again. */
export function onRetryDue(s: SimState, slot: number, idLow: number): void {
  const pool = s.pool;
  if (pool.state[slot] !== REQ_WAITING || idTag(pool.id[slot]) !== idLow) return;
  const t = pool.target[slot];
  const group = s.groups[pool.group[slot]];
  // the server left the group meanwhile (a live change): nothing to connect to
  if (s.store.groupOf[t] !== group.index || s.store.memberIndex[t] < 0) return fail(s, slot, FAIL['no-target']);
  const code = send(s, slot, t, group);
  if (code !== 0) haproxyAttemptFailed(s, slot, code, 0);
}

/** stream_choose_redispatch: may this retry go to another server? */
function redispatches(s: SimState, group: TargetGroup, r: HaproxyRetries, t: number, retries: number, direct: boolean): boolean {
  const p = r.redispatch === true ? -1 : r.redispatch === false ? 0 : r.redispatch;
  if (p === 0) return false;
  if (!running(s, t)) return true;
  if (p > 0 && retries % p === 0) return true;
  if (p < 0 && retries % (r.retries + 1 + p) === 0) return true;
  return !direct && usableActives(group) > 1 && !HASH_ALGORITHMS.includes(group.algorithmName);
}

/** HAProxy's "running" (cur_state ≥ SRV_ST_RUNNING): registered, not in maintenance, not marked down by checks. */
function running(s: SimState, t: number): boolean {
  const store = s.store;
  return store.lifecycle[t] === LC_IN_SERVICE && store.admin[t] !== ADMIN_MAINT && store.configs[t].down !== true && healthOf(s.health, t) !== UNHEALTHY;
}

/** HAProxy's `srv_act`: usable active (non-backup) servers with a weight above 0. */
function usableActives(group: TargetGroup): number {
  let n = 0;
  for (let m = 0; m < group.size; m++) if (group.rotationOf[m] === 1 && !group.backup(m) && group.weight(m) > 0) n++;
  return n;
}

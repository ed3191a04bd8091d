/**
 * A target at work: a request starts in a free slot (its service time drawn from the request's own
 * quantile, an exponential one as the mean times the quantile's Exp(1) area made with it, scaled by the target's failure mode and CPU speed, plus database and session-store time),
 * ends (ok, or a 5xx decided at start), and frees its slot for the next queued request. CPU counts
 * compute only: the time a request waits on the database or the session store holds its slot but not
 * the CPU (CloudWatch CPUUtilization on a real instance), and an open long-lived connection costs a
 * heartbeat's CPU (backend/connection-model.ts); an event-loop server holds one without a slot.
 * Simplifies: requests served at once on one target do not slow each other (each slot is a worker
 * with its own CPU), and a request's compute is spread evenly over its time in service. The answer's way
 * back is not scheduled here: its hop is part of the request's network time (network/hops.ts), added to
 * its latency at the finish and to what latency-aware algorithms observe (targetRttMs).
 */
import type { SimState } from '../state.ts';
import { DIST_EXPONENTIAL, quantile } from '../core/distributions.ts';
import { EV_COMPLETION } from '../event-kinds.ts';
import type { TargetGroup } from '../balancer/target-group.ts';
import { FLAG_NO_SLOT, FLAG_WILL_ERROR, REQ_ABANDONED, REQ_SERVING, idTag } from './pool.ts';
import { CONNECTION_CPU_SHARE } from '../backend/connection-model.ts';
import { TARGET_HUNG } from '../backend/targets.ts';
import { DB_ERROR, databaseMs } from '../infra/databases.ts';
import { serveSession } from '../sessions/sessions.ts';
import { onAttemptOk } from '../health/passive.ts';
import { recordFinish, release } from './finish.ts';
import { targetRttMs } from '../network/hops.ts';
import { FAIL, OUTCOME_OK } from '../types.ts';

/**
 * An event-loop target takes the long-lived connection in `slot` without a service slot, while its
 * memory holds one more. Returns 0, or FAIL.rejected (503) when it holds all it can.
 */
export function holdConnection(s: SimState, slot: number, t: number, group: TargetGroup): number {
  const store = s.store;
  if (store.connections[t] >= store.maxConnections[t]) return FAIL.rejected;
  group.holding(t, 1);
  s.pool.flags[slot] |= FLAG_NO_SLOT;
  start(s, slot, t);
  return 0;
}

/**
 * Target t begins serving the request in `slot` (the caller has counted it as held by t). `accrued`: t's integrals
 * are up to date at this instant already (`accrue` again would add exactly nothing, busy × 0).
 */
export function start(s: SimState, slot: number, t: number, accrued = false): void {
  const store = s.store;
  const pool = s.pool;
  const now = s.nowMs;
  if (accrued === false) store.accrue(t, now);
  if ((pool.flags[slot] & FLAG_NO_SLOT) !== 0) store.connections[t]++;
  else store.busy[t]++;
  pool.state[slot] = REQ_SERVING;
  pool.startMs[slot] = now;
  // a hung target takes the request and never answers (only the timeout ends it); its slot counts as
  // compute, like a process spinning or stuck in garbage collection
  if (store.state[t] === TARGET_HUNG) {
    const cpu = (pool.flags[slot] & FLAG_NO_SLOT) !== 0 ? 0 : 1;
    pool.cpuShare[slot] = cpu;
    store.cpuRate[t] += cpu;
    return;
  }
  const c = pool.cls[slot];
  const longLived = s.mix.anyLongLived && s.mix.longLived[c] === 1;
  let serviceMs: number;
  if (longLived) {
    const ll = s.mix.classes[c].longLived!;
    serviceMs = quantile(ll.kind, ll.p1, ll.p2, pool.serviceU[slot]);
  } else {
    const i = t * store.classes + c;
    const kind = store.svcKind[i];
    // an exponential time is its mean times the request's Exp(1) area: −mean × ln(1 − u), the same double
    const base = kind === DIST_EXPONENTIAL ? store.svcP1[i] * pool.serviceArea[slot] : quantile(kind, store.svcP1[i], store.svcP2[i], pool.serviceU[slot]);
    serviceMs = ((base + pool.extraMs[slot]) * store.slowFactor[t]) / store.speed[t];
  }
  const computeMs = serviceMs;
  const sessions = s.sessions;
  if (sessions !== null && sessions.enabled) {
    const extra = serveSession(s, sessions, pool.group[slot], pool.client[slot], t, s.mix.cartOp[c]);
    if (extra < 0) pool.flags[slot] |= FLAG_WILL_ERROR;
    else serviceMs += extra;
  }
  if (store.errorShare[t] > 0 && s.rng.failures.next() < store.errorShare[t]) pool.flags[slot] |= FLAG_WILL_ERROR;
  const databases = s.databases;
  if (databases !== null && !longLived) {
    const dbMs = databaseMs(s, databases, t, c, pool.serviceU[slot]);
    if (dbMs === DB_ERROR) pool.flags[slot] |= FLAG_WILL_ERROR;
    else serviceMs += dbMs;
  }
  if (s.explain !== null) s.explain.serving(s, slot, t, serviceMs);
  // waiting on the store or the database holds the slot, not the CPU
  const cpu = longLived ? CONNECTION_CPU_SHARE : serviceMs > computeMs ? computeMs / serviceMs : 1;
  pool.cpuShare[slot] = cpu;
  store.cpuRate[t] += cpu;
  s.queue.push(now + serviceMs, EV_COMPLETION, slot, idTag(pool.id[slot]));
}

/**
 * The work for `slot` is done (or, for a request whose client gave up, simply over): the target frees
 * the slot. Returns OUTCOME_OK when the request succeeded (counted and released), FAIL.error when the
 * target answered with a 5xx (the caller retries or fails it), and -1 for an orphan (released).
 */
export function endService(s: SimState, slot: number): number {
  const pool = s.pool;
  const store = s.store;
  const t = pool.target[slot];
  const g = pool.group[slot];
  const group = s.groups[g];
  store.accrue(t, s.nowMs);
  if ((pool.flags[slot] & FLAG_NO_SLOT) !== 0) {
    store.connections[t]--;
    pool.flags[slot] &= ~FLAG_NO_SLOT;
  } else store.busy[t]--;
  // an idle target uses no CPU (reset exactly, so rounding cannot build up)
  store.cpuRate[t] = store.busy[t] + store.connections[t] === 0 ? 0 : store.cpuRate[t] - pool.cpuShare[slot];
  group.holding(t, -1);
  if (pool.state[slot] !== REQ_SERVING) {
    release(s, slot);
    return -1;
  }
  // what a balancer measures: from sending this attempt to the answer back, the hop included
  if (group.observesLatency) group.observe(t, s.nowMs - pool.sentMs[slot] + targetRttMs(s, slot, t), s.nowMs);
  if ((pool.flags[slot] & FLAG_WILL_ERROR) !== 0) {
    pool.flags[slot] &= ~FLAG_WILL_ERROR;
    return FAIL.error;
  }
  // passive health hears of successes only in groups that keep it (a call saved on every other answer)
  if (group.hearsSuccesses === true) onAttemptOk(s, g, t);
  recordFinish(s, slot, OUTCOME_OK);
  release(s, slot);
  return OUTCOME_OK;
}

/**
 * Fills free service slots of target t from its queue, skipping requests whose clients gave up. `accrued`: t's
 * integrals were brought up to this instant already (onCompletion, after endService), so the requests start without
 * another `accrue`, which would add exactly nothing (busy × 0); otherwise the first start brings them up to date.
 * At round robin's ρ = 0.9 most requests start from a queue (docs/performance.md).
 */
export function startQueued(s: SimState, t: number, accrued = false): void {
  const store = s.store;
  const q = store.queues[t];
  while (store.busy[t] < store.concurrency[t] && q.size > 0) {
    const slot = q.shift();
    if (s.pool.state[slot] === REQ_ABANDONED) {
      release(s, slot);
      continue;
    }
    store.queued[t]--;
    start(s, slot, t, accrued);
    accrued = true;
  }
  if (store.rejecting[t] === 1 && store.queued[t] <= store.queueLimit[t] / 2) {
    store.rejecting[t] = 0;
    s.log.add(s.nowMs, 'accepting', store.ids[t], `${store.ids[t]} is accepting requests again: its queue has room`);
  }
}

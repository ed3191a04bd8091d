/**
 * What happens to a target over its life, whoever causes it — a learner's live change, a zone outage,
 * a scaling group, the end of a drain: it crashes (everything it holds fails, new connections are
 * refused), hangs, slows down or fails a share of requests, recovers, is deregistered (it drains, then
 * becomes unused) or registered, is added to its group or taken out. Mirrors AWS target registration
 * (draining for the deregistration delay) and what a client sees of a dying process.
 */
import type { TargetConfig } from '../../scenario/schema.ts';
import type { SimState } from '../state.ts';
import { FAIL } from '../types.ts';
import { EV_DRAIN_DONE } from '../event-kinds.ts';
import { FLAG_NO_SLOT, REQ_ABANDONED, REQ_FREE, REQ_ORPHANED, REQ_QUEUED, REQ_SERVING } from '../request/pool.ts';
import { fail, release } from '../request/finish.ts';
import { startQueued } from '../request/serve.ts';
import { LC_DRAINING, LC_IN_SERVICE, LC_UNUSED, TARGET_CRASHED, TARGET_DEGRADED, TARGET_HUNG, TARGET_UP } from './targets.ts';
import { applyInstanceType, stopBilling } from './instance.ts';
import { failureBegan, failureDetected, recoveredUnnoticed } from '../health/blind.ts';
import { recomputeRotation } from '../health/rotation.ts';
import { targetRegistered } from '../health/checks.ts';
import { targetForgets } from '../sessions/sessions.ts';
import { refuse, type Refusal } from '../refusal.ts';

/** The target crashes: everything it holds fails at once (connection reset); new requests are refused. */
export function crashTarget(s: SimState, t: number): void {
  const store = s.store;
  if (store.state[t] === TARGET_CRASHED) return;
  failureBegan(s, t, 'crashed');
  dropAll(s, t);
  targetForgets(s, t);
  store.state[t] = TARGET_CRASHED;
  store.slowFactor[t] = 1;
  store.errorShare[t] = 0;
  s.log.add(s.nowMs, 'crash', store.ids[t], `${store.ids[t]} crashed: its in-flight requests failed and new connections are refused`);
}

/** The target hangs: it accepts requests but never answers, so they time out. */
export function hangTarget(s: SimState, t: number): Refusal | null {
  const store = s.store;
  const id = store.ids[t];
  if (store.state[t] === TARGET_CRASHED) return refuse('val_live_crashed', { id });
  store.state[t] = TARGET_HUNG;
  failureBegan(s, t, 'hung');
  s.log.add(s.nowMs, 'hang', id, `${id} hangs: it accepts requests but never answers, so they time out`);
  return null;
}

/** The target loses its database: every real request fails with 500, while a shallow health check still passes. */
export function breakDependency(s: SimState, t: number): Refusal | null {
  const store = s.store;
  const id = store.ids[t];
  const stuck = stuckReason(s, t);
  if (stuck !== null) return stuck;
  store.errorShare[t] = 1;
  store.state[t] = TARGET_DEGRADED;
  failureBegan(s, t, 'lost its database connection');
  s.log.add(s.nowMs, 'degrade', id, `${id} lost its database connection: every real request fails with 500, yet a shallow health check still passes`);
  return null;
}

/** The target turns slower (`slowFactor`) and/or answers a share of requests with 500 (`errorShare`); undefined keeps a value. */
export function degradeTarget(s: SimState, t: number, slowFactor: number | undefined, errorShare: number | undefined): Refusal | null {
  const store = s.store;
  const id = store.ids[t];
  const stuck = stuckReason(s, t);
  if (stuck !== null) return stuck;
  if (slowFactor !== undefined) store.slowFactor[t] = slowFactor;
  if (errorShare !== undefined) store.errorShare[t] = errorShare;
  store.state[t] = store.slowFactor[t] === 1 && store.errorShare[t] === 0 ? TARGET_UP : TARGET_DEGRADED;
  if (store.errorShare[t] > 0) failureBegan(s, t, `started failing ${Math.round(store.errorShare[t] * 100)} % of requests`);
  else recoveredUnnoticed(s, t);
  const parts = [store.slowFactor[t] !== 1 ? `${store.slowFactor[t]}× slower` : '', store.errorShare[t] > 0 ? `answering ${Math.round(store.errorShare[t] * 100)} % of requests with 500` : ''].filter(Boolean);
  s.log.add(s.nowMs, 'degrade', id, `${id} is ${parts.join(' and ') || 'back to normal'}`);
  return null;
}

function stuckReason(s: SimState, t: number): Refusal | null {
  const state = s.store.state[t];
  if (state !== TARGET_CRASHED && state !== TARGET_HUNG) return null;
  return refuse(state === TARGET_HUNG ? 'val_live_hung' : 'val_live_crashed', { id: s.store.ids[t] });
}

/** The target answers normally again (a hung one restarts: the requests stuck in it are reset). */
export function recoverTarget(s: SimState, t: number): void {
  const store = s.store;
  const was = store.state[t];
  if (was === TARGET_UP) return;
  if (was === TARGET_HUNG) unhang(s, t);
  store.state[t] = TARGET_UP;
  store.slowFactor[t] = 1;
  store.errorShare[t] = 0;
  recoveredUnnoticed(s, t);
  startQueued(s, t);
  s.log.add(s.nowMs, 'recover', store.ids[t], `${store.ids[t]} recovered and answers normally again`);
}

/** Deregistration: no new requests; in-flight ones finish for up to the group's deregistration delay. */
export function deregisterTarget(s: SimState, t: number): Refusal | null {
  const store = s.store;
  const id = store.ids[t];
  if (store.lifecycle[t] !== LC_IN_SERVICE) return refuse(store.lifecycle[t] === LC_DRAINING ? 'val_live_draining' : 'val_live_deregistered', { id });
  // as in AWS, the last target may go too: the group then answers 503 (no-target)
  const group = s.groups[store.groupOf[t]];
  store.lifecycle[t] = LC_DRAINING;
  recomputeRotation(s, group.index, 'deregistration');
  store.drainToken[t]++;
  s.queue.push(s.nowMs + group.deregistrationDelaySec * 1000, EV_DRAIN_DONE, t, store.drainToken[t]);
  s.log.add(s.nowMs, 'drain', id, `${id} deregistered: draining for up to ${group.deregistrationDelaySec} s; no new requests, in-flight ones finish`);
  return null;
}

/** Registration: the target joins its group's rotation (after its health check, if there is one). */
export function registerTarget(s: SimState, t: number): void {
  const store = s.store;
  if (store.lifecycle[t] === LC_IN_SERVICE) return;
  if (store.lifecycle[t] === LC_UNUSED) applyInstanceType(s, t, 'on-demand');
  store.lifecycle[t] = LC_IN_SERVICE;
  store.registered[t] = 1;
  store.drainToken[t]++;
  s.groups[store.groupOf[t]].rebuild();
  targetRegistered(s, t);
  s.topologyVersion++;
  s.log.add(s.nowMs, 'register', store.ids[t], `${store.ids[t]} registered and back in rotation`);
}

/**
 * The end of a target's deregistration delay: whatever it still holds is cut off, and it is unused.
 * Returns how many requests were cut off, or -1 when the target was no longer draining (a stale event).
 */
export function finishDraining(s: SimState, t: number, token: number): number {
  const store = s.store;
  if (store.lifecycle[t] !== LC_DRAINING || store.drainToken[t] !== token) return -1;
  const held = store.busy[t] + store.queued[t] + store.connections[t];
  if (held > 0) dropAll(s, t);
  store.lifecycle[t] = LC_UNUSED;
  store.registered[t] = 0;
  targetForgets(s, t);
  stopBilling(s, t);
  return held;
}

/** After a drain ends (and its scaling group has heard of it): the group and its rotation follow. */
export function afterDrained(s: SimState, t: number, held: number): void {
  const store = s.store;
  s.groups[store.groupOf[t]].rebuild();
  recomputeRotation(s, store.groupOf[t], 'deregistration');
  s.topologyVersion++;
  s.log.add(s.nowMs, 'unused', store.ids[t], held > 0 ? `${store.ids[t]} finished draining: ${held} request(s) still open were cut off (502)` : `${store.ids[t]} finished draining and is now unused`);
}

/** Takes target t out of its group at once (a smaller target count): no new requests; it finishes what it holds. */
export function removeTarget(s: SimState, t: number): void {
  const store = s.store;
  failureDetected(s, t, 'removal');
  store.registered[t] = 0;
  store.inRotation[t] = 0;
  store.lifecycle[t] = LC_UNUSED;
  store.drainToken[t]++;
  targetForgets(s, t);
  stopBilling(s, t);
}

/** Puts an unused target of its group back in service (a larger target count). */
export function reuseTarget(s: SimState, t: number): void {
  const store = s.store;
  store.registered[t] = 1;
  store.lifecycle[t] = LC_IN_SERVICE;
  store.drainToken[t]++;
  applyInstanceType(s, t, 'on-demand');
}

/** Adds target `cfg` to group g at its default address (its zone is left for the caller to set); returns its index. */
export function addTarget(s: SimState, g: number, cfg: TargetConfig): number {
  const store = s.store;
  const inGroup = store.groupOf.subarray(0, store.count).filter((x) => x === g).length;
  return store.add(cfg, g, defaultAddress(g, inGroup), s.mix.names);
}

/** The address a target gets when the scenario names none: 10.<1 + group / 250>.<group % 250>.<n>, port 80. */
export function defaultAddress(group: number, indexInGroup: number): string {
  const host = indexInGroup + 1;
  return `10.${1 + Math.floor(group / 250) + 4 * Math.floor(host / 250)}.${group % 250}.${host % 250}:80`;
}

/** A hung target restarts: the requests stuck in it are reset, then it serves its queue. */
function unhang(s: SimState, t: number): void {
  const store = s.store;
  const pool = s.pool;
  store.accrue(t, s.nowMs);
  for (let slot = 0; slot < pool.cap; slot++) {
    if (pool.target[slot] !== t) continue;
    // the counts are reset below; a retry of this request starts with no connection held
    pool.flags[slot] &= ~FLAG_NO_SLOT;
    if (pool.state[slot] === REQ_SERVING) fail(s, slot, FAIL.refused);
    else if (pool.state[slot] === REQ_ORPHANED) release(s, slot);
  }
  s.groups[store.groupOf[t]].holding(t, -(store.busy[t] + store.connections[t]));
  store.busy[t] = 0;
  store.connections[t] = 0;
  store.cpuRate[t] = 0;
}

/** Fails or frees everything target t holds, queued or in service. */
function dropAll(s: SimState, t: number): void {
  const store = s.store;
  const pool = s.pool;
  store.accrue(t, s.nowMs);
  for (let slot = 0; slot < pool.cap; slot++) {
    const st = pool.state[slot];
    if (pool.target[slot] !== t || st === REQ_FREE) continue;
    pool.flags[slot] &= ~FLAG_NO_SLOT;
    if (st === REQ_QUEUED || st === REQ_SERVING) fail(s, slot, FAIL.refused);
    // already answered with a timeout, but still held by the target: the work dies with it
    else if (st === REQ_ORPHANED || st === REQ_ABANDONED) release(s, slot);
  }
  s.groups[store.groupOf[t]].holding(t, -(store.busy[t] + store.queued[t] + store.connections[t]));
  store.queues[t].clear();
  store.queued[t] = 0;
  store.busy[t] = 0;
  store.connections[t] = 0;
  store.cpuRate[t] = 0;
}

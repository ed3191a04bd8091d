/**
 * A client's request is born: open-loop arrivals come by the rate profile (one Exp(1) area per arrival
 * for Poisson, evenly spaced otherwise, from their own stream), closed-loop users send after thinking.
 * The request's class and size (its service-time quantile) are drawn from their own streams, so they
 * are the same whichever target serves it; then it is routed, a target is chosen and it is sent.
 */
import type { SimState } from '../state.ts';
import { EV_ARRIVAL, EV_REPLAY } from '../event-kinds.ts';
import { FAIL } from '../types.ts';
import { FLAG_ATTACK, FLAG_DIRECT, FLAG_SAMPLED } from './pool.ts';
import { route } from './route.ts';
import { choose, chooseOnConnection } from './choose.ts';
import { send as sendTo } from './send.ts';
import { attemptFailed } from './retry.ts';
import { failUnsent } from './finish.ts';
import { accountArrival } from '../network/hops.ts';

const NO_TRIES: readonly number[] = [];

/** Schedules the next open-loop arrival after `fromMs` (one draw from the arrivals stream). */
export function scheduleArrival(s: SimState, fromMs: number): void {
  const traffic = s.traffic;
  const profile = traffic.profile;
  if (profile === null) return;
  // `=== true` here and below: a boolean field compared in one instruction, where a bare test is a full ToBoolean
  const area = traffic.poisson === true ? s.rng.arrivals.nextArea() : 1;
  const fromSec = fromMs / 1000;
  // a constant rate from here on (the common case) needs no walk along the profile; a rate of 0 sends no
  // more. No `Infinity` stands for "never" on this path: for a branch never taken, the optimizing compiler
  // would still box every arrival time.
  if (fromSec >= profile.steadyFromSec) {
    if (profile.steadyRate > 0) arriveAt(s, fromSec + area / profile.steadyRate);
    return;
  }
  arriveAt(s, profile.advance(fromSec, area));
}

/** Queues the next open-loop arrival at `nextSec` (Infinity: none). */
function arriveAt(s: SimState, nextSec: number): void {
  if (nextSec !== Infinity) s.queue.pushBeside(nextSec * 1000, EV_ARRIVAL, s.traffic.generation, 0);
}

/** An open-loop arrival event: the next one is scheduled and a random client sends this one. */
export function onArrival(s: SimState, generation: number): void {
  if (generation !== s.traffic.generation) return;
  scheduleArrival(s, s.nowMs);
  admit(s, s.clients.normal === 1 ? 0 : s.rng.clients.int(s.clients.normal), -1);
}

/** Schedules replayed request i at its time (the next one is scheduled when it is sent: equal times keep list order). */
export function scheduleReplay(s: SimState, i: number): void {
  const replay = s.traffic.replay;
  if (replay !== null && i < replay.atMs.length) s.queue.pushBeside(replay.atMs[i], EV_REPLAY, i, 0);
}

/** Replayed request i is sent, exactly as listed: its client, class and form; only its size is drawn. */
export function onReplay(s: SimState, i: number): void {
  const replay = s.traffic.replay!;
  scheduleReplay(s, i + 1);
  send(s, replay.client[i], replay.cls[i], replay.form[i], false);
}

/** Client `client` sends a request (`forcedClass` ≥ 0: an attack request of that class). */
export function admit(s: SimState, client: number, forcedClass: number): void {
  const attack = forcedClass >= 0;
  const cls = attack ? forcedClass : s.mix.single === true ? 0 : s.mix.pick(s.rng.mix.next());
  send(s, client, cls, cls, attack);
}

/** A request of class `cls` (seen by routing and hashing as `form`) leaves `client` now. */
function send(s: SimState, client: number, cls: number, form: number, attack: boolean): void {
  const pool = s.pool;
  const rng = attack ? s.rng.attack : s.rng.service;
  const u = rng.next();
  const slot = pool.alloc();
  pool.id[slot] = s.traffic.nextId++;
  pool.arrivalMs[slot] = s.nowMs;
  pool.startMs[slot] = s.nowMs;
  pool.serviceU[slot] = u;
  pool.serviceArea[slot] = rng.lastArea();
  pool.client[slot] = client;
  pool.cls[slot] = cls;
  pool.form[slot] = form;
  pool.flags[slot] = (s.flows.take() ? FLAG_SAMPLED : 0) | (attack ? FLAG_ATTACK : 0);
  pool.attempt[slot] = 0;
  pool.netMs[slot] = 0;
  s.totals.arrived++;
  s.second.arrived++;
  if (s.explain !== null) s.explain.arrived(s, slot);

  const b = route(s, slot, client, form);
  if (b === null) return;
  const group = s.groups[pool.group[slot]];
  group.zoneFilter = pool.zone[slot];
  const ip = s.clients.ip(client);
  const t = b.l4 !== null ? chooseOnConnection(s, b.l4, group, ip, client, form, b.clientNode === null ? 0 : b.clientNode[client]) : choose(s, group, ip, client, form, NO_TRIES);
  if (t < 0) return failUnsent(s, slot, FAIL['no-target']);
  pool.lb[slot] = b.index;
  accountArrival(s, slot, b, client, cls, t, b.l4 !== null && b.l4.opened);
  if (group.direct) pool.flags[slot] |= FLAG_DIRECT;
  const code = sendTo(s, slot, t, group);
  if (code !== 0) attemptFailed(s, slot, code, 0);
}

/**
 * A target's administrative state, apart from its health: HAProxy's runtime API `set server <backend>/
 * <server> state ready|drain|maint` (server.c srv_set_admin_flag / srv_clr_admin_flag). Drain: no new
 * load-balanced requests, cookie persistence still reaches it, checks go on. Maint: nothing reaches it, its
 * checks pause (a map-based HAProxy hash rebuilds without it); what it holds finishes normally. Ready: back at
 * once. Simplifies: HAProxy's own per-server queue (moved to other servers on maint) does not exist here.
 */
import type { SimState } from '../state.ts';
import { ADMIN_DRAIN, ADMIN_MAINT, ADMIN_READY } from './targets.ts';
import { pauseChecks, resumeChecks } from '../health/checks.ts';
import { recomputeRotation } from '../health/rotation.ts';

export const ADMIN_STATES = ['ready', 'drain', 'maint'] as const;
export type AdminState = (typeof ADMIN_STATES)[number];

/** Puts target t in `state`; nothing happens when it is already there. */
export function setAdminState(s: SimState, t: number, state: AdminState): void {
  const store = s.store;
  const was = store.admin[t];
  const now = ADMIN_STATES.indexOf(state);
  if (was === now) return;
  const id = store.ids[t];
  const group = s.groups[store.groupOf[t]].id;
  store.admin[t] = now;
  if (now === ADMIN_MAINT) {
    pauseChecks(s, t);
    s.log.add(s.nowMs, 'maint', id, `${group}/${id} is going DOWN for maintenance: it takes no new requests and its health checks pause; what it holds finishes`);
  } else if (now === ADMIN_DRAIN) {
    s.log.add(s.nowMs, 'drain', id, `${group}/${id} enters drain mode: no new load-balanced requests, but requests whose cookie names it still go there`);
  }
  if (was === ADMIN_MAINT && now !== ADMIN_MAINT) {
    const cameUp = resumeChecks(s, t);
    if (now === ADMIN_READY) s.log.add(s.nowMs, 'ready', id, `${group}/${id} is UP/READY (leaving maintenance)${cameUp ? ': healthy at once, checked again now' : ''}`);
  } else if (was === ADMIN_DRAIN && now === ADMIN_READY) {
    s.log.add(s.nowMs, 'ready', id, `${group}/${id} is READY (leaving drain): it takes new requests again`);
  }
  recomputeRotation(s, store.groupOf[t], now === ADMIN_MAINT ? 'maintenance' : 'drain');
}

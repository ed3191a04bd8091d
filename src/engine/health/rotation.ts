/**
 * Which targets of a group are in the balancer's rotation: in service, healthy, not ejected and with a
 * circuit that is not open — unless too little is healthy, when the group follows its rule: fail open
 * like AWS ELB (send to all), Envoy's panic threshold (send to all below a healthy share), or refuse
 * like nginx and HAProxy (503). A target an operator took out (HAProxy drain or maint, nginx `down`)
 * is neither in rotation nor counted, so failing open never brings it back.
 */
import type { SimState } from '../state.ts';
import { ADMIN_DRAIN, ADMIN_READY, LC_IN_SERVICE } from '../backend/targets.ts';
import { CB_OPEN } from './circuit-breaker.ts';
import { HEALTHY } from './health-state.ts';
import { healthOf, type GroupMode } from './health-data.ts';
import { failureDetected } from './blind.ts';

/**
 * In service as far as its operator is concerned: registered and in service, not drained or in maintenance, not
 * `down`, and in a zone its balancers have (a target left in a zone removed from them gets no traffic).
 */
function serving(s: SimState, t: number): boolean {
  const store = s.store;
  return store.lifecycle[t] === LC_IN_SERVICE && store.admin[t] === ADMIN_READY && store.configs[t].down !== true && !s.zoneOff.has(t);
}

/** A drained target that would otherwise be in rotation: cookie persistence may still reach it (HAProxy drain). */
export function drainedButAvailable(s: SimState, t: number): boolean {
  return s.store.admin[t] === ADMIN_DRAIN && s.store.configs[t].down !== true && available(s, s.store.groupOf[t], t);
}

/** Available on its own merits: in service, healthy, not ejected, circuit not open. */
function available(s: SimState, g: number, t: number): boolean {
  const gh = s.health.groups[g];
  return (
    s.store.lifecycle[t] === LC_IN_SERVICE &&
    healthOf(s.health, t) === HEALTHY &&
    !(gh.outlier?.ejected.has(t) ?? false) &&
    (gh.breaker === null || gh.breaker.state[t] !== CB_OPEN)
  );
}

/**
 * Recomputes which members of group g are in rotation, applying the group's rule for when nothing
 * (or too little, for Envoy's panic threshold) is healthy. `cause` names what took targets out.
 */
export function recomputeRotation(s: SimState, g: number, cause = 'health'): void {
  const gh = s.health.groups[g];
  const store = s.store;
  const group = s.groups[g];
  const members = group.members;
  let inService = 0;
  let healthy = 0;
  for (const t of members) {
    if (!serving(s, t)) continue;
    inService++;
    if (available(s, g, t)) healthy++;
  }
  const cfg = group.cfg;
  const policy = cfg.whenAllUnhealthy;
  let mode: GroupMode = 'normal';
  if (inService > 0 && healthy === 0) mode = policy;
  else if (policy === 'panic' && inService > 0 && (healthy * 100) / inService < cfg.panicThresholdPercent) mode = 'panic';
  const all = mode === 'fail-open' || mode === 'panic';
  for (const t of members) {
    const rotation = serving(s, t) && (all || available(s, g, t)) ? 1 : 0;
    if (store.inRotation[t] === 1 && rotation === 0) failureDetected(s, t, cause);
    group.setInRotation(t, rotation);
  }
  if (mode !== gh.mode) {
    const id = cfg.id;
    const messages: Record<GroupMode, string> = {
      normal: `${id} routes to its healthy targets again`,
      'fail-open': `${id} fails open: no target is healthy, so it sends to all ${inService} (as AWS load balancers do)`,
      panic: `${id} is in panic: only ${healthy} of ${inService} targets are healthy (below ${cfg.panicThresholdPercent} %), so it sends to all of them (as Envoy does)`,
      refuse: `${id} has no healthy target and refuses requests with 503 (as nginx and HAProxy do)`,
    };
    s.log.add(s.nowMs, 'group-mode', id, messages[mode]);
    gh.mode = mode;
  }
}

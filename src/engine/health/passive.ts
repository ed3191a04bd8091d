/**
 * Health on the request path: what each attempt tells the group's passive mechanisms — nginx
 * `max_fails` (a failure counts; the effective-weight penalty follows), Envoy outlier detection
 * (consecutive errors eject) and a circuit breaker per target (open, half-open, closed) — and whether
 * they let a target take a request now.
 */
import type { SimState } from '../state.ts';
import { CB_CLOSED, CB_HALF_OPEN, CB_OPEN } from './circuit-breaker.ts';
import { EV_CB_HALF_OPEN, EV_OUTLIER_SWEEP } from '../event-kinds.ts';
import { recomputeRotation } from './rotation.ts';
import { failureDetected } from './blind.ts';
import type { CircuitDecision, EjectionDecision } from '../decisions.ts';

/** Passive health and circuit state allow sending to t now (rotation aside). */
export function passiveAllows(s: SimState, g: number, t: number, single: boolean): boolean {
  const gh = s.health.groups[g];
  if (gh.nginx !== null && !gh.nginx.eligible(t, s.nowMs, single)) return false;
  return gh.breaker === null || gh.breaker.allows(t);
}

/** The balancer chose t (nginx bumps `checked`; a half-open circuit counts its probe requests). */
export function onSelected(s: SimState, g: number, t: number): void {
  const gh = s.health.groups[g];
  gh.nginx?.onSelect(t, s.nowMs);
  if (gh.breaker !== null && gh.breaker.state[t] === CB_HALF_OPEN) gh.breaker.onSend(t);
}

/** An attempt at t succeeded. */
export function onAttemptOk(s: SimState, g: number, t: number): void {
  const gh = s.health.groups[g];
  gh.nginx?.onSuccess(t);
  gh.outlier?.onSuccess(t);
  if (gh.breaker !== null) breakerResult(s, g, t, true);
}

/**
 * An attempt at t failed. `counts` says whether nginx counts it (errors and timeouts always; a listed HTTP
 * status only when a retry follows). Returns the nginx weight penalty to apply, if any.
 */
export function onAttemptFailed(s: SimState, g: number, t: number, counts: boolean): number {
  const gh = s.health.groups[g];
  const id = s.store.ids[t];
  let penalty = 0;
  if (gh.nginx !== null && counts && s.groups[g].members.length > 1) {
    penalty = gh.nginx.penalty(s.store.weight[t]);
    if (gh.nginx.onFailure(t, s.nowMs)) {
      const { maxFails, failTimeoutSec } = gh.nginx.config;
      s.log.add(s.nowMs, 'passive', id, `${id} temporarily disabled: ${maxFails} failure(s) within ${failTimeoutSec} s (nginx max_fails)`, { kind: 'max-fails', failures: maxFails, maxFails, failTimeoutSec });
      failureDetected(s, t, 'passive health (max_fails)');
    }
  }
  if (gh.outlier !== null) {
    const size = s.groups[g].members.length;
    const ms = gh.outlier.onFailure(t, s.nowMs, size);
    if (ms > 0) {
      const cfg = gh.outlier.config;
      const numbers: EjectionDecision = {
        kind: 'ejection',
        consecutiveErrors: cfg.consecutive5xx,
        threshold: cfg.consecutive5xx,
        ejections: gh.outlier.ejectionsOf(t),
        baseEjectionSec: cfg.baseEjectionSec,
        ejectionSec: ms / 1000,
        ejectedNow: gh.outlier.ejected.size,
        maxEjected: Math.max(1, Math.floor((size * cfg.maxEjectionPercent) / 100)),
      };
      s.log.add(s.nowMs, 'ejected', id, `${id} ejected for ${ms / 1000} s: ${cfg.consecutive5xx} consecutive errors (Envoy outlier detection)`, numbers);
      recomputeRotation(s, g, 'outlier detection');
    }
  }
  if (gh.breaker !== null) breakerResult(s, g, t, false);
  return penalty;
}

function breakerResult(s: SimState, g: number, t: number, ok: boolean): void {
  const breaker = s.health.groups[g].breaker!;
  const rate = breaker.errorRate(t);
  const to = breaker.onResult(t, ok, s.nowMs);
  if (to === -1) return;
  // the window is reset on opening, so report the rate including this last failure
  const shown = to === CB_OPEN ? Math.max(rate, breaker.lastOpenRate) : rate;
  const id = s.store.ids[t];
  const cfg = breaker.config;
  const numbers = (to: CircuitDecision['to'], failed: number, seen: number): CircuitDecision => ({ kind: 'circuit', to, failed, seen, errorRatePercent: cfg.errorRatePercent, minRequests: cfg.minRequests, windowSec: cfg.windowSec, probes: cfg.halfOpenRequests, openSec: cfg.openSec });
  if (to === CB_OPEN) {
    s.log.add(s.nowMs, 'circuit', id, `circuit to ${id} opened: ${Math.round(shown * 100)} % of recent requests failed; retrying in ${breaker.config.openSec} s`, numbers('open', breaker.lastOpenFailed, breaker.lastOpenSeen));
    s.queue.push(s.nowMs + breaker.config.openSec * 1000, EV_CB_HALF_OPEN, t, 0);
    recomputeRotation(s, g, 'circuit breaker');
  } else if (to === CB_CLOSED) {
    s.log.add(s.nowMs, 'circuit', id, `circuit to ${id} closed: ${breaker.config.halfOpenRequests} probe requests succeeded`, numbers('closed', 0, cfg.halfOpenRequests));
    recomputeRotation(s, g);
  }
}

/** A circuit's open period ends: it lets a few probe requests through. */
export function onHalfOpen(s: SimState, t: number): void {
  const g = s.store.groupOf[t];
  const breaker = s.health.groups[g].breaker;
  if (breaker === null || breaker.state[t] !== CB_OPEN) return;
  breaker.halfOpen(t);
  const cfg = breaker.config;
  const numbers: CircuitDecision = { kind: 'circuit', to: 'half-open', failed: 0, seen: 0, errorRatePercent: cfg.errorRatePercent, minRequests: cfg.minRequests, windowSec: cfg.windowSec, probes: cfg.halfOpenRequests, openSec: cfg.openSec };
  s.log.add(s.nowMs, 'circuit', s.store.ids[t], `circuit to ${s.store.ids[t]} half-open: letting ${breaker.config.halfOpenRequests} probe requests through`, numbers);
  recomputeRotation(s, g);
}

/** Envoy's interval sweep: ejections that have run their time end. */
export function onOutlierSweep(s: SimState, g: number): void {
  const gh = s.health.groups[g];
  if (gh.outlier === null) return;
  const back = gh.outlier.sweep(s.nowMs, s.groups[g].members);
  for (const t of back) s.log.add(s.nowMs, 'unejected', s.store.ids[t], `${s.store.ids[t]} returned from ejection`);
  if (back.length > 0) recomputeRotation(s, g);
  s.queue.push(s.nowMs + gh.outlier.config.intervalSec * 1000, EV_OUTLIER_SWEEP, g, 0);
}

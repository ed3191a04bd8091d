/**
 * The target-state models that turn probe results into health: AWS/Envoy run-length thresholds
 * (initial → healthy ⇄ unhealthy; one pass brings a new target in, as ALB and Envoy at startup do), and
 * HAProxy's health counter (0 … rise+fall−1, UP iff ≥ rise; a failure that drops it below rise forces
 * DOWN, a success that reaches rise forces fully UP) with its inter/fastinter/downinter intervals.
 */
import type { ResolvedHealthCheck } from '../../scenario/health-presets.ts';
import { HEALTH_STATES } from '../types.ts';

/** Health states: indices into HEALTH_STATES. */
export const HEALTHY = HEALTH_STATES.indexOf('healthy');
export const INITIAL = HEALTH_STATES.indexOf('initial');
export const UNHEALTHY = HEALTH_STATES.indexOf('unhealthy');

export interface CheckCounters {
  health: number[];
  okRun: number[];
  failRun: number[];
  /** HAProxy's counter. */
  level: number[];
}

/** The state a target starts in: healthy when the group starts with it, initial when registered later. */
export function startState(hc: ResolvedHealthCheck, c: CheckCounters, t: number, atStart: boolean): void {
  c.okRun[t] = 0;
  c.failRun[t] = 0;
  if (hc.model === 'rise-fall') {
    // HAProxy: health = rise at start-up: "up, but will fall down at the first failure"
    c.level[t] = hc.healthyThreshold;
    c.health[t] = HEALTHY;
  } else {
    c.level[t] = 0;
    c.health[t] = atStart ? HEALTHY : INITIAL;
  }
}

/** Applies one probe result; returns the new health state. */
export function applyResult(hc: ResolvedHealthCheck, c: CheckCounters, t: number, pass: boolean, badStatus: boolean): number {
  if (hc.model === 'rise-fall') return riseFall(hc, c, t, pass);
  if (pass) {
    c.okRun[t]++;
    c.failRun[t] = 0;
    if (c.health[t] === INITIAL || (c.health[t] === UNHEALTHY && c.okRun[t] >= hc.healthyThreshold)) c.health[t] = HEALTHY;
  } else {
    c.failRun[t]++;
    c.okRun[t] = 0;
    if ((hc.failFastOnBadStatus && badStatus) || c.failRun[t] >= hc.unhealthyThreshold) c.health[t] = UNHEALTHY;
  }
  return c.health[t];
}

function riseFall(hc: ResolvedHealthCheck, c: CheckCounters, t: number, pass: boolean): number {
  const rise = hc.healthyThreshold;
  const top = rise + hc.unhealthyThreshold - 1;
  let h = c.level[t];
  if (pass) {
    if (h < top) h++;
    if (h === rise) h = top;
    c.okRun[t]++;
    c.failRun[t] = 0;
  } else {
    if (h > 0) h--;
    if (h < rise) h = 0;
    c.failRun[t]++;
    c.okRun[t] = 0;
  }
  c.level[t] = h;
  c.health[t] = h >= rise ? HEALTHY : UNHEALTHY;
  return c.health[t];
}

/** Seconds until the next probe: HAProxy picks inter, fastinter or downinter by state. */
export function nextIntervalSec(hc: ResolvedHealthCheck, c: CheckCounters, t: number): number {
  if (hc.model !== 'rise-fall') return hc.intervalSec;
  const top = hc.healthyThreshold + hc.unhealthyThreshold - 1;
  const h = c.level[t];
  if (h === top) return hc.intervalSec;
  if (h === 0) return hc.downIntervalSec;
  return hc.fastIntervalSec;
}

/** Why the state changed, in words. */
export function transitionReason(hc: ResolvedHealthCheck, c: CheckCounters, t: number, to: number, lastFailure: string): string {
  if (hc.model === 'rise-fall') {
    return to === HEALTHY
      ? `health counter reached rise (${hc.healthyThreshold}) after ${c.okRun[t]} passed check${c.okRun[t] === 1 ? '' : 's'}`
      : `health counter fell below rise (${hc.healthyThreshold}): last check ${lastFailure}`;
  }
  if (to === HEALTHY) return `${c.okRun[t]} consecutive check${c.okRun[t] === 1 ? '' : 's'} passed`;
  if (c.failRun[t] < hc.unhealthyThreshold) return `check ${lastFailure} (a bad status marks it unhealthy at once)`;
  return `${c.failRun[t]} consecutive checks failed (${lastFailure})`;
}

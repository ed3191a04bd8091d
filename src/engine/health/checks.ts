/**
 * Active health checks as processes over time: every target of a group with a check is probed each
 * interval (staggered over the interval at the start, jittered when the check says so); each result
 * moves its counters (health-state.ts) and a change of verdict changes the rotation. A target that joins
 * live starts `initial` and is probed at once; a check replaced live keeps every target's verdict.
 */
import type { HealthCheckInput } from '../../scenario/schema.ts';
import { resolveHealthCheck, type ResolvedHealthCheck } from '../../scenario/health-presets.ts';
import type { HealthCheckDecision } from '../decisions.ts';
import type { SimState } from '../state.ts';
import { TARGET_UP } from '../backend/targets.ts';
import { EV_HC_PROBE, EV_HC_RESULT, EV_OUTLIER_SWEEP } from '../event-kinds.ts';
import { PROBE_PASS, isBadStatus, probe, probeReason } from './active-check.ts';
import { HEALTHY, UNHEALTHY, applyResult, nextIntervalSec, startState, transitionReason } from './health-state.ts';
import { healthOf } from './health-data.ts';
import { recomputeRotation } from './rotation.ts';
import { beginWarmUp } from './warm-up.ts';

/** At time 0: every target starts healthy; probes are staggered over an interval; outlier sweeps begin. */
export function startHealth(s: SimState): void {
  s.health.groups.forEach((gh, gi) => {
    const members = s.groups[gi].members;
    members.forEach((t, i) => initTarget(s, t, true, gh.hc ? (gh.hc.intervalSec * 1000 * i) / members.length : -1));
    if (gh.outlier) s.queue.push(gh.outlier.config.intervalSec * 1000, EV_OUTLIER_SWEEP, gi, 0);
  });
}

function initTarget(s: SimState, t: number, atStart: boolean, firstProbeMs: number): void {
  const h = s.health;
  const gh = h.groups[s.store.groupOf[t]];
  h.checkBits[t] = 0;
  h.checkCount[t] = 0;
  h.transitions[t] ??= 0;
  h.falseRemovals[t] ??= 0;
  h.probeToken[t] = (h.probeToken[t] ?? 0) + 1;
  h.slowSince[t] = NaN;
  if (gh.hc) {
    startState(gh.hc, h.counters, t, atStart);
    if (firstProbeMs >= 0) s.queue.push(firstProbeMs, EV_HC_PROBE, t, h.probeToken[t]);
  } else {
    h.counters.health[t] = HEALTHY;
    if (!atStart) beginWarmUp(s, t);
  }
}

/** A target joined its group live: it starts `initial` and is probed at once. */
export function targetRegistered(s: SimState, t: number): void {
  initTarget(s, t, false, s.nowMs);
  recomputeRotation(s, s.store.groupOf[t]);
}

/** Target t goes into maintenance: its checks pause (pending probes are forgotten) and HAProxy's counter drops to 0. */
export function pauseChecks(s: SimState, t: number): void {
  const h = s.health;
  h.probeToken[t] = (h.probeToken[t] ?? 0) + 1;
  if (h.counters.level[t] !== undefined) h.counters.level[t] = 0;
}

/**
 * Target t leaves maintenance: HAProxy "starts OK but checks immediately" (health counter at rise, so it is up
 * at once and one failed check takes it down); a consecutive-count check starts afresh as healthy. Without
 * checks it is simply healthy. Returns whether its verdict went from unhealthy to healthy.
 */
export function resumeChecks(s: SimState, t: number): boolean {
  const h = s.health;
  const hc = h.groups[s.store.groupOf[t]].hc;
  const before = healthOf(h, t);
  if (hc === null) {
    h.counters.health[t] = HEALTHY;
  } else {
    startState(hc, h.counters, t, true);
    h.probeToken[t] = (h.probeToken[t] ?? 0) + 1;
    s.queue.push(s.nowMs, EV_HC_PROBE, t, h.probeToken[t]);
  }
  return before !== HEALTHY;
}

/** A probe is sent to target t now; its answer arrives later; the next probe is scheduled. */
export function onProbe(s: SimState, t: number, token: number): void {
  const h = s.health;
  const gh = h.groups[s.store.groupOf[t]];
  if (token !== h.probeToken[t] || gh.hc === null || s.store.registered[t] === 0) return;
  const hc = gh.hc;
  const r = probe(hc, s.store, t, s.rng.health, h.scratch);
  s.queue.push(s.nowMs + r.delayMs, EV_HC_RESULT, t, token * 8 + r.code);
  const base = nextIntervalSec(hc, h.counters, t) * 1000;
  const jitter = hc.jitterPercent > 0 ? (base * hc.jitterPercent * (2 * s.rng.health.next() - 1)) / 100 : 0;
  s.queue.push(s.nowMs + base + jitter, EV_HC_PROBE, t, token);
}

/** A probe's answer (or its timeout) arrives: counters move; a new verdict changes the rotation. */
export function onProbeResult(s: SimState, t: number, packed: number): void {
  const h = s.health;
  const token = Math.floor(packed / 8);
  const code = packed - token * 8;
  const g = s.store.groupOf[t];
  const hc = h.groups[g].hc;
  if (token !== h.probeToken[t] || hc === null) return;
  const pass = code === PROBE_PASS;
  h.checkBits[t] = ((h.checkBits[t] << 1) | (pass ? 1 : 0)) & 0xffff;
  h.checkCount[t]++;
  if (!pass) h.lastFailure[t] = probeReason(code, hc);
  const before = healthOf(h, t);
  const after = applyResult(hc, h.counters, t, pass, isBadStatus(code));
  if (after === before) return;
  const id = s.store.ids[t];
  const why = transitionReason(hc, h.counters, t, after, h.lastFailure[t] ?? '');
  const numbers = checkDecision(hc, h.checkBits[t], h.checkCount[t], after === HEALTHY, pass ? null : (h.lastFailure[t] ?? null));
  if (after === UNHEALTHY) {
    h.transitions[t]++;
    if (before === HEALTHY && reallyFine(s, t)) h.falseRemovals[t]++;
    s.log.add(s.nowMs, 'unhealthy', id, `${id} marked unhealthy: ${why}`, numbers);
  } else if (after === HEALTHY) {
    if (before === UNHEALTHY) h.transitions[t]++;
    s.log.add(s.nowMs, 'healthy', id, `${id} marked healthy: ${why}`, numbers);
    beginWarmUp(s, t);
  }
  recomputeRotation(s, g, after === UNHEALTHY ? 'active health check' : undefined);
}

/**
 * The numbers behind a verdict: the newest run of equal results (from the last 16 kept in `bits`, newest
 * in bit 0), at most the threshold it had to reach; fewer than the threshold means a bad status (AWS) or
 * a new target's first pass decided at once.
 */
export function checkDecision(hc: ResolvedHealthCheck, bits: number, count: number, healthy: boolean, lastFailure: string | null): HealthCheckDecision {
  const threshold = healthy ? hc.healthyThreshold : hc.unhealthyThreshold;
  const want = healthy ? 1 : 0;
  let run = 0;
  while (run < Math.min(count, 16, threshold) && ((bits >> run) & 1) === want) run++;
  return { kind: 'health-check', to: healthy ? 'healthy' : 'unhealthy', model: hc.model === 'rise-fall' ? 'rise-fall' : 'consecutive', results: new Array<boolean>(run).fill(healthy), threshold, lastFailure, immediate: run < threshold };
}

/** Nothing is wrong with the target itself (so an unhealthy verdict is a false alarm). */
function reallyFine(s: SimState, t: number): boolean {
  const store = s.store;
  return store.state[t] === TARGET_UP && store.slowFactor[t] === 1 && store.errorShare[t] === 0;
}

/** Replaces a group's health check live (null removes it: every target is then healthy). */
export function replaceHealthCheck(s: SimState, g: number, input: HealthCheckInput | null): void {
  const h = s.health;
  const gh = h.groups[g];
  gh.hc = input ? resolveHealthCheck(input) : null;
  const members = s.groups[g].members;
  members.forEach((t, i) => {
    h.probeToken[t]++;
    if (gh.hc) {
      // keep the current verdict; the counters restart under the new settings
      const health = healthOf(h, t);
      startState(gh.hc, h.counters, t, true);
      h.counters.health[t] = health;
      if (gh.hc.model === 'rise-fall') h.counters.level[t] = health === HEALTHY ? gh.hc.healthyThreshold + gh.hc.unhealthyThreshold - 1 : 0;
      s.queue.push(s.nowMs + (gh.hc.intervalSec * 1000 * i) / members.length, EV_HC_PROBE, t, h.probeToken[t]);
    } else {
      h.counters.health[t] = HEALTHY;
    }
  });
  recomputeRotation(s, g);
}

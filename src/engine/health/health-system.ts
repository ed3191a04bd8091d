/**
 * Health as processes over time: active checks per target group, passive health (nginx max_fails or
 * Envoy outlier detection), circuit breakers, slow start, and what a group does when nothing is healthy
 * (fail open like AWS ELB, Envoy's panic threshold, or refuse like nginx / HAProxy). Together they
 * decide which targets are in the balancer's rotation. It also measures the blind window: from the
 * moment a target really fails to the moment it leaves rotation, and the requests that failed in it.
 */
import type { ResolvedHealthCheck } from '../../scenario/health-presets.ts';
import { resolveHealthCheck } from '../../scenario/health-presets.ts';
import type { HealthCheckInput, TargetGroupConfig } from '../../scenario/schema.ts';
import type { Engine } from '../simulation.ts';
import { LC_IN_SERVICE, TARGET_UP } from '../backend/targets.ts';
import { EV_CB_HALF_OPEN, EV_HC_PROBE, EV_HC_RESULT, EV_OUTLIER_SWEEP } from '../event-kinds.ts';
import { PROBE_PASS, isBadStatus, probe, probeReason, type ProbeResult } from './active-check.ts';
import { HEALTHY, INITIAL, UNHEALTHY, applyResult, nextIntervalSec, startState, transitionReason, type CheckCounters } from './health-state.ts';
import { NginxPassive } from './nginx-passive.ts';
import { OutlierDetector } from './outlier-detection.ts';
import { CB_CLOSED, CB_HALF_OPEN, CB_OPEN, CircuitBreaker } from './circuit-breaker.ts';
import { slowStartFactor } from './slow-start.ts';
import { BlindWindows } from './blind-windows.ts';

export type GroupMode = 'normal' | 'fail-open' | 'panic' | 'refuse';

interface GroupHealth {
  cfg: TargetGroupConfig;
  hc: ResolvedHealthCheck | null;
  token: number;
  nginx: NginxPassive | null;
  outlier: OutlierDetector | null;
  breaker: CircuitBreaker | null;
  mode: GroupMode;
}

export class HealthSystem {
  readonly counters: CheckCounters = { health: [], okRun: [], failRun: [], level: [] };
  readonly checkBits: number[] = [];
  readonly checkCount: number[] = [];
  readonly transitions: number[] = [];
  readonly falseRemovals: number[] = [];
  readonly blind: BlindWindows;
  private readonly probeToken: number[] = [];
  private readonly lastFailure: string[] = [];
  private readonly slowSince: number[] = [];
  readonly groups: GroupHealth[];
  private readonly scratch: ProbeResult = { code: 0, delayMs: 0 };
  /** Some group has nginx passive health or a circuit breaker, so selections must be reported. */
  readonly hasSelectHooks: boolean;

  constructor(private readonly e: Engine) {
    this.blind = new BlindWindows(e);
    this.groups = e.scenario.targetGroups.map((cfg) => ({
      cfg,
      hc: cfg.healthCheck ? resolveHealthCheck(cfg.healthCheck) : null,
      token: 0,
      nginx: cfg.passiveHealth?.kind === 'nginx' ? new NginxPassive(cfg.passiveHealth) : null,
      outlier: cfg.passiveHealth?.kind === 'envoy-outlier' ? new OutlierDetector(cfg.passiveHealth) : null,
      breaker: cfg.circuitBreaker ? new CircuitBreaker(cfg.circuitBreaker) : null,
      mode: 'normal' as GroupMode,
    }));
    this.hasSelectHooks = this.groups.some((g) => g.nginx !== null || g.breaker !== null);
  }

  /** Called once when the engine is built: every target starts healthy; probes are staggered over an interval. */
  start(): void {
    this.groups.forEach((gh, gi) => {
      const members = this.e.groups[gi].members;
      members.forEach((t, i) => this.initTarget(t, true, gh.hc ? (gh.hc.intervalSec * 1000 * i) / members.length : -1));
      if (gh.outlier) this.e.queue.push(gh.outlier.config.intervalSec * 1000, EV_OUTLIER_SWEEP, gi, 0);
    });
  }

  private initTarget(t: number, atStart: boolean, firstProbeMs: number): void {
    const gh = this.groups[this.e.store.groupOf[t]];
    this.checkBits[t] = 0;
    this.checkCount[t] = 0;
    this.transitions[t] ??= 0;
    this.falseRemovals[t] ??= 0;
    this.probeToken[t] = (this.probeToken[t] ?? 0) + 1;
    this.slowSince[t] = NaN;
    if (gh.hc) {
      startState(gh.hc, this.counters, t, atStart);
      if (firstProbeMs >= 0) this.e.queue.push(firstProbeMs, EV_HC_PROBE, t, this.probeToken[t]);
    } else {
      this.counters.health[t] = HEALTHY;
      if (!atStart) this.beginSlowStart(t);
    }
  }

  /** A target joined its group (registered live): it starts `initial` and is probed at once. */
  onRegistered(t: number): void {
    this.initTarget(t, false, this.e.nowMs);
    this.recompute(this.e.store.groupOf[t]);
  }

  /** Current state (HEALTHY, INITIAL, UNHEALTHY). */
  health(t: number): number {
    return this.counters.health[t] ?? HEALTHY;
  }

  mode(g: number): GroupMode {
    return this.groups[g].mode;
  }

  // ---- active checks ----

  onProbe(t: number, token: number): void {
    const e = this.e;
    const gh = this.groups[e.store.groupOf[t]];
    if (token !== this.probeToken[t] || gh.hc === null || e.store.registered[t] === 0) return;
    const hc = gh.hc;
    const r = probe(hc, e.store, t, e.rng.health, this.scratch);
    e.queue.push(e.nowMs + r.delayMs, EV_HC_RESULT, t, token * 8 + r.code);
    const base = nextIntervalSec(hc, this.counters, t) * 1000;
    const jitter = hc.jitterPercent > 0 ? (base * hc.jitterPercent * (2 * e.rng.health.next() - 1)) / 100 : 0;
    e.queue.push(e.nowMs + base + jitter, EV_HC_PROBE, t, token);
  }

  onProbeResult(t: number, packed: number): void {
    const e = this.e;
    const token = Math.floor(packed / 8);
    const code = packed - token * 8;
    const g = e.store.groupOf[t];
    const hc = this.groups[g].hc;
    if (token !== this.probeToken[t] || hc === null) return;
    const pass = code === PROBE_PASS;
    this.checkBits[t] = ((this.checkBits[t] << 1) | (pass ? 1 : 0)) & 0xffff;
    this.checkCount[t]++;
    if (!pass) this.lastFailure[t] = probeReason(code, hc);
    const before = this.health(t);
    const after = applyResult(hc, this.counters, t, pass, isBadStatus(code));
    if (after === before) return;
    const id = e.store.ids[t];
    const why = transitionReason(hc, this.counters, t, after, this.lastFailure[t] ?? '');
    if (after === UNHEALTHY) {
      this.transitions[t]++;
      if (before === HEALTHY && this.reallyFine(t)) this.falseRemovals[t]++;
      e.log.add(e.nowMs, 'unhealthy', id, `${id} marked unhealthy: ${why}`);
    } else if (after === HEALTHY) {
      if (before === UNHEALTHY) this.transitions[t]++;
      e.log.add(e.nowMs, 'healthy', id, `${id} marked healthy: ${why}`);
      this.beginSlowStart(t);
    }
    this.recompute(g, after === UNHEALTHY ? 'active health check' : undefined);
  }

  /** Nothing is wrong with the target itself (so an unhealthy verdict is a false alarm). */
  private reallyFine(t: number): boolean {
    const s = this.e.store;
    return s.state[t] === TARGET_UP && s.slowFactor[t] === 1 && s.errorShare[t] === 0;
  }

  /** Replaces a group's health check live (null removes it: every target is then healthy). */
  setHealthCheck(g: number, input: HealthCheckInput | null): void {
    const gh = this.groups[g];
    gh.hc = input ? resolveHealthCheck(input) : null;
    const members = this.e.groups[g].members;
    members.forEach((t, i) => {
      this.probeToken[t]++;
      if (gh.hc) {
        // keep the current verdict; the counters restart under the new settings
        const health = this.health(t);
        startState(gh.hc, this.counters, t, true);
        this.counters.health[t] = health;
        if (gh.hc.model === 'rise-fall') this.counters.level[t] = health === HEALTHY ? gh.hc.healthyThreshold + gh.hc.unhealthyThreshold - 1 : 0;
        this.e.queue.push(this.e.nowMs + (gh.hc.intervalSec * 1000 * i) / members.length, EV_HC_PROBE, t, this.probeToken[t]);
      } else {
        this.counters.health[t] = HEALTHY;
      }
    });
    this.recompute(g);
  }

  // ---- slow start ----

  private beginSlowStart(t: number): void {
    const cfg = this.groups[this.e.store.groupOf[t]].cfg.slowStart;
    if (!cfg) return;
    // ALB: a target enters slow start only if some healthy target is not in slow start
    const others = this.e.groups[this.e.store.groupOf[t]].members.filter((m) => m !== t && this.health(m) === HEALTHY && this.slowFactor(m) >= 1);
    if (others.length === 0) return;
    this.slowSince[t] = this.e.nowMs;
  }

  /** The share factor of a warming target (1 when not in slow start). */
  slowFactor(t: number): number {
    const since = this.slowSince[t];
    if (since === undefined || Number.isNaN(since)) return 1;
    const cfg = this.groups[this.e.store.groupOf[t]].cfg.slowStart;
    if (!cfg || this.health(t) !== HEALTHY) return 1;
    const f = slowStartFactor(cfg, since, this.e.nowMs);
    if (f >= 1) this.slowSince[t] = NaN;
    return f;
  }

  // ---- the request path ----

  /** Passive health and circuit state allow sending to t now (rotation aside). */
  allows(g: number, t: number, single: boolean): boolean {
    const gh = this.groups[g];
    if (gh.nginx !== null && !gh.nginx.eligible(t, this.e.nowMs, single)) return false;
    return gh.breaker === null || gh.breaker.allows(t);
  }

  /** Does group g need `allows` checked per pick? */
  dynamic(g: number): boolean {
    const gh = this.groups[g];
    return gh.nginx !== null || gh.breaker !== null;
  }

  onSelect(g: number, t: number): void {
    const gh = this.groups[g];
    gh.nginx?.onSelect(t, this.e.nowMs);
    if (gh.breaker !== null && gh.breaker.state[t] === CB_HALF_OPEN) gh.breaker.onSend(t);
  }

  onSuccess(g: number, t: number): void {
    const gh = this.groups[g];
    gh.nginx?.onSuccess(t);
    gh.outlier?.onSuccess(t);
    if (gh.breaker !== null) this.breakerResult(g, t, true);
  }

  /**
   * A failed attempt at t. `counts` says whether nginx counts it (errors and timeouts always; a listed HTTP
   * status only when a retry follows). Returns the nginx weight penalty to apply, if any.
   */
  onFailure(g: number, t: number, counts: boolean): number {
    const e = this.e;
    const gh = this.groups[g];
    const id = e.store.ids[t];
    let penalty = 0;
    if (gh.nginx !== null && counts && e.groups[g].members.length > 1) {
      penalty = gh.nginx.penalty(e.store.weight[t]);
      if (gh.nginx.onFailure(t, e.nowMs)) {
        e.log.add(e.nowMs, 'passive', id, `${id} temporarily disabled: ${gh.nginx.config.maxFails} failure(s) within ${gh.nginx.config.failTimeoutSec} s (nginx max_fails)`);
        this.blind.detected(t, 'passive health (max_fails)');
      }
    }
    if (gh.outlier !== null) {
      const ms = gh.outlier.onFailure(t, e.nowMs, e.groups[g].members.length);
      if (ms > 0) {
        e.log.add(e.nowMs, 'ejected', id, `${id} ejected for ${ms / 1000} s: ${gh.outlier.config.consecutive5xx} consecutive errors (Envoy outlier detection)`);
        this.recompute(g, 'outlier detection');
      }
    }
    if (gh.breaker !== null) this.breakerResult(g, t, false);
    return penalty;
  }

  private breakerResult(g: number, t: number, ok: boolean): void {
    const e = this.e;
    const gh = this.groups[g];
    const breaker = gh.breaker!;
    const rate = breaker.errorRate(t);
    const to = breaker.onResult(t, ok, e.nowMs);
    if (to === -1) return;
    // the window is reset on opening, so report the rate including this last failure
    const shown = to === CB_OPEN ? Math.max(rate, breaker.lastOpenRate) : rate;
    const id = e.store.ids[t];
    if (to === CB_OPEN) {
      e.log.add(e.nowMs, 'circuit', id, `circuit to ${id} opened: ${Math.round(shown * 100)} % of recent requests failed; retrying in ${breaker.config.openSec} s`);
      e.queue.push(e.nowMs + breaker.config.openSec * 1000, EV_CB_HALF_OPEN, t, 0);
      this.recompute(g, 'circuit breaker');
    } else if (to === CB_CLOSED) {
      e.log.add(e.nowMs, 'circuit', id, `circuit to ${id} closed: ${breaker.config.halfOpenRequests} probe requests succeeded`);
      this.recompute(g);
    }
  }

  onHalfOpen(t: number): void {
    const g = this.e.store.groupOf[t];
    const breaker = this.groups[g].breaker;
    if (breaker === null || breaker.state[t] !== CB_OPEN) return;
    breaker.halfOpen(t);
    this.e.log.add(this.e.nowMs, 'circuit', this.e.store.ids[t], `circuit to ${this.e.store.ids[t]} half-open: letting ${breaker.config.halfOpenRequests} probe requests through`);
    this.recompute(g);
  }

  onOutlierSweep(g: number): void {
    const gh = this.groups[g];
    if (gh.outlier === null) return;
    const back = gh.outlier.sweep(this.e.nowMs, this.e.groups[g].members);
    for (const t of back) this.e.log.add(this.e.nowMs, 'unejected', this.e.store.ids[t], `${this.e.store.ids[t]} returned from ejection`);
    if (back.length > 0) this.recompute(g);
    this.e.queue.push(this.e.nowMs + gh.outlier.config.intervalSec * 1000, EV_OUTLIER_SWEEP, g, 0);
  }

  /** Circuit state and ejection, for snapshots. */
  circuit(t: number): number {
    return this.groups[this.e.store.groupOf[t]].breaker?.state[t] ?? CB_CLOSED;
  }
  ejected(t: number): boolean {
    return this.groups[this.e.store.groupOf[t]].outlier?.ejected.has(t) ?? false;
  }

  // ---- rotation ----

  /** Available on its own merits: in service, healthy, not ejected, circuit not open. */
  private available(g: number, t: number): boolean {
    const gh = this.groups[g];
    return (
      this.e.store.lifecycle[t] === LC_IN_SERVICE &&
      this.health(t) === HEALTHY &&
      !(gh.outlier?.ejected.has(t) ?? false) &&
      (gh.breaker === null || gh.breaker.state[t] !== CB_OPEN)
    );
  }

  /**
   * Recomputes which members of group g are in rotation, applying the group's rule for when nothing
   * (or too little, for Envoy's panic threshold) is healthy. `cause` names what took targets out.
   */
  recompute(g: number, cause = 'health'): void {
    const e = this.e;
    const gh = this.groups[g];
    const store = e.store;
    const members = e.groups[g].members;
    let inService = 0;
    let healthy = 0;
    for (const t of members) {
      if (store.lifecycle[t] === LC_IN_SERVICE) inService++;
      if (this.available(g, t)) healthy++;
    }
    const policy = gh.cfg.whenAllUnhealthy;
    let mode: GroupMode = 'normal';
    if (inService > 0 && healthy === 0) mode = policy;
    else if (policy === 'panic' && inService > 0 && (healthy * 100) / inService < gh.cfg.panicThresholdPercent) mode = 'panic';
    const all = mode === 'fail-open' || mode === 'panic';
    for (const t of members) {
      const rotation = store.lifecycle[t] === LC_IN_SERVICE && (all || this.available(g, t)) ? 1 : 0;
      if (store.inRotation[t] === 1 && rotation === 0) this.blind.detected(t, cause);
      store.inRotation[t] = rotation;
    }
    if (mode !== gh.mode) {
      const id = gh.cfg.id;
      const messages: Record<GroupMode, string> = {
        normal: `${id} routes to its healthy targets again`,
        'fail-open': `${id} fails open: no target is healthy, so it sends to all ${inService} (as AWS load balancers do)`,
        panic: `${id} is in panic: only ${healthy} of ${inService} targets are healthy (below ${gh.cfg.panicThresholdPercent} %), so it sends to all of them (as Envoy does)`,
        refuse: `${id} has no healthy target and refuses requests with 503 (as nginx and HAProxy do)`,
      };
      e.log.add(e.nowMs, 'group-mode', id, messages[mode]);
      gh.mode = mode;
    }
  }

  /** The targets' health states in HEALTH_STATES order. */
  state(t: number): number {
    return this.health(t);
  }
}

export { HEALTHY, INITIAL, UNHEALTHY };

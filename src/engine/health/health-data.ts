/**
 * What the health mechanisms know, as plain data: per target the check counters, the last 16 results,
 * transitions, false removals, probe tokens and slow-start times; per group the resolved active check,
 * the passive-health trackers (nginx max_fails, Envoy outlier detection, a circuit breaker) and the
 * mode the group is in when too little is healthy; and the blind windows. Behaviour lives in checks.ts,
 * passive.ts, rotation.ts and warm-up.ts.
 */
import type { ResolvedHealthCheck } from '../../scenario/health-presets.ts';
import { resolveHealthCheck } from '../../scenario/health-presets.ts';
import type { Scenario, TargetGroupConfig } from '../../scenario/schema.ts';
import type { ProbeResult } from './active-check.ts';
import { HEALTHY, type CheckCounters } from './health-state.ts';
import { NginxPassive } from './nginx-passive.ts';
import { OutlierDetector } from './outlier-detection.ts';
import { CB_CLOSED, CircuitBreaker } from './circuit-breaker.ts';
import { BlindWindows } from './blind-windows.ts';

export type GroupMode = 'normal' | 'fail-open' | 'panic' | 'refuse';

export interface GroupHealth {
  hc: ResolvedHealthCheck | null;
  nginx: NginxPassive | null;
  outlier: OutlierDetector | null;
  breaker: CircuitBreaker | null;
  mode: GroupMode;
}

export interface HealthData {
  readonly counters: CheckCounters;
  readonly checkBits: number[];
  readonly checkCount: number[];
  readonly transitions: number[];
  readonly falseRemovals: number[];
  readonly probeToken: number[];
  readonly lastFailure: string[];
  readonly slowSince: number[];
  readonly groups: GroupHealth[];
  readonly blind: BlindWindows;
  readonly scratch: ProbeResult;
  /** Some group has nginx passive health or a circuit breaker, so selections must be reported. */
  hasSelectHooks: boolean;
  /** Some group warms new targets up (slow start), so picks must consult it. */
  anySlowStart: boolean;
}

/** A group's health mechanisms from its configuration (fresh state: nothing ejected, circuits closed). */
export function groupHealth(cfg: TargetGroupConfig): GroupHealth {
  return {
    hc: cfg.healthCheck ? resolveHealthCheck(cfg.healthCheck) : null,
    nginx: cfg.passiveHealth?.kind === 'nginx' ? new NginxPassive(cfg.passiveHealth) : null,
    outlier: cfg.passiveHealth?.kind === 'envoy-outlier' ? new OutlierDetector(cfg.passiveHealth) : null,
    breaker: cfg.circuitBreaker ? new CircuitBreaker(cfg.circuitBreaker) : null,
    mode: 'normal',
  };
}

export function createHealthData(scenario: Scenario): HealthData {
  const data: HealthData = {
    counters: { health: [], okRun: [], failRun: [], level: [] },
    checkBits: [],
    checkCount: [],
    transitions: [],
    falseRemovals: [],
    probeToken: [],
    lastFailure: [],
    slowSince: [],
    groups: scenario.targetGroups.map(groupHealth),
    blind: new BlindWindows(),
    scratch: { code: 0, delayMs: 0 },
    hasSelectHooks: false,
    anySlowStart: false,
  };
  noteHooks(data, scenario.targetGroups);
  return data;
}

/** Whether picks must report selections (nginx, breakers) and consult slow start, from the groups as configured now. */
export function noteHooks(h: HealthData, groups: readonly TargetGroupConfig[]): void {
  h.hasSelectHooks = h.groups.some((g) => g.nginx !== null || g.breaker !== null);
  h.anySlowStart = groups.some((g) => g.slowStart !== undefined);
}

/** Target t's health as the balancer sees it (HEALTHY, INITIAL, UNHEALTHY). */
export function healthOf(h: HealthData, t: number): number {
  return h.counters.health[t] ?? HEALTHY;
}

/** Does group g need its passive health or circuit consulted on every pick? */
export function checksEachPick(h: HealthData, g: number): boolean {
  const gh = h.groups[g];
  return gh.nginx !== null || gh.breaker !== null;
}

/** Circuit state of target t (CB_CLOSED when its group has no breaker). */
export function circuitOf(h: HealthData, group: number, t: number): number {
  return h.groups[group].breaker?.state[t] ?? CB_CLOSED;
}

/** Is target t ejected by outlier detection? */
export function isEjected(h: HealthData, group: number, t: number): boolean {
  return h.groups[group].outlier?.ejected.has(t) ?? false;
}

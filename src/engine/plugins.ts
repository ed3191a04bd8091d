/**
 * The mechanisms a run is assembled from, like d3-force's forces: each starts by scheduling its first
 * events and handles its own event kinds. Optional ones (DDoS waves, deployments, scaling groups,
 * databases, DNS) join only when the scenario uses them, so a run without them pays nothing for them.
 * The order below is the order they start in; it decides which of two events at the same instant runs
 * first, so it is part of every run's exact outcome.
 */
import type { SimState } from './state.ts';
import { EV_ASG_TICK, EV_ATTACK, EV_CB_HALF_OPEN, EV_DEPLOY_STEP, EV_DB_FAILOVER_DONE, EV_DNS_CHECK, EV_HAPROXY_RETRY, EV_HC_PROBE, EV_HC_RESULT, EV_INSTANCE_READY, EV_OUTLIER_SWEEP, EV_SPOT_INTERRUPT } from './event-kinds.ts';
import { onProbe, onProbeResult, startHealth } from './health/checks.ts';
import { onHalfOpen, onOutlierSweep } from './health/passive.ts';
import { attackArrival, scheduleAttacks } from './traffic/attacks.ts';
import { onDeployStep, scheduleDeployments } from './releases/deployments.ts';
import { applyInstanceType } from './backend/instance.ts';
import { onInstanceReady, onScalingTick, onSpotInterruption, startScaling } from './scaling/runtime.ts';
import { onFailoverDone, reconcileDatabases } from './infra/databases.ts';
import { onDnsCheck, scheduleDnsChecks } from './infra/dns-checks.ts';
import { onRetryDue } from './request/haproxy-retry.ts';

export type Handler = (s: SimState, a: number, b: number) => void;

export interface Plugin {
  readonly name: string;
  /** Used by this run at its start? (Its event handlers are always ready: a live patch may bring it in.) */
  readonly needed: (s: SimState) => boolean;
  /** Called once when the run starts, if needed. */
  readonly start: (s: SimState) => void;
  /** Its event kinds and their handlers. */
  readonly events: readonly (readonly [kind: number, handler: Handler])[];
}

export const PLUGINS: readonly Plugin[] = [
  {
    name: 'health checks',
    needed: () => true,
    start: startHealth,
    events: [
      [EV_HC_PROBE, (s, a, b) => onProbe(s, a, b)],
      [EV_HC_RESULT, (s, a, b) => onProbeResult(s, a, b)],
      [EV_OUTLIER_SWEEP, (s, a) => onOutlierSweep(s, a)],
      [EV_CB_HALF_OPEN, (s, a) => onHalfOpen(s, a)],
    ],
  },
  { name: 'DDoS waves', needed: (s) => s.traffic.attacks.length > 0, start: scheduleAttacks, events: [[EV_ATTACK, (s, a) => attackArrival(s, a)]] },
  { name: 'deployments', needed: (s) => s.deployments.length > 0, start: scheduleDeployments, events: [[EV_DEPLOY_STEP, (s, a, b) => onDeployStep(s, a, b)]] },
  {
    name: 'instances and cost',
    needed: () => true,
    start: (s) => {
      for (let t = 0; t < s.store.count; t++) applyInstanceType(s, t, 'on-demand');
    },
    events: [],
  },
  {
    name: 'scaling groups',
    needed: (s) => s.scalingGroups.length > 0,
    start: startScaling,
    events: [
      [EV_ASG_TICK, (s, a, b) => onScalingTick(s, a, b)],
      [EV_INSTANCE_READY, (s, a) => onInstanceReady(s, a)],
      [EV_SPOT_INTERRUPT, (s, a, b) => onSpotInterruption(s, a, b)],
    ],
  },
  { name: 'databases', needed: (s) => s.databases !== null, start: reconcileDatabases, events: [[EV_DB_FAILOVER_DONE, (s, a) => onFailoverDone(s, a)]] },
  { name: 'DNS', needed: (s) => s.dns !== null, start: scheduleDnsChecks, events: [[EV_DNS_CHECK, (s, a) => onDnsCheck(s, a)]] },
  // nothing to start: a request waits out HAProxy's turnaround only after a refused connection
  { name: 'HAProxy retries', needed: () => false, start: () => {}, events: [[EV_HAPROXY_RETRY, (s, a, b) => onRetryDue(s, a, b)]] },
];

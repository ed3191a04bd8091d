/**
 * The page's one reader of the snapshot's wire format (src/engine/codes.ts, snapshot-types.ts): the per-target typed array
 * decoded into named objects, one per target of the topology, joined with the topology's static facts (a
 * target with no snapshot yet reads as idle), single fields read in place, per-target counters as arrays,
 * and the offsets of a flow record. Every view and the test hook go through here; none indexes the arrays
 * itself.
 */
import {
  CIRCUIT_STATES,
  FLOW_FIELDS,
  FLOW_STRIDE,
  HEALTH_STATES,
  LIFECYCLES,
  TARGET_FIELDS,
  TARGET_STATES,
  TARGET_STRIDE,
  TF,
  type HealthState,
  type Lifecycle,
  type Snapshot,
  type TargetState,
  type Topology,
} from '../engine/types.ts';

export { FLOW_STRIDE };
export type TargetField = (typeof TARGET_FIELDS)[number];

export type { HealthState };
export type CircuitState = (typeof CIRCUIT_STATES)[number];

export interface TargetView {
  /** Index in topology order (the engine's target number). */
  index: number;
  id: string;
  group: string;
  address: string;
  registered: boolean;
  state: TargetState;
  lifecycle: Lifecycle;
  inRotation: boolean;
  slowFactor: number;
  errorShare: number;
  inService: number;
  queued: number;
  concurrency: number;
  weight: number;
  requests: number;
  ok: number;
  failed: number;
  /** Busy share of its slots over the last second, 0..1. */
  utilization: number;
  utilizationTotal: number;
  meanLatencyMs: number;
  /** Requests sent to it in the last full second; NaN before the first second has closed. */
  ratePerSec: number;
  /** What the balancer believes (health checks); 'healthy' when nothing checks. */
  health: HealthState;
  /** Health checks done so far: 0 when the group has none. */
  checks: number;
  /** The last 16 check results, newest in bit 0 (1 = passed); see check-history.ts. */
  checkBits: number;
  /** Failed for real but still in rotation: the balancer has not noticed yet. */
  blind: boolean;
  circuit: CircuitState;
  ejected: boolean;
  /** Slow-start share (1 = not warming up). */
  slowStart: number;
}

/** Decodes every target of the topology; fields missing from the snapshot (or no snapshot) read as idle. */
export function decodeTargets(snapshot: Snapshot | null, topology: Topology): TargetView[] {
  const d = snapshot?.targets;
  const known = d === undefined ? 0 : Math.floor(d.length / TARGET_STRIDE);
  const secondClosed = snapshot !== null && firstSecondClosed(snapshot);
  return topology.targets.map((t, i) => {
    const o = i * TARGET_STRIDE;
    const v = (field: number, fallback: number): number => (d !== undefined && i < known ? d[o + field] : fallback);
    return {
      index: i,
      id: t.id,
      group: t.group,
      address: t.address,
      registered: t.registered,
      state: TARGET_STATES[v(TF.state, 0)] ?? 'up',
      lifecycle: LIFECYCLES[v(TF.lifecycle, t.registered ? 0 : 2)] ?? 'in-service',
      inRotation: v(TF.inRotation, t.registered ? 1 : 0) === 1,
      slowFactor: v(TF.slowFactor, 1),
      errorShare: v(TF.errorShare, 0),
      inService: v(TF.inService, 0),
      queued: v(TF.queued, 0),
      concurrency: v(TF.concurrency, 1),
      weight: v(TF.weight, 1),
      requests: v(TF.requests, 0),
      ok: v(TF.ok, 0),
      failed: v(TF.failed, 0),
      utilization: v(TF.utilization, 0),
      utilizationTotal: v(TF.utilizationTotal, 0),
      meanLatencyMs: v(TF.meanLatencyMs, 0),
      ratePerSec: secondClosed ? v(TF.ratePerSec, 0) : NaN, // no full second yet: "—", as lastSecondArrivals
      health: HEALTH_STATES[v(TF.health, 0)] ?? 'healthy',
      checks: v(TF.checkCount, 0),
      checkBits: v(TF.checkBits, 0),
      blind: v(TF.blindWindow, 0) === 1,
      circuit: CIRCUIT_STATES[v(TF.circuit, 0)] ?? 'closed',
      ejected: v(TF.ejected, 0) === 1,
      slowStart: v(TF.slowStart, 1),
    };
  });
}

/** How many targets a snapshot describes (a snapshot taken just after a live change may differ from the topology held). */
export function targetCount(snapshot: Snapshot | null): number {
  return snapshot === null ? 0 : Math.floor(snapshot.targets.length / TARGET_STRIDE);
}

/** One field of one target, read in place (NaN when the snapshot does not describe that target). */
export function targetField(snapshot: Snapshot, index: number, field: TargetField): number {
  return index < targetCount(snapshot) ? snapshot.targets[index * TARGET_STRIDE + TF[field]] : NaN;
}

/** One field of every target the snapshot describes, in topology order (into `out` when given, to allocate nothing). */
export function targetColumn(snapshot: Snapshot, field: TargetField, out?: Float64Array): Float64Array {
  const n = targetCount(snapshot);
  const column = out !== undefined && out.length === n ? out : new Float64Array(n);
  for (let i = 0; i < n; i++) column[i] = snapshot.targets[i * TARGET_STRIDE + TF[field]];
  return column;
}

/** Offsets of the fields inside one flow record (`FLOW_STRIDE` numbers each) of `Snapshot.flows`. */
export const FLOW = Object.fromEntries(FLOW_FIELDS.map((f, i) => [f, i])) as { [K in (typeof FLOW_FIELDS)[number]]: number };

/**
 * Requests that arrived in the last closed simulated second; NaN (shown as "—") before the first second has
 * closed, when the engine's per-second row is still empty: "0/s" would contradict the requests already arriving.
 */
export function lastSecondArrivals(snapshot: Snapshot): number {
  return firstSecondClosed(snapshot) ? snapshot.lastSecond.arrived : NaN;
}

/** Whether the run has closed its first simulated second: the per-second figures (rates, the last second) exist. */
function firstSecondClosed(snapshot: Snapshot): boolean {
  return snapshot.timeMs >= 1000;
}

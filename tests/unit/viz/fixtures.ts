/** Hand-made topologies and snapshots for the view tests (no engine needed). */
import { FAILURE_REASONS, FLOW_STRIDE, TARGET_STRIDE, TF, type FailureReason, type Snapshot, type Topology } from '../../../src/engine/types.ts';

export interface GroupSpec {
  id: string;
  count: number;
  algorithm?: Topology['groups'][number]['algorithm'];
  unregistered?: number;
}

/** A topology: one balancer (or several) forwarding by rules to each group, the first group by default. */
export function topologyOf(groups: GroupSpec[], balancers = 1): Topology {
  const targets: Topology['targets'] = [];
  const out: Topology['groups'] = groups.map((g) => {
    const indices: number[] = [];
    for (let i = 0; i < g.count; i++) {
      indices.push(targets.length);
      targets.push({ id: `${g.id}-${i + 1}`, group: g.id, address: `10.1.0.${i + 1}:80`, registered: i < g.count - (g.unregistered ?? 0), zone: null, instanceType: 'm5.large' });
    }
    return { id: g.id, algorithm: g.algorithm ?? 'round-robin', targets: indices };
  });
  return {
    version: 1,
    balancers: Array.from({ length: balancers }, (_, b) => ({
      id: `lb-${b + 1}`,
      layer: 7 as const,
      region: 'default',
      zones: [],
      listeners: [{ port: 443, protocol: 'https', rules: groups.slice(1).map((g) => ({ label: `path /${g.id}*`, group: g.id })), defaultGroup: groups[0].id }],
    })),
    groups: out,
    targets,
    scalingGroups: [],
    databases: [],
    dns: null,
    zones: [],
  };
}

/** Snapshot totals with no failure broken down by reason. */
export function totalsOf(arrived: number, ok: number, failed: number): Snapshot['totals'] {
  const failures = Object.fromEntries(FAILURE_REASONS.map((r) => [r, 0])) as Record<FailureReason, number>;
  return { arrived, ok, failed, inFlight: arrived - ok - failed, failures, good: ok };
}

/** A snapshot with the given per-target fields (others zero) and flow records. */
export function snapshotOf(timeMs: number, targets: Partial<Record<keyof typeof TF, number>>[], flows: number[][] = [], extra: Partial<Snapshot> = {}): Snapshot {
  const data = new Float64Array(targets.length * TARGET_STRIDE);
  targets.forEach((t, i) => {
    data[i * TARGET_STRIDE + TF.concurrency] = 1;
    data[i * TARGET_STRIDE + TF.weight] = 1;
    data[i * TARGET_STRIDE + TF.slowFactor] = 1;
    data[i * TARGET_STRIDE + TF.inRotation] = 1;
    data[i * TARGET_STRIDE + TF.slowStart] = 1;
    for (const [k, v] of Object.entries(t)) data[i * TARGET_STRIDE + TF[k as keyof typeof TF]] = v;
  });
  const f = new Float64Array(flows.length * FLOW_STRIDE);
  flows.forEach((r, i) => f.set(r, i * FLOW_STRIDE));
  const latency = { mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 };
  return {
    timeMs,
    topologyVersion: 1,
    totals: totalsOf(0, 0, 0),
    latencyMs: latency,
    lastSecond: { arrived: 0, ok: 0, failed: 0, latencyMs: latency },
    targets: data,
    flows: f,
    flowSampleEvery: 1,
    lastEventSeq: 0,
    infra: { balancers: [], databases: [], dns: [], forwards: [], deployments: [], sessionStores: [] },
    ...extra,
  };
}

/** Flow records: [id, target, arrivalMs, startMs, endMs, outcome]. */
export const departed = (id: number, target: number, a: number): number[] => [id, target, a, NaN, NaN, -1];
export const finished = (id: number, target: number, a: number, e: number, outcome = 0): number[] => [id, target, a, a, e, outcome];

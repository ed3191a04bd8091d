/**
 * The per-frame snapshot for a view: totals, latency, the last second, every target's state as one
 * typed array (TARGET_FIELDS per target), the sampled flows recorded since they were last drained, and
 * the state of balancers, databases, DNS records, forwarding weights, deployments and session stores.
 * Reading it changes nothing.
 */
import type { SimState } from '../state.ts';
import { TARGET_STRIDE, TF, type ApplianceState, type InfraSnapshot, type Snapshot } from '../types.ts';
import { circuitOf, healthOf, isEjected } from '../health/health-data.ts';
import { warmUpFactor } from '../health/warm-up.ts';
import { databaseStates } from '../infra/databases.ts';
import { deploymentStates } from '../releases/deployments.ts';
import { failureRecord, latencySummary, utilizationTotal } from './summaries.ts';
import { applianceQueue } from '../network/inspection.ts';
import { distMean } from '../core/distributions.ts';

export function buildSnapshot(s: SimState): Snapshot {
  const store = s.store;
  const n = store.count;
  const targets = new Float64Array(n * TARGET_STRIDE);
  const h = s.health;
  for (let t = 0; t < n; t++) {
    const o = t * TARGET_STRIDE;
    const g = store.groupOf[t];
    targets[o + TF.state] = store.state[t];
    targets[o + TF.lifecycle] = store.lifecycle[t];
    targets[o + TF.inRotation] = store.inRotation[t];
    targets[o + TF.slowFactor] = store.slowFactor[t];
    targets[o + TF.errorShare] = store.errorShare[t];
    targets[o + TF.health] = healthOf(h, t);
    targets[o + TF.checkBits] = h.checkBits[t] ?? 0;
    targets[o + TF.checkCount] = h.checkCount[t] ?? 0;
    targets[o + TF.blindWindow] = h.blind.isOpen(t) ? 1 : 0;
    targets[o + TF.circuit] = circuitOf(h, g, t);
    targets[o + TF.ejected] = isEjected(h, g, t) ? 1 : 0;
    targets[o + TF.slowStart] = warmUpFactor(s, t);
    targets[o + TF.inService] = store.busy[t];
    targets[o + TF.queued] = store.queued[t];
    targets[o + TF.concurrency] = store.concurrency[t];
    targets[o + TF.weight] = store.weight[t];
    targets[o + TF.requests] = store.requests[t];
    targets[o + TF.ok] = store.ok[t];
    targets[o + TF.failed] = store.failed[t];
    targets[o + TF.utilization] = s.series.lastTargetUtil(t);
    targets[o + TF.utilizationTotal] = utilizationTotal(s, t);
    targets[o + TF.meanLatencyMs] = store.ok[t] > 0 ? store.latencySum[t] / store.ok[t] : 0;
    targets[o + TF.ratePerSec] = s.series.lastTargetRequests(t);
    targets[o + TF.cpu] = s.series.length > 0 ? (s.second.targetCpu[t] ?? 0) : 0;
    targets[o + TF.connections] = store.connections[t];
  }
  const p = s.series;
  const totals = s.totals;
  return {
    timeMs: s.nowMs,
    topologyVersion: s.topologyVersion,
    totals: { arrived: totals.arrived, ok: totals.ok, failed: totals.failed, inFlight: totals.arrived - totals.ok - totals.failed, failures: failureRecord(totals.failures), good: totals.good },
    latencyMs: latencySummary(s.latency.run),
    lastSecond: {
      arrived: p.last('arrived'),
      ok: p.last('ok'),
      failed: p.last('failed'),
      latencyMs: { mean: 0, p50: p.last('p50'), p90: 0, p95: p.last('p95'), p99: p.last('p99'), max: 0 },
    },
    targets,
    flows: s.flows.pending(),
    flowSampleEvery: s.flows.sampleEvery,
    lastEventSeq: s.log.lastSeq,
    infra: infraSnapshot(s),
  };
}

function infraSnapshot(s: SimState): InfraSnapshot {
  const balancers = s.balancers.filter((b) => !b.retired);
  return {
    balancers: balancers.map((b) => ({ id: b.id, state: b.state(s.nowMs), zonesDown: b.nodeZones.filter((_, n) => b.nodeDown[n]).map((z) => s.zoneNames[z]), cpuLoad: b.cpu?.load ?? null, cpuCores: b.cpu?.cores ?? null })),
    databases: databaseStates(s),
    dns: s.dns === null ? [] : s.dns.recordStates().map((r) => ({ id: r.id, target: r.target, healthy: r.healthy })),
    forwards: balancers.flatMap((b) => [...b.weights].map(([port, weights]) => ({ balancer: b.id, port, weights: weights.map((w) => ({ ...w })) }))),
    deployments: deploymentStates(s),
    sessionStores: s.groups.flatMap(({ cfg, retired }, gi) => (retired || cfg.sessionStore.kind === 'memory' || cfg.sessionStore.kind === 'none' ? [] : [{ group: cfg.id, kind: cfg.sessionStore.kind, down: s.sessions!.storeDown[gi] }])),
    ...(s.inspection === null ? {} : { appliances: applianceStates(s) }),
  };
}

/** Every inspecting balancer's appliances now. */
function applianceStates(s: SimState): ApplianceState[] {
  const now = s.nowMs;
  return s.inspection!.flatMap((ins, b) => {
    if (ins === null || ins.group < 0 || s.balancers[b].retired) return [];
    const meanMs = distMean(ins.cfg.applianceMs);
    return s.groups[ins.group].members.map((t) => {
      const q = applianceQueue(s, ins, t);
      return { id: s.store.ids[t], balancer: s.balancers[b].id, concurrency: q.concurrency, busy: q.busy(now), queued: q.queued(now), queueLimit: q.queueLimit, admitted: q.admitted, dropped: q.dropped, meanWaitMs: q.admitted === 0 ? 0 : q.waitedMs / q.admitted, inspectionMs: meanMs * s.store.slowFactor[t] };
    });
  });
}

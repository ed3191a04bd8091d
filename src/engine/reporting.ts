/**
 * Read-only views of a running engine: the per-frame snapshot (typed arrays for the bulky parts),
 * the CLI's metrics report, and the topology (static structure for the view).
 */
import type { Engine } from './simulation.ts';
import type { LogHistogram } from './metrics/histogram.ts';
import { FAILURE_REASONS, TARGET_STRIDE, TF, type FailureReason, type LatencySummary, type MetricsReport, type Snapshot, type Topology } from './types.ts';
import { ruleLabel } from './balancer/router.ts';

export function latencySummary(h: LogHistogram): LatencySummary {
  return { mean: h.mean(), p50: h.quantile(0.5), p90: h.quantile(0.9), p95: h.quantile(0.95), p99: h.quantile(0.99), max: h.max };
}

function failureRecord(counts: Float64Array): Record<FailureReason, number> {
  return Object.fromEntries(FAILURE_REASONS.map((r, i) => [r, counts[i]])) as Record<FailureReason, number>;
}

/** Utilisation of target t over the whole run so far (busy slot-time / slot-time). */
function utilizationTotal(e: Engine, t: number): number {
  const s = e.store;
  const dt = e.nowMs - s.busyStamp[t];
  const capacity = s.capAcc[t] + s.concurrency[t] * dt;
  return capacity > 0 ? (s.busyAcc[t] + s.busy[t] * dt) / capacity : 0;
}

export function buildSnapshot(e: Engine): Snapshot {
  const s = e.store;
  const n = s.count;
  const targets = new Float64Array(n * TARGET_STRIDE);
  const h = e.healthSys;
  for (let t = 0; t < n; t++) {
    const o = t * TARGET_STRIDE;
    targets[o + TF.state] = s.state[t];
    targets[o + TF.lifecycle] = s.lifecycle[t];
    targets[o + TF.inRotation] = s.inRotation[t];
    targets[o + TF.slowFactor] = s.slowFactor[t];
    targets[o + TF.errorShare] = s.errorShare[t];
    targets[o + TF.health] = h.health(t);
    targets[o + TF.checkBits] = h.checkBits[t] ?? 0;
    targets[o + TF.checkCount] = h.checkCount[t] ?? 0;
    targets[o + TF.blindWindow] = h.blind.isOpen(t) ? 1 : 0;
    targets[o + TF.circuit] = h.circuit(t);
    targets[o + TF.ejected] = h.ejected(t) ? 1 : 0;
    targets[o + TF.slowStart] = h.slowFactor(t);
    targets[o + TF.inService] = s.busy[t];
    targets[o + TF.queued] = s.queued[t];
    targets[o + TF.concurrency] = s.concurrency[t];
    targets[o + TF.weight] = s.weight[t];
    targets[o + TF.requests] = s.requests[t];
    targets[o + TF.ok] = s.ok[t];
    targets[o + TF.failed] = s.failed[t];
    targets[o + TF.utilization] = e.perSecond.lastTargetUtil(t);
    targets[o + TF.utilizationTotal] = utilizationTotal(e, t);
    targets[o + TF.meanLatencyMs] = s.ok[t] > 0 ? s.latencySum[t] / s.ok[t] : 0;
    targets[o + TF.ratePerSec] = e.perSecond.lastTargetRequests(t);
  }
  const p = e.perSecond;
  return {
    timeMs: e.nowMs,
    topologyVersion: e.topologyVersion,
    totals: { arrived: e.arrived, ok: e.ok, failed: e.failed, inFlight: e.arrived - e.ok - e.failed, failures: failureRecord(e.failures), good: e.good },
    latencyMs: latencySummary(e.latency),
    lastSecond: {
      arrived: p.last('arrived'),
      ok: p.last('ok'),
      failed: p.last('failed'),
      latencyMs: { mean: 0, p50: p.last('p50'), p90: 0, p95: p.last('p95'), p99: p.last('p99'), max: 0 },
    },
    targets,
    flows: e.flows.drain(),
    flowSampleEvery: e.flows.sampleEvery,
    lastEventSeq: e.log.lastSeq,
    infra: {
      balancers: e.balancers.map((b) => ({ id: b.id, state: b.state(e.nowMs), zonesDown: b.nodeZones.filter((_, n) => b.nodeDown[n]).map((z) => e.zoneNames[z]), cpuLoad: b.cpu?.load ?? null, cpuCores: b.cpu?.cores ?? null })),
      databases: e.db.states(),
      dns: e.dns === null ? [] : e.dns.recordStates().map((r) => ({ id: r.id, target: r.target, healthy: r.healthy })),
      forwards: e.balancers.flatMap((b) => [...b.weights].map(([port, weights]) => ({ balancer: b.id, port, weights: weights.map((w) => ({ ...w })) }))),
      deployments: e.deployments.states(),
      sessionStores: e.scenario.targetGroups.flatMap((g, gi) =>
        g.sessionStore.kind === 'memory' ? [] : [{ group: g.id, kind: g.sessionStore.kind, down: e.sessions.storeDown[gi] }],
      ),
    },
  };
}

export function buildMetrics(e: Engine): MetricsReport {
  const s = e.store;
  const targets: MetricsReport['targets'] = {};
  for (let t = 0; t < s.count; t++) {
    targets[s.ids[t]] = {
      requests: s.requests[t],
      ok: s.ok[t],
      failed: s.failed[t],
      failures: failureRecord(s.failuresBy.subarray(t * FAILURE_REASONS.length, (t + 1) * FAILURE_REASONS.length)),
      inFlight: s.busy[t] + s.queued[t],
      queued: s.queued[t],
      meanLatencyMs: s.ok[t] > 0 ? s.latencySum[t] / s.ok[t] : 0,
      utilization: utilizationTotal(e, t),
    };
  }
  const finished = e.ok + e.failed;
  const sec = e.nowMs / 1000;
  return {
    simulatedSec: sec,
    requests: { total: e.arrived, ok: e.ok, failed: e.failed, inFlight: e.arrived - finished },
    failures: failureRecord(e.failures),
    errorRate: finished > 0 ? e.failed / finished : 0,
    throughputPerSec: sec > 0 ? e.ok / sec : 0,
    slo: { latencyMs: e.sloMs, good: e.good, goodPerSec: sec > 0 ? e.good / sec : 0, goodShare: finished > 0 ? e.good / finished : 0 },
    latencyMs: latencySummary(e.latency),
    sessions: e.sessions.enabled ? { ...e.sessions.totals } : null,
    cost: { totalUsd: e.billing.totalUsd(e.nowMs), instanceSeconds: e.billing.instanceSeconds(e.nowMs), perMillionGoodUsd: e.billing.costPerMillionGoodRequests(e.nowMs, e.good) },
    edge: { ...e.edgeStats.r },
    imbalance: imbalance(e),
    targets,
    events: { processed: e.processed },
  };
}

/** Coefficient of variation of requests over the registered targets. */
function imbalance(e: Engine): number {
  const xs: number[] = [];
  for (let t = 0; t < e.store.count; t++) if (e.store.registered[t] === 1) xs.push(e.store.requests[t]);
  if (xs.length < 2) return 0;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  if (mean === 0) return 0;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length;
  return Math.sqrt(variance) / mean;
}

export function buildTopology(e: Engine): Topology {
  const s = e.store;
  return {
    version: e.topologyVersion,
    balancers: e.scenario.balancers.map((b) => ({
      id: b.id,
      layer: b.layer,
      region: b.region,
      zones: b.zones ?? [],
      listeners: b.listeners.map((l) => ({
        port: l.port,
        protocol: l.protocol,
        rules: b.layer === 7 ? l.rules.map((r) => ({ label: ruleLabel(r.match), group: r.forward })) : [],
        defaultGroup: l.defaultForward ?? null,
      })),
    })),
    groups: e.groups.map((g) => ({ id: g.id, algorithm: g.algorithmName, targets: [...g.members] })),
    targets: Array.from({ length: s.count }, (_, t) => ({
      id: s.ids[t],
      group: e.groups[s.groupOf[t]].id,
      address: s.addresses[t],
      registered: s.registered[t] === 1,
      zone: s.zoneOf[t] >= 0 ? e.zoneNames[s.zoneOf[t]] : null,
      instanceType: s.configs[t].instanceType,
    })),
    scalingGroups: e.scenario.scalingGroups.map((a) => ({ id: a.id, targetGroup: a.targetGroup })),
    databases: e.scenario.databases.map((d) => ({ id: d.id, groups: e.scenario.targetGroups.filter((g) => g.database?.id === d.id).map((g) => g.id), proxy: d.proxy, readReplicas: d.readReplicas })),
    dns: e.scenario.dns ? { name: e.scenario.dns.name, policy: e.scenario.dns.policy, records: e.scenario.dns.records.map((r) => ({ id: r.id, balancer: r.balancer })) } : null,
    zones: e.zoneNames,
  };
}

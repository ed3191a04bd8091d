/** The run's results in the CLI's `--json` shape: totals, failures, goodput under the SLO, latency, sessions, cost, edge, imbalance and each target. */
import type { SimState } from '../state.ts';
import { FAILURE_REASONS, type ApplianceReport, type MetricsReport } from '../types.ts';
import { costReport } from '../network/cost.ts';
import { cpuTotal, failureRecord, latencySummary, utilizationTotal } from './summaries.ts';
import { applianceQueue } from '../network/inspection.ts';

const NO_EDGE: MetricsReport['edge'] = { attackRequests: 0, attackStopped: 0, attackServed: 0, maliciousBlocked: 0, maliciousAllowed: 0, legitRateLimited: 0, legitBlocked: 0 };

export function buildMetrics(s: SimState): MetricsReport {
  const store = s.store;
  const targets: MetricsReport['targets'] = {};
  for (let t = 0; t < store.count; t++) {
    targets[store.ids[t]] = {
      requests: store.requests[t],
      ok: store.ok[t],
      failed: store.failed[t],
      failures: failureRecord(store.failuresBy.subarray(t * FAILURE_REASONS.length, (t + 1) * FAILURE_REASONS.length)),
      inFlight: store.busy[t] + store.queued[t] + store.connections[t],
      queued: store.queued[t],
      meanLatencyMs: store.ok[t] > 0 ? store.latencySum[t] / store.ok[t] : 0,
      utilization: utilizationTotal(s, t),
      cpu: cpuTotal(s, t),
    };
  }
  const totals = s.totals;
  const finished = totals.ok + totals.failed;
  const sec = s.nowMs / 1000;
  const sessions = s.sessions;
  return {
    simulatedSec: sec,
    requests: { total: totals.arrived, ok: totals.ok, failed: totals.failed, inFlight: totals.arrived - finished },
    failures: failureRecord(totals.failures),
    errorRate: finished > 0 ? totals.failed / finished : 0,
    throughputPerSec: sec > 0 ? totals.ok / sec : 0,
    slo: { latencyMs: s.sloMs, good: totals.good, goodPerSec: sec > 0 ? totals.good / sec : 0, goodShare: finished > 0 ? totals.good / finished : 0 },
    latencyMs: latencySummary(s.latency.run),
    sessions: sessions !== null && sessions.enabled ? { ...sessions.totals } : null,
    cost: costReport(s, totals.good),
    edge: { ...(s.edgeStats?.r ?? NO_EDGE) },
    imbalance: imbalance(s),
    targets,
    events: { processed: s.queue.popped },
    ...(s.inspection === null ? {} : { inspection: inspectionReport(s) }),
  };
}

/** Per inspecting balancer: new flows, requests dropped, and flows per appliance. */
function inspectionReport(s: SimState): NonNullable<MetricsReport['inspection']> {
  const out: NonNullable<MetricsReport['inspection']> = {};
  s.inspection!.forEach((ins, b) => {
    if (ins === null || s.balancers[b].retired) return;
    const flows: Record<string, number> = {};
    const appliances: Record<string, ApplianceReport> = {};
    for (const t of ins.group < 0 ? [] : s.groups[ins.group].members) {
      flows[s.store.ids[t]] = ins.flowsTo.get(t) ?? 0;
      const q = applianceQueue(s, ins, t);
      appliances[s.store.ids[t]] = { concurrency: q.concurrency, queueLimit: q.queueLimit, admitted: q.admitted, queued: q.queued(s.nowMs), peakQueued: q.peakQueued, dropped: q.dropped, meanWaitMs: q.admitted === 0 ? 0 : q.waitedMs / q.admitted };
    }
    out[s.balancers[b].id] = { applianceGroup: ins.cfg.targetGroup, newFlows: ins.newFlows, dropped: ins.dropped, droppedFull: ins.droppedFull, flows, appliances };
  });
  return out;
}

/** Targets that are inspection appliances (they take flows, not requests). */
function appliances(s: SimState): Set<number> {
  const out = new Set<number>();
  for (const ins of s.inspection ?? []) if (ins !== null && ins.group >= 0) for (const t of s.groups[ins.group].members) out.add(t);
  return out;
}

/** Coefficient of variation of requests over the registered targets. */
function imbalance(s: SimState): number {
  const xs: number[] = [];
  const skip = s.inspection === null ? null : appliances(s);
  for (let t = 0; t < s.store.count; t++) if (s.store.registered[t] === 1 && !(skip?.has(t) ?? false)) xs.push(s.store.requests[t]);
  if (xs.length < 2) return 0;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  if (mean === 0) return 0;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length;
  return Math.sqrt(variance) / mean;
}

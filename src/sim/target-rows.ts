/** Decodes a snapshot's per-target typed array into named rows, one per target in topology order. */
import { TARGET_STATES, TARGET_STRIDE, TF, type Snapshot, type TargetState, type Topology } from '../engine/types.ts';

export interface TargetRow {
  id: string;
  group: string;
  state: TargetState;
  inService: number;
  queued: number;
  concurrency: number;
  weight: number;
  requests: number;
  ok: number;
  failed: number;
  /** Busy share of the target's slots over the last second, 0..1. */
  utilization: number;
  meanLatencyMs: number;
  ratePerSec: number;
}

export function targetRows(snapshot: Snapshot, topology: Topology): TargetRow[] {
  // A snapshot taken just after a live change may describe more or fewer targets than the topology we hold.
  const count = Math.min(topology.targets.length, Math.floor(snapshot.targets.length / TARGET_STRIDE));
  const d = snapshot.targets;
  const rows: TargetRow[] = [];
  for (let i = 0; i < count; i++) {
    const o = i * TARGET_STRIDE;
    rows.push({
      id: topology.targets[i].id,
      group: topology.targets[i].group,
      state: TARGET_STATES[d[o + TF.state]],
      inService: d[o + TF.inService],
      queued: d[o + TF.queued],
      concurrency: d[o + TF.concurrency],
      weight: d[o + TF.weight],
      requests: d[o + TF.requests],
      ok: d[o + TF.ok],
      failed: d[o + TF.failed],
      utilization: d[o + TF.utilization],
      meanLatencyMs: d[o + TF.meanLatencyMs],
      ratePerSec: d[o + TF.ratePerSec],
    });
  }
  return rows;
}

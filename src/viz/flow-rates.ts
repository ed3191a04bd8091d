/**
 * Aggregate flow for reduced motion: instead of moving dots, each edge gets a width from the requests per
 * second it carried over the last simulated second, and the failed part is marked. Rates come from the
 * snapshots' cumulative counters, differenced over about one second of simulated time.
 */
import { scaleSqrt } from 'd3-scale';
import type { Snapshot } from '../engine/types.ts';
import { targetColumn } from '../sim/snapshot-decoder.ts';
import type { TopologyLayout } from './topology-layout.ts';

interface Sample {
  timeMs: number;
  arrived: number;
  failed: number;
  targetOk: Float64Array;
  targetFailed: Float64Array;
}

export interface FlowRatesNow {
  arrivedPerSec: number;
  failedPerSec: number;
  /** Per engine target index: finished ok and failed per second. */
  targetOk: Float64Array;
  targetFailed: Float64Array;
}

const WINDOW_MS = 1000;

export class FlowRates {
  private samples: Sample[] = [];

  /** Adds a snapshot; a snapshot earlier than the last one (a rewind) starts over. */
  update(s: Snapshot): void {
    const last = this.samples[this.samples.length - 1];
    if (last !== undefined && s.timeMs < last.timeMs) this.samples = [];
    if (last !== undefined && s.timeMs === last.timeMs) return;
    const targetOk = targetColumn(s, 'ok');
    const targetFailed = targetColumn(s, 'failed');
    this.samples.push({ timeMs: s.timeMs, arrived: s.totals.arrived, failed: s.totals.failed, targetOk, targetFailed });
    // keep one sample at or before the window's start
    while (this.samples.length > 2 && this.samples[1].timeMs <= s.timeMs - WINDOW_MS) this.samples.shift();
  }

  /** Rates over the window (zero until two snapshots are known). */
  now(): FlowRatesNow {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    const n = last?.targetOk.length ?? 0;
    const out: FlowRatesNow = { arrivedPerSec: 0, failedPerSec: 0, targetOk: new Float64Array(n), targetFailed: new Float64Array(n) };
    if (first === undefined || last === first) return out;
    const perSec = 1000 / (last.timeMs - first.timeMs);
    out.arrivedPerSec = (last.arrived - first.arrived) * perSec;
    out.failedPerSec = (last.failed - first.failed) * perSec;
    for (let t = 0; t < n; t++) {
      out.targetOk[t] = (last.targetOk[t] - (first.targetOk[t] ?? 0)) * perSec;
      out.targetFailed[t] = (last.targetFailed[t] - (first.targetFailed[t] ?? 0)) * perSec;
    }
    return out;
  }
}

export interface EdgeFlow {
  okPerSec: number;
  failedPerSec: number;
  /** Stroke widths in px for the whole flow and for its failed part. */
  width: number;
  failedWidth: number;
}

/** Widest flow band in px. */
export const MAX_FLOW_WIDTH = 16;

/**
 * Flow per edge key: each edge carries the traffic of the targets behind it (the same path the dots take);
 * the first client edge carries everything that arrived, including requests that failed at the balancer.
 */
export function edgeFlows(layout: TopologyLayout, rates: FlowRatesNow): Map<string, EdgeFlow> {
  const raw = new Map<string, { ok: number; failed: number }>();
  let firstClient = true;
  for (const e of layout.edges) {
    let ok = 0;
    let failed = 0;
    if (e.kind === 'client' && firstClient) {
      failed = rates.failedPerSec;
      ok = Math.max(0, rates.arrivedPerSec - failed);
      firstClient = false;
    } else {
      for (const t of e.targets) {
        ok += rates.targetOk[t] ?? 0;
        failed += rates.targetFailed[t] ?? 0;
      }
    }
    raw.set(e.key, { ok, failed });
  }
  let top = 0;
  for (const v of raw.values()) top = Math.max(top, v.ok + v.failed);
  const width = scaleSqrt().domain([0, Math.max(top, 1)]).range([0, MAX_FLOW_WIDTH]);
  const out = new Map<string, EdgeFlow>();
  for (const [key, v] of raw) out.set(key, { okPerSec: v.ok, failedPerSec: v.failed, width: width(v.ok + v.failed), failedWidth: width(v.failed) });
  return out;
}

/** Small summaries shared by the reports: latency percentiles, failures by reason, utilisation and CPU over the run. */
import type { SimState } from '../state.ts';
import type { LogHistogram } from '../metrics/histogram.ts';
import { FAILURE_REASONS, type FailureReason, type LatencySummary } from '../types.ts';

export function latencySummary(h: LogHistogram): LatencySummary {
  return { mean: h.mean(), p50: h.quantile(0.5), p90: h.quantile(0.9), p95: h.quantile(0.95), p99: h.quantile(0.99), max: h.max };
}

export function failureRecord(counts: Float64Array): Record<FailureReason, number> {
  return Object.fromEntries(FAILURE_REASONS.map((r, i) => [r, counts[i]])) as Record<FailureReason, number>;
}

/** CPU of target t over the whole run so far (compute time / slot-time). */
export function cpuTotal(s: SimState, t: number): number {
  return s.store.cpuTotal(t, s.nowMs);
}

/** Utilisation of target t over the whole run so far (busy slot-time / slot-time). */
export function utilizationTotal(s: SimState, t: number): number {
  return s.store.utilizationTotal(t, s.nowMs);
}

import { MetricSeries } from '../../../../src/engine/scaling/metrics-pipeline.ts';
import type { ScalingContext } from '../../../../src/engine/scaling/policy.ts';

export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** One sample a second in [fromMs, toMs), valued by `value(t)`. */
export function feed(series: MetricSeries, fromMs: number, toMs: number, value: number | ((tMs: number) => number), stepMs = 1000): void {
  for (let t = fromMs; t < toMs; t += stepMs) series.add(t, typeof value === 'number' ? value : value(t));
}

/** One sample per minute, so minute k's datapoint is exactly values[k]. */
export function feedMinutes(series: MetricSeries, values: readonly number[], firstMinute = 0): void {
  values.forEach((v, k) => series.add((firstMinute + k) * MIN + 30_000, v));
}

/** A context over the series named 'CPUUtilization' (and any other passed). */
export function context(nowMs: number, group: Partial<ScalingContext>, series: Record<string, MetricSeries> = {}): ScalingContext {
  return { nowMs, current: 2, desired: 2, min: 1, max: 20, metrics: (name) => series[name], ...group };
}

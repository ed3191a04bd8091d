/**
 * A CloudWatch-like metric: raw samples are stored in fixed buckets (60 s by default, like detailed
 * monitoring) and read back as period datapoints (60 s, 300 s, 3600 s … any multiple of the bucket)
 * with the five CloudWatch statistics. A datapoint for [start, start + period) becomes available at its
 * period end plus `publicationDelaySec` (default 0; real CloudWatch adds 1–3 minutes, which makes
 * scaling react even later). Simplified: no units, no dimensions, no high-resolution (< 60 s) metrics.
 */

export type Statistic = 'Average' | 'Sum' | 'Minimum' | 'Maximum' | 'SampleCount';

export interface MetricSeriesOptions {
  /** Bucket width; every period read must be a multiple of it. Default 60. */
  readonly resolutionSec?: number;
  /** Delay between a period's end and its datapoint's availability. Default 0. */
  readonly publicationDelaySec?: number;
  /** How long buckets are kept (predictive scaling needs 14 days). Default 15 days. */
  readonly retentionSec?: number;
}

interface Bucket {
  sum: number;
  count: number;
  min: number;
  max: number;
}

export class MetricSeries {
  readonly resolutionMs: number;
  readonly publicationDelayMs: number;
  private readonly retentionBuckets: number;
  /** Buckets by index (time / resolution), in insertion order, which is time order. */
  private readonly buckets = new Map<number, Bucket>();
  private firstMs: number | null = null;

  constructor(options: MetricSeriesOptions = {}) {
    this.resolutionMs = Math.max(1, options.resolutionSec ?? 60) * 1000;
    this.publicationDelayMs = Math.max(0, options.publicationDelaySec ?? 0) * 1000;
    this.retentionBuckets = Math.ceil(((options.retentionSec ?? 15 * 86_400) * 1000) / this.resolutionMs);
  }

  /** Time of the first sample ever added, or null. */
  get firstSampleMs(): number | null {
    return this.firstMs;
  }

  /** One raw sample at `nowMs` (samples must arrive in time order). */
  add(nowMs: number, value: number): void {
    if (!Number.isFinite(value)) return;
    if (this.firstMs === null) this.firstMs = nowMs;
    const index = Math.floor(nowMs / this.resolutionMs);
    const b = this.buckets.get(index);
    if (b === undefined) {
      this.buckets.set(index, { sum: value, count: 1, min: value, max: value });
      this.prune(index);
    } else {
      b.sum += value;
      b.count++;
      if (value < b.min) b.min = value;
      if (value > b.max) b.max = value;
    }
  }

  /** The statistic over [startMs, startMs + periodSec), or null when it holds no sample. */
  datapoint(startMs: number, periodSec: number, statistic: Statistic): number | null {
    const first = Math.floor(startMs / this.resolutionMs);
    const n = Math.max(1, Math.round((periodSec * 1000) / this.resolutionMs));
    let sum = 0;
    let count = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = first; i < first + n; i++) {
      const b = this.buckets.get(i);
      if (b === undefined) continue;
      sum += b.sum;
      count += b.count;
      min = Math.min(min, b.min);
      max = Math.max(max, b.max);
    }
    if (count === 0) return null;
    switch (statistic) {
      case 'Average':
        return sum / count;
      case 'Sum':
        return sum;
      case 'Minimum':
        return min;
      case 'Maximum':
        return max;
      case 'SampleCount':
        return count;
    }
  }

  /** End of the latest period of `periodSec` whose datapoint is available at `nowMs`. */
  latestPeriodEndMs(nowMs: number, periodSec: number): number {
    const periodMs = periodSec * 1000;
    return Math.floor((nowMs - this.publicationDelayMs) / periodMs) * periodMs;
  }

  /** The last `count` available datapoints before `nowMs`, oldest first (null = no data). */
  datapoints(nowMs: number, periodSec: number, statistic: Statistic, count: number): (number | null)[] {
    const end = this.latestPeriodEndMs(nowMs, periodSec);
    const out: (number | null)[] = [];
    for (let k = count; k >= 1; k--) out.push(this.datapoint(end - k * periodSec * 1000, periodSec, statistic));
    return out;
  }

  private prune(newest: number): void {
    for (const index of this.buckets.keys()) {
      if (index > newest - this.retentionBuckets) break;
      this.buckets.delete(index);
    }
  }
}

/** The series a policy reads by metric name, e.g. 'CPUUtilization'; undefined when the group has none. */
export type MetricLookup = (name: string) => MetricSeries | undefined;


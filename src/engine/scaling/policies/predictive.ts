/**
 * EC2 Auto Scaling predictive scaling (real-systems §6.6), simplified: the load forecast for an hour is
 * the mean of the same hour on up to 14 previous days (AWS fits a model to 14 days), computed when it is
 * needed rather than every 6 h for 48 h. With ≥ 24 h of history, SchedulingBufferTime (300 s) before
 * each hour it sets desired to ceil(forecast load / target per instance) if that is higher; it never
 * scales in. HonorMaxCapacity caps at max; IncreaseMaxCapacity raises max to forecast × (1 + buffer %).
 * With a dynamic policy beside it, each policy works out a capacity and the group runs the largest (AWS:
 * "the desired capacity is set to the maximum of those"), so during the forecast's hour (from its pre-launch
 * to the next one) a target-tracking scale-in stops at the forecast capacity (`holds`).
 */
import type { MetricSeries, Statistic } from '../metrics-pipeline.ts';
import { ceilCapacity, clampCapacity, formatMetric, type ScalingContext, type ScalingDecision, type ScalingPolicy } from '../policy.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface PredictiveConfig {
  readonly name?: string;
  /** The group's total load series, e.g. requests per second over all instances. */
  readonly metric: string;
  /** How each hour of history is summarised. Default 'Average'. */
  readonly statistic?: Statistic;
  /** Load one instance should carry, in the metric's unit (the scaling metric's target). */
  readonly targetPerInstance: number;
  /** AWS default 'ForecastOnly' (forecasts, never scales). */
  readonly mode?: 'ForecastOnly' | 'ForecastAndScale';
  /** Launch this long before each hour. Default 300, must be < 3600. */
  readonly schedulingBufferSec?: number;
  /** Default 'HonorMaxCapacity'. */
  readonly maxCapacityBreachBehavior?: 'HonorMaxCapacity' | 'IncreaseMaxCapacity';
  /** With IncreaseMaxCapacity, percent above the forecast the max may reach. Default 10. */
  readonly maxCapacityBufferPercent?: number;
  /** Days of history averaged. Default 14. */
  readonly lookbackDays?: number;
}

/** Mean load of the hour starting at `hourStartMs` on up to `lookbackDays` previous days; null without data. */
export function forecastLoad(series: MetricSeries, hourStartMs: number, statistic: Statistic = 'Average', lookbackDays = 14): number | null {
  let sum = 0;
  let days = 0;
  for (let d = 1; d <= lookbackDays; d++) {
    const v = series.datapoint(hourStartMs - d * DAY_MS, 3600, statistic);
    if (v === null) continue;
    sum += v;
    days++;
  }
  return days === 0 ? null : sum / days;
}

/** "18:00 on day 2" for a simulated hour start (day 1 starts at time 0). */
function hourLabel(hourStartMs: number): string {
  const hour = Math.floor((hourStartMs % DAY_MS) / HOUR_MS);
  return `${String(hour).padStart(2, '0')}:00 on day ${Math.floor(hourStartMs / DAY_MS) + 1}`;
}

export class PredictivePolicy implements ScalingPolicy {
  readonly kind = 'predictive';
  readonly name: string;
  readonly bufferMs: number;
  /** The last forecast made: for the hour starting at `hourStartMs`, load and capacity. */
  lastForecast: { hourStartMs: number; load: number; capacity: number } | null = null;
  private lastHourMs = -Infinity;

  constructor(readonly config: PredictiveConfig) {
    this.name = config.name ?? `predictive ${config.metric}`;
    this.bufferMs = Math.min(3599, Math.max(0, config.schedulingBufferSec ?? 300)) * 1000;
  }

  /** Instances the forecast asks for in the hour starting at `hourStartMs`, or null without history. */
  forecastCapacity(series: MetricSeries, hourStartMs: number): number | null {
    const load = forecastLoad(series, hourStartMs, this.config.statistic, this.config.lookbackDays);
    return load === null ? null : this.capacityFor(load);
  }

  private capacityFor(load: number): number {
    return ceilCapacity(load / this.config.targetPerInstance);
  }

  evaluate(ctx: ScalingContext): ScalingDecision | null {
    const hourMs = Math.floor((ctx.nowMs + this.bufferMs) / HOUR_MS) * HOUR_MS;
    const series = ctx.metrics?.(this.config.metric);
    if (hourMs <= this.lastHourMs || series === undefined) return null;
    this.lastHourMs = hourMs;
    const first = series.firstSampleMs;
    if (first === null || ctx.nowMs - first < DAY_MS) return null;
    const load = forecastLoad(series, hourMs, this.config.statistic, this.config.lookbackDays);
    if (load === null) return null;
    const capacity = this.capacityFor(load);
    this.lastForecast = { hourStartMs: hourMs, load, capacity };
    if ((this.config.mode ?? 'ForecastOnly') === 'ForecastOnly' || capacity <= ctx.desired) return null;
    let max = ctx.max;
    if (capacity > max && this.config.maxCapacityBreachBehavior === 'IncreaseMaxCapacity') {
      max = ceilCapacity(capacity * (1 + (this.config.maxCapacityBufferPercent ?? 10) / 100));
    }
    const desired = clampCapacity(capacity, ctx.min, max);
    if (desired <= ctx.desired) return null;
    const reason = `${this.name}: forecast ${formatMetric(load)} for ${hourLabel(hourMs)} → ${capacity} instances → desired ${desired}`;
    return max === ctx.max ? { desired, reason } : { desired, max, reason };
  }

  nextEvaluationMs(nowMs: number): number {
    return (Math.floor((nowMs + this.bufferMs) / HOUR_MS) + 1) * HOUR_MS - this.bufferMs;
  }

  holds(nowMs: number): number {
    const f = this.lastForecast;
    if (f === null || (this.config.mode ?? 'ForecastOnly') === 'ForecastOnly') return 0;
    // the forecast's period: from its pre-launch to the next hour's
    const inPeriod = nowMs >= f.hourStartMs - this.bufferMs && nowMs < f.hourStartMs + HOUR_MS - this.bufferMs;
    return inPeriod ? f.capacity : 0;
  }
}

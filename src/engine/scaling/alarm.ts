/**
 * A CloudWatch metric alarm: at each period boundary (plus the series' publication delay) it looks at
 * the last M datapoints (evaluationPeriods) and goes to ALARM when at least N of them (datapointsToAlarm)
 * breach the threshold — "N of M", so a scaling reaction comes whole periods after the load changed.
 * Simplified missing data: with the default 'missing', M missing datapoints → INSUFFICIENT_DATA, else
 * ALARM iff ≥ N present ones breach (CloudWatch's look-back for partial data is not modelled).
 */
import type { MetricSeries, Statistic } from './metric-series.ts';
import type { AlarmNumbers } from '../decisions.ts';

export type Comparison = '>' | '>=' | '<' | '<=';
export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
/** CloudWatch TreatMissingData. */
export type MissingData = 'missing' | 'notBreaching' | 'breaching' | 'ignore';

export interface AlarmConfig {
  readonly threshold: number;
  readonly comparison: Comparison;
  /** Default 60. */
  readonly periodSec?: number;
  /** M. Default 1. */
  readonly evaluationPeriods?: number;
  /** N. Default M. */
  readonly datapointsToAlarm?: number;
  /** Default 'Average'. */
  readonly statistic?: Statistic;
  /** Default 'missing'. */
  readonly treatMissingData?: MissingData;
}

export interface AlarmTransition {
  /** When the evaluation ran: period end + publication delay. */
  readonly atMs: number;
  readonly from: AlarmState;
  readonly to: AlarmState;
  /** The M datapoints evaluated, oldest first. */
  readonly datapoints: readonly (number | null)[];
}

/** Whether `value` breaches `threshold` under `comparison`. */
export function breaches(value: number, comparison: Comparison, threshold: number): boolean {
  switch (comparison) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
  }
}

export class Alarm {
  state: AlarmState = 'INSUFFICIENT_DATA';
  /** The newest datapoint of the last evaluation (null when missing). */
  lastValue: number | null = null;
  /** The M datapoints of the last evaluation, oldest first, and how many of them breached. */
  lastDatapoints: readonly (number | null)[] = [];
  lastBreaching = 0;
  readonly periodSec: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  private lastPeriodEndMs = 0;
  private delayMs = 0;

  constructor(readonly config: AlarmConfig) {
    this.periodSec = config.periodSec ?? 60;
    this.evaluationPeriods = Math.max(1, config.evaluationPeriods ?? 1);
    this.datapointsToAlarm = Math.min(this.evaluationPeriods, Math.max(1, config.datapointsToAlarm ?? this.evaluationPeriods));
  }

  /** Evaluates every period boundary reached since the last call; returns the state changes. */
  evaluate(nowMs: number, series: MetricSeries): AlarmTransition[] {
    this.delayMs = series.publicationDelayMs;
    const periodMs = this.periodSec * 1000;
    const latest = series.latestPeriodEndMs(nowMs, this.periodSec);
    const out: AlarmTransition[] = [];
    for (let end = this.lastPeriodEndMs + periodMs; end <= latest; end += periodMs) {
      const points = series.datapoints(end + this.delayMs, this.periodSec, this.config.statistic ?? 'Average', this.evaluationPeriods);
      const to = this.judge(points);
      this.lastValue = points[points.length - 1];
      this.lastDatapoints = points;
      if (to !== this.state) out.push({ atMs: end + this.delayMs, from: this.state, to, datapoints: points });
      this.state = to;
      this.lastPeriodEndMs = end;
    }
    return out;
  }

  /** End of the last period judged (0 before the first); a policy compares it around `evaluate`. */
  get lastEvaluatedPeriodEndMs(): number {
    return this.lastPeriodEndMs;
  }

  /** The next time a new datapoint can be judged, strictly after `nowMs`. */
  nextEvaluationMs(nowMs: number): number {
    const periodMs = this.periodSec * 1000;
    return (Math.floor((nowMs - this.delayMs) / periodMs) + 1) * periodMs + this.delayMs;
  }

  /** The last evaluation's numbers for the event log: N of M datapoints against the threshold. */
  numbers(metric: string): AlarmNumbers {
    const { comparison, threshold } = this.config;
    return { metric, statistic: this.config.statistic ?? 'Average', comparison, threshold, periodSec: this.periodSec, datapoints: [...this.lastDatapoints], breaching: this.lastBreaching, needed: this.datapointsToAlarm };
  }

  private judge(points: readonly (number | null)[]): AlarmState {
    const { comparison, threshold } = this.config;
    const missingAs = this.config.treatMissingData ?? 'missing';
    let breaching = 0;
    let present = 0;
    for (const p of points) {
      if (p === null) {
        if (missingAs === 'breaching') breaching++;
        continue;
      }
      present++;
      if (breaches(p, comparison, threshold)) breaching++;
    }
    this.lastBreaching = breaching;
    if (present === 0 && missingAs === 'missing') return 'INSUFFICIENT_DATA';
    if (present === 0 && missingAs === 'ignore') return this.state;
    return breaching >= this.datapointsToAlarm ? 'ALARM' : 'OK';
  }
}

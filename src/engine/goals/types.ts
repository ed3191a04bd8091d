/** The shapes of lesson goals and step conditions, and what evaluating them returns. */
import type { AlgorithmName } from '../../scenario/algorithm-names.ts';
import type { Change, Scenario } from '../../scenario/schema.ts';
import type { HealthReport, MetricsReport, Series, SimEvent, Topology } from '../types.ts';

/** A bound on a number: at most and/or at least (both inclusive). */
export interface Bound {
  atMost?: number;
  atLeast?: number;
}

export const METRIC_NAMES = ['errorRate', 'failedRequests', 'okPerSec', 'p50Ms', 'p95Ms', 'p99Ms', 'targetShare', 'targetUtilization', 'maxUtilization', 'connectionSpread'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/**
 * A number measured over a window of whole simulated seconds: the last `windowSec` seconds, or the
 * seconds from `fromSec` up to `toSec` (exclusive; default: up to now); no window = the whole run.
 */
export interface MetricCondition extends Bound {
  kind: 'metric';
  metric: MetricName;
  /** targetShare, targetUtilization: which target. */
  target?: string;
  /** maxUtilization: only this group's targets (default: every target); connectionSpread: the group measured (required). */
  group?: string;
  windowSec?: number;
  fromSec?: number;
  toSec?: number;
  /** Percentiles over a window: the worst second (default) or the mean of the seconds weighted by their successes. */
  aggregate?: 'worst-second' | 'mean';
}

export type HealthCheckField = 'intervalSec' | 'timeoutSec' | 'healthyThreshold' | 'unhealthyThreshold';

/** The kinds of `sessionStore` (scenario-format.md 6.12). */
export type SessionStoreKind = 'memory' | 'none' | 'shared' | 'replicated';

export type ConfigCondition =
  | ({ kind: 'config'; check: 'health-check'; group: string; present?: boolean; protocol?: 'http' | 'tcp' } & Partial<Record<HealthCheckField, Bound>>)
  | { kind: 'config'; check: 'algorithm'; group: string; oneOf: AlgorithmName[] }
  | { kind: 'config'; check: 'weights'; group: string; ratio: Record<string, number>; tolerance?: number }
  | ({ kind: 'config'; check: 'target-count'; group: string } & Bound)
  | { kind: 'config'; check: 'stickiness'; group: string; present?: boolean }
  | { kind: 'config'; check: 'passive-health'; group: string; present?: boolean }
  /** Where the group keeps sessions now (its `sessionStore.kind`, patches folded in) is one of `oneOf`. */
  | { kind: 'config'; check: 'session-store'; group: string; oneOf: SessionStoreKind[] }
  /** A scaling group owns the target group and has a policy that reacts to load (not only scheduled actions). */
  | { kind: 'config'; check: 'autoscaling'; group: string; present?: boolean };

export type EventCondition =
  | { kind: 'event'; event: 'target-failed'; target?: string; detectedWithinSec?: number; maxFailedRequests?: number }
  | { kind: 'event'; event: 'false-removals'; group?: string; atMost?: number }
  | ({ kind: 'event'; event: 'log'; entry: string; subject?: string; fromSec?: number; toSec?: number } & Bound);

/** Something that is true or not about a run: a step's wait-for, a prediction's outcome, a goal's test. */
export type Condition = MetricCondition | ConfigCondition | EventCondition;

/** A lesson goal: a condition with an id and a short label for the learner. */
export type Goal = Condition & { id: string; label: string };

export interface ConditionResult {
  met: boolean;
  /** One sentence on what was measured or found. */
  detail: string;
  /** The measured number, when there is one (metric conditions, counts). */
  value: number | null;
}

export interface GoalResult extends ConditionResult {
  id: string;
  label: string;
}

/** A live change and the simulated time it was applied at (the worker's LoggedChange has this shape). */
export interface TimedChange {
  atMs: number;
  change: Change;
}

/** Everything a condition may read: the run's reports, plus the scenario and the changes applied to it. */
export interface GoalState {
  nowMs: number;
  scenario: Scenario;
  changes: readonly TimedChange[];
  metrics: MetricsReport;
  series: Series;
  health: HealthReport;
  topology: Topology;
  /** The retained event log (the last 2,000 entries). */
  events: readonly SimEvent[];
}

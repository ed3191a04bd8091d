/**
 * The numbers behind a decision in the event log (`SimEvent.decision`): what a health check, an
 * ejection, a circuit breaker, a scaling policy or Route 53's checkers saw when they changed something.
 * The engine fills them where the decision is made (never per request); src/viz/decision-words.ts
 * words them for the event log. Every number is the one the mechanism compared, so a learner can redo
 * the sum: the check results that crossed the threshold, the alarm's N of M datapoints, target tracking's
 * ceil(n × metric / target), the HPA's ceil(ready × utilization / target) with its tolerance, the share of
 * Route 53 checkers that call the endpoint healthy.
 */

/** An active health check moved a target: the consecutive results (oldest first) that crossed a threshold. */
export interface HealthCheckDecision {
  kind: 'health-check';
  to: 'healthy' | 'unhealthy';
  /** 'consecutive' (AWS, Envoy: runs of results) or 'rise-fall' (HAProxy's counter). */
  model: 'consecutive' | 'rise-fall';
  /** The results that decided, oldest first (true = passed): the run that reached the threshold. */
  results: boolean[];
  /** healthyThreshold (to healthy) or unhealthyThreshold (to unhealthy); rise/fall for HAProxy. */
  threshold: number;
  /** Why the last failed check failed ('timed out', 'answered 500'…), or null. */
  lastFailure: string | null;
  /** A bad HTTP status marks a target unhealthy at once, whatever the threshold (AWS). */
  immediate: boolean;
}

/** nginx's passive check: max_fails failures within fail_timeout. */
export interface MaxFailsDecision {
  kind: 'max-fails';
  failures: number;
  maxFails: number;
  failTimeoutSec: number;
}

/** Envoy outlier detection ejected a host. */
export interface EjectionDecision {
  kind: 'ejection';
  consecutiveErrors: number;
  /** consecutive_5xx. */
  threshold: number;
  /** This host's ejection count, including this one (the multiplier). */
  ejections: number;
  baseEjectionSec: number;
  ejectionSec: number;
  /** Hosts ejected now (this one included) and the most max_ejection_percent allows. */
  ejectedNow: number;
  maxEjected: number;
}

/** A circuit breaker changed state. */
export interface CircuitDecision {
  kind: 'circuit';
  to: 'open' | 'half-open' | 'closed';
  /** Requests failed and seen in the window when it opened (a failed probe: 1 of 1). */
  failed: number;
  seen: number;
  errorRatePercent: number;
  minRequests: number;
  windowSec: number;
  /** Probe requests (half-open and closed). */
  probes: number;
  openSec: number;
}

/** A CloudWatch alarm's evaluation: N of the M datapoints breached. */
export interface AlarmNumbers {
  metric: string;
  statistic: string;
  comparison: '>' | '>=' | '<' | '<=';
  threshold: number;
  periodSec: number;
  /** The M datapoints evaluated, oldest first (null = missing). */
  datapoints: (number | null)[];
  breaching: number;
  /** N: datapoints to alarm. */
  needed: number;
}

/** The formula a scaling policy computed its desired capacity with. */
export type ScalingFormula =
  /** Target tracking: ceil(base × metric / target); scale-in is limited to `limit` removed. */
  | { kind: 'target-tracking'; base: number; metric: number; target: number; raw: number; result: number; maxRemoved?: number }
  /** HPA: ceil(ratio × ready pods) with ratio = utilization / target, unless |ratio − 1| ≤ tolerance. */
  | { kind: 'hpa'; current: number; readyPods: number; utilizationPercent: number; targetPercent: number; ratio: number; tolerance: number; withinTolerance: boolean; replicas: number; limited: number | null }
  /** Simple and step policies: an adjustment applied to the current capacity. */
  | { kind: 'adjustment'; base: number; adjustment: string; result: number; step: string | null };

export interface ScalingDecisionNumbers {
  kind: 'scaling';
  policy: string;
  from: number;
  to: number;
  min: number;
  max: number;
  alarm: AlarmNumbers | null;
  formula: ScalingFormula | null;
}

/** Route 53's health checkers voted a DNS record healthy or unhealthy. */
export interface DnsVoteDecision {
  kind: 'dns-vote';
  record: string;
  healthy: boolean;
  healthyCheckers: number;
  checkers: number;
  /** The record is healthy when more than this percent of checkers say so (Route 53: 18). */
  thresholdPercent: number;
  /** Consecutive probes a checker needs to change its own verdict. */
  failureThreshold: number;
  intervalSec: number;
}

export type Decision = HealthCheckDecision | MaxFailsDecision | EjectionDecision | CircuitDecision | ScalingDecisionNumbers | DnsVoteDecision;

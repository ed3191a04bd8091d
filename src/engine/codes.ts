/**
 * The engine's codes: why a request failed and its outcome code, a target's state, health, circuit and
 * lifecycle, and the fields of the typed arrays a snapshot carries (per target, per sampled flow) with their
 * strides. Plain constants (types.ts re-exports them), importing nothing.
 */
/** Why a request failed. Index into `FAILURE_REASONS` in typed arrays. */
export const FAILURE_REASONS = [
  'rejected', // target queue full: 503
  'timeout', // no answer within the request timeout: 504
  'refused', // the target is down: connection refused, 502
  'no-target', // no target eligible in the group: 503
  'no-route', // no listener rule matched and no default: 404
  'error', // the target answered with a 5xx
  'unreachable', // the balancer (or the node, or the DNS answer) the client used is down: connection failed
  'rate-limited', // the balancer's per-client rate limit: 429
  'blocked', // the web application firewall: 403
  'lb-overloaded', // the balancer itself had no CPU left: 503
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

/** The outcome code of a finished request: 0 ok, 1 + index in FAILURE_REASONS for failures. */
export const OUTCOME_OK = 0;
/** Failure outcome codes by reason: FAIL.timeout = 1 + FAILURE_REASONS.indexOf('timeout'). */
export const FAIL = Object.fromEntries(FAILURE_REASONS.map((r, i) => [r, i + 1])) as Readonly<Record<FailureReason, number>>;
export type Outcome = 'ok' | FailureReason;
export function outcomeName(code: number): Outcome {
  return code === OUTCOME_OK ? 'ok' : FAILURE_REASONS[code - 1];
}

/**
 * What is really wrong with a target (the truth, not what the balancer believes): `up`; `crashed`
 * (connections refused); `hung` (accepts requests, never answers); `degraded` (slower, and/or answering a
 * share of requests with 5xx — see the slowFactor and errorShare fields).
 */
export const TARGET_STATES = ['up', 'crashed', 'hung', 'degraded'] as const;
export type TargetState = (typeof TARGET_STATES)[number];

/** Health as the balancer sees it (AWS target health; HAProxy UP/DOWN map to healthy/unhealthy). */
export const HEALTH_STATES = ['healthy', 'initial', 'unhealthy'] as const;
export type HealthState = (typeof HEALTH_STATES)[number];

/** Circuit-breaker states. */
export const CIRCUIT_STATES = ['closed', 'open', 'half-open'] as const;

/** Where a target is in its registration lifecycle (AWS target states, without health). */
export const LIFECYCLES = ['in-service', 'draining', 'unused', 'pending'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

/**
 * Per-target fields in `Snapshot.targets.data`, `TARGET_STRIDE` numbers per target in topology order.
 * Counters are cumulative since the start of the run.
 */
export const TARGET_FIELDS = [
  'state', // index in TARGET_STATES
  'lifecycle', // index in LIFECYCLES
  'inRotation', // 1 when the balancer may send it new requests
  'slowFactor', // service time multiplier (1 = normal)
  'errorShare', // share of requests answered with 5xx (0 = none)
  'health', // index in HEALTH_STATES
  'checkBits', // the last 16 health-check results, newest in bit 0 (1 = passed)
  'checkCount', // health checks done so far (how many of checkBits are meaningful)
  'blindWindow', // 1 while the target has failed but is still in rotation
  'circuit', // index in CIRCUIT_STATES
  'ejected', // 1 while ejected by outlier detection
  'slowStart', // slow-start share factor, 1 when not warming up
  'inService', // requests being served right now
  'queued', // requests waiting in the target's queue
  'concurrency', // slots
  'weight',
  'requests', // requests sent to this target
  'ok',
  'failed',
  'utilization', // busy slot-time / (slots × time) over the last second
  'utilizationTotal', // the same since the start of the run
  'meanLatencyMs',
  'ratePerSec', // requests sent to it during the last full second
  'cpu', // CPU utilisation over the last second: compute time / (slots × time); waiting on a database or store is not compute
  'connections', // long-lived connections an event-loop target holds without a slot
] as const;
export const TARGET_STRIDE = TARGET_FIELDS.length;
export const TF = Object.fromEntries(TARGET_FIELDS.map((f, i) => [f, i])) as { [K in (typeof TARGET_FIELDS)[number]]: number };

/**
 * Sampled request flows in `Snapshot.flows`, `FLOW_STRIDE` numbers per request: enough for a view to
 * animate a dot from client to balancer to target and back, timed by the simulation.
 */
export const FLOW_FIELDS = [
  'id', // request number (arrival order)
  'target', // target index in topology order, -1 if none was picked
  'arrivalMs', // reached the balancer
  'startMs', // began service at the target (= endMs if it never did); NaN in a departure record
  'endMs', // answer (or failure) reached the client; NaN in a departure record
  'outcome', // OUTCOME_OK or 1 + failure reason index; FLOW_DEPARTED in a departure record
] as const;

/**
 * A sampled request yields two flow records: a departure record when the balancer sends it to a target
 * (outcome FLOW_DEPARTED, end unknown yet), and a final record when it finishes. Requests that fail before a
 * target is chosen (no-route, no-target) have only the final record, with target -1.
 */
export const FLOW_DEPARTED = -1;
export const FLOW_STRIDE = FLOW_FIELDS.length;

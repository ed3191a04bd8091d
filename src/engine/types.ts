/**
 * The engine's public data shapes: everything that crosses from the engine to a host (the worker,
 * the CLI, tests) is plain, structured-cloneable data described here. Bulky per-target and
 * per-request parts are typed arrays with a fixed stride so they can be transferred, not copied.
 */
import type { Change, Scenario } from '../scenario/schema.ts';
import type { AlgorithmName } from '../scenario/algorithm-names.ts';
import type { ExplainHooks } from './explain/hooks.ts';
import type { GroupInternals } from './explain/internals-shape.ts';
import type { Decision } from './decisions.ts';

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

/** Static structure of the simulated world; changes only when `apply` adds or removes things. */
export interface Topology {
  version: number;
  /** `inspection`: the target group of the GWLB appliances every flow to it passes (only when it has one). */
  balancers: { id: string; layer: 4 | 7; region: string; zones: string[]; listeners: { port: number; protocol: string; rules: { label: string; group: string }[]; defaultGroup: string | null }[]; inspection?: string }[];
  groups: { id: string; algorithm: AlgorithmName; targets: number[] }[];
  targets: { id: string; group: string; address: string; registered: boolean; zone: string | null; instanceType: string }[];
  /** Scaling groups and the target group each one owns. */
  scalingGroups: { id: string; targetGroup: string }[];
  /** Databases and the target groups that query them (through a proxy or not). */
  databases: { id: string; groups: string[]; proxy: boolean; readReplicas: number }[];
  /** The DNS name, if any: its records and the balancer each points at. */
  dns: { name: string; policy: string; records: { id: string; balancer: string }[] } | null;
  /** Balancer zones and regions. */
  zones: string[];
}

export interface LatencySummary {
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

/** One frame's worth of state for a view. */
export interface Snapshot {
  timeMs: number;
  topologyVersion: number;
  totals: {
    arrived: number;
    ok: number;
    failed: number;
    inFlight: number;
    failures: Record<FailureReason, number>;
    /** Successful within the SLO latency. */
    good: number;
  };
  /** Latency over the whole run so far. */
  latencyMs: LatencySummary;
  /** Latency over the last full second of simulated time. */
  lastSecond: { arrived: number; ok: number; failed: number; latencyMs: LatencySummary };
  targets: Float64Array; // TARGET_STRIDE per target
  flows: Float64Array; // FLOW_STRIDE per flow record made since the host last drained them (Simulation.drainFlows)
  /** How many finished requests one flow stands for (1 = every request is drawn). */
  flowSampleEvery: number;
  lastEventSeq: number;
  /** Balancers, databases and DNS records, by state. */
  infra: InfraSnapshot;
}

export interface InfraSnapshot {
  balancers: { id: string; state: 'up' | 'down' | 'standby'; zonesDown: string[]; cpuLoad: number | null; cpuCores: number | null }[];
  databases: {
    id: string;
    maxConnections: number;
    connectionsOpen: number;
    clientConnections: number;
    starved: number;
    utilization: number;
    proxy: boolean;
    failingOver: boolean;
  }[];
  dns: { id: string; target: string; healthy: boolean }[];
  /** Listeners whose default action splits traffic by weight (ALB weighted target groups), with the live weights. */
  forwards: { balancer: string; port: number; weights: { group: string; weight: number }[] }[];
  /** Deployments: which step they are at and whether they finished or rolled back. */
  deployments: { id: string; from: string; to: string; state: 'waiting' | 'running' | 'done' | 'rolled-back'; percent: number }[];
  /** Shared session stores (one per target group that keeps sessions in one) and whether they are up. */
  sessionStores: { group: string; kind: 'shared' | 'replicated'; down: boolean }[];
  /** GWLB inspection appliances (only when a balancer inspects), by target id: their capacity now. */
  appliances?: ApplianceState[];
}

/** One GWLB appliance now (network/appliance-queue.ts): workers busy of its concurrency, queue, drops, inspection time. */
export interface ApplianceState {
  id: string;
  /** The balancer whose flows it inspects. */
  balancer: string;
  concurrency: number;
  busy: number;
  queued: number;
  queueLimit: number;
  admitted: number;
  dropped: number;
  meanWaitMs: number;
  /** Mean time it takes to inspect a request (its distribution's mean × its slow factor), ms. */
  inspectionMs: number;
}

/** One blind window: from a real failure to the target leaving rotation (or recovering unnoticed). */
export interface BlindWindow {
  target: string;
  /** What happened to it, in words: "crashed", "hung"… */
  cause: string;
  failedAtMs: number;
  /** When it left rotation or recovered; null while still open. */
  endedAtMs: number | null;
  /** What took it out of rotation ("active health check", "passive health (max_fails)"…); null if nothing did. */
  detectedBy: string | null;
  /** Time to detect; null when it was never detected. */
  detectMs: number | null;
  failedRequests: number;
}

/** Health over the run: blind windows, and per-target and per-group health. */
export interface HealthReport {
  windows: BlindWindow[];
  targets: Record<string, { health: HealthState; transitions: number; falseRemovals: number; checks: number }>;
  groups: Record<string, { mode: 'normal' | 'fail-open' | 'panic' | 'refuse' }>;
  /** ok / (ok + failed) over the last 60 s of whole seconds (1 when nothing finished). */
  availabilityLast60s: number;
}

/** The per-second series, oldest first, bounded to the most recent `capacity` seconds. */
export interface Series {
  startSec: number;
  seconds: number;
  arrived: Float64Array;
  ok: Float64Array;
  failed: Float64Array;
  p50: Float64Array;
  p95: Float64Array;
  p99: Float64Array;
  /** targets × seconds, target-major: requests sent to each target in each second. */
  targetRequests: Float64Array;
  /** targets × seconds, target-major: utilisation of each target in each second. */
  targetUtilization: Float64Array;
  targetCount: number;
}

/** A notable happening, with the reason, for the event log. */
export interface SimEvent {
  seq: number;
  timeMs: number;
  kind: string;
  subject: string;
  message: string;
  /** The numbers behind it, when it is a decision (health, ejection, circuit, scaling, DNS); see decisions.ts. */
  decision?: Decision;
}

/** The run's results in the CLI's `--json` shape (see scenario-format.md). */
export interface MetricsReport {
  simulatedSec: number;
  requests: { total: number; ok: number; failed: number; inFlight: number };
  failures: Record<FailureReason, number>;
  errorRate: number;
  throughputPerSec: number;
  /**
   * Goodput under the SLO: requests that succeeded within `slo.latencyMs`. A queue that turns drops into
   * lateness does not look like a win: late successes are not good.
   */
  slo: { latencyMs: number; good: number; goodPerSec: number; goodShare: number };
  latencyMs: LatencySummary;
  /** Sessions (when traffic.sessions is set), and how unevenly requests spread over the targets. */
  sessions: { sessionsStarted: number; sessionsLost: number; cartsLost: number; itemsLost: number; checkouts: number } | null;
  /**
   * What the run cost: every instance from launch (or the start) to termination at its hourly price, the
   * balancers (hours and capacity units, ELB prices by default) and data layer-4 balancers sent across zones;
   * totalUsd is their sum.
   */
  cost: { totalUsd: number; instanceUsd: number; balancerUsd: number; dataTransferUsd: number; instanceSeconds: number; capacityUnitHours: number; perMillionGoodUsd: number | null };
  /** Edge protection: attack traffic stopped or served, malicious requests caught or missed, legitimate users harmed. */
  edge: { attackRequests: number; attackStopped: number; attackServed: number; maliciousBlocked: number; maliciousAllowed: number; legitRateLimited: number; legitBlocked: number };
  /** Coefficient of variation of requests per registered target (0 = perfectly even). */
  imbalance: number;
  targets: Record<
    string,
    {
      requests: number;
      ok: number;
      failed: number;
      failures: Record<FailureReason, number>;
      inFlight: number;
      queued: number;
      meanLatencyMs: number;
      /** Slot occupancy over the run: busy slot-time / slot-time. */
      utilization: number;
      /** CPU over the run: compute time / slot-time (waiting on a database or a store is not compute). */
      cpu: number;
    }
  >;
  events: { processed: number };
  /**
   * Gateway Load Balancer inspection, by balancer id (only when a balancer has `inspection`): its appliance
   * group, new flows, requests dropped (flow on a crashed or hung appliance, none in service, or a full
   * queue: `droppedFull` of them), the flows hashed to each appliance, and each appliance's capacity.
   */
  inspection?: Record<string, { applianceGroup: string; newFlows: number; dropped: number; droppedFull: number; flows: Record<string, number>; appliances: Record<string, ApplianceReport> }>;
}

/** One inspection appliance's capacity over the run (network/appliance-queue.ts). */
export interface ApplianceReport {
  /** Requests it inspects at once, and may queue. */
  concurrency: number;
  queueLimit: number;
  /** Requests admitted (inspected or still waiting), waiting now, the most that waited at once, dropped for a full queue. */
  admitted: number;
  queued: number;
  peakQueued: number;
  dropped: number;
  /** Mean wait for a worker, ms, over the requests inspected. */
  meanWaitMs: number;
}

/** One attempt of a request at a target, like one entry of nginx's `$upstream_addr` / `$upstream_status`. */
export interface TraceAttempt {
  /** The target's id. */
  target: string;
  /** How the attempt ended; `in-flight` while it goes on. */
  outcome: Outcome | 'in-flight';
  /** When the balancer sent it, ms. */
  atMs: number;
}

/** One finished request, as written by `--trace`. */
export interface TraceRecord {
  id: number;
  arrivalMs: number;
  client: number;
  /** Its request class (the `traffic.mix` name; `default` without a mix). */
  class: string;
  /** The target of its last attempt; null when none was chosen. */
  target: string | null;
  outcome: Outcome;
  latencyMs: number;
  /** Every attempt in order (empty when the request failed before any target). */
  attempts: TraceAttempt[];
  /** haproxy-cookie: the value of the `Set-Cookie` its answer carried (the target's id); absent when none. */
  setCookie?: string;
}

/** A request still in flight: like a finished one, with no outcome or latency yet. */
export interface InFlightRecord extends Omit<TraceRecord, 'outcome' | 'latencyMs' | 'setCookie'> {
  outcome: 'in-flight';
  latencyMs: null;
}

export interface SimulationOptions {
  /** Called for every finished request, in completion order (the CLI reorders to arrival order). */
  onRequestDone?: (record: TraceRecord) => void;
  /** Called for every entry of the event log as it is made (the log itself keeps only the latest). */
  onEvent?: (event: SimEvent) => void;
  /** Draw one in N finished requests as a flow in snapshots; 0 = choose automatically from the rate. */
  flowSampleEvery?: number;
  /** Seconds kept in the per-second series (default 3600). */
  seriesCapacity?: number;
  /** An explanation recorder (explain/recorder.ts) listening to every request's life; it changes nothing in the run. */
  recorder?: ExplainHooks<unknown>;
}

/** A running simulation. Passive: it advances only when the host asks. */
export interface Simulation {
  readonly scenario: Scenario;
  /** Current simulated time, ms. */
  readonly nowMs: number;
  /** Processes every event up to and including `timeMs`, then sets the clock to `timeMs`. */
  runUntil(timeMs: number): void;
  /** Processes the next event; returns false when nothing is scheduled. */
  step(): boolean;
  /** Time of the next scheduled event, or Infinity. */
  nextEventMs(): number;
  /** What a view needs for one frame; reading it changes nothing (its flows stay until `drainFlows`). */
  snapshot(): Snapshot;
  /** Forgets the sampled flows recorded so far: a host calls it once it has taken them from a snapshot. */
  drainFlows(): void;
  metrics(): MetricsReport;
  series(): Series;
  topology(): Topology;
  /** Applies a live change now; returns an error message (and changes nothing) when it cannot. */
  apply(change: Change): string | null;
  /** Event-log entries with seq > sinceSeq (bounded history). */
  events(sinceSeq?: number): SimEvent[];
  /** Requests still in flight (arrived, not yet answered or failed), in arrival order. */
  inFlight(): InFlightRecord[];
  /** Blind windows and health over the run. */
  health(): HealthReport;
  /**
   * The balancing algorithm's internals for target group `groupId` now (explain/internals.ts); null for an
   * unknown group. With `leavingId`, a consistent hash also says which recent keys that target's leaving moves.
   */
  internals(groupId: string, leavingId?: string): GroupInternals | null;
  /** Scaling groups: capacity, instances by state, and their per-second history. */
  scaling(): ScalingReport[];
}

export interface ScalingReport {
  id: string;
  desired: number;
  min: number;
  max: number;
  instances: { id: string; state: 'booting' | 'warming' | 'in-service' | 'draining' | 'terminated'; zone: string }[];
  series: { startSec: number; desired: Float64Array; inService: Float64Array; live: Float64Array; cpu: Float64Array };
}

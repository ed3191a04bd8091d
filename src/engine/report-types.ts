/**
 * The run's reports: health (blind windows, per-target and per-group health), the per-second series, the event
 * log's entries, the metrics in the CLI's `--json` shape (with GWLB inspection) and the scaling groups. Plain,
 * structured-cloneable data (types.ts re-exports it).
 */
import type { Decision } from './decisions.ts';
import type { FailureReason, HealthState } from './codes.ts';
import type { LatencySummary } from './snapshot-types.ts';
import type { ValidationError } from '../scenario/validated.ts';

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
  /** ok / (ok + failed) over the last 60 s of whole seconds (null when nothing finished in them). */
  availabilityLast60s: number | null;
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
  /** Why a scheduled change was not applied (kind "error"), coded so the page words it in its language. */
  refusal?: ValidationError[];
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

/** One scaling group: its capacity, instances by state, and their per-second history. */
export interface ScalingReport {
  id: string;
  desired: number;
  min: number;
  max: number;
  instances: { id: string; state: 'booting' | 'warming' | 'in-service' | 'draining' | 'terminated'; zone: string }[];
  series: { startSec: number; desired: Float64Array; inService: Float64Array; live: Float64Array; cpu: Float64Array };
}

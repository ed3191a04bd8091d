/**
 * The engine's public interface: the Simulation a host drives, its options, and the trace records of finished
 * and in-flight requests. Everything that crosses from the engine to a host (the worker, the CLI, tests) is
 * plain, structured-cloneable data, re-exported here from where it is described: the codes and typed-array
 * layouts in codes.ts, the topology and snapshots in snapshot-types.ts, the reports in report-types.ts. Bulky
 * per-target and per-request parts are typed arrays with a fixed stride so they can be transferred, not copied.
 */
import type { Change, Scenario } from '../scenario/schema.ts';
import type { ValidationError } from '../scenario/validated.ts';
import type { ExplainHooks } from './explain/hooks.ts';
import type { GroupInternals } from './explain/internals-shape.ts';
import type { Outcome } from './codes.ts';
import type { Snapshot, Topology } from './snapshot-types.ts';
import type { HealthReport, MetricsReport, ScalingReport, Series, SimEvent } from './report-types.ts';

export * from './codes.ts';
export type * from './snapshot-types.ts';
export type * from './report-types.ts';

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
  /**
   * Keep sampled flows for snapshots (default true). A host that never draws them (the CLI, the bench) passes
   * false: no request is sampled, which saves two records per request, and nothing else in the run changes.
   */
  flows?: boolean;
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
  /**
   * apply, answering why not as errors: a patch's at their JSON paths with codes (the validator's, or the run's
   * refusal to adopt it), any other change's sentence at "(change)". apply's message is these in one line.
   */
  tryApply(change: Change): ValidationError[] | null;
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

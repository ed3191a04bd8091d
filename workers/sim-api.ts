/**
 * The worker's API: a table of simulation sessions with explicit ids, so two runs (compare mode) can
 * advance side by side in one worker. Everything in and out is plain data; a snapshot's typed arrays are
 * marked for transfer. Untrusted input (scenario JSON, live changes, a shared change log) is validated
 * here and answered with errors, never with an exception. Callable directly (tests, Node) or through
 * Comlink (sim.worker.ts).
 *
 * Time travel: each session keeps the log of the live changes applied to it, with their simulated
 * times. The engine is deterministic, so rewinding to T rebuilds the simulation from the scenario and
 * replays the log up to T (see timeline.ts); nothing but the log is stored.
 */
import { transfer } from 'comlink';
import type { HealthReport, MetricsReport, ScalingReport, Series, SimEvent, Snapshot, Topology } from '../src/engine/types.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { validateChange, validateScenario, type ValidationError } from '../src/scenario/validate.ts';
import { coded } from '../src/scenario/error-codes.ts';
import { Timeline, checkChangeLog, type LoggedChange } from './timeline.ts';
import { goalStateOf, type CheckResult, type GoalResult, type TimedChange } from '../src/engine/goals/index.ts';
import { evaluateLessonGoals, runLessonCheck, type LessonGoal } from '../src/content/conditions.ts';
import type { GroupInternals, Journey, NotableLists } from '../src/engine/explain/index.ts';

export type { LoggedChange };

/** A session's handle; unique within one SimApi. */
export type SessionId = number;

export type OpenResult =
  | { ok: true; id: SessionId; topology: Topology; scenario: Scenario }
  | { ok: false; errors: ValidationError[] };

/** What to restore when opening: a run with another seed, and/or a shared change log replayed up to a moment. */
export interface OpenOptions {
  /** Replaces the scenario's seed. */
  seed?: number;
  /** Live changes with their simulated times (untrusted: validated here). */
  changes?: unknown;
  /** Simulated ms to run to before answering (untrusted: at most the scenario's duration). */
  atMs?: unknown;
  /**
   * Answer at once with the run at time 0 and the change log loaded: the host replays it to `atMs` with
   * `replay`, a bit at a time, showing progress and able to stop (a long share link).
   */
  deferReplay?: boolean;
}

/** Where a deferred replay got to: its moment now, and the first change refused (the replay stops there). */
export interface ReplayProgress {
  timeMs: number;
  error: ValidationError | null;
}

/** What a frame asks for besides the snapshot; fields left out are not sent. */
export interface FrameRequest {
  /** Include the event-log entries with seq > sinceSeq. */
  sinceSeq?: number;
  /** Include the per-second series. */
  series?: boolean;
  /** Include the topology when its version differs from this one. */
  topologyVersion?: number;
  /** Include the run's reports: metrics, health and scaling. */
  reports?: boolean;
}

/** One answer for the page: the snapshot, and what else the request asked for (null when not asked or unchanged). */
export interface Frame {
  snapshot: Snapshot;
  events: SimEvent[] | null;
  series: Series | null;
  topology: Topology | null;
  reports: Reports | null;
}

/** The run's reports at one moment, as the engine gives them. */
export interface Reports {
  metrics: MetricsReport;
  health: HealthReport;
  scaling: ScalingReport[];
}

/** A seed out of range (a seed is a 32-bit unsigned integer), with its code so the page can word it. */
function seedError(seed: unknown): ValidationError {
  return coded('seed', 'val_run_seed', { got: typeof seed === 'number' ? seed : String(seed) });
}

export interface SimApi {
  /** Validates a scenario document and starts a simulation of it at time 0 (or restores a run, see OpenOptions). */
  open(scenarioJson: unknown, options?: OpenOptions): OpenResult;
  /** Checks a scenario document without running it: null, or the errors with their JSON paths. */
  check(scenarioJson: unknown): ValidationError[] | null;
  /** Advances by `dtSimMs` of simulated time and returns the state at the new time. */
  advance(id: SessionId, dtSimMs: number): Snapshot;
  /**
   * Advances by up to `maxDtSimMs`, stopping early (between small slices of simulated time) once `budgetMs` of
   * wall-clock time has gone: a host that asks for more than the computer can simulate gets less, not a stall.
   */
  frame(id: SessionId, maxDtSimMs: number, budgetMs: number, request?: FrameRequest): Frame;
  /** Runs on to simulated time `timeMs` (nothing happens if the run is already there or later). */
  runTo(id: SessionId, timeMs: number, request?: FrameRequest): Frame;
  /** Replays a deferred change log towards `toMs` for at most `budgetMs` of wall time (see OpenOptions.deferReplay). */
  replay(id: SessionId, toMs: number, budgetMs: number): ReplayProgress;
  /** Runs to the next scheduled event (or the next logged change), but not past `limitMs`. */
  step(id: SessionId, limitMs: number, request?: FrameRequest): Frame;
  /** Goes to simulated time `timeMs`: back by replaying from the scenario, forward by running; the change log is kept. */
  seek(id: SessionId, timeMs: number, request?: FrameRequest): Frame;
  /** Starts the session again from its scenario at time 0 with an empty change log, with `seed` if given. */
  reset(id: SessionId, seed?: number): OpenResult;
  /** Applies a live change now and logs it (dropping logged changes later than now); null, or the errors. */
  apply(id: SessionId, change: unknown): ValidationError[] | null;
  /** The live changes applied so far on this timeline, in order. */
  changeLog(id: SessionId): LoggedChange[];
  /** The scenario as it runs now: the document with the live changes so far (patches and friendly changes) written in. */
  scenarioNow(id: SessionId): Scenario;
  metrics(id: SessionId): MetricsReport;
  /** Blind windows and health over the run. */
  health(id: SessionId): HealthReport;
  /** Scaling groups: capacity, instances by state, per-second history (typed arrays, transferred). */
  scaling(id: SessionId): ScalingReport[];
  series(id: SessionId): Series;
  /** Event-log entries with seq > sinceSeq. */
  events(id: SessionId, sinceSeq?: number): SimEvent[];
  topology(id: SessionId): Topology;
  /** Evaluates lesson goals (or waits and predictions, given ids and labels) on the session's run as it is now. */
  checkGoals(id: SessionId, goals: LessonGoal[]): GoalResult[];
  /**
   * Sets the lesson's check: `goals` judged exactly when the run passes `atMs` (kept across Reset). Answers
   * the judgement once the run has passed that moment with the check set, else null.
   */
  judgeAt(id: SessionId, atMs: number, goals: LessonGoal[]): GoalResult[] | null;
  /** Runs a fresh copy of the scenario with `changes` to `checkSec` and evaluates the goals there (a Solve preview). */
  previewGoals(scenarioJson: unknown, goals: LessonGoal[], changes: TimedChange[], checkSec: number): CheckResult | { errors: ValidationError[] };
  /** The journey of request `requestId` of the session's run (replayed up to now); null when it has not arrived. */
  explain(id: SessionId, requestId: number): Journey | null;
  /** The run's notable requests so far: failed by reason (with counts), the slowest, the retried. */
  notable(id: SessionId): NotableLists;
  /** The balancing algorithm's internals for one target group now; null for an unknown group. */
  internals(id: SessionId, groupId: string, leavingId?: string): GroupInternals | null;
  /** Forgets a session; closing an unknown id does nothing. */
  close(id: SessionId): void;
}

export interface SimApiOptions {
  /** Wall clock for frame budgets (default performance.now). */
  now?: () => number;
  /** Longest wall-clock time a restore from a shared change log may take before it is refused (default 20 s). */
  restoreBudgetMs?: number;
}

/**
 * Marks the typed arrays of an answer for transfer instead of copying. Safe because the engine builds them
 * fresh for every call (a test holds it to that). Called directly, without Comlink, it returns the answer as is.
 */
function transferring<T extends object>(answer: T, arrays: Float64Array[]): T {
  return transfer(answer, [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))]);
}

function seriesArrays(s: Series): Float64Array[] {
  return [s.arrived, s.ok, s.failed, s.p50, s.p95, s.p99, s.targetRequests, s.targetUtilization];
}

function scalingArrays(reports: ScalingReport[]): Float64Array[] {
  return reports.flatMap(({ series: s }) => [s.desired, s.inService, s.live, s.cpu]);
}

/** Creates an empty session table. */
export function createSimApi(options: SimApiOptions = {}): SimApi {
  const sessions = new Map<SessionId, Timeline>();
  const now = options.now ?? (() => performance.now());
  const restoreBudgetMs = options.restoreBudgetMs ?? 20_000;
  let nextId: SessionId = 1;

  function session(id: SessionId): Timeline {
    const timeline = sessions.get(id);
    if (timeline === undefined) throw new Error(`no simulation session ${String(id)} (it was closed or never opened)`);
    return timeline;
  }

  function checkTime(name: string, ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`${name} needs a finite time ≥ 0, got ${ms}`);
  }

  function frameOf(timeline: Timeline, request: FrameRequest = {}): Frame {
    const sim = timeline.sim;
    const snapshot = sim.snapshot();
    sim.drainFlows(); // the page now has them
    const events = request.sinceSeq !== undefined && snapshot.lastEventSeq > request.sinceSeq ? sim.events(request.sinceSeq) : null;
    const series = request.series ? sim.series() : null;
    const topology = request.topologyVersion !== undefined && request.topologyVersion !== snapshot.topologyVersion ? sim.topology() : null;
    const reports = request.reports ? { metrics: sim.metrics(), health: sim.health(), scaling: sim.scaling() } : null;
    const arrays = [snapshot.targets, snapshot.flows, ...(series ? seriesArrays(series) : []), ...(reports ? scalingArrays(reports.scaling) : [])];
    return transferring({ snapshot, events, series, topology, reports }, arrays);
  }

  function opened(id: SessionId, timeline: Timeline): OpenResult {
    return { ok: true, id, topology: timeline.sim.topology(), scenario: timeline.scenario };
  }

  return {
    open(scenarioJson, openOptions = {}) {
      const validated = validateScenario(scenarioJson);
      if (!validated.ok) return { ok: false, errors: validated.errors };
      let scenario = validated.value;
      if (openOptions.seed !== undefined) {
        const seed = openOptions.seed;
        if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) return { ok: false, errors: [seedError(seed)] };
        scenario = { ...scenario, seed };
      }
      const log = checkChangeLog(openOptions.changes ?? [], openOptions.atMs ?? 0, scenario);
      if (!log.ok) return log;
      let timeline: Timeline;
      try {
        timeline = new Timeline(scenario);
        if (openOptions.deferReplay) timeline.load(log.value.changes);
        else {
          const refused = timeline.restore(log.value.changes, log.value.atMs, now, restoreBudgetMs);
          if (refused !== null) return { ok: false, errors: [refused] };
        }
      } catch (e) {
        return { ok: false, errors: [coded('(root)', 'val_run_start', { reason: (e as Error).message })] };
      }
      const id = nextId++;
      sessions.set(id, timeline);
      return opened(id, timeline);
    },

    check(scenarioJson) {
      const validated = validateScenario(scenarioJson);
      return validated.ok ? null : validated.errors;
    },

    advance(id, dtSimMs) {
      const timeline = session(id);
      checkTime('advance', dtSimMs);
      timeline.forward(timeline.sim.nowMs + dtSimMs);
      const snapshot = timeline.sim.snapshot();
      timeline.sim.drainFlows();
      return transferring(snapshot, [snapshot.targets, snapshot.flows]);
    },

    frame(id, maxDtSimMs, budgetMs, request) {
      const timeline = session(id);
      checkTime('frame', maxDtSimMs);
      timeline.forwardWithin(timeline.sim.nowMs + maxDtSimMs, budgetMs, now);
      return frameOf(timeline, request);
    },

    replay(id, toMs, budgetMs) {
      const timeline = session(id);
      checkTime('replay', toMs);
      const error = timeline.replayWithin(toMs, budgetMs, now);
      if (timeline.sim.nowMs >= toMs) timeline.sim.drainFlows(); // the replay's flows are not drawn
      return { timeMs: timeline.sim.nowMs, error };
    },

    runTo(id, timeMs, request) {
      const timeline = session(id);
      checkTime('runTo', timeMs);
      if (timeMs > timeline.sim.nowMs) timeline.forward(timeMs);
      return frameOf(timeline, request);
    },

    step(id, limitMs, request) {
      const timeline = session(id);
      checkTime('step', limitMs);
      timeline.stepTo(limitMs);
      return frameOf(timeline, request);
    },

    seek(id, timeMs, request) {
      const timeline = session(id);
      checkTime('seek', timeMs);
      timeline.seek(timeMs);
      timeline.sim.drainFlows(); // the replay's flows: the view starts afresh at the new moment
      return frameOf(timeline, request);
    },

    reset(id, seed) {
      const timeline = session(id);
      if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)) {
        return { ok: false, errors: [seedError(seed)] };
      }
      const fresh = new Timeline(seed === undefined ? timeline.scenario : { ...timeline.scenario, seed });
      if (timeline.checkpoint !== null) fresh.checkpoint = { ...timeline.checkpoint, result: null };
      sessions.set(id, fresh);
      return opened(id, fresh);
    },

    apply(id, change) {
      const timeline = session(id);
      const topology = timeline.sim.topology();
      const live = { targets: topology.targets.map((t) => t.id), groups: topology.groups.map((g) => g.id) };
      const validated = validateChange(change, timeline.scenario, live);
      if (!validated.ok) return validated.errors;
      // refused (nothing changed): a patch's errors each at its path with its code (the validator's, or the run's
      // refusal to adopt it), so the page can word them in its language; another change's sentence at "(change)"
      return timeline.tryApply(validated.value);
    },

    changeLog: (id) => session(id).applied(),
    scenarioNow: (id) => session(id).sim.scenario,
    metrics: (id) => session(id).sim.metrics(),
    health: (id) => session(id).sim.health(),
    scaling(id) {
      const reports = session(id).sim.scaling();
      return transferring(reports, scalingArrays(reports));
    },
    series(id) {
      const series = session(id).sim.series();
      return transferring(series, seriesArrays(series));
    },
    events: (id, sinceSeq = 0) => session(id).sim.events(sinceSeq),
    topology: (id) => session(id).sim.topology(),

    checkGoals(id, goals) {
      const timeline = session(id);
      return evaluateLessonGoals(goals, goalStateOf(timeline.sim, timeline.applied()));
    },

    judgeAt(id, atMs, goals) {
      const timeline = session(id);
      checkTime('judgeAt', atMs);
      const cp = timeline.checkpoint;
      if (cp === null || cp.atMs !== atMs) {
        timeline.checkpoint = { atMs, judge: (t) => evaluateLessonGoals(goals, goalStateOf(t.sim, t.applied())), result: null };
      }
      return timeline.checkpoint!.result;
    },

    previewGoals(scenarioJson, goals, changes, checkSec) {
      const validated = validateScenario(scenarioJson);
      return validated.ok ? runLessonCheck(validated.value, goals, changes, checkSec) : { errors: validated.errors };
    },

    explain(id, requestId) {
      if (!Number.isInteger(requestId) || requestId < 0) throw new RangeError(`a request id is an integer ≥ 0, got ${requestId}`);
      return session(id).explain(requestId);
    },

    notable: (id) => session(id).notable(),
    internals: (id, groupId, leavingId) => session(id).sim.internals(String(groupId), leavingId === undefined ? undefined : String(leavingId)),

    close(id) {
      sessions.delete(id);
    },
  };
}

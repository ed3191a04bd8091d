/**
 * The main thread's handle on one simulation session in the shared worker. It pulls one frame per
 * animation frame (`tick`): the wall time since the last answer × speed, of simulated time, within a
 * wall-clock budget in the worker — one question in flight at a time, so a slow frame or a busy worker
 * simply means fewer, larger steps (back-pressure), never a queue. The latest answers are kept in
 * `$state.raw` for the page to draw: snapshot, topology, per-second series and the run's reports (metrics,
 * health, scaling: at most once per closed simulated second and 4 times a wall second), the recent event
 * log, and the live-change log. Time travel (step, seek, reset) is done by the worker.
 */
import type { HealthReport, MetricsReport, ScalingReport, SimEvent, Series, Snapshot, Topology } from '../engine/types.ts';
import type { Change, Scenario } from '../scenario/schema.ts';
import type { ValidationError } from '../scenario/validate.ts';
import type { GoalResult } from '../engine/goals/index.ts';
import type { LessonGoal } from '../content/conditions.ts';
import type { Frame, FrameRequest, LoggedChange, OpenOptions, OpenResult, SessionId } from '../../workers/sim-api.ts';
import { StaleAnswer, type SimWorker } from './sim-worker.ts';
import type { Speed } from './speed.ts';
import type { PlaybackTarget } from './playback-target.ts';

export type { Snapshot, Topology, Scenario, ValidationError, SimEvent, Series, LoggedChange, Change, MetricsReport, HealthReport, ScalingReport };

export type Opened = { ok: true } | { ok: false; errors: ValidationError[] };

/** A long restore (a share link's moment) replayed a bit at a time: its progress, and a way to stop it. */
export interface ReplayControl {
  onProgress: (doneMs: number, totalMs: number) => void;
  /** Asked between bits: true stops the replay where it got to. */
  cancelled: () => boolean;
}

/** Wall ms of replay per question to the worker: short enough for progress and Cancel to feel immediate. */
const REPLAY_BIT_MS = 100;

/** Events kept for the page (the engine keeps more). */
const EVENTS_KEPT = 300;
/** Wall ms between two fetches of the series and reports while playing. */
const SERIES_EVERY_MS = 250;
/** Wall ms of simulation per frame in the worker; the rest of the frame is the page's. */
const FRAME_BUDGET_MS = 12;
/** Longest wall gap one frame may turn into simulated time (after a stall or a hidden tab). */
const MAX_FRAME_WALL_MS = 250;
/** Rewinding replays from the start, which may take seconds on a long, busy run. */
const SEEK_TIMEOUT_MS = 60_000;
const RESTORE_TIMEOUT_MS = 30_000;

export class SimSession implements PlaybackTarget {
  /** The document as given (for the editor, export and share links). */
  source = $state.raw<unknown>(null);
  /** The validated scenario, defaults filled in and the seed in use. */
  scenario = $state.raw<Scenario | null>(null);
  topology = $state.raw<Topology | null>(null);
  snapshot = $state.raw<Snapshot | null>(null);
  series = $state.raw<Series | null>(null);
  metrics = $state.raw<MetricsReport | null>(null);
  health = $state.raw<HealthReport | null>(null);
  scaling = $state.raw<ScalingReport[] | null>(null);
  events = $state.raw<SimEvent[]>([]);
  changes = $state.raw<LoggedChange[]>([]);
  /** The furthest simulated time reached on this timeline (rewinding keeps it; a new change cuts it). */
  horizonMs = $state(0);

  readonly #worker: SimWorker;
  readonly #onEvents: (added: SimEvent[], fresh: boolean) => void;
  #id: SessionId | null = null;
  #generation = -1;
  #busy = false;
  #owedWallMs = 0;
  #lastSeriesAt = -Infinity;
  /** The simulated second the series and reports on screen were taken in. */
  #detailsSec = -1;

  /** `onEvents` hears of new event-log entries; `fresh` when the log was replaced (open, seek, reset) rather than extended. */
  constructor(worker: SimWorker, onEvents: (added: SimEvent[], fresh: boolean) => void = () => {}) {
    this.#worker = worker;
    this.#onEvents = onEvents;
  }

  get durationMs(): number {
    return (this.scenario?.durationSec ?? Infinity) * 1000;
  }

  get timeMs(): number {
    return this.snapshot?.timeMs ?? 0;
  }

  get ended(): boolean {
    return this.snapshot !== null && this.timeMs >= this.durationMs;
  }

  /** Whether the session is open in the current worker (false after a crash until reopened). */
  get live(): boolean {
    return this.#id !== null && this.#generation === this.#worker.generation;
  }

  /**
   * Opens a document (optionally restoring seed, changes and moment). The current run is kept if it fails.
   * With `replay`, a moment to restore is replayed a bit at a time, reporting progress, and may be stopped:
   * the run then opens at the moment reached.
   */
  async open(source: unknown, options: OpenOptions = {}, replay?: ReplayControl): Promise<Opened> {
    const restoring = options.changes !== undefined || options.atMs !== undefined;
    const progressive = replay !== undefined && typeof options.atMs === 'number' && options.atMs > 0;
    const opened = await this.#worker.ask<OpenResult>((api) => api.open(source, { ...options, deferReplay: progressive }), restoring && !progressive ? RESTORE_TIMEOUT_MS : undefined);
    if (!opened.ok) return opened;
    if (progressive) {
      const refused = await this.#replay(opened.id, options.atMs as number, replay);
      if (refused !== null) return { ok: false, errors: [refused] };
    }
    const previous = this.live ? this.#id : null;
    this.#id = opened.id;
    this.#generation = this.#worker.generation;
    if (previous !== null) void this.#worker.ask((api) => api.close(previous)).catch(() => {});
    this.source = source;
    this.scenario = opened.scenario;
    this.topology = opened.topology;
    this.horizonMs = 0;
    await this.#refresh(this.#worker.ask((api) => api.frame(opened.id, 0, 0, this.#request(0, true))), true);
    return { ok: true };
  }

  /** Replays a deferred change log to `totalMs`, a bit at a time; the first refused change, or null. */
  async #replay(id: SessionId, totalMs: number, control: ReplayControl): Promise<ValidationError | null> {
    for (;;) {
      const bit = await this.#worker.ask((api) => api.replay(id, totalMs, REPLAY_BIT_MS));
      if (bit.error !== null) {
        void this.#worker.ask((api) => api.close(id)).catch(() => {});
        return bit.error;
      }
      control.onProgress(bit.timeMs, totalMs);
      if (bit.timeMs >= totalMs || control.cancelled()) return null;
    }
  }

  /** Opens the current source again from time 0 (after a crash, in a fresh worker). */
  async reopen(): Promise<Opened> {
    const seed = this.scenario?.seed;
    this.#id = null;
    return this.open(this.source, seed === undefined ? {} : { seed });
  }

  /** One animation frame's worth: asks for `wallMs × speed` more simulated time unless a question is in flight. */
  tick(wallMs: number, speed: Speed): Promise<void> {
    this.owe(wallMs);
    const id = this.#id;
    if (this.#busy || id === null || !this.live) return Promise.resolve();
    const remainingMs = Math.max(0, this.durationMs - this.timeMs);
    const dtMs = speed === 'max' ? remainingMs : Math.min(this.#owedWallMs * speed, remainingMs);
    this.#owedWallMs = 0;
    this.#busy = true;
    const asked = this.#worker.ask((api) => api.frame(id, dtMs, FRAME_BUDGET_MS, this.#request(this.#lastSeq(), this.#seriesDue())));
    return this.#refresh(asked, false).finally(() => (this.#busy = false));
  }

  /** Runs on to simulated time `timeMs` (later than now), without a budget: compare mode keeps its second run level with the first. */
  async catchUp(timeMs: number, withSeries = this.#seriesDue()): Promise<void> {
    const id = this.#need();
    await this.#refresh(this.#worker.ask((api) => api.runTo(id, timeMs, this.#request(this.#lastSeq(), withSeries))), false);
  }

  /** Runs on by `ms` of simulated time, not past the end (a jump the learner asked for: the charts follow at once). */
  forward(ms: number): Promise<void> {
    return this.catchUp(Math.min(this.timeMs + ms, this.durationMs), true);
  }

  async settle(): Promise<void> {
    if (this.live) await this.catchUp(0, true);
  }

  /** Notes wall time that the next tick turns into simulated time (a frame skipped because something else was busy). */
  owe(wallMs: number): void {
    this.#owedWallMs = Math.min(this.#owedWallMs + Math.max(0, wallMs), MAX_FRAME_WALL_MS);
  }

  /** Runs to the next event (not past the end). */
  async step(): Promise<void> {
    const id = this.#need();
    await this.#refresh(this.#worker.ask((api) => api.step(id, this.durationMs, this.#request(this.#lastSeq(), true))), false);
  }

  /** Goes to simulated time `timeMs` (clamped to the run): back by replay in the worker, forward by running. */
  async seek(timeMs: number): Promise<void> {
    const id = this.#need();
    const to = Math.min(Math.max(0, timeMs), this.durationMs);
    await this.#refresh(this.#worker.ask((api) => api.seek(id, to, this.#request(0, true)), SEEK_TIMEOUT_MS), true);
  }

  /**
   * Starts again from the scenario at time 0, with another seed if given. With `keep` (the default) the live
   * changes so far are applied again from time 0, in order ("Restart run": a change made on a finished run is
   * never thrown away); without, the change log is emptied. If the changes cannot all be applied at time 0
   * the run restarts without them and the errors are answered.
   */
  async reset(seed?: number, keep = true): Promise<Opened> {
    const id = this.#need();
    if (keep && this.changes.length > 0) {
      const changes = this.changes.map((c) => ({ atMs: 0, change: c.change }));
      const reopened = await this.open(this.source, { seed: seed ?? this.scenario?.seed, changes, atMs: 0 });
      if (reopened.ok) return reopened;
      const plain = await this.reset(seed, false);
      return plain.ok ? reopened : plain;
    }
    const opened = await this.#worker.ask<OpenResult>((api) => api.reset(id, seed));
    if (!opened.ok) return opened;
    this.scenario = opened.scenario;
    this.topology = opened.topology;
    this.horizonMs = 0;
    await this.#refresh(this.#worker.ask((api) => api.frame(id, 0, 0, this.#request(0, true))), true);
    return { ok: true };
  }

  /** Applies a live change now; null, or why it was refused (nothing changed then). */
  async apply(change: Change): Promise<ValidationError[] | null> {
    const id = this.#need();
    const refused = await this.#worker.ask((api) => api.apply(id, change));
    if (refused !== null) return refused;
    await this.#refresh(this.#worker.ask((api) => api.frame(id, 0, 0, this.#request(this.#lastSeq(), true))), false);
    this.horizonMs = this.timeMs; // a new change starts a new future
    this.changes = await this.#worker.ask((api) => api.changeLog(id));
    return null;
  }

  /** Evaluates lesson goals (pure engine code, in the worker) on this run as it is now. */
  checkGoals(goals: LessonGoal[]): Promise<GoalResult[]> {
    const id = this.#need();
    return this.#worker.ask((api) => api.checkGoals(id, goals));
  }

  /** Forgets the session in the worker. */
  close(): void {
    const id = this.#id;
    this.#id = null;
    if (id !== null && this.live) void this.#worker.ask((api) => api.close(id)).catch(() => {});
  }

  #need(): SessionId {
    if (this.#id === null || !this.live) throw new StaleAnswer();
    return this.#id;
  }

  /** Whether to ask for the series and reports again: not too often, and only once a new simulated second has closed. */
  #seriesDue(): boolean {
    const stale = this.#detailsSec < Math.floor(this.timeMs / 1000);
    return stale && performance.now() - this.#lastSeriesAt >= SERIES_EVERY_MS;
  }

  #lastSeq(): number {
    return this.events.length > 0 ? this.events[this.events.length - 1].seq : 0;
  }

  #request(sinceSeq: number, series: boolean): FrameRequest {
    return { sinceSeq, series, reports: series, topologyVersion: this.topology?.version ?? -1 };
  }

  /** Takes in a frame; `fresh` replaces the event log and series (after open, seek, reset) instead of extending. */
  async #refresh(asked: Promise<Frame>, fresh: boolean): Promise<void> {
    const generation = this.#generation;
    const frame = await asked;
    if (generation !== this.#generation) return;
    this.snapshot = frame.snapshot;
    if (frame.topology !== null) this.topology = frame.topology;
    if (frame.series !== null) {
      this.series = frame.series;
      this.#lastSeriesAt = performance.now();
      this.#detailsSec = Math.floor(frame.snapshot.timeMs / 1000);
    }
    if (frame.reports !== null) {
      this.metrics = frame.reports.metrics;
      this.health = frame.reports.health;
      this.scaling = frame.reports.scaling;
    }
    if (fresh) {
      this.events = (frame.events ?? []).slice(-EVENTS_KEPT);
      this.#onEvents(this.events, true);
    } else if (frame.events !== null) {
      const last = this.#lastSeq();
      const added = frame.events.filter((e) => e.seq > last);
      if (added.length > 0) {
        this.events = [...this.events, ...added].slice(-EVENTS_KEPT);
        this.#onEvents(added, false);
      }
    }
    if (fresh && this.#id !== null) {
      const id = this.#id;
      this.changes = await this.#worker.ask((api) => api.changeLog(id));
    }
    this.horizonMs = Math.max(this.horizonMs, frame.snapshot.timeMs);
  }
}

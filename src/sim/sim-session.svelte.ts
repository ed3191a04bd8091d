/**
 * The main thread's handle on one simulation session in the shared worker. It pulls frames (`tick`): the
 * wall time since the last question × speed, of simulated time, within a wall-clock budget in the worker
 * about as long as the page's frames (frame-pacer.ts) — one question in flight at a time, so a slow frame or
 * a busy worker simply means fewer, larger steps (back-pressure), never a queue. A tick answers whether the
 * worker fell behind (stopped on its budget); the caller then asks again at once, so the worker keeps
 * working while the page draws. While it is behind, the simulated time it fell short by is still owed (a
 * bounded debt, not a queue) and a second question may wait in the worker, so that it starts on it the
 * moment it answers instead of idling while the page takes in the answer and asks again: a world the worker
 * can barely run in real time (R3, 1,000,000 req/s) then does. The answers are kept in `$state.raw`: the snapshot
 * (`latest` and the shown `snapshot`, shown-snapshot.svelte.ts); topology, per-second series and the run's reports
 * (metrics, health, scaling: at most once per closed simulated second and 4 times a wall second), the
 * recent event log, and the live-change log. Time travel (step, seek, reset) is done by the worker; a long
 * restore is replayed a bit at a time (session-replay.ts). A lesson may set a stop (`stopAtMs`, its step's
 * moment): a breakpoint that the run, on its way forward, does not pass in one go, at any speed — playing asks
 * the worker for no time beyond it and says when it got there (`stopped`), so that playback pauses exactly there;
 * a jump forward (+1 s, Next event, the scrubber) ends there too. Once the run is at or past it, it plays on.
 */
import type { HealthReport, MetricsReport, ScalingReport, SimEvent, Series, Snapshot, Topology } from '../engine/types.ts';
import type { Change, Scenario } from '../scenario/schema.ts';
import type { ValidationError } from '../scenario/validate.ts';
import type { GoalResult } from '../engine/goals/index.ts';
import type { LessonGoal } from '../content/conditions.ts';
import type { GroupInternals, Journey, NotableLists } from '../engine/explain/index.ts';
import type { Frame, FrameRequest, LoggedChange, OpenOptions, OpenResult, SessionId } from '../../workers/sim-api.ts';
import { StaleAnswer, type SimWorker } from './sim-worker.ts';
import type { Speed } from './speed.ts';
import type { PlaybackTarget } from './playback-target.ts';
import { FramePacer } from './frame-pacer.ts';
import { replayInBits, type ReplayControl } from './session-replay.ts';
import { ShownSnapshot } from './shown-snapshot.svelte.ts';

export type { Snapshot, Topology, Scenario, ValidationError, SimEvent, Series, LoggedChange, Change, MetricsReport, HealthReport, ScalingReport, ReplayControl };

export type Opened = { ok: true } | { ok: false; errors: ValidationError[] };

/** Events kept for the page (the engine keeps more). */
const EVENTS_KEPT = 300;
/** Wall ms between two fetches of the series and reports while playing. */
const SERIES_EVERY_MS = 250;
export { SHOW_EVERY_MS } from './shown-snapshot.svelte.ts';
/** Rewinding replays from the start, and a jump forward runs without a budget: either may take seconds on a long, busy run. */
const SEEK_TIMEOUT_MS = 60_000;
const RESTORE_TIMEOUT_MS = 30_000;
/** Longest simulated jump in one question to the worker (a quiet hour of a long lesson world takes a fraction of a second). */
export const FORWARD_LEG_MS = 3_600_000;

export class SimSession implements PlaybackTarget {
  /** The document as given (for the editor, export and share links). */
  source = $state.raw<unknown>(null);
  /** The validated scenario, defaults filled in and the seed in use. */
  scenario = $state.raw<Scenario | null>(null);
  topology = $state.raw<Topology | null>(null);
  series = $state.raw<Series | null>(null);
  metrics = $state.raw<MetricsReport | null>(null);
  health = $state.raw<HealthReport | null>(null);
  scaling = $state.raw<ScalingReport[] | null>(null);
  events = $state.raw<SimEvent[]>([]);
  changes = $state.raw<LoggedChange[]>([]);
  /** The furthest simulated time reached on this timeline (rewinding keeps it; a new change cuts it). */
  horizonMs = $state(0);
  /**
   * A simulated time the run stops at on its way forward (a lesson step's moment), or null. It holds only while
   * the run is short of it: a run at or past it plays on.
   */
  stopAtMs: number | null = null;

  readonly #worker: SimWorker;
  readonly #onEvents: (added: SimEvent[], fresh: boolean) => void;
  #id: SessionId | null = null;
  #generation = -1;
  /** What tick() asks for, and how many of its questions are in flight. */
  readonly #pacer = new FramePacer();
  /** The taking-in of the last question in flight: answers are taken in the order asked. */
  #taken: Promise<unknown> = Promise.resolve();
  readonly #shown = new ShownSnapshot(() => {
    this.horizonMs = Math.max(this.horizonMs, this.reachedMs);
  });
  #lastSeriesAt = -Infinity;
  /** The simulated second the series and reports on screen were taken in. */
  #detailsSec = -1;
  /** The newest answer to a tick arrived at the stop. */
  #stopped = false;

  /** `onEvents` hears of new event-log entries; `fresh` when the log was replaced (open, seek, reset) rather than extended. */
  constructor(worker: SimWorker, onEvents: (added: SimEvent[], fresh: boolean) => void = () => {}) {
    this.#worker = worker;
    this.#onEvents = onEvents;
  }

  /** What the page shows: the newest snapshot, at most every SHOW_EVERY_MS of wall time while playing. */
  get snapshot(): Snapshot | null {
    return this.#shown.snapshot;
  }

  /** The newest snapshot, on every answer: for the moving dots, whose flow records each answer carries once. */
  get latest(): Snapshot | null {
    return this.#shown.latest;
  }

  get durationMs(): number {
    return (this.scenario?.durationSec ?? Infinity) * 1000;
  }

  /** The simulated time on screen. */
  get timeMs(): number {
    return this.snapshot?.timeMs ?? 0;
  }

  /** The simulated time of the newest answer (ahead of `timeMs` by less than SHOW_EVERY_MS of wall time while playing). */
  get reachedMs(): number {
    return this.latest?.timeMs ?? 0;
  }

  get ended(): boolean {
    return this.latest !== null && this.reachedMs >= this.durationMs;
  }

  /** The newest answer to a tick or a seek arrived at the stop (`stopAtMs`) from short of it: playing pauses here. */
  get stopped(): boolean {
    return this.#stopped;
  }

  /** How far forward the run may go now: its stop while still short of it, else its end. */
  #limitMs(): number {
    const stop = this.stopAtMs;
    return stop !== null && stop > this.reachedMs ? Math.min(stop, this.durationMs) : this.durationMs;
  }

  /** Whether the run, which was at `fromMs`, has just arrived at its stop from short of it. */
  #arrived(fromMs: number): boolean {
    const stop = this.stopAtMs;
    return stop !== null && fromMs < stop && this.reachedMs >= stop;
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
      const refused = await replayInBits(this.#worker, opened.id, options.atMs as number, replay);
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

  /** Opens the current source again from time 0 (after a crash, in a fresh worker). */
  async reopen(): Promise<Opened> {
    const seed = this.scenario?.seed;
    this.#id = null;
    return this.open(this.source, seed === undefined ? {} : { seed });
  }

  /**
   * One frame's worth (`wallMs` since the last frame; 0 when asked again at once): asks for the wall time
   * owed × speed of simulated time, unless a question is in flight. Answers true when the worker fell behind:
   * it stopped on its wall-clock budget before the time asked for.
   */
  async tick(wallMs: number, speed: Speed): Promise<boolean> {
    this.#stopped = false; // said of an answer: a tick that asks nothing has not arrived anywhere
    this.#pacer.frame(wallMs);
    const id = this.#id;
    if (this.#pacer.full || id === null || !this.live) return false;
    const leg = this.#pacer.next(this.reachedMs, this.#limitMs(), speed);
    if (leg === null) return false;
    const asked = this.#worker.ask((api) => api.frame(id, leg.dtMs, leg.budgetMs, this.#request(this.#lastSeq(), this.#seriesDue())));
    const previous = this.#taken;
    const taken = (async () => {
      try {
        await previous;
        const fromMs = this.reachedMs; // the worker started on this question where the previous answer left it
        await this.#refresh(asked, false, true);
        this.#stopped = this.#arrived(fromMs);
        const shortMs = fromMs + leg.dtMs - this.reachedMs;
        // fell short on its budget: the time is still owed (bounded), asked for again at once
        return this.#pacer.answered(shortMs, speed, this.live && shortMs > 0 && !this.ended);
      } finally {
        this.#pacer.settled(leg);
      }
    })();
    this.#taken = taken.catch(() => {});
    return taken;
  }

  /**
   * Runs on to simulated time `timeMs` (later than now), without a budget: compare mode keeps its second run
   * level with the first (`playing`: shown at the playing rate, like the first).
   */
  async catchUp(timeMs: number, withSeries = this.#seriesDue(), playing = false): Promise<void> {
    const id = this.#need();
    // unbudgeted, like a rewind: a long jump or a big world may take seconds (the frame deadline would call the worker dead)
    await this.#refresh(this.#worker.ask((api) => api.runTo(id, timeMs, this.#request(this.#lastSeq(), withSeries)), SEEK_TIMEOUT_MS), false, playing);
  }

  /**
   * Runs on by `ms` of simulated time, not past the end nor the stop (a jump the learner asked for: the charts follow at once).
   * A long jump goes in legs of at most FORWARD_LEG_MS, each its own question to the worker: every request is
   * still simulated, but no one question runs for minutes on a loaded machine (past SEEK_TIMEOUT_MS the worker
   * would be called dead), and only the last leg fetches the series.
   */
  async forward(ms: number): Promise<void> {
    const to = Math.min(this.reachedMs + ms, this.#limitMs());
    for (;;) {
      const from = this.reachedMs;
      const leg = Math.min(to, from + FORWARD_LEG_MS);
      await this.catchUp(leg, leg >= to);
      // the end, or a run that stopped short (it ended, or was replaced): no more legs
      if (leg >= to || this.reachedMs <= from) return;
    }
  }

  /** The run's reports and event log as they are now in the worker, not as last fetched while playing (what a lesson keeps of a moment). */
  async facts(): Promise<{ metrics: MetricsReport | null; health: HealthReport | null; events: SimEvent[] }> {
    await this.catchUp(0, true);
    return { metrics: this.metrics, health: this.health, events: this.events };
  }

  /** Playing stopped: the time owed is forgiven, and the series fetched for the moment on screen. */
  async settle(): Promise<void> {
    this.#pacer.forgive();
    if (this.live) await this.catchUp(0, true);
  }

  /** Notes wall time that the next tick turns into simulated time (a frame skipped because something else was busy). */
  owe(wallMs: number): void {
    this.#pacer.owe(wallMs);
  }

  /** Runs to the next event (not past the end nor the stop). */
  async step(): Promise<void> {
    const id = this.#need();
    await this.#refresh(this.#worker.ask((api) => api.step(id, this.#limitMs(), this.#request(this.#lastSeq(), true))), false);
  }

  /** Goes to simulated time `timeMs` (clamped to the run; forward, not past the stop): back by replay in the worker, forward by running. */
  async seek(timeMs: number): Promise<void> {
    const id = this.#need();
    const fromMs = this.reachedMs;
    const to = Math.min(Math.max(0, timeMs), timeMs > fromMs ? this.#limitMs() : this.durationMs);
    this.#stopped = false;
    await this.#refresh(this.#worker.ask((api) => api.seek(id, to, this.#request(0, true)), SEEK_TIMEOUT_MS), true);
    this.#stopped = this.#arrived(fromMs);
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
    this.horizonMs = this.reachedMs; // a new change starts a new future
    this.changes = await this.#worker.ask((api) => api.changeLog(id));
    return null;
  }

  /** The scenario as it runs now, live changes written in (what the builder's inspector shows and patches). */
  scenarioNow(): Promise<Scenario> {
    const id = this.#need();
    return this.#worker.ask((api) => api.scenarioNow(id));
  }

  /** Evaluates lesson goals (pure engine code, in the worker) on this run as it is now. */
  checkGoals(goals: LessonGoal[]): Promise<GoalResult[]> {
    const id = this.#need();
    return this.#worker.ask((api) => api.checkGoals(id, goals));
  }

  /** Sets the lesson's check (goals judged exactly at `atMs`); its judgement once the run has passed it, else null. */
  judgeAt(atMs: number, goals: LessonGoal[]): Promise<GoalResult[] | null> {
    const id = this.#need();
    return this.#worker.ask((api) => api.judgeAt(id, atMs, goals));
  }

  /** The journey of one request of this run (the worker replays the run to it, so allow a long answer). */
  explain(requestId: number): Promise<Journey | null> {
    const id = this.#need();
    return this.#worker.ask((api) => api.explain(id, requestId), SEEK_TIMEOUT_MS);
  }

  /** The balancing algorithm's internals for one target group now (with `leavingId`: the keys its leaving moves). */
  internals(groupId: string, leavingId?: string): Promise<GroupInternals | null> {
    const id = this.#need();
    return this.#worker.ask((api) => api.internals(id, groupId, leavingId));
  }

  /** The run's failed (by reason), slowest and retried requests so far. */
  notable(): Promise<NotableLists> {
    const id = this.#need();
    return this.#worker.ask((api) => api.notable(id));
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
    const stale = this.#detailsSec < Math.floor(this.reachedMs / 1000);
    return stale && performance.now() - this.#lastSeriesAt >= SERIES_EVERY_MS;
  }

  #lastSeq(): number {
    return this.events.length > 0 ? this.events[this.events.length - 1].seq : 0;
  }

  #request(sinceSeq: number, series: boolean): FrameRequest {
    return { sinceSeq, series, reports: series, topologyVersion: this.topology?.version ?? -1 };
  }

  /**
   * Takes in a frame; `fresh` replaces the event log and series (after open, seek, reset) instead of
   * extending; `playing` shows its snapshot at the playing rate (at once otherwise).
   */
  async #refresh(asked: Promise<Frame>, fresh: boolean, playing = false): Promise<void> {
    const generation = this.#generation;
    const frame = await asked;
    if (generation !== this.#generation) return;
    this.#shown.take(frame.snapshot, playing);
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
  }
}

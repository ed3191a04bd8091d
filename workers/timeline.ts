/**
 * One session's run as a timeline: the simulation, plus the log of live changes applied to it with the
 * simulated time of each. The engine is deterministic and a run does not depend on how its time is sliced,
 * so "run to t, apply the change" replayed from the scenario reproduces the run exactly. Rewinding rebuilds
 * from the scenario and replays; no engine state is copied. Changes logged after the current moment stay
 * (scrubbing forward again replays them) until a new change is applied, which starts a new future.
 * Measured (Node, 50 targets, 2,000 req/s): replay runs about 4 simulated minutes per wall second.
 */
import { createSimulation, refusalText } from '../src/engine/index.ts';
import { JourneyRecorder, JourneyCache, explainRequest, type Journey, type NotableLists } from '../src/engine/explain/index.ts';
import type { Simulation } from '../src/engine/types.ts';
import type { GoalResult } from '../src/engine/goals/index.ts';
import { ChangeSchema, type Change, type Scenario } from '../src/scenario/schema.ts';
import { LIMITS } from '../src/scenario/limits.ts';
import { validateChange, type Validated, type ValidationError } from '../src/scenario/validate.ts';
import { coded, gotOf } from '../src/scenario/error-codes.ts';

/**
 * A moment the run is judged at (a lesson's check second): `judge` runs exactly when the run passes
 * `atMs`, and its answer is kept until the run goes back before it. A budget in dollars, or any total that
 * grows with time, then reads the same however late the page asks, as the offline check does.
 */
export interface Checkpoint {
  readonly atMs: number;
  readonly judge: (timeline: Timeline) => GoalResult[];
  result: GoalResult[] | null;
}

/** A live change and the simulated time it was applied at. */
export interface LoggedChange {
  atMs: number;
  change: Change;
}

/**
 * Seconds of per-second series kept for the charts: the page fetches the series a few times a second, and
 * with many targets the whole hour the engine keeps by default would be megabytes each time.
 */
export const SERIES_SECONDS = 600;

/** The first slice of simulated time a budgeted run takes; slices double while they stay cheap. */
const FIRST_SLICE_MS = 1;

export class Timeline {
  sim: Simulation;
  /** Listens to the live run for the lists of failed, slowest and retried requests (explain/). */
  private recorder: JourneyRecorder;
  /** Recent explanations of this timeline's requests (cleared when a new change starts a new future). */
  private readonly journeys = new JourneyCache();
  private log: LoggedChange[] = [];
  /** Entries before the cursor have been applied to `sim`. */
  private cursor = 0;
  /** The moment the run is judged at, if a lesson set one (see Checkpoint). */
  checkpoint: Checkpoint | null = null;

  constructor(readonly scenario: Scenario) {
    this.recorder = new JourneyRecorder();
    this.sim = createSimulation(scenario, { seriesCapacity: SERIES_SECONDS, recorder: this.recorder });
  }

  /** The run's notable requests so far: failed by reason, slowest, retried. */
  notable(): NotableLists {
    return this.recorder.notable!.lists();
  }

  /**
   * The journey of request `id`, replayed from the scenario with the changes applied so far, up to now
   * (a request still in flight comes back as far as it got); null when it has not arrived yet.
   */
  explain(id: number): Journey | null {
    const cached = this.journeys.get(id);
    if (cached !== undefined) return cached;
    const j = explainRequest(this.scenario, id, this.log.slice(0, this.cursor), this.sim.nowMs);
    if (j !== null) this.journeys.set(j);
    return j;
  }

  /** The changes applied so far, oldest first (copies). */
  applied(): LoggedChange[] {
    return this.log.slice(0, this.cursor).map((e) => ({ atMs: e.atMs, change: e.change }));
  }

  /** Applies a change now and logs it; a refused change is neither applied nor logged (why: Simulation.tryApply). */
  tryApply(change: Change): ValidationError[] | null {
    const refused = this.sim.tryApply(change);
    if (refused !== null) return refused;
    this.log.length = this.cursor;
    this.log.push({ atMs: this.sim.nowMs, change });
    this.journeys.clear();
    this.cursor++;
    return null;
  }

  /** tryApply, answering why not in one English line. */
  apply(change: Change): string | null {
    const refused = this.tryApply(change);
    return refused === null ? null : refusalText(change, refused);
  }

  /** Runs to `toMs`, applying the logged changes met on the way at their times, judging the checkpoint on the way. */
  forward(toMs: number): void {
    const cp = this.checkpoint;
    if (cp !== null && cp.result === null && cp.atMs >= this.sim.nowMs && cp.atMs <= toMs) {
      this.runTo(cp.atMs);
      cp.result = cp.judge(this);
    }
    this.runTo(toMs);
  }

  private runTo(toMs: number): void {
    const log = this.log;
    while (this.cursor < log.length && log[this.cursor].atMs <= toMs) {
      const entry = log[this.cursor++];
      this.sim.runUntil(entry.atMs);
      // It applied to this very state before, so it applies again.
      this.sim.apply(entry.change);
    }
    this.sim.runUntil(toMs);
  }

  /** Like forward, in growing slices, stopping at a slice boundary once `budgetMs` of wall time is spent. */
  forwardWithin(toMs: number, budgetMs: number, now: () => number): void {
    const started = now();
    let slice = FIRST_SLICE_MS;
    while (this.sim.nowMs < toMs) {
      const before = now();
      this.forward(Math.min(toMs, this.sim.nowMs + slice));
      const after = now();
      if (after - started >= budgetMs) return;
      if (after - before < budgetMs / 16) slice *= 2;
    }
  }

  /** Runs to the next scheduled event or logged change, whichever comes first, but not past `limitMs`. */
  stepTo(limitMs: number): void {
    const nextChange = this.cursor < this.log.length ? this.log[this.cursor].atMs : Infinity;
    const target = Math.min(this.sim.nextEventMs(), nextChange, limitMs);
    this.forward(Math.max(target, this.sim.nowMs));
  }

  /** Goes to `timeMs`: back by rebuilding from the scenario and replaying, forward by running. */
  seek(timeMs: number): void {
    if (timeMs < this.sim.nowMs) {
      this.recorder = new JourneyRecorder();
      this.sim = createSimulation(this.scenario, { seriesCapacity: SERIES_SECONDS, recorder: this.recorder });
      this.cursor = 0;
      if (this.checkpoint !== null) this.checkpoint.result = null;
    }
    this.forward(timeMs);
  }

  /** Takes a checked change log to replay from time 0 later, bit by bit (replayWithin), instead of at once. */
  load(changes: LoggedChange[]): void {
    this.log = changes.slice();
    this.cursor = 0;
  }

  /**
   * Replays the loaded log towards `toMs` for at most `budgetMs` of wall time, so that a long replay can show
   * its progress and be cancelled between calls. Unlike forward, each change is checked: the first one the
   * engine refuses is answered as an error (the run stays where it got to).
   */
  replayWithin(toMs: number, budgetMs: number, now: () => number): ValidationError | null {
    const started = now();
    let slice = FIRST_SLICE_MS;
    do {
      const next = this.cursor < this.log.length ? this.log[this.cursor] : null;
      if (next !== null && next.atMs <= Math.min(toMs, this.sim.nowMs)) {
        this.sim.runUntil(next.atMs);
        const refused = this.sim.tryApply(next.change);
        if (refused !== null) return refusedAt(this.cursor, next, refused);
        this.cursor++;
        continue;
      }
      if (this.sim.nowMs >= toMs) break;
      const before = now();
      this.sim.runUntil(Math.min(toMs, this.sim.nowMs + slice, next?.atMs ?? Infinity));
      // slices grow only while they stay cheap, so one slice never overruns the budget by much
      if (now() - before < budgetMs / 16) slice *= 2;
    } while (now() - started < budgetMs);
    // at the end, the changes logged for that very moment are applied too, however long it took
    while (this.sim.nowMs >= toMs && this.cursor < this.log.length && this.log[this.cursor].atMs <= this.sim.nowMs) {
      const refused = this.sim.tryApply(this.log[this.cursor].change);
      if (refused !== null) return refusedAt(this.cursor, this.log[this.cursor], refused);
      this.cursor++;
    }
    return null;
  }

  /**
   * Replays a checked change log from time 0 and runs to `atMs`, within `budgetMs` of wall time.
   * Answers the first change the engine refuses, or a run too long to replay, as an error.
   */
  restore(changes: LoggedChange[], atMs: number, now: () => number, budgetMs: number): ValidationError | null {
    const deadline = now() + budgetMs;
    const runTo = (toMs: number): boolean => {
      let slice = FIRST_SLICE_MS;
      while (this.sim.nowMs < toMs) {
        if (now() > deadline) return false;
        this.sim.runUntil(Math.min(toMs, this.sim.nowMs + slice));
        slice *= 2;
      }
      return true;
    };
    const tooLong = coded('atMs', 'val_run_too_long', { secText: (atMs / 1000).toFixed(1), budget: Math.round(budgetMs / 1000) });
    for (let i = 0; i < changes.length; i++) {
      if (!runTo(changes[i].atMs)) return tooLong;
      const refused = this.sim.tryApply(changes[i].change);
      if (refused !== null) return refusedAt(i, changes[i], refused);
    }
    if (!runTo(atMs)) return tooLong;
    this.log = changes.slice();
    this.cursor = changes.length;
    return null;
  }
}

/**
 * The error for logged change `index`, which the engine refused at its time: "cannot be applied at 12.500 s:"
 * and the engine's reason, a patch's with its path (as Simulation.apply writes it), coded when it is one reason.
 */
function refusedAt(index: number, logged: LoggedChange, refused: readonly ValidationError[]): ValidationError {
  const [one] = refused;
  const inner = refused.length > 1 ? { path: '', message: refusalText(logged.change, refused) } : logged.change.action === 'patch' ? coded('', 'val_run_path', { path: one.path }, one) : one;
  return coded(`changes[${index}].change`, 'val_run_refused', { secText: (logged.atMs / 1000).toFixed(3) }, inner);
}

/** A value an error quotes as JSON ("nothing" when it has no JSON). */
function jsonGot(value: unknown) {
  const text = JSON.stringify(value) as string | undefined;
  return text === undefined ? gotOf(undefined) : { got: 'other' as const, text };
}

/** Checks an untrusted change log and moment (from a share link) against the scenario they belong to. */
export function checkChangeLog(changes: unknown, atMs: unknown, scenario: Scenario): Validated<{ changes: LoggedChange[]; atMs: number }> {
  const endMs = scenario.durationSec * 1000;
  const errors: ValidationError[] = [];
  if (typeof atMs !== 'number' || !Number.isFinite(atMs) || atMs < 0 || atMs > endMs) {
    errors.push(coded('atMs', 'val_run_at', { end: endMs, got: jsonGot(atMs) }));
  }
  if (!Array.isArray(changes)) return { ok: false, errors: [...errors, coded('changes', 'val_run_list')] };
  if (changes.length > LIMITS.maxEvents) return { ok: false, errors: [...errors, coded('changes', 'val_max_items', { max: LIMITS.maxEvents })] };
  const moment = typeof atMs === 'number' ? atMs : endMs;
  const out: LoggedChange[] = [];
  let previousMs = 0;
  changes.forEach((entry: unknown, i) => {
    const at = `changes[${i}]`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return errors.push(coded(at, 'val_run_entry'));
    const { atMs: when, change, ...rest } = entry as Record<string, unknown>;
    for (const key of Object.keys(rest)) errors.push(coded(`${at}.${key}`, 'val_run_field'));
    if (typeof when !== 'number' || !Number.isFinite(when) || when < previousMs || when > moment) {
      errors.push(coded(`${at}.atMs`, 'val_run_order', { from: previousMs, to: moment, got: jsonGot(when) }));
    } else previousMs = when;
    const parsed = ChangeSchema.safeParse(change);
    if (!parsed.success) {
      const checked = validateChange(change, scenario);
      for (const e of checked.ok ? [] : checked.errors) errors.push({ ...e, path: `${at}.change${e.path.startsWith('(') ? '' : '.' + e.path}` });
    } else if (typeof when === 'number') out.push({ atMs: when, change: parsed.data });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { changes: out, atMs: atMs as number } };
}

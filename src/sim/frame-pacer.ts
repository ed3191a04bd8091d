/**
 * How much simulated time a session's next question to the worker asks for, and how long the worker may work
 * on it (sim-session.svelte.ts's `tick`): the wall time owed since the last question × speed, within a wall-clock
 * budget about as long as the page's frames. One question in flight at a time, two while the worker is behind
 * (stopped on its budget short of the time asked for): the simulated time it fell short by stays owed, up to
 * MAX_OWED_WALL_MS of wall time — a bounded debt, not a queue. So a run that fell behind for a moment (V8 still
 * optimising the engine in the first seconds, a garbage collection, a heavy frame) catches up with the wall clock
 * once the worker can, and 1× stays real time on average; a run that cannot keep up drops what is owed beyond
 * that, and a pause forgives the debt (`forgive`), so playing on never starts with a jump. Plain bookkeeping: it
 * asks nothing itself.
 */
import type { Speed } from './speed.ts';

/**
 * Wall ms of simulation per question: the page's last frame time, within these bounds. A question asked
 * again at once when the worker falls behind then lasts about a frame, so answers come about once per
 * frame and the worker is not idle while a slow frame is drawn; the upper bound keeps a pause prompt.
 */
const MIN_BUDGET_MS = 16;
const MAX_BUDGET_MS = 50;
/** Longest wall gap one frame may turn into simulated time (after a stall or a hidden tab). */
const MAX_FRAME_WALL_MS = 250;
/** Most wall time owed at once: how far behind the wall clock a playing run may fall and still catch up. */
export const MAX_OWED_WALL_MS = 1000;

/** A question to ask: simulated ms to run, and the wall ms the worker may take. */
export interface Leg {
  dtMs: number;
  budgetMs: number;
}

export class FramePacer {
  /** Questions asked and not yet taken in (at most one, two while the worker is behind). */
  #inFlight = 0;
  /** Simulated ms the questions in flight may still add (an upper bound: they may stop on their budget). */
  #aheadMs = 0;
  /** The last answer said the worker fell behind. */
  #behind = false;
  #owedWallMs = 0;
  /** The page's last frame, in wall ms: how long a question to the worker may take. */
  #frameMs = MIN_BUDGET_MS;

  /** Notes a frame's wall time (or a frame skipped) that the next question turns into simulated time. */
  owe(wallMs: number): void {
    this.#addOwed(Math.min(Math.max(0, wallMs), MAX_FRAME_WALL_MS));
  }

  /** Forgets what is owed: playing stopped, and the next play starts level with the wall clock. */
  forgive(): void {
    this.#owedWallMs = 0;
  }

  #addOwed(wallMs: number): void {
    this.#owedWallMs = Math.min(this.#owedWallMs + wallMs, MAX_OWED_WALL_MS);
  }

  /** A frame of `wallMs` since the last one (0: asked again at once): owed, and the budget follows its length. */
  frame(wallMs: number): void {
    this.owe(wallMs);
    if (wallMs > 0) this.#frameMs = wallMs;
  }

  /** Whether as many questions as allowed are in flight. */
  get full(): boolean {
    return this.#inFlight >= (this.#behind ? 2 : 1);
  }

  /**
   * The next question, from `reachedMs` (the newest answer's time) towards `durationMs`, and counts it in
   * flight; null when one is already in flight and there is nothing more to ask for.
   */
  next(reachedMs: number, durationMs: number, speed: Speed): Leg | null {
    // where the worker will be when it starts on this question, at most
    const startMs = reachedMs + this.#aheadMs;
    const remainingMs = Math.max(0, durationMs - startMs);
    const dtMs = speed === 'max' ? remainingMs : Math.min(this.#owedWallMs * speed, remainingMs);
    if (this.#inFlight > 0 && dtMs <= 0) return null;
    this.#owedWallMs = 0;
    this.#inFlight++;
    this.#aheadMs += dtMs;
    return { dtMs, budgetMs: Math.min(Math.max(this.#frameMs, MIN_BUDGET_MS), MAX_BUDGET_MS) };
  }

  /**
   * The answer to a question fell `shortMs` of simulated time short of it (0 or less: it did not): that time is
   * owed again; `behind` says whether to keep a second question waiting. Answers `behind`.
   */
  answered(shortMs: number, speed: Speed, behind: boolean): boolean {
    if (shortMs > 0 && speed !== 'max') this.#addOwed(shortMs / speed);
    this.#behind = behind;
    return behind;
  }

  /** A question is no longer in flight (answered or failed). */
  settled(leg: Leg): void {
    this.#inFlight--;
    this.#aheadMs = Math.max(0, this.#aheadMs - leg.dtMs);
  }
}

/**
 * What a teacher collects, noted as a learner works through a lesson: seconds on each step while the page is
 * in view, each prediction (chosen and observed), the highest hint seen per step, and Solve. It watches the
 * lesson machine's context (src/machines/lesson.machine.ts) and writes through pure changes of
 * src/content/progress.ts; the clock is passed in, so tests drive it by hand.
 */
import { addStepTime, notePrediction, noteHint, noteSolveUsed, type Progress } from '../../content/progress.ts';

/** The parts of the lesson machine's context read here. */
export interface ObservedLesson {
  step: number;
  predictions: Record<number, number>;
  observed: Record<number, number | null>;
  hintLevel: number;
  solved: boolean;
}

/** The parts of a lesson read here: each step's prediction answer, if it has one. */
export interface RecordedLesson {
  slug: string;
  steps: readonly { number: number; predict: { answer: number } | null }[];
}

export class ProgressRecorder {
  readonly #update: (change: (progress: Progress) => Progress) => void;
  readonly #lesson: RecordedLesson;
  readonly #now: () => number;
  #step: number | null = null;
  /** When the current step's clock last started (ms on `now`'s scale); null while paused. */
  #since: number | null = null;
  #paused = false;

  /** `update` applies a change to the saved progress; `now` is a clock in ms (performance.now on the page). */
  constructor(update: (change: (progress: Progress) => Progress) => void, lesson: RecordedLesson, now: () => number) {
    this.#update = update;
    this.#lesson = lesson;
    this.#now = now;
  }

  /** Takes in the lesson's context after any change. */
  observe(ctx: ObservedLesson): void {
    const slug = this.#lesson.slug;
    if (ctx.step !== this.#step) {
      this.flush();
      this.#step = ctx.step;
      this.#since = this.#paused ? null : this.#now();
    }
    for (const [key, observed] of Object.entries(ctx.observed)) {
      const step = Number(key);
      const answer = this.#lesson.steps.find((s) => s.number === step)?.predict?.answer;
      if (answer === undefined) continue;
      const chosen = ctx.predictions[step] ?? null;
      this.#update((p) => notePrediction(p, slug, step, { chosen, observed, right: chosen === answer }));
    }
    // Solve shows the solution (the last hint) by itself: that is Solve, not a hint asked for.
    if (ctx.solved) this.#update((p) => noteSolveUsed(p, slug));
    else if (ctx.hintLevel > 0) this.#update((p) => noteHint(p, slug, ctx.step, ctx.hintLevel));
  }

  /** Stops the step's clock (the page is hidden), keeping what it counted. */
  pause(): void {
    this.flush();
    this.#paused = true;
    this.#since = null;
  }

  /** Starts the step's clock again (the page is in view). */
  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    this.#since = this.#now();
  }

  /** Saves the time spent on the current step so far. */
  flush(): void {
    if (this.#step === null || this.#since === null) return;
    const now = this.#now();
    const seconds = (now - this.#since) / 1000;
    this.#since = now;
    const step = this.#step;
    this.#update((p) => addStepTime(p, this.#lesson.slug, step, seconds));
  }
}

/**
 * One lesson on screen, assembled: the lesson machine (src/machines/lesson.machine.ts) with its effects
 * supplied here, driving the lab's one session. Steps open their world (a scene, started over by a step that
 * acts on it: step-world.ts; or the lesson's world, which keeps running across steps); goals, waits and
 * predictions are evaluated by the engine in the worker once per simulated second (`poll`), never by the
 * page. A step's moment (src/content/moment.ts) is the run's stop: playing pauses there at any speed, the
 * prediction is judged there, and the reveal keeps the numbers the run had there (`revealFacts`) while it
 * plays on.
 */
import { createActor, fromPromise, type Actor, type SnapshotFrom } from 'xstate';
import type { Lesson, Step } from '../../content/lesson.ts';
import { isDiagnosis, stepMomentSec } from '../../content/moment.ts';
import { solutionThrough, taskSteps } from '../../content/tasks.ts';
import { sceneStartsOver } from './step-world.ts';
import type { RunFacts } from '../../content/reveal.ts';
import type { GoalResult, TimedChange } from '../../engine/goals/index.ts';
import type { LessonGoal } from '../../content/conditions.ts';
import type { Change, Scenario } from '../../scenario/schema.ts';
import type { ValidationError } from '../../scenario/validate.ts';
import { lessonMachine, type LessonEvent } from '../../machines/lesson.machine.ts';
import type { Lab, LoadRequest } from '../shell/lab.svelte.ts';
import type { ProgressStore } from './progress-store.svelte.ts';
import { lessonHash } from '../shell/routes.ts';
import { scoreOf, type Score } from '../../content/score.ts';
import { noteScore } from '../../content/progress.ts';
import { m } from '../../i18n/paraglide/messages.js';


/** The last stride of "Run to the moment" once only the prediction's moment is due: the charts' 600 s. */
const MOMENT_STRIDE_MS = 600_000;
export const MAIN_WORLD = '';
/** The wall clock as ISO 8601 (when a best score was reached). */
const isoNow = (): string => new Date(Date.now()).toISOString();
/** The lesson machine's announcements (it is UI-free, so it speaks English) in the page's language. */
const ANNOUNCEMENTS: Record<string, () => string> = {
  'The check ran: some goals are not met yet.': m.lesson_announce_check_failed,
  'Lesson complete: every goal is met.': m.lesson_announce_complete,
};
const WAIT_ID = '__wait';
const CASE_ID = '__case-';
export { isDiagnosis };
const optionId = (i: number) => `__option-${i}`;

export class LessonRun {
  state: SnapshotFrom<typeof lessonMachine>;
  announcement = $state('');
  /** The world on screen: a scene's name, or MAIN_WORLD. */
  world = $state<string | null>(null);
  /** "Run to the moment" is under way. */
  running = $state(false);
  /**
   * The run was seen before the step's prediction moment since the step opened: only then is its outcome
   * shown (a step revisited on a run already past that moment waits for a restart).
   */
  beforeMoment = $state(false);
  /** A challenge's score of the run that passed (null until one passes here). */
  score = $state<Score | null>(null);
  /** That run was Solve's: it is shown, not kept as the best. */
  scoreSolved = $state(false);
  /** A case step's goals on the scene's run now (ids as authored); empty on other steps. */
  caseResults = $state<GoalResult[]>([]);
  /** The case on screen was opened with its fix ("Solve this case"). */
  caseSolved = $state(false);
  /** The step's reveal's numbers, as the run had them at the step's moment (null until it came). */
  revealFacts = $state.raw<{ step: number; facts: RunFacts } | null>(null);
  readonly lesson: Lesson;
  readonly #lab: Lab;
  readonly #actor: Actor<typeof lessonMachine>;
  #opening: Promise<void> = Promise.resolve();
  #polling = false;
  #pollAgain = false;
  /** The stop this run last set on the session (another lesson's page may have set its own since). */
  #stopMs: number | null = null;

  constructor(lesson: Lesson, lab: Lab, progress: ProgressStore, step: number) {
    this.lesson = lesson;
    this.#lab = lab;
    const machine = lessonMachine.provide({
      actions: {
        showStep: (_, { step }) => {
          this.beforeMoment = false;
          this.revealFacts = null;
          this.caseResults = [];
          this.caseSolved = false;
          progress.noteStep(lesson.slug, step);
          const hash = lessonHash(lesson.slug, step, location.hash);
          if (location.hash !== hash) location.hash = hash;
          const world = this.worldOf(step);
          void this.#open(world, false, sceneStartsOver(lesson.steps[step - 1], lab.session.changes.length > 0));
        },
        markDone: (_, { solved }) => {
          progress.markDone(lesson.slug, solved);
          this.#score(progress, solved);
        },
        announce: (_, { text }) => this.#announce(ANNOUNCEMENTS[text]?.() ?? text),
      },
      actors: {
        // the judgement taken exactly at the check second; asked now only if the check was set too late
        check: fromPromise(async () => (await this.#lab.session.judgeAt(lesson.checkSec * 1000, [...lesson.goals])) ?? this.#lab.session.checkGoals(lesson.goals)),
        // the task the learner is on (the machine went to its step) and those before it, never a later step's
        solve: fromPromise(({ input: step }) => this.#open(MAIN_WORLD, { changes: solutionThrough(lesson, step), atMs: lesson.checkSec * 1000 })),
        reset: fromPromise(() => {
          this.caseResults = [];
          this.caseSolved = false;
          return this.#open(this.world ?? MAIN_WORLD, false, true);
        }),
      },
    });
    const waits = lesson.steps.filter((s) => s.wait !== null).map((s) => s.number);
    this.#actor = createActor(machine, { input: { stepCount: lesson.steps.length, waits, taskSteps: taskSteps(lesson), checkMs: lesson.checkSec * 1000, step, done: progress.isDone(lesson.slug) } });
    this.state = $state.raw(this.#actor.getSnapshot());
    this.#actor.subscribe((next) => (this.state = next));
    this.#actor.start();
    progress.noteStep(lesson.slug, this.state.context.step);
    void this.#open(this.worldOf(this.state.context.step));
  }

  /** A challenge's score of the run that passed the check, from the report the page holds at that moment; the best is kept unless Solve did it. */
  #score(progress: ProgressStore, solved: boolean): void {
    const metrics = this.#lab.session.metrics;
    if (!this.lesson.score || metrics === null) return;
    this.score = scoreOf(metrics);
    this.scoreSolved = solved;
    const score = this.score;
    if (!solved) progress.update((p) => noteScore(p, this.lesson.slug, score, isoNow()));
  }

  get step() {
    return this.lesson.steps[this.state.context.step - 1];
  }

  worldOf(step: number): string {
    return this.lesson.steps[step - 1]?.scene ?? MAIN_WORLD;
  }

  scenarioOf(world: string): Scenario {
    return world === MAIN_WORLD ? this.lesson.scenario : this.lesson.scenes[world];
  }

  send(event: LessonEvent): void {
    this.#actor.send(event);
  }

  /** Applies a live change (a control, a try button); the learner is experimenting. */
  async apply(change: Change): Promise<boolean> {
    this.#noteEnd();
    const ok = await this.#lab.apply(change);
    if (ok) this.send({ type: 'lesson.acted' });
    return ok;
  }

  /** Applies a live change and answers why it was refused (a form shows it by its fields). */
  async tryChange(change: Change): Promise<ValidationError[] | null> {
    this.#noteEnd();
    const refused = await this.#lab.tryChange(change);
    if (refused === null) this.send({ type: 'lesson.acted' });
    return refused;
  }

  /**
   * A run that reached its end while paused there (a moment or the check at the last second stops it before the
   * playback hears of the end) is told it ended, so that a change made now restarts it from 0 s with the change
   * applied (lab.tryChange), as on any finished run, instead of landing at its last second where nothing follows.
   */
  #noteEnd(): void {
    if (this.#lab.session.ended && this.#lab.playback.status === 'paused') this.#lab.playback.send({ type: 'playback.ended' });
  }

  /** Records the learner's answer; a diagnosis's outcome is its authored cause, known as soon as it is given. */
  predict(step: number, option: number): void {
    this.send({ type: 'lesson.predict', step, option });
    const predict = this.lesson.steps[step - 1]?.predict ?? null;
    if (isDiagnosis(predict)) this.send({ type: 'lesson.observed', step, option: predict!.answer });
  }

  /** "Solve this case": the step's scene reopened with the case's fix applied at its times, run to the case's check. */
  async solveCase(): Promise<void> {
    const step = this.step;
    if (step.case === null || step.scene === null) return;
    this.caseResults = [];
    await this.#open(step.scene, { changes: step.case.solution, atMs: step.case.checkSec * 1000 });
    this.caseSolved = true;
    this.send({ type: 'lesson.acted' });
  }

  /** Asks the engine about the run now: the goals (lesson world only), the step's wait, its prediction's options. */
  async poll(): Promise<void> {
    if (this.#polling) return void (this.#pollAgain = true);
    const session = this.#lab.session;
    if (!session.live || this.world !== this.worldOf(this.state.context.step) || this.#lab.playback.status === 'loading') return;
    this.#polling = true;
    try {
      const step = this.step;
      const timeMs = session.timeMs;
      const { context } = this.state;
      const asked: LessonGoal[] = this.world === MAIN_WORLD ? [...this.lesson.goals] : [];
      if (asked.length > 0) await session.judgeAt(this.lesson.checkSec * 1000, asked);
      const wait = step.wait !== null && !context.waited.includes(step.number) ? step.wait : null;
      if (wait) asked.push({ ...wait, id: WAIT_ID, label: wait.label ?? '' });
      if (step.case !== null && this.world === step.scene) asked.push(...step.case.goals.map((g) => ({ ...g, id: CASE_ID + g.id })));
      const predict = step.predict;
      const momentMs = (predict?.atSec ?? 0) * 1000;
      if (predict !== null && timeMs < momentMs) this.beforeMoment = true;
      // a diagnosis has no moment: its outcome comes with the learner's answer (predict), not from the run
      const observe = predict !== null && !isDiagnosis(predict) && !(step.number in context.observed) && timeMs >= momentMs && (this.beforeMoment || momentMs === 0);
      // a Reset forgets outcomes, not answers: a diagnosis given before it is its outcome again
      if (isDiagnosis(predict) && step.number in context.predictions && !(step.number in context.observed)) this.send({ type: 'lesson.observed', step: step.number, option: predict!.answer });
      if (observe) predict.options.forEach((o, i) => o.when?.forEach((c, j) => asked.push({ ...c, id: `${optionId(i)}-${j}`, label: '' })));
      const results = asked.length > 0 ? await session.checkGoals(asked) : [];
      this.#takeResults(results, step.number, observe ? predict.options.length : 0);
      await this.#keepReveal(step, timeMs);
      if (this.world === MAIN_WORLD) this.send({ type: 'lesson.time', timeMs });
    } catch {
      // The worker died or the run was replaced; the next second asks again.
    } finally {
      this.#polling = false;
      if (this.#pollAgain) {
        this.#pollAgain = false;
        void this.poll();
      }
    }
  }

  /**
   * Whether the step still waits for the run: its wait condition, or its prediction's moment (once predicted, and
   * again once a Try, a change or Restart run has started the run over before it: the reveal's numbers are this
   * run's at that moment).
   */
  get pending(): { waitMet: boolean; momentMs: number | null } {
    const step = this.step;
    const { context } = this.state;
    const waitMet = step.wait === null || context.waited.includes(step.number);
    const predicted = step.number in context.predictions || step.number in context.observed;
    const momentSec = stepMomentSec(step);
    // before a prediction is locked in, running to its moment would give it away
    const open = step.predict !== null && !isDiagnosis(step.predict) && !predicted;
    return { waitMet, momentMs: momentSec === null || open ? null : momentSec * 1000 };
  }

  /**
   * Whether the step's reveal is shown: its wait holds (or, without one, its prediction's outcome is in), the run
   * is not short of the step's moment, and, where the step has one, the numbers of that moment are kept.
   */
  get revealShown(): boolean {
    const step = this.step;
    if (step.reveal === null || !this.#outcomeIn(step)) return false;
    const { momentMs } = this.pending;
    if (momentMs !== null && this.#lab.session.timeMs < momentMs) return false;
    return stepMomentSec(step) === null || this.revealFacts?.step === step.number;
  }

  /** What the reveal's numbers are read from: the run at the step's moment, kept; without a moment, the run so far ("has served … so far"). */
  get revealRun(): RunFacts {
    const kept = this.revealFacts;
    if (kept !== null && kept.step === this.step.number) return kept.facts;
    const { metrics, health, events } = this.#lab.session;
    return { metrics, health, events };
  }

  #outcomeIn(step: Step): boolean {
    const { context } = this.state;
    return step.wait !== null ? context.waited.includes(step.number) : step.number in context.observed;
  }

  /**
   * Keeps the reveal's numbers of the step's moment: read from the worker once the outcome is in with the run at or
   * past the moment (stopped there, exactly at it), then kept while it plays on; forgotten once the run is back
   * before the moment (started over), so that the next run's moment is read again.
   */
  async #keepReveal(step: Step, timeMs: number): Promise<void> {
    const momentSec = stepMomentSec(step);
    if (step.reveal === null || momentSec === null) return;
    if (timeMs < momentSec * 1000) return void (this.revealFacts = null);
    if (this.revealFacts?.step === step.number || !this.#outcomeIn(step)) return;
    const facts = await this.#lab.session.facts();
    if (this.step.number === step.number && this.world === this.worldOf(step.number)) this.revealFacts = { step: step.number, facts };
  }

  /** The session stops at the step's moment while the step's world is on screen (sim-session.svelte.ts: a breakpoint). */
  #syncStop(): void {
    const momentSec = stepMomentSec(this.step);
    this.#stopMs = momentSec !== null && this.world === this.worldOf(this.step.number) ? momentSec * 1000 : null;
    this.#lab.session.stopAtMs = this.#stopMs;
  }

  /**
   * "Run to the moment": runs the step's world on, a simulated second at a time while a wait is pending
   * (the worker is asked about the wait after each, so a reveal reads the second it came true), then
   * straight on to the prediction's moment: in one jump to MOMENT_STRIDE_MS before it (stopping at the
   * lesson's check if it comes first), then that last stride (a day of predictive scaling is two questions to the session, not tens of thousands of one-second
   * round trips; the session splits a long jump into legs), until the step's wait holds and its prediction's
   * moment is reached, or the run ends. Every request is simulated. No dead waiting at 1×.
   */
  async runToMoment(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const session = this.#lab.session;
    try {
      this.#lab.playback.send({ type: 'playback.pause' });
      await settled(() => !this.#lab.playback.busy);
      for (let guard = 0; guard < 100_000; guard++) {
        const { waitMet, momentMs } = this.pending;
        const due = momentMs !== null && session.timeMs < momentMs;
        if ((waitMet && !due) || session.ended || !session.live) break;
        // far from the moment, one jump to its last stride (the session runs it in legs), stopping at the lesson's
        // check on the way (its goals are judged there, on the series the page keeps); then that last stride
        const nowMs = session.timeMs;
        const checkMs = this.world === MAIN_WORLD ? this.lesson.checkSec * 1000 : Infinity;
        const stepMs = due && waitMet ? Math.min(...[momentMs - MOMENT_STRIDE_MS, checkMs, momentMs].filter((t) => t > nowMs)) - nowMs : 1000;
        await session.forward(Math.max(1, stepMs));
        await this.poll();
      }
    } catch {
      // the worker died; the crash notice says so
    } finally {
      this.running = false;
    }
    if (session.ended) this.#lab.playback.send({ type: 'playback.ended' });
  }

  dispose(): void {
    this.#actor.stop();
    if (this.#lab.session.stopAtMs === this.#stopMs) this.#lab.session.stopAtMs = null;
  }

  #takeResults(results: GoalResult[], step: number, options: number): void {
    const goals = results.filter((r) => !r.id.startsWith('__'));
    if (this.world === MAIN_WORLD) {
      const unmetBefore = this.state.context.goals.filter((g) => !g.met).map((g) => g.id);
      const newlyMet = goals.filter((g) => g.met && unmetBefore.includes(g.id));
      if (newlyMet.length > 0 && !goals.every((g) => g.met)) this.#announce(newlyMet.map((g) => m.goal_met_announce({ label: g.label })).join(' '));
      this.send({ type: 'lesson.goals', results: goals });
    }
    if (this.step.case !== null && this.step.number === step) this.caseResults = results.filter((r) => r.id.startsWith(CASE_ID)).map((r) => ({ ...r, id: r.id.slice(CASE_ID.length) }));
    if (results.some((r) => r.id === WAIT_ID && r.met)) this.send({ type: 'lesson.waited', step });
    if (options > 0) {
      const held = Array.from({ length: options }, (_, i) => {
        const parts = results.filter((r) => r.id.startsWith(`${optionId(i)}-`));
        return parts.length > 0 && parts.every((r) => r.met);
      });
      this.send({ type: 'lesson.observed', step, option: held.indexOf(true) === -1 ? null : held.indexOf(true) });
    }
  }

  #announce(text: string): void {
    // The same sentence twice must still be read out: clear first.
    this.announcement = '';
    queueMicrotask(() => (this.announcement = text));
  }

  /**
   * Opens a world (one at a time, in order): fresh, or solved: with the lesson's solution (as far as Solve goes)
   * run to its check, or with a case's fix run to the case's check.
   */
  #open(world: string, solved: false | { changes: TimedChange[]; atMs: number } = false, force = false): Promise<void> {
    this.#opening = this.#opening.then(async () => {
      if (world === this.world && !solved && !force) return this.#syncStop();
      const scenario = this.scenarioOf(world);
      const request: LoadRequest = solved !== false ? { source: scenario, origin: 'lesson', seed: scenario.seed, ...solved } : { source: scenario, origin: 'lesson' };
      this.world = world;
      this.#lab.playback.send({ type: 'playback.load', request });
      await settled(() => this.#lab.playback.status !== 'loading');
      this.#syncStop();
    });
    return this.#opening;
  }
}

/** Resolves once `done()` holds (checked every 20 ms). */
function settled(done: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (done() ? resolve() : setTimeout(check, 20));
    check();
  });
}

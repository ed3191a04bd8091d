/**
 * Lesson flow: what happens next while a learner works through a lesson. reading (nothing tried yet) →
 * experimenting (a change, a try or the run) → checking (the run reached the lesson's check second; the
 * engine evaluates the goals) → passed, or back to experimenting. Step navigation, waits, predictions and
 * the hint level live in the context. UI-free: showing a step, the check, Solve, Reset and marking the
 * lesson done are placeholders supplied with `.provide()` where the page is assembled.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { GoalResult } from '../engine/goals/index.ts';
import { taskStepAt } from '../content/tasks.ts';

export type LessonEvent =
  | { type: 'lesson.goto'; step: number }
  | { type: 'lesson.next' }
  | { type: 'lesson.back' }
  | { type: 'lesson.acted' }
  | { type: 'lesson.time'; timeMs: number }
  | { type: 'lesson.goals'; results: GoalResult[] }
  | { type: 'lesson.waited'; step: number }
  | { type: 'lesson.predict'; step: number; option: number }
  | { type: 'lesson.observed'; step: number; option: number | null }
  | { type: 'lesson.hint' }
  | { type: 'lesson.solve' }
  | { type: 'lesson.reset' };

export interface LessonInput {
  stepCount: number;
  /** Steps (1-based) that wait for a condition before Continue. */
  waits: number[];
  /** The steps that set a task (those with hints); Solve goes to the one the learner is on (tasks.ts). */
  taskSteps: number[];
  checkMs: number;
  step?: number;
  /** Already done in saved progress. */
  done?: boolean;
}

export interface LessonContext extends Required<LessonInput> {
  /** 0 = no hint shown; 1 nudge, 2 concept, 3 control, 4 solution. */
  hintLevel: number;
  waited: number[];
  predictions: Record<number, number>;
  /** What the run showed, per step with a prediction (null: none of the options held). */
  observed: Record<number, number | null>;
  goals: GoalResult[];
  /** The run has been checked since it last passed below checkMs. */
  checked: boolean;
  /** The last check did not pass. */
  checkFailed: boolean;
  /** Solve was used. */
  solved: boolean;
}

/** The hint levels: nudge, concept, control, solution. */
export const HINT_LEVELS = 4;

const clampStep = (context: LessonContext, step: number) => Math.min(Math.max(1, Math.round(step)), context.stepCount);

/** A copy of a per-step record without one step's entry. */
function without<T>(record: Record<number, T>, step: number): Record<number, T> {
  const copy = { ...record };
  delete copy[step];
  return copy;
}

export const lessonMachine = setup({
  types: {
    context: {} as LessonContext,
    events: {} as LessonEvent,
    input: {} as LessonInput,
  },
  actions: {
    /** A step starts with its prediction unanswered: an answer given on an earlier visit does not carry over. */
    freshPrediction: assign({
      predictions: ({ context }) => without(context.predictions, context.step),
      observed: ({ context }) => without(context.observed, context.step),
    }),
    /** Show this step: its world, its address. Supplied by the page. */
    showStep: (_, _params: { step: number }) => {},
    /** Record the lesson as done. Supplied by the page. */
    markDone: (_, _params: { solved: boolean }) => {},
    /** Say something in the live region. Supplied by the page. */
    announce: (_, _params: { text: string }) => {},
  },
  actors: {
    /** Evaluates the goals on the run now (in the worker). */
    check: fromPromise<GoalResult[], void>(async () => []),
    /** Opens the lesson's world with the solution of the task on the given step (and those before it) applied, run to the check. */
    solve: fromPromise<void, number>(async () => {}),
    /** Reopens the current step's world from time 0. */
    reset: fromPromise<void, void>(async () => {}),
  },
  guards: {
    canContinue: ({ context }) => context.step < context.stepCount && (!context.waits.includes(context.step) || context.waited.includes(context.step)),
    canGoBack: ({ context }) => context.step > 1,
    reachedCheck: ({ context, event }) => event.type === 'lesson.time' && event.timeMs >= context.checkMs && !context.checked,
    allMet: (_, results: GoalResult[]) => results.length > 0 && results.every((r) => r.met),
  },
}).createMachine({
  id: 'lesson',
  context: ({ input }) => ({
    stepCount: input.stepCount,
    waits: input.waits,
    taskSteps: input.taskSteps,
    checkMs: input.checkMs,
    step: Math.min(Math.max(1, input.step ?? 1), input.stepCount),
    done: input.done ?? false,
    hintLevel: 0,
    waited: [],
    predictions: {},
    observed: {},
    goals: [],
    checked: false,
    checkFailed: false,
    solved: false,
  }),
  initial: 'reading',
  on: {
    'lesson.goto': {
      guard: ({ context, event }) => clampStep(context, event.step) !== context.step,
      actions: [assign({ step: ({ context, event }) => clampStep(context, event.step), hintLevel: 0 }), 'freshPrediction', { type: 'showStep', params: ({ context }) => ({ step: context.step }) }],
    },
    'lesson.next': {
      guard: 'canContinue',
      actions: [assign({ step: ({ context }) => context.step + 1, hintLevel: 0 }), 'freshPrediction', { type: 'showStep', params: ({ context }) => ({ step: context.step }) }],
    },
    'lesson.back': {
      guard: 'canGoBack',
      actions: [assign({ step: ({ context }) => context.step - 1, hintLevel: 0 }), 'freshPrediction', { type: 'showStep', params: ({ context }) => ({ step: context.step }) }],
    },
    // once the run is checked, the list shows the judgement at the check second, not the run as it goes on
    'lesson.goals': { guard: ({ context }) => !context.checked, actions: assign({ goals: ({ event }) => event.results }) },
    'lesson.waited': { guard: ({ context, event }) => !context.waited.includes(event.step), actions: assign({ waited: ({ context, event }) => [...context.waited, event.step] }) },
    'lesson.predict': {
      // A prediction is made before the outcome is known, and then kept.
      guard: ({ context, event }) => !(event.step in context.predictions) && !(event.step in context.observed),
      actions: assign({ predictions: ({ context, event }) => ({ ...context.predictions, [event.step]: event.option }) }),
    },
    'lesson.observed': { actions: assign({ observed: ({ context, event }) => ({ ...context.observed, [event.step]: event.option }) }) },
    'lesson.hint': { guard: ({ context }) => context.hintLevel < HINT_LEVELS, actions: assign({ hintLevel: ({ context }) => context.hintLevel + 1 }) },
    'lesson.solve': { target: '.solving' },
    'lesson.reset': { target: '.resetting' },
  },
  states: {
    reading: {
      on: {
        'lesson.acted': 'experimenting',
        'lesson.time': [{ guard: 'reachedCheck', target: 'checking' }, { guard: ({ event }) => event.timeMs > 0, target: 'experimenting' }, { actions: assign({ checked: false }) }],
      },
    },
    experimenting: {
      on: {
        'lesson.time': [{ guard: 'reachedCheck', target: 'checking' }, { guard: ({ context, event }) => event.timeMs < context.checkMs, actions: assign({ checked: false }) }],
      },
    },
    checking: {
      entry: assign({ checked: true }),
      invoke: {
        src: 'check',
        onDone: [
          { guard: { type: 'allMet', params: ({ event }) => event.output }, target: 'passed', actions: assign({ goals: ({ event }) => event.output }) },
          { target: 'experimenting', actions: [assign({ goals: ({ event }) => event.output, checkFailed: true }), { type: 'announce', params: { text: 'The check ran: some goals are not met yet.' } }] },
        ],
        onError: 'experimenting',
      },
      on: { 'lesson.solve': {}, 'lesson.reset': {} },
    },
    passed: {
      entry: [assign({ done: true, checkFailed: false }), { type: 'markDone', params: ({ context }) => ({ solved: context.solved }) }, { type: 'announce', params: { text: 'Lesson complete: every goal is met.' } }],
      on: { 'lesson.time': { guard: ({ context, event }) => event.timeMs < context.checkMs, actions: assign({ checked: false }) } },
    },
    solving: {
      entry: [assign({ solved: true, hintLevel: HINT_LEVELS, checked: false, step: ({ context }) => taskStepAt(context.taskSteps, context.step) }), { type: 'showStep', params: ({ context }) => ({ step: context.step }) }],
      invoke: { src: 'solve', input: ({ context }) => context.step, onDone: 'checking', onError: 'experimenting' },
      on: { 'lesson.solve': {}, 'lesson.reset': {} },
    },
    resetting: {
      entry: assign({ checked: false, checkFailed: false, goals: [], observed: {} }),
      invoke: { src: 'reset', onDone: 'reading', onError: 'reading' },
      on: { 'lesson.solve': {}, 'lesson.reset': {} },
    },
  },
});

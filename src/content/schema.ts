/**
 * The shapes of a lesson's files, as zod schemas (strict objects: an unknown field is an error, as in
 * src/scenario): index.md's frontmatter and step directives, goals.json and solution.json. The
 * conditions they contain are the engine's (src/engine/goals/index.ts); a type check at the bottom keeps the
 * two in step. Semantics of every field: docs/writing-lessons.md.
 */
import { z } from 'zod';
import { ALGORITHM_NAMES } from '../scenario/algorithm-names.ts';
import { ChangeSchema } from '../scenario/schema.ts';
import { METRIC_NAMES, type Bound, type MetricCondition } from '../engine/goals/index.ts';
import type { LessonCondition, LessonGoal } from './conditions.ts';

const id = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, "_", "." or "-" (and start with a letter or digit)');
/** The longest simulated span a lesson may check, predict or claim: a week, for scaling that learns a daily pattern. */
export const MAX_LESSON_SEC = 7 * 86_400;
const sec = z.number().min(0).max(MAX_LESSON_SEC);
const wholeSec = z.int().min(0).max(MAX_LESSON_SEC);
const text = (max: number) => z.string().trim().min(1).max(max);

const bound = { atMost: z.number().optional(), atLeast: z.number().optional() };
const hasBound = (b: Bound) => b.atMost !== undefined || b.atLeast !== undefined;
const boundObject = z.strictObject(bound).refine(hasBound, { message: 'give atMost, atLeast or both' });

/** Every live-change action (the lab's controls). */
export const CHANGE_ACTIONS = ChangeSchema.options.map((o) => o.shape.action.value);
export type ChangeAction = Change['action'];
type Change = z.output<typeof ChangeSchema>;

/** Rules across a metric condition's fields, as [message, path] pairs. */
function metricProblems(c: MetricCondition): [string, string[]][] {
  const out: [string, string[]][] = [];
  if (!hasBound(c)) out.push(['give atMost, atLeast or both', []]);
  if (c.windowSec !== undefined && (c.fromSec !== undefined || c.toSec !== undefined)) out.push(['use either windowSec or fromSec/toSec, not both', ['windowSec']]);
  if (c.fromSec !== undefined && c.toSec !== undefined && c.toSec <= c.fromSec) out.push(['toSec must be after fromSec', ['toSec']]);
  if ((c.metric === 'targetShare' || c.metric === 'targetUtilization') !== (c.target !== undefined)) out.push(['targetShare and targetUtilization need a target; other metrics take none', ['target']]);
  if (c.group !== undefined && c.metric !== 'maxUtilization' && c.metric !== 'connectionSpread') out.push(['only maxUtilization and connectionSpread take a group', ['group']]);
  if (c.metric === 'connectionSpread' && c.group === undefined) out.push(['connectionSpread needs a group', ['group']]);
  if (c.metric === 'connectionSpread' && (c.windowSec !== undefined || c.fromSec !== undefined || c.toSec !== undefined)) out.push(['connectionSpread is measured now: it takes no window', ['windowSec']]);
  if (c.aggregate !== undefined && !['p50Ms', 'p95Ms', 'p99Ms'].includes(c.metric)) out.push(['only percentiles take an aggregate', ['aggregate']]);
  return out;
}

/** The three condition kinds, optionally with extra fields (a goal adds `id` and `label`). */
function conditionKinds<E extends z.core.$ZodLooseShape>(extra: E) {
  const metric = z
    .strictObject({
      ...extra,
      kind: z.literal('metric'),
      metric: z.enum(METRIC_NAMES),
      target: id.optional(),
      group: id.optional(),
      windowSec: z.int().min(1).max(86_400).optional(),
      fromSec: wholeSec.optional(),
      toSec: wholeSec.optional(),
      aggregate: z.enum(['worst-second', 'mean']).optional(),
      ...bound,
    })
    .superRefine((input, ctx) => {
      for (const [message, path] of metricProblems(input as unknown as MetricCondition)) ctx.addIssue({ code: 'custom', message, path });
    });

  const config = z.discriminatedUnion('check', [
    z.strictObject({
      ...extra,
      kind: z.literal('config'),
      check: z.literal('health-check'),
      group: id,
      present: z.boolean().optional(),
      protocol: z.enum(['http', 'tcp']).optional(),
      intervalSec: boundObject.optional(),
      timeoutSec: boundObject.optional(),
      healthyThreshold: boundObject.optional(),
      unhealthyThreshold: boundObject.optional(),
    }),
    z.strictObject({ ...extra, kind: z.literal('config'), check: z.literal('algorithm'), group: id, oneOf: z.array(z.enum(ALGORITHM_NAMES)).min(1) }),
    z.strictObject({
      ...extra,
      kind: z.literal('config'),
      check: z.literal('weights'),
      group: id,
      ratio: z.record(id, z.number().gt(0)).refine((r) => Object.keys(r).length >= 2, { message: 'name at least two targets' }),
      tolerance: z.number().min(0).max(1).optional(),
    }),
    z.strictObject({ ...extra, kind: z.literal('config'), check: z.literal('target-count'), group: id, ...bound }).refine((c) => hasBound(c as Bound), { message: 'give atMost, atLeast or both' }),
    z.strictObject({ ...extra, kind: z.literal('config'), check: z.literal('stickiness'), group: id, present: z.boolean().optional() }),
    z.strictObject({ ...extra, kind: z.literal('config'), check: z.literal('passive-health'), group: id, present: z.boolean().optional() }),
    z.strictObject({ ...extra, kind: z.literal('config'), check: z.literal('autoscaling'), group: id, present: z.boolean().optional() }),
    z.strictObject({ ...extra, kind: z.literal('config'), check: z.literal('session-store'), group: id, oneOf: z.array(z.enum(['memory', 'none', 'shared', 'replicated'])).min(1) }),
  ]);

  const event = z.discriminatedUnion('event', [
    z.strictObject({
      ...extra,
      kind: z.literal('event'),
      event: z.literal('target-failed'),
      target: id.optional(),
      detectedWithinSec: z.number().gt(0).max(86_400).optional(),
      maxFailedRequests: z.int().min(0).optional(),
    }),
    z.strictObject({ ...extra, kind: z.literal('event'), event: z.literal('false-removals'), group: id.optional(), atMost: z.int().min(0).optional() }),
    z.strictObject({
      ...extra,
      kind: z.literal('event'),
      event: z.literal('log'),
      entry: z.string().min(1).max(40),
      subject: z.string().min(1).max(80).optional(),
      fromSec: sec.optional(),
      toSec: sec.optional(),
      ...bound,
    }),
  ]);
  // a number of the run's report (src/content/conditions.ts); its path is checked against the world later
  const report = z.strictObject({ ...extra, kind: z.literal('report'), path: z.string().min(1).max(80), ...bound }).refine((c) => hasBound(c as Bound), { message: 'give atMost, atLeast or both' });
  return z.discriminatedUnion('kind', [metric, config, event, report]);
}

/** A condition: a wait-for, a prediction's outcome, or the test inside a goal. */
export const ConditionSchema = conditionKinds({});
/** A step of a lesson, 1-based (goals.json and solution.json may name the step that asks for a goal or a change). */
const stepNumber = z.int().min(1).max(40);
/** A goal: a condition plus an id and a short learner-facing label. */
export const GoalSchema = conditionKinds({ id, label: text(120) });

/** goals.json: when the check is made, and what must hold then. */
export const GoalsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  /** The lesson check runs the scenario (with the learner's changes) to this simulated second, then evaluates. */
  checkSec: z.int().min(1).max(MAX_LESSON_SEC),
  /** Each goal may name the step that asks for it (`step`, default 1): the checklist shows it from that step on. */
  goals: z.array(conditionKinds({ id, label: text(120), step: stepNumber.optional() })).min(1).max(12),
});

/**
 * One entry of solution.json: a live change, applied at `atSec` (default 0) of the lesson check; `step` names the
 * step whose task it does (a step with hints; default the first such step): Solve there applies it and the
 * changes of the tasks before, never those of a later step.
 */
export const SolutionFileSchema = z.array(z.looseObject({ atSec: sec.optional(), step: stepNumber.optional() })).min(1).max(20);
/** A live change at `atSec` (a claim's run), and a case's solution (the `solution` directive): as solution.json, without `step` (a case is one step's task). */
export const TimedEntrySchema = z.looseObject({ atSec: sec.optional() });
export const CaseSolutionSchema = z.array(TimedEntrySchema).min(1).max(20);

export const FrontmatterSchema = z.strictObject({
  title: text(80),
  /** The chapter the lesson belongs to, by its title; the lesson list groups lessons by it, in lesson order. */
  chapter: text(60),
  summary: text(240),
  /** Course-material documents the lesson draws on: the three-digit prefix of a file in shared/seeds. */
  sources: z.array(z.string().regex(/^\d{3}$/, 'a seed document number such as "002"')).min(1),
  /** Live-change actions the learner may use in this lesson. */
  controls: z.array(z.enum(CHANGE_ACTIONS as [ChangeAction, ...ChangeAction[]])).min(1),
  /** Parts of the scenario the learner may patch live (the builder): JSON Pointer patterns or named groups (src/content/unlocks.ts). */
  unlocks: z.array(z.string().min(1).max(200)).max(40).default([]),
  /** A challenge: the lesson check's run is scored (src/content/score.ts) and the learner's best kept. */
  score: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
});

export const TryDirectiveSchema = z.strictObject({
  label: text(60),
  changes: z.array(ChangeSchema).min(1).max(10),
});

export const PredictOptionSchema = z.strictObject({
  text: text(160),
  /** What must hold at `atSec` for this option to be the one that happened (all of them). */
  when: z.array(ConditionSchema).min(1).max(4).optional(),
});

export const PredictDirectiveSchema = z
  .strictObject({
    question: text(240),
    options: z.array(PredictOptionSchema).min(2).max(5),
    /** Index of the right option. */
    answer: z.int().min(0),
    /** Simulated second by which the outcome can be seen; needed when options have `when`. */
    atSec: z.int().min(1).max(MAX_LESSON_SEC).optional(),
    explain: text(400),
  })
  .refine((p) => p.answer < p.options.length, { message: 'answer must be the index of an option', path: ['answer'] })
  .refine((p) => p.options.every((o) => o.when === undefined) || p.options.every((o) => o.when !== undefined), {
    message: 'give every option a `when`, or none',
    path: ['options'],
  })
  .refine((p) => p.options.every((o) => o.when === undefined) || p.atSec !== undefined, { message: 'options with `when` need atSec', path: ['atSec'] });

export const HintsDirectiveSchema = z.strictObject({
  /** A nudge: where to look. */
  nudge: text(240),
  /** The idea behind the fix. */
  concept: text(240),
  /** The exact control to use (the level after this one is the solution). */
  control: text(240),
});

/** A wait-for: a condition, with an optional label for the player ("Waiting until …"). */
export const WaitDirectiveSchema = conditionKinds({ label: text(120).optional() });

/**
 * A case's own goals, on a step that shows a scene (the anti-pattern clinic): when its check is made and what
 * must hold then, as in goals.json. The step's `solution` meets them; the scene as it starts does not.
 */
export const CaseGoalsDirectiveSchema = z.strictObject({
  checkSec: z.int().min(1).max(MAX_LESSON_SEC),
  goals: z.array(GoalSchema).min(1).max(8),
});

/** Directive names and what their JSON must be (the ids they name are checked against the step's world later). */
export const DIRECTIVES = {
  wait: WaitDirectiveSchema,
  try: TryDirectiveSchema,
  predict: PredictDirectiveSchema,
  hints: HintsDirectiveSchema,
  scene: id,
  /** A scene step's own goals (a case); needs a `solution` beside it. */
  goals: CaseGoalsDirectiveSchema,
  /** A scene step's own solution: live changes as in solution.json, each at `atSec` of the case's run. */
  solution: CaseSolutionSchema,
  /** Prose shown once the step's run has produced its result; see reveal.ts for `{{value|fallback}}`. */
  reveal: z.string().min(1).max(1500),
} as const;
export type DirectiveName = keyof typeof DIRECTIVES;

// The content schemas must produce exactly the lesson condition and goal types (the engine's, plus report).
type Assert<T extends true> = T;
/** Mutually assignable, optional fields included (Required<> makes a missing optional field a mismatch). */
type Same<A, B> = [Required<A>] extends [Required<B>] ? ([Required<B>] extends [Required<A>] ? true : false) : false;
export type _ConditionsAgree = Assert<Same<z.output<typeof ConditionSchema>, LessonCondition>>;
export type _GoalsAssignable = Assert<z.output<typeof GoalSchema> extends LessonGoal ? true : false>;

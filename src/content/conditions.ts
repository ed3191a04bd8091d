/**
 * Lesson conditions: the engine's three kinds (metric, config, event; src/engine/goals) plus a fourth the
 * lessons need and the engine's goals do not have, `report`: one number of the run's report so far
 * (`metrics()`: carts lost, requests answered 404 at the balancer, legitimate users rate-limited…),
 * against a bound. Whole run only: the report is cumulative, so a report goal reads "over the run so far".
 * Pure, like the engine's: the worker, the tests and the claims all evaluate lessons through this module.
 */
import type { Scenario } from '../scenario/schema.ts';
import { evaluateCondition, goalStateOf, runWithChanges, type Bound, type CheckResult, type Condition, type ConditionResult, type GoalResult, type GoalState, type TimedChange } from '../engine/goals/index.ts';
import { describeBound, fmt, result, show, within } from '../engine/goals/format.ts';
import { isShareOf1, reportValue, wordsOf } from './report-paths.ts';

/** One number of the run's report (`metrics()`), by its dotted path, against a bound. */
export interface ReportCondition extends Bound {
  kind: 'report';
  /** `sessions.cartsLost`, `failures.no-route`, `edge.legitRateLimited`, `targets.web-1.requests`, … (REPORT_PATHS). */
  path: string;
}

export type LessonCondition = Condition | ReportCondition;
export type LessonGoal = LessonCondition & { id: string; label: string };

/**
 * A report number as the goal's label states it: a share as a percentage ("1 %", as the metric goals write an error
 * rate), any other to three significant figures, not first rounded to thousandths (a bound of $0.0075 read "0.00800").
 */
function reportNumber(path: string, x: number): string {
  return isShareOf1(path) ? show(x, '%') : fmt(x);
}

function reportCondition(c: ReportCondition, state: GoalState): ConditionResult {
  const value = reportValue(state.metrics, c.path);
  const words = wordsOf(c.path);
  if (value === null) return result(false, `the run has no ${words}`);
  const bound = describeBound(c, '', (x) => reportNumber(c.path, x));
  return result(within(value, c), `${words} over the run so far: ${reportNumber(c.path, value)} (goal ${bound})`, value);
}

/** Evaluates one lesson condition (a goal, a wait-for, a prediction's option, a claim). */
export function evaluateLessonCondition(c: LessonCondition, state: GoalState): ConditionResult {
  return c.kind === 'report' ? reportCondition(c, state) : evaluateCondition(c, state);
}

/** Evaluates every goal, in order. */
export function evaluateLessonGoals(goals: readonly LessonGoal[], state: GoalState): GoalResult[] {
  return goals.map((g) => ({ id: g.id, label: g.label, ...evaluateLessonCondition(g, state) }));
}

/**
 * The lesson check with lesson goals: the engine's `runGoalCheck` (a fresh run from 0 with each change at its
 * time, equal times in list order, until `checkSec`), evaluated with `evaluateLessonGoals`.
 */
export function runLessonCheck(scenario: Scenario, goals: readonly LessonGoal[], changes: readonly TimedChange[], checkSec: number): CheckResult {
  const run = runWithChanges(scenario, changes, checkSec);
  const results = evaluateLessonGoals(goals, goalStateOf(run.sim, run.applied));
  return { results, allMet: results.every((r) => r.met), refused: run.refused };
}

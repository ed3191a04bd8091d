/**
 * A lesson's tasks, step by step. A step with hints sets a task; solution.json's changes each belong to one task
 * (`step`), and goals.json's goals each appear from the step that asks for them (`step`). Solve on a step fixes
 * the task that step is on (the last task step at or before it, else the first) and the tasks before it, never a
 * later step's, and the checklist shows only the goals asked for so far.
 */
import type { TimedChange } from '../engine/goals/index.ts';
import type { LessonGoal } from './conditions.ts';
import type { Lesson } from './lesson.ts';

type Tasks = Pick<Lesson, 'steps' | 'solution' | 'solutionSteps' | 'goals' | 'goalSteps'>;

/** The steps that set a task (those with hints), in order. */
export function taskSteps(lesson: Pick<Lesson, 'steps'>): number[] {
  return lesson.steps.filter((s) => s.hints !== null).map((s) => s.number);
}

/** The task a learner on `step` is on: the last task step at or before it, else the first task step. */
export function taskStepAt(tasks: readonly number[], step: number): number {
  return tasks.filter((t) => t <= step).at(-1) ?? tasks[0] ?? 1;
}

/** What Solve applies for the task of `taskStep`: its changes and those of the tasks before it, in file order. */
export function solutionThrough(lesson: Tasks, taskStep: number): TimedChange[] {
  return lesson.solution.filter((_, i) => (lesson.solutionSteps[i] ?? 0) <= taskStep);
}

/** The changes of the task of `taskStep` alone (the hint ladder's last rung on that step). */
export function solutionOf(lesson: Tasks, taskStep: number): TimedChange[] {
  return lesson.solution.filter((_, i) => lesson.solutionSteps[i] === taskStep);
}

/** The goals the checklist shows on `step`: those asked for at or before it. */
export function goalsShownAt(lesson: Tasks, step: number): LessonGoal[] {
  return lesson.goals.filter((g) => (lesson.goalSteps[g.id] ?? 1) <= step);
}

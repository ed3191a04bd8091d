// A lesson's own world (the lesson content test): its starting scenario does not meet its goals, its solution does
// (with the engine's memory, as the lesson check judges it, and with only the seconds of series the page keeps),
// and two runs with one seed agree.
import { expect, it } from 'vitest';
import type { Lesson } from '../../../src/content/lesson.ts';
import { goalStateOf } from '../../../src/engine/goals/index.ts';
import { evaluateLessonGoals } from '../../../src/content/conditions.ts';
import { runFresh, type FinishedRun, type LessonRuns, type Memory } from './lesson-runs.ts';
import { goalsShownAt, solutionThrough, taskSteps } from '../../../src/content/tasks.ts';

/** The goals' results on a run, as runLessonCheck (content/conditions.ts) judges them. */
const judged = (lesson: Lesson, r: FinishedRun) => evaluateLessonGoals(lesson.goals, goalStateOf(r.sim, r.applied));

/** Everything a run reports: the goals' results and the whole report of that very run. */
const report = (lesson: Lesson, r: FinishedRun) =>
  JSON.stringify({ metrics: r.sim.metrics(), health: r.sim.health(), events: r.sim.events(0), results: judged(lesson, r) });

/** The Black Friday world simulates 1,000,000 requests per run and lesson 18 a day: on a loaded machine, a minute or more. */
const LONG_RUN = 300_000;

export function solutionChecks(lesson: Lesson, runs: LessonRuns): void {
  const solved = (memory: Memory = 'engine') => runs.of(lesson.scenario, lesson.solution, lesson.checkSec, memory);

  it('does not meet its goals at the start', () => {
    const start = runs.of(lesson.scenario, [], lesson.checkSec);
    expect(judged(lesson, start).every((r) => r.met)).toBe(false);
  });

  it('meets every goal with its solution', () => {
    const r = solved();
    expect(r.refused).toEqual([]);
    expect(judged(lesson, r).filter((g) => !g.met).map((g) => `${g.id}: ${g.detail}`)).toEqual([]);
  }, LONG_RUN);

  it('meets every goal with its solution in the page’s memory too (the last SERIES_SECONDS of series)', () => {
    const r = solved('page');
    expect(r.refused).toEqual([]);
    expect(judged(lesson, r).filter((g) => !g.met).map((g) => `${g.id}: ${g.detail}`)).toEqual([]);
  });

  // a lesson of several tasks: Solve on an earlier task applies only that task's changes (and those before it);
  // they must meet every goal the checklist shows there, and leave a goal a later step asks for to that step
  for (const task of taskSteps(lesson).slice(0, -1)) {
    it(`Solve at task step ${task} meets the goals shown there with only the changes up to that task`, () => {
      const changes = solutionThrough(lesson, task);
      expect(changes.length).toBeLessThan(lesson.solution.length);
      const r = runs.of(lesson.scenario, changes, lesson.checkSec);
      expect(r.refused).toEqual([]);
      const shown = new Set(goalsShownAt(lesson, task).map((g) => g.id));
      const results = judged(lesson, r);
      expect(results.filter((g) => shown.has(g.id) && !g.met).map((g) => `${g.id}: ${g.detail}`)).toEqual([]);
      expect(results.some((g) => !g.met)).toBe(true);
    });
  }

  it('gives the same run twice with the same seed', () => {
    // the check's run (the one the goal tests read) against a fresh second one
    expect(report(lesson, runFresh(lesson.scenario, lesson.solution, lesson.checkSec))).toBe(report(lesson, solved()));
  }, LONG_RUN);
}

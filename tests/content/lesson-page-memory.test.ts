// Every lesson as the page holds it (part of the lesson content test, lessons.test.ts): its solution meets the
// goals with only the seconds of series the page keeps, every try can be applied, every wait-for comes true.
import { describe, expect, it } from 'vitest';
import { goalStateOf } from '../../src/engine/goals/index.ts';
import { evaluateLessonCondition, evaluateLessonGoals } from '../../src/content/conditions.ts';
import { validateChange } from '../../src/scenario/validate.ts';
import { createSimulation } from '../../src/engine/index.ts';
import { lessonRows, run, worldOf } from './support/lesson-runs.ts';

describe.each(lessonRows())('%s', (_folder, lesson) => {
  it('meets every goal with its solution in the page’s memory too (the last SERIES_SECONDS of series)', () => {
    const sim = run(lesson.scenario, lesson.solution, lesson.checkSec);
    const results = evaluateLessonGoals(lesson.goals, goalStateOf(sim, lesson.solution));
    expect(results.filter((r) => !r.met).map((r) => `${r.id}: ${r.detail}`)).toEqual([]);
  });

  const trying = lesson.steps.filter((s) => s.tries.length > 0);
  it.each(trying.map((s) => [s.number, s] as const))('step %i: every try applies', (_n, step) => {
    // a try in the lesson's own world acts on the starting world, or (when it names what the solution
    // builds) on the world with the solution applied
    for (const t of step.tries) {
      const world = worldOf(lesson, step);
      const before = step.scene !== null || t.changes.every((c) => validateChange(c, world).ok);
      const sim = before ? createSimulation(world) : run(world, lesson.solution, lesson.checkSec);
      sim.runUntil(Math.max(sim.nowMs, 1000));
      for (const c of t.changes) expect(sim.apply(c)).toBeNull();
    }
  });

  const waiting = lesson.steps.filter((s) => s.wait !== null);
  it.each(waiting.map((s) => [s.number, s] as const))('step %i: its wait-for comes true', (_n, step) => {
    // the lesson's own world is waited on as the learner will see it after the task: with the solution
    const world = worldOf(lesson, step);
    const changes = step.scene === null ? lesson.solution : [];
    const sim = run(world, changes, world.durationSec);
    expect(evaluateLessonCondition(step.wait!, goalStateOf(sim, changes)).met).toBe(true);
  });
});

// Every lesson's steps (part of the lesson content test, lessons.test.ts): a prediction's authored answer is
// the one that happens, and a case (a scene step with its own goals and solution) keeps the promises of the
// lesson's own world.
import { describe, expect, it } from 'vitest';
import { goalStateOf } from '../../src/engine/goals/index.ts';
import { evaluateLessonCondition, evaluateLessonGoals, runLessonCheck } from '../../src/content/conditions.ts';
import { patchesOf } from '../../src/scenario/patch.ts';
import { expandUnlocks, pathsUnlocked } from '../../src/content/unlocks.ts';
import { lessonRows, run, worldOf } from './support/lesson-runs.ts';

describe.each(lessonRows())('%s', (_folder, lesson) => {
  const predicting = lesson.steps.filter((s) => s.predict?.options.some((o) => o.when));
  it.each(predicting.map((s) => [s.number, s] as const))('step %i: the authored answer is the one that happens', (_n, step) => {
    const p = step.predict!;
    const sim = run(worldOf(lesson, step), [], p.atSec!);
    const state = goalStateOf(sim, []);
    const happened = p.options.map((o) => o.when!.every((c) => evaluateLessonCondition(c, state).met));
    expect(happened.map((h, i) => (h ? i : -1)).filter((i) => i >= 0)).toEqual([p.answer]);
  });

  // a case (a scene step with its own goals and solution): the same promises as the lesson's own world
  const cases = lesson.steps.filter((s) => s.case !== null);
  it.each(cases.map((s) => [s.number, s] as const))('step %i: its case fails its goals at the start, its solution meets them, twice alike', (_n, step) => {
    const { checkSec, goals, solution } = step.case!;
    const world = worldOf(lesson, step);
    expect(runLessonCheck(world, goals, [], checkSec).allMet).toBe(false);
    const solved = () => {
      const sim = run(world, solution, checkSec);
      const results = evaluateLessonGoals(goals, goalStateOf(sim, solution));
      return { results, metrics: JSON.stringify(sim.metrics()) };
    };
    const once = solved();
    expect(once.results.filter((r) => !r.met).map((r) => `${r.id}: ${r.detail}`)).toEqual([]);
    expect(runLessonCheck(world, goals, solution, checkSec).refused).toEqual([]);
    expect(solved()).toEqual(once);
    const unlocked = expandUnlocks(lesson.unlocks);
    for (const { change } of solution) {
      if (change.action === 'patch' && !lesson.controls.includes('patch')) expect(pathsUnlocked(patchesOf(change).map((p) => p.path), unlocked)).toBe(true);
      else expect(lesson.controls).toContain(change.action);
    }
  });
});

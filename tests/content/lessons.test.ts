// Every lesson, as the issue asks: it validates; its starting scenario does not meet its goals; its
// solution does; two runs with one seed agree. Also: predictions come true as authored, every try and
// wait can happen, and steps stay short.
import { describe, expect, it } from 'vitest';
import { loadLessonsFromDir } from '../../src/content/node-loader.ts';
import { formatLessonErrors, type Lesson, type Step } from '../../src/content/lesson.ts';
import { wordCount } from '../../src/content/markdown.ts';
import { goalStateOf, runWithChanges, type TimedChange } from '../../src/engine/goals/index.ts';
import { evaluateLessonCondition, evaluateLessonGoals, runLessonCheck } from '../../src/content/conditions.ts';
import { SERIES_SECONDS } from '../../workers/timeline.ts';
import { validateChange } from '../../src/scenario/validate.ts';
import { createSimulation } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { patchesOf } from '../../src/scenario/patch.ts';
import { expandUnlocks, pathsUnlocked } from '../../src/content/unlocks.ts';

const { lessons, errors } = loadLessonsFromDir('lessons');

/**
 * Runs a world with changes at their times up to `untilSec`; returns the simulation. It keeps only the
 * seconds of series the page keeps (SERIES_SECONDS), so a window the page could no longer judge fails here.
 */
function run(world: Scenario, changes: readonly TimedChange[], untilSec: number) {
  const sim = createSimulation(world, { seriesCapacity: SERIES_SECONDS });
  for (const c of [...changes].sort((a, b) => a.atMs - b.atMs)) {
    sim.runUntil(c.atMs);
    expect(sim.apply(c.change)).toBeNull();
  }
  sim.runUntil(untilSec * 1000);
  return sim;
}

const worldOf = (lesson: Lesson, step: Step): Scenario => (step.scene === null ? lesson.scenario : lesson.scenes[step.scene]);

describe('lessons/', () => {
  it('loads without errors', () => {
    expect(formatLessonErrors(errors)).toBe('');
  });

  it('holds chapter 1 in order', () => {
    expect(lessons.filter((l) => l.order <= 4).map((l) => `${l.order} ${l.slug}`)).toEqual([
      '1 one-server-is-not-enough',
      '2 round-robin-and-weights',
      '3 when-requests-are-not-alike',
      '4 health-checks-and-the-blind-window',
    ]);
  });

  it('keeps each chapter to its lesson numbers, and each chapter in one run', () => {
    // chapters 4 and 5 have fixed folder numbers too (13–16 and 17–21), whoever writes them
    const chapterOf = (order: number) =>
      order <= 4 ? 'Sharing the load' : order <= 8 ? 'Routing requests' : order <= 12 ? 'State and security at the balancer' : order <= 16 ? 'Surviving failures' : order <= 21 ? 'Capacity' : null;
    expect(lessons.filter((l) => chapterOf(l.order) !== null && l.chapter !== chapterOf(l.order)).map((l) => `${l.folder}: ${l.chapter}`)).toEqual([]);
    const order = lessons.map((l) => l.chapter).filter((c, i, all) => i === 0 || all[i - 1] !== c);
    expect(order).toEqual([...new Set(order)]);
  });
});

describe.each(lessons.map((l) => [l.folder, l] as const))('%s', (_folder, lesson) => {
  // the check's run of the solution, made once (the goal test and the determinism test read the same run; the
  // determinism test compares it with a second run)
  let solved: { refused: unknown[]; results: ReturnType<typeof evaluateLessonGoals>; json: string } | null = null;
  const solutionRun = () => {
    if (solved !== null) return solved;
    const r = runWithChanges(lesson.scenario, lesson.solution, lesson.checkSec);
    const results = evaluateLessonGoals(lesson.goals, goalStateOf(r.sim, r.applied));
    solved = { refused: r.refused, results, json: JSON.stringify({ metrics: r.sim.metrics(), health: r.sim.health(), events: r.sim.events(0), results }) };
    return solved;
  };

  it('does not meet its goals at the start', () => {
    const check = runLessonCheck(lesson.scenario, lesson.goals, [], lesson.checkSec);
    expect(check.allMet).toBe(false);
  });

  it('meets every goal with its solution', () => {
    // as runLessonCheck (content/conditions.ts) judges it
    const check = solutionRun();
    expect(check.refused).toEqual([]);
    expect(check.results.filter((r) => !r.met).map((r) => `${r.id}: ${r.detail}`)).toEqual([]);
  }, 300_000);

  it('meets every goal with its solution in the page’s memory too (the last SERIES_SECONDS of series)', () => {
    const sim = run(lesson.scenario, lesson.solution, lesson.checkSec);
    const results = evaluateLessonGoals(lesson.goals, goalStateOf(sim, lesson.solution));
    expect(results.filter((r) => !r.met).map((r) => `${r.id}: ${r.detail}`)).toEqual([]);
  });

  it('gives the same run twice with the same seed', () => {
    // the check's run (the goals' results and the whole report of that very run) against a second one
    const first = solutionRun().json;
    solved = null;
    expect(solutionRun().json).toBe(first);
    // two runs: the Black Friday world simulates 1,000,000 requests in each and lesson 18 a day, each a minute
    // or more on a loaded machine
  }, 300_000);

  it('uses only unlocked controls in its solution', () => {
    // a patch is unlocked by the 'patch' control (anything) or, without it, by the builder's `unlocks`
    const unlocked = expandUnlocks(lesson.unlocks);
    for (const { change } of lesson.solution) {
      if (change.action === 'patch' && !lesson.controls.includes('patch')) expect(pathsUnlocked(patchesOf(change).map((p) => p.path), unlocked)).toBe(true);
      else expect(lesson.controls).toContain(change.action);
    }
  });

  it('keeps its steps short (about 100 words; none over 150)', () => {
    const words = lesson.steps.map((s) => wordCount(s.markdown));
    expect(Math.max(...words)).toBeLessThanOrEqual(150);
    const sorted = [...words].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(120);
  });

  const predicting = lesson.steps.filter((s) => s.predict?.options.some((o) => o.when));
  it.each(predicting.map((s) => [s.number, s] as const))('step %i: the authored answer is the one that happens', (_n, step) => {
    const p = step.predict!;
    const sim = run(worldOf(lesson, step), [], p.atSec!);
    const state = goalStateOf(sim, []);
    const happened = p.options.map((o) => o.when!.every((c) => evaluateLessonCondition(c, state).met));
    expect(happened.map((h, i) => (h ? i : -1)).filter((i) => i >= 0)).toEqual([p.answer]);
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

  const waiting = lesson.steps.filter((s) => s.wait !== null);
  it.each(waiting.map((s) => [s.number, s] as const))('step %i: its wait-for comes true', (_n, step) => {
    // the lesson's own world is waited on as the learner will see it after the task: with the solution
    const world = worldOf(lesson, step);
    const changes = step.scene === null ? lesson.solution : [];
    const sim = run(world, changes, world.durationSec);
    expect(evaluateLessonCondition(step.wait!, goalStateOf(sim, changes)).met).toBe(true);
  });
});

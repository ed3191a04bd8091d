// What the lesson content tests share: the lessons, read once per worker, and a run of a lesson's world as the
// page keeps it. The checks of every lesson are spread over several files (lessons, lesson-solutions,
// lesson-page-memory, lesson-steps), so that Vitest's two workers share the whole-lesson runs.
import { expect } from 'vitest';
import { loadLessonsFromDir } from '../../../src/content/node-loader.ts';
import type { Lesson, Step } from '../../../src/content/lesson.ts';
import type { TimedChange } from '../../../src/engine/goals/index.ts';
import { SERIES_SECONDS } from '../../../workers/timeline.ts';
import { createSimulation } from '../../../src/engine/index.ts';
import type { Scenario } from '../../../src/scenario/schema.ts';

export const { lessons, errors } = loadLessonsFromDir('lessons');

/** `describe.each` rows: each lesson under its folder's name. */
export const lessonRows = (list: readonly Lesson[] = lessons) => list.map((l) => [l.folder, l] as const);

/**
 * Runs a world with changes at their times up to `untilSec`; returns the simulation. It keeps only the
 * seconds of series the page keeps (SERIES_SECONDS), so a window the page could no longer judge fails here.
 */
export function run(world: Scenario, changes: readonly TimedChange[], untilSec: number) {
  const sim = createSimulation(world, { seriesCapacity: SERIES_SECONDS });
  for (const c of [...changes].sort((a, b) => a.atMs - b.atMs)) {
    sim.runUntil(c.atMs);
    expect(sim.apply(c.change)).toBeNull();
  }
  sim.runUntil(untilSec * 1000);
  return sim;
}

/** The world a step shows: the lesson's own, or one of its scenes. */
export const worldOf = (lesson: Lesson, step: Step): Scenario => (step.scene === null ? lesson.scenario : lesson.scenes[step.scene]);

// The checks that run a lesson's world, all of one lesson's in one place, so that a run several checks read
// (the starting world to the check second, the solution's run, a claimed run) is made once (LessonRuns). The
// lessons are split into parts, one test file each, so that Vitest's two workers share them.
import { afterAll, describe } from 'vitest';
import type { Lesson } from '../../../src/content/lesson.ts';
import { LessonRuns, lessonRows } from './lesson-runs.ts';
import { solutionChecks } from './solution-checks.ts';
import { worldChecks } from './world-checks.ts';
import { claimChecks } from './claim-checks.ts';

/**
 * Which file checks which lessons (every lesson is in exactly one part: lessons.test.ts checks it). Black Friday
 * has a file of its own: its runs simulate a million requests each, about as long as all the other lessons' together.
 */
export const PARTS = {
  'lessons-01-12': (l: Lesson) => l.order <= 12,
  'lessons-13-21': (l: Lesson) => l.order >= 13 && l.order <= 21,
  'lessons-22': (l: Lesson) => l.order === 22,
  'lessons-23-on': (l: Lesson) => l.order >= 23,
} as const;

export function checkLessons(list: readonly Lesson[]): void {
  describe.each(lessonRows(list))('%s', (_folder, lesson) => {
    const runs = new LessonRuns();
    afterAll(() => runs.clear());
    solutionChecks(lesson, runs);
    worldChecks(lesson, runs);
    claimChecks(lesson, runs);
  });
}

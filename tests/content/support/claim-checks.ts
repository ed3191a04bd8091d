// The claims check of one set of lessons (claims.test.ts and claims-capstone.test.ts each take a part of the
// lessons, so that Vitest's two workers share the runs): each claimed run is run once and every claim on it
// measured. A number that drifts fails with its lesson, its phrase and what the run gave.
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../../src/content/lesson.ts';
import { measureClaim, runClaimRun } from '../../../src/content/claim-runs.ts';
import { lessonRows } from './lesson-runs.ts';

export function checkClaimsOf(lessons: readonly Lesson[]): void {
  describe.each(lessonRows(lessons))('%s', (_folder, lesson) => {
    const runs = [...new Map(lesson.claims.map((c) => [c.run.name, c.run])).values()];
    it.each(runs.map((r) => [r.name, r] as const))('run "%s": every claim on it holds', (_name, run) => {
      const result = runClaimRun(lesson, run);
      expect(result.refused).toEqual([]);
      const failing = lesson.claims
        .filter((c) => c.run.name === run.name)
        .map((c) => ({ phrase: c.phrase, ...measureClaim(c, result) }))
        .filter((r) => !r.holds)
        .map((r) => `"${r.phrase}": ${r.detail}`);
      expect(failing).toEqual([]);
    });
  });
}

/** Which file checks a lesson's claims: lessons 1–21 (chapters 1–5) in claims.test.ts, the rest in claims-capstone.test.ts. */
export const inFirstChapters = (lesson: Lesson): boolean => lesson.order <= 21;

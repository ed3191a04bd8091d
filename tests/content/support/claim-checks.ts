// The numbers a lesson's prose states, checked against the engine. Every lesson's claims.json names, for each
// number, the phrase that states it (the loader checks the prose still contains it) and how to measure it on
// which run; each claimed run is run once (runClaimRun, or the same run another check of the lesson has made) and
// every claim on it measured. A number that drifts fails with its lesson, its phrase and what the run gave.
import { expect, it } from 'vitest';
import type { Lesson } from '../../../src/content/lesson.ts';
import { measureClaim, runClaimRun } from '../../../src/content/claim-runs.ts';
import type { LessonRuns } from './lesson-runs.ts';

export function claimChecks(lesson: Lesson, runs: LessonRuns): void {
  const claimed = [...new Map(lesson.claims.map((c) => [c.run.name, c.run])).values()];
  it.each(claimed.map((r) => [r.name, r] as const))('run "%s": every claim on it holds', (_name, run) => {
    const world = run.world === null ? lesson.scenario : lesson.scenes[run.world];
    const result = runs.of(world, run.changes, run.untilSec, 'engine', () => runClaimRun(lesson, run));
    expect(result.refused).toEqual([]);
    const failing = lesson.claims
      .filter((c) => c.run.name === run.name)
      .map((c) => ({ phrase: c.phrase, ...measureClaim(c, result) }))
      .filter((r) => !r.holds)
      .map((r) => `"${r.phrase}": ${r.detail}`);
    expect(failing).toEqual([]);
  });
}

// The numbers the lesson prose states, checked against the engine. Every lesson's claims.json names, for
// each number, the phrase that states it (the loader checks the prose still contains it) and how to
// measure it on which run; here each run is run once and each claim measured. A number that drifts fails
// with its lesson, its phrase and what the run gave.
import { describe, expect, it } from 'vitest';
import { loadLessonsFromDir } from '../../src/content/node-loader.ts';
import { measureClaim, runClaimRun } from '../../src/content/claim-runs.ts';

const { lessons } = loadLessonsFromDir('lessons');

describe.each(lessons.map((l) => [l.folder, l] as const))('%s', (_folder, lesson) => {
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

describe('claims', () => {
  it('every lesson states at least one number it measures', () => {
    expect(lessons.filter((l) => l.claims.length === 0).map((l) => l.folder)).toEqual([]);
  });
});

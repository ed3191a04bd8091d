// The numbers the lesson prose states, checked against the engine. Every lesson's claims.json names, for
// each number, the phrase that states it (the loader checks the prose still contains it) and how to
// measure it on which run; here each run is run once and each claim measured. A number that drifts fails
// with its lesson, its phrase and what the run gave. Lessons 1–21 here; the capstone chapter's (whose Black
// Friday runs simulate a million requests each) in claims-capstone.test.ts, which a second worker can run.
import { describe, expect, it } from 'vitest';
import { lessons } from './support/lesson-runs.ts';
import { checkClaimsOf, inFirstChapters } from './support/claim-checks.ts';

checkClaimsOf(lessons.filter(inFirstChapters));

describe('claims', () => {
  it('every lesson states at least one number it measures', () => {
    expect(lessons.filter((l) => l.claims.length === 0).map((l) => l.folder)).toEqual([]);
  });
});

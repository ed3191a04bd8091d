// The numbers the lesson prose states, checked against the engine (as claims.test.ts): the lessons after
// chapter 5 (the capstone chapter), in a file of their own so that a second worker can run them.
import { lessons } from './support/lesson-runs.ts';
import { checkClaimsOf, inFirstChapters } from './support/claim-checks.ts';

checkClaimsOf(lessons.filter((l) => !inFirstChapters(l)));

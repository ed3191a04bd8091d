// The lessons of part "lessons-13-21" (support/lesson-checks.ts): every check that runs a lesson's world.
import { lessons } from './support/lesson-runs.ts';
import { checkLessons, PARTS } from './support/lesson-checks.ts';

checkLessons(lessons.filter(PARTS['lessons-13-21']));

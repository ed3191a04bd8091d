/**
 * What the lesson list and the home page say about a lesson before it is opened: how long it takes, what it
 * builds on, and what the learner will change in it. Derived from the lesson's own data, so it never drifts.
 */
import type { Lesson } from '../../content/lesson.ts';
import { startingSpeed } from '../../sim/speed.ts';

/** About how many minutes: reading (180 words a minute), each world run once at its starting speed, a minute per prediction and per task. */
export function lessonMinutes(lesson: Lesson): number {
  const words = lesson.steps.reduce((n, s) => n + s.markdown.split(/\s+/).length, 0);
  const worlds = [lesson.scenario, ...Object.values(lesson.scenes)];
  const runSec = worlds.reduce((n, w) => n + w.durationSec / startingSpeed(w.durationSec), 0);
  const acts = lesson.steps.filter((s) => s.predict !== null || s.hints !== null).length;
  return Math.max(5, Math.round((words / 180 + runSec / 60 + acts) / 5) * 5);
}

/** The steps and time, in words: "5 steps · about 15 min". */
export function lessonLength(lesson: Lesson): string {
  return `${lesson.steps.length} steps · about ${lessonMinutes(lesson)} min`;
}

const CONTROL_WORDS: Record<string, string> = {
  'set-rate': 'the arrival rate',
  'set-algorithm': 'the algorithm',
  'set-target-count': 'the number of targets',
  'set-health-check': 'health checks',
  'set-capacity': 'scaling group capacity',
  'set-weight': 'weights',
  'set-concurrency': 'slots',
  'set-service-time': 'service times',
  crash: 'crashing a target',
  hang: 'hanging a target',
  slow: 'slowing a target',
  recover: 'recovering it',
  patch: "the system's set-up (stickiness, session stores, rules)",
};

/** What the lesson asks of the learner: what it builds on, and the controls it unlocks. */
export function lessonNeeds(lesson: Lesson, all: readonly Lesson[]): string {
  const before = all.filter((l) => l.order < lesson.order);
  const builds = before.length === 0 ? 'No prior lesson needed' : `Builds on lesson ${before[before.length - 1].order}`;
  const words = [...new Set(lesson.controls.map((c) => CONTROL_WORDS[c] ?? c.replaceAll('-', ' ')))];
  return `${builds}. You will change ${words.length > 3 ? `${words.slice(0, 3).join(', ')} and more` : words.join(', ').replace(/, ([^,]*)$/, ' and $1')}.`;
}

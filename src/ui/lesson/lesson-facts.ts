/**
 * What the lesson list and the home page say about a lesson before it is opened: how long it takes, what it
 * builds on, and what the learner will change in it. Derived from the lesson's own data, so it never drifts.
 */
import { m } from '../../i18n/paraglide/messages.js';
import { baseLocale, getLocale } from '../../i18n/paraglide/runtime.js';
import type { LessonSummary } from '../../content/lesson-summary.ts';
import type { ChangeAction } from '../../content/schema.ts';
import { startingSpeed } from '../../sim/speed.ts';
import { unlockWords } from '../builder/unlock-words.ts';

/** About how many minutes: reading (180 words a minute), each world run once at its starting speed, a minute per prediction and per task. */
export function lessonMinutes(lesson: LessonSummary): number {
  const runSec = lesson.worldSecs.reduce((n, sec) => n + sec / startingSpeed(sec), 0);
  return Math.max(5, Math.round((lesson.words / 180 + runSec / 60 + lesson.acts) / 5) * 5);
}

/** The lesson is not translated into the page's language: its words are shown in English (a summary's `lang` is set only by a translation). */
export function shownInEnglish(lesson: Pick<LessonSummary, 'lang'>, locale: string = getLocale()): boolean {
  return locale !== baseLocale && lesson.lang === undefined;
}

/** The steps and time, in words: "5 steps · about 15 min". */
export function lessonLength(lesson: LessonSummary): string {
  return m.facts_length({ steps: lesson.steps.length, minutes: lessonMinutes(lesson) });
}

/** Each live-change action a lesson can offer, as the lesson list names it (every action: a new one fails to compile until it is named). */
const CONTROL_WORDS: Record<ChangeAction, () => string> = {
  'set-rate': m.control_set_rate,
  'set-algorithm': m.control_set_algorithm,
  'set-target-count': m.control_set_target_count,
  'set-health-check': m.control_set_health_check,
  'set-capacity': m.control_set_capacity,
  'set-weight': m.control_set_weight,
  'set-concurrency': m.control_set_concurrency,
  'set-service-time': m.control_set_service_time,
  crash: m.control_crash,
  hang: m.control_hang,
  slow: m.control_slow,
  recover: m.control_recover,
  patch: m.control_patch,
  errors: m.control_errors,
  brownout: m.control_brownout,
  deregister: m.control_deregister,
  register: m.control_register,
  'break-dependency': m.control_break_dependency,
  'zone-outage': m.control_zone_outage,
  'zone-recover': m.control_zone_recover,
  'region-outage': m.control_region_outage,
  'region-recover': m.control_region_recover,
  'crash-balancer': m.control_crash_balancer,
  'recover-balancer': m.control_recover_balancer,
  'db-failover': m.control_db_failover,
  'crash-session-store': m.control_crash_session_store,
  'recover-session-store': m.control_recover_session_store,
  'set-admin-state': m.control_set_admin_state,
  'set-forward-weights': m.control_set_forward_weights,
  'swap-cnames': m.control_swap_cnames,
};

/**
 * The controls a lesson gives, in words: its live-change actions, with "patch" told by what the lesson unlocks
 * (what its builder and Change it let the learner edit: "session stickiness") when it names anything, and the
 * unlocks of a lesson whose other controls come first.
 */
export function lessonControls(lesson: LessonSummary): string[] {
  const words = lesson.controls.filter((c) => c !== 'patch' || lesson.unlocks.length === 0).map((c) => CONTROL_WORDS[c]());
  return [...new Set([...words, ...lesson.unlocks.map(unlockWords)])];
}

/** What the lesson asks of the learner: what it builds on, and the controls it unlocks. */
export function lessonNeeds(lesson: LessonSummary, all: readonly LessonSummary[]): string {
  const before = all.filter((l) => l.order < lesson.order);
  const builds = before.length === 0 ? m.facts_no_prior() : m.facts_builds_on({ number: before[before.length - 1].order });
  const words = lessonControls(lesson);
  const what = words.length > 3 ? m.facts_and_more({ list: words.slice(0, 3).join(', ') }) : words.length > 1 ? m.facts_and({ list: words.slice(0, -1).join(', '), last: words[words.length - 1] }) : words.join('');
  return m.facts_you_will_change({ builds, what });
}

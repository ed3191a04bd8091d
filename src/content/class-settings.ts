/**
 * A teacher's link for a class: a lesson pack (a chosen set and order of lessons, with a title) and what the
 * class may not use. It is a readable address, so a teacher can write or edit one by hand:
 *
 *   #/class?title=Week%203&lessons=round-robin-and-weights,health-checks&hide=solve,hints,sandbox&seed=7
 *
 * - `lessons`: lesson slugs in the order the class takes them (a pack); none means every lesson in order.
 * - `hide`: `solve` (the Solve button), `hints` (the hint ladder), `sandbox` (the Sandbox and Compare links),
 *   or a live-change action such as `set-algorithm` (that control is hidden and refused in every lesson).
 * - `seed`: every lesson's world and scenes run with this seed (a group of the class can get its own numbers).
 *
 * Hiding is guidance, not a lock: a learner who types another address can still reach everything.
 */
import type { Lesson } from './lesson.ts';
import { m } from '../i18n/paraglide/messages.js';

export const CLASS_HIDEABLE = ['solve', 'hints', 'sandbox'] as const;
export type ClassHideable = (typeof CLASS_HIDEABLE)[number];

export interface ClassSettings {
  title: string;
  /** Lesson slugs in order (empty: every lesson). */
  lessons: string[];
  /** What the class does not see: CLASS_HIDEABLE items and live-change action names. */
  hide: string[];
  /** A seed for every lesson world, or null to keep each lesson's own. */
  seed: number | null;
}

const MAX_TITLE = 80;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ACTION = /^[a-z]+(?:-[a-z]+)*$/;

/** A list parameter: comma-separated, trimmed, without empties or repeats. */
function list(value: string | null): string[] {
  return [...new Set((value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''))];
}

/**
 * Reads a class link's query (`title=…&lessons=…`): the settings, and a sentence for each part that was
 * ignored (an unknown lesson, a bad seed). `known` lists the lesson slugs that exist.
 */
export function parseClassQuery(query: string, known: readonly string[]): { settings: ClassSettings; ignored: string[] } {
  const params = new URLSearchParams(query);
  const ignored: string[] = [];
  const lessons = list(params.get('lessons')).filter((slug) => {
    const ok = SLUG.test(slug) && known.includes(slug);
    if (!ok) ignored.push(m.teach_class_no_lesson({ slug: slug.slice(0, 80) }));
    return ok;
  });
  const hide = list(params.get('hide')).filter((item) => {
    const ok = (CLASS_HIDEABLE as readonly string[]).includes(item) || ACTION.test(item);
    if (!ok) ignored.push(m.teach_class_cannot_hide({ item: item.slice(0, 40) }));
    return ok;
  });
  const seedText = params.get('seed');
  let seed: number | null = null;
  if (seedText !== null && seedText !== '') {
    const n = Number(seedText);
    if (Number.isInteger(n) && n >= 0 && n <= 0xffffffff) seed = n;
    else ignored.push(m.teach_class_bad_seed({ seed: seedText.slice(0, 20) }));
  }
  const title = (params.get('title') ?? '').trim().slice(0, MAX_TITLE) || m.teach_class_default_title();
  return { settings: { title, lessons, hide, seed }, ignored };
}

/** The query of a class link for these settings (the inverse of parseClassQuery). */
export function classQuery(settings: ClassSettings): string {
  const params = new URLSearchParams();
  params.set('title', settings.title);
  if (settings.lessons.length > 0) params.set('lessons', settings.lessons.join(','));
  if (settings.hide.length > 0) params.set('hide', settings.hide.join(','));
  if (settings.seed !== null) params.set('seed', String(settings.seed));
  // commas stay readable in a link a teacher may edit by hand
  return params.toString().replace(/%2C/g, ',');
}

/** The hash of a class link. */
export function classHash(settings: ClassSettings): string {
  return `#/class?${classQuery(settings)}`;
}

/** The class's lessons in its order (every lesson when it names none). */
export function classLessons<L extends { slug: string }>(settings: ClassSettings | null, all: readonly L[]): L[] {
  if (settings === null || settings.lessons.length === 0) return [...all];
  return settings.lessons.map((slug) => all.find((l) => l.slug === slug)).filter((l): l is L => l !== undefined);
}

/** The lesson after `slug` in the class's order (or in the full order), if any. */
export function nextLesson<L extends { slug: string }>(settings: ClassSettings | null, all: readonly L[], slug: string): L | undefined {
  const order = classLessons(settings, all);
  const i = order.findIndex((l) => l.slug === slug);
  return i === -1 ? undefined : order[i + 1];
}

/** Whether the class hides this item (`solve`, `hints`, `sandbox` or an action). */
export function hides(settings: ClassSettings | null, item: string): boolean {
  return settings?.hide.includes(item) ?? false;
}

/** A lesson as the class sees it: hidden actions taken from its controls, its worlds run with the class's seed. */
export function lessonForClass(lesson: Lesson, settings: ClassSettings | null): Lesson {
  if (settings === null) return lesson;
  const seed = settings.seed;
  const withSeed = <S extends { seed: number }>(s: S): S => (seed === null ? s : { ...s, seed });
  return {
    ...lesson,
    controls: lesson.controls.filter((action) => !settings.hide.includes(action)),
    scenario: withSeed(lesson.scenario),
    scenes: Object.fromEntries(Object.entries(lesson.scenes).map(([name, s]) => [name, withSeed(s)])),
  };
}

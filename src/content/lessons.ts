/**
 * The app's lessons. The build reads and checks every file under lessons/ (vite.config.ts, the
 * `virtual:lessons` module) and hands the page plain, already validated data; a lesson with an error
 * fails the build, and `lessonErrors` (empty then) is kept for the content test. Node code (tests,
 * scripts) reads the folder with node-loader.ts.
 */
import { lessons as all, lessonErrors as errors } from 'virtual:lessons';
import { getLocale } from '../i18n/paraglide/runtime.js';
import type { Lesson, LessonError } from './lesson.ts';
import { localizeLesson, type LessonText } from './lesson-text.ts';

/** Each locale's lesson words, a chunk of its own: English pages never load them. */
const TEXTS: Record<string, () => Promise<{ texts: Record<string, LessonText> }>> = {
  es: () => import('virtual:lesson-text/es'),
};
const texts = (await TEXTS[getLocale()]?.())?.texts ?? {};

/** Every valid lesson, in order, in the page's language where it is translated (else in English). */
export const lessons: readonly Lesson[] = all.map((l) => (texts[l.slug] ? { ...localizeLesson(l, texts[l.slug]), lang: getLocale() } : l));
/** Problems found in lessons/ (empty when the content is sound). */
export const lessonErrors: readonly LessonError[] = errors;

/** The lesson at `#/lessons/<slug>`, if any. */
export function lessonBySlug(slug: string): Lesson | undefined {
  return lessons.find((l) => l.slug === slug);
}

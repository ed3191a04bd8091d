/**
 * The app's lessons. The build reads and checks every file under lessons/ (vite.config.ts, the
 * `virtual:lessons` module) and hands the page plain, already validated data; a lesson with an error
 * fails the build, and `lessonErrors` (empty then) is kept for the content test. Node code (tests,
 * scripts) reads the folder with node-loader.ts.
 */
import { lessons as all, lessonErrors as errors } from 'virtual:lessons';
import type { Lesson, LessonError } from './lesson.ts';

/** Every valid lesson, in order. */
export const lessons: readonly Lesson[] = all;
/** Problems found in lessons/ (empty when the content is sound). */
export const lessonErrors: readonly LessonError[] = errors;

/** The lesson at `#/lessons/<slug>`, if any. */
export function lessonBySlug(slug: string): Lesson | undefined {
  return lessons.find((l) => l.slug === slug);
}

/**
 * The app's lessons, bundled at build time: Vite's `import.meta.glob` reads every lesson file as text
 * and `loadLessons` checks it. A lesson with an error is left out and reported in `lessonErrors`, which
 * the content test (tests/content) requires to be empty. Node code (tests, scripts) uses node-loader.ts.
 */
import { loadLessons, type Lesson, type LessonError } from './lesson.ts';

const files = import.meta.glob(['/lessons/*/*.md', '/lessons/*/*.json', '/lessons/*/scenes/*.json'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const loaded = loadLessons(files);

/** Every valid lesson, in order. */
export const lessons: readonly Lesson[] = loaded.lessons;
/** Problems found in lessons/ (empty when the content is sound). */
export const lessonErrors: readonly LessonError[] = loaded.errors;

/** The lesson at `#/lessons/<slug>`, if any. */
export function lessonBySlug(slug: string): Lesson | undefined {
  return lessons.find((l) => l.slug === slug);
}

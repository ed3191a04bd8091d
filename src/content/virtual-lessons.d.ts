/** The lessons the build reads and checks (scripts/vite-lessons.ts). */
declare module 'virtual:lessons' {
  import type { Lesson, LessonError } from './lesson.ts';
  import type { LessonSummary } from './lesson-summary.ts';
  /** Every lesson's summary, in order, in English. */
  export const lessons: LessonSummary[];
  export const lessonErrors: LessonError[];
  /** Each lesson's chunk, by slug, then by locale (`en` always, another where it is translated). */
  export const lessonChunks: Record<string, Record<string, () => Promise<{ lesson: Lesson }>>>;
  /** The summaries of the lessons translated into a locale, by locale. */
  export const summaryChunks: Record<string, () => Promise<{ summaries: Record<string, LessonSummary> }>>;
}

/** The summaries of the lessons translated into one locale, by slug. */
declare module 'virtual:lesson-summaries/*' {
  import type { LessonSummary } from './lesson-summary.ts';
  export const summaries: Record<string, LessonSummary>;
}

/** One lesson in one language. */
declare module 'virtual:lesson/*' {
  import type { Lesson } from './lesson.ts';
  export const lesson: Lesson;
}

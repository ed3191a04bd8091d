/** The lessons the build reads, checks and bundles as data (see vite.config.ts). */
declare module 'virtual:lessons' {
  import type { Lesson, LessonError } from './lesson.ts';
  export const lessons: Lesson[];
  export const lessonErrors: LessonError[];
}

/** One locale's words for the lessons translated into it, by slug (lesson-text.ts). */
declare module 'virtual:lesson-text/*' {
  import type { LessonText } from './lesson-text.ts';
  export const texts: Record<string, LessonText>;
}

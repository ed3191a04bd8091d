/** The lessons the build reads, checks and bundles as data (see vite.config.ts). */
declare module 'virtual:lessons' {
  import type { Lesson, LessonError } from './lesson.ts';
  export const lessons: Lesson[];
  export const lessonErrors: LessonError[];
}

/** Lesson content: parsing and checking lesson folders (the app's bundled lessons are in lessons.ts). */
export { loadLessons, parseLesson, formatLessonErrors, LESSON_FOLDER } from './lesson.ts';
export type { Lesson, LessonError, Step, Predict, Hints, WaitFor, Case } from './lesson.ts';
export { parseLessonMarkdown, wordCount } from './markdown.ts';
export { ConditionSchema, GoalSchema, GoalsFileSchema, FrontmatterSchema, CHANGE_ACTIONS, DIRECTIVES } from './schema.ts';
export type { ChangeAction, DirectiveName } from './schema.ts';

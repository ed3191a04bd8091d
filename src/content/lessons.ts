/**
 * The app's lessons. The build reads and checks every file under lessons/ (scripts/vite-lessons.ts) and hands
 * the page plain, already validated data: each lesson's summary here (what the home page, the list and the
 * teaching pages show), and each whole lesson as a chunk of its own, loaded when it is opened (`loadLesson`). A
 * lesson with an error fails the build; `lessonErrors` (empty then) is kept for the content test. Node code
 * (tests, scripts) reads the folder with node-loader.ts.
 */
import { lessonChunks, lessonErrors as errors, lessons as english, summaryChunks } from 'virtual:lessons';
import { getLocale } from '../i18n/paraglide/runtime.js';
import type { Lesson, LessonError } from './lesson.ts';
import type { LessonSummary } from './lesson-summary.ts';

/** Each locale's summaries, a chunk of its own: English pages never load them. */
const translated = (await summaryChunks[getLocale()]?.())?.summaries ?? {};

/** Every valid lesson's summary, in order, in the page's language where it is translated (else in English). */
export const lessons: readonly LessonSummary[] = english.map((l) => translated[l.slug] ?? l);
/** Problems found in lessons/ (empty when the content is sound). */
export const lessonErrors: readonly LessonError[] = errors;

/** The summary of the lesson at `#/lessons/<slug>`, if any. */
export function lessonBySlug(slug: string): LessonSummary | undefined {
  return lessons.find((l) => l.slug === slug);
}

/** The whole lesson (in the page's language where it is translated), fetched as its own chunk; undefined for an unknown slug. */
export async function loadLesson(slug: string): Promise<Lesson | undefined> {
  if (!Object.hasOwn(lessonChunks, slug)) return undefined;
  const chunks = lessonChunks[slug];
  return (await (Object.hasOwn(chunks, getLocale()) ? chunks[getLocale()] : chunks.en)()).lesson;
}

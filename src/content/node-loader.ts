/**
 * Reads lessons/ from disk for Node hosts (tests, scripts, a build check): the same files the app's
 * `import.meta.glob` bundles, in the same map shape, so both go through `loadLessons`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatLessonErrors, loadLessons, type Lesson, type LessonError } from './lesson.ts';
import type { LessonText } from './lesson-text.ts';
import { loadTranslations } from './translation.ts';

/** Every file of every lesson folder under `dir`, keyed `/lessons/<folder>/<file>`. */
export function readLessonFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (abs: string, rel: string) => {
    for (const name of readdirSync(abs)) {
      const a = join(abs, name);
      const r = `${rel}/${name}`;
      if (statSync(a).isDirectory()) walk(a, r);
      else files[`/lessons${r}`] = readFileSync(a, 'utf8');
    }
  };
  if (existsSync(dir)) for (const name of readdirSync(dir)) if (statSync(join(dir, name)).isDirectory()) walk(join(dir, name), `/${name}`);
  return files;
}

/** Loads and checks every lesson under `dir` (default: ./lessons), and its translations (locale → slug → words). */
export function loadLessonsFromDir(dir = 'lessons'): { lessons: Lesson[]; errors: LessonError[]; translations: Record<string, Record<string, LessonText>> } {
  const files = readLessonFiles(dir);
  const { lessons, errors } = loadLessons(files);
  const t = loadTranslations(files, lessons);
  return { lessons, errors: [...errors, ...t.errors], translations: t.translations };
}

/** Throws with every problem, one per line, when any lesson is broken (for a build step). */
export function assertLessonsValid(dir = 'lessons'): Lesson[] {
  const { lessons, errors } = loadLessonsFromDir(dir);
  if (errors.length > 0) throw new Error(`lessons/ has ${errors.length} problem${errors.length === 1 ? '' : 's'}:\n${formatLessonErrors(errors)}`);
  return lessons;
}

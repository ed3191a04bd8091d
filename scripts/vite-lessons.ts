/**
 * Lessons are read and validated at build time: a broken lesson fails the build with the file, the JSON path and
 * the reason, and the page receives the checked lessons as plain data, so it needs no schema library to load them.
 *
 * - `virtual:lessons`: each lesson's summary (src/content/lesson-summary.ts: what the home page, the list and the
 *   teaching pages show), the errors (none once the build passed; the content test reads them), and a loader
 *   for each lesson in each of its languages and for each locale's summaries.
 * - `virtual:lesson/<locale>/<slug>`: one whole lesson (its worlds, its prose, in that language), a chunk of its
 *   own: opening a lesson fetches and parses that lesson only. Its data is a JSON string given to JSON.parse,
 *   which V8 reads faster than the same object as a JavaScript literal (https://v8.dev/blog/cost-of-javascript-2019#json).
 * - `virtual:lesson-summaries/<locale>`: the summaries of the lessons translated into a locale, a chunk loaded
 *   only by a page in that language.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { formatLessonErrors, type Lesson } from '../src/content/lesson.ts';
import { localizeLesson } from '../src/content/lesson-text.ts';
import { summaryOf } from '../src/content/lesson-summary.ts';
import { loadLessonsFromDir, readLessonFiles } from '../src/content/node-loader.ts';

const DIR = 'lessons';
const LESSONS = 'virtual:lessons';
const LESSON = 'virtual:lesson/';
const SUMMARIES = 'virtual:lesson-summaries/';
const BASE_LOCALE = 'en';

interface Content {
  /** Each lesson by locale, then slug (the base locale holds every lesson, another its translated ones). */
  byLocale: Record<string, Record<string, Lesson>>;
  english: Lesson[];
  errors: ReturnType<typeof loadLessonsFromDir>['errors'];
  /** Every lesson file, by absolute path (the dev server resolves a relative one from the importer, which a virtual module lacks). */
  files: string[];
}

function readContent(): Content {
  const { lessons, errors, translations } = loadLessonsFromDir(DIR);
  // the page never measures claims (the content test does): they stay out of the bundle
  const english = lessons.map((l) => ({ ...l, claims: [] }));
  const byLocale: Content['byLocale'] = { [BASE_LOCALE]: Object.fromEntries(english.map((l) => [l.slug, l])) };
  for (const [locale, texts] of Object.entries(translations)) {
    byLocale[locale] = Object.fromEntries(english.filter((l) => texts[l.slug] !== undefined).map((l) => [l.slug, { ...localizeLesson(l, texts[l.slug]), lang: locale }]));
  }
  return { byLocale, english, errors, files: Object.keys(readLessonFiles(DIR)).map((file) => resolve(`.${file}`)) };
}

const code = (value: unknown): string => JSON.stringify(value);

function lessonsModule(content: Content): string {
  const loaders = content.english.map((l) => {
    const locales = Object.keys(content.byLocale).filter((locale) => content.byLocale[locale][l.slug] !== undefined);
    return `${code(l.slug)}: {${locales.map((locale) => `${code(locale)}: () => import(${code(`${LESSON}${locale}/${l.slug}`)})`).join(', ')}}`;
  });
  const summaries = Object.keys(content.byLocale).filter((locale) => locale !== BASE_LOCALE);
  return [
    `export const lessons = ${code(content.english.map(summaryOf))};`,
    `export const lessonErrors = ${code(content.errors)};`,
    `export const lessonChunks = {\n${loaders.map((line) => `  ${line},`).join('\n')}\n};`,
    `export const summaryChunks = {${summaries.map((locale) => `${code(locale)}: () => import(${code(`${SUMMARIES}${locale}`)})`).join(', ')}};`,
    '',
  ].join('\n');
}

export function lessonsPlugin(): Plugin {
  let content: Content | null = null;
  const read = (): Content => (content ??= readContent());
  return {
    name: 'balancer-lab:lessons',
    buildStart() {
      content = null;
      // the content test reports the errors itself (lessonErrors)
      const { errors } = read();
      if (process.env.VITEST === undefined && errors.length > 0) throw new Error(`lessons/ has ${errors.length} problem${errors.length === 1 ? '' : 's'}:\n${formatLessonErrors(errors)}`);
    },
    watchChange(id) {
      if (id.includes(`/${DIR}/`)) content = null;
    },
    resolveId(id) {
      return id === LESSONS || id.startsWith(LESSON) || id.startsWith(SUMMARIES) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith('\0virtual:')) return null;
      const name = id.slice(1);
      if (name !== LESSONS && !name.startsWith(LESSON) && !name.startsWith(SUMMARIES)) return null;
      const c = read();
      for (const file of c.files) this.addWatchFile(file);
      if (name === LESSONS) return lessonsModule(c);
      if (name.startsWith(SUMMARIES)) {
        const lessons = Object.values(c.byLocale[name.slice(SUMMARIES.length)] ?? {});
        return `export const summaries = ${code(Object.fromEntries(lessons.map((l) => [l.slug, summaryOf(l)])))};\n`;
      }
      const [locale, slug] = name.slice(LESSON.length).split('/');
      const lesson = c.byLocale[locale]?.[slug];
      if (lesson === undefined) return null;
      return `export const lesson = JSON.parse(${code(code(lesson))});\n`;
    },
  };
}

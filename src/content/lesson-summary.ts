/**
 * What the page knows of a lesson before it is opened: enough for the home page, the lesson list, a class's
 * page and the teaching pages (title, chapter, summary, the steps' titles, the controls it offers, and what its
 * length in minutes is reckoned from). The build makes one for each lesson (vite.config.ts, `virtual:lessons`);
 * the whole lesson, its worlds and its prose, is a chunk of its own, loaded when the lesson is opened
 * (lessons.ts, `loadLesson`).
 */
import type { ChangeAction } from './schema.ts';
import type { Lesson } from './lesson.ts';

export interface LessonSummary {
  slug: string;
  order: number;
  title: string;
  chapter: string;
  summary: string;
  /** Live-change actions the learner may use. */
  controls: ChangeAction[];
  /** What the learner may patch live with the builder, as the lesson's frontmatter lists it (unlocks.ts). */
  unlocks: string[];
  /** Each step's number and title. */
  steps: { number: number; title: string }[];
  /** Words of prose in all its steps (as the lesson list reckons them: runs of non-blanks). */
  words: number;
  /** The simulated length of each of its worlds, the lesson's scenario first, in seconds. */
  worldSecs: number[];
  /** Steps that ask something of the learner: a prediction or a task with hints. */
  acts: number;
  /** The language of its words when a translation replaced them; absent: English. */
  lang?: string;
}

/** The summary of a lesson (in the language of its words). */
export function summaryOf(lesson: Lesson): LessonSummary {
  return {
    slug: lesson.slug,
    order: lesson.order,
    title: lesson.title,
    chapter: lesson.chapter,
    summary: lesson.summary,
    controls: lesson.controls,
    unlocks: lesson.unlocks,
    steps: lesson.steps.map((s) => ({ number: s.number, title: s.title })),
    words: lesson.steps.reduce((n, s) => n + s.markdown.split(/\s+/).length, 0),
    worldSecs: [lesson.scenario, ...Object.values(lesson.scenes)].map((w) => w.durationSec),
    acts: lesson.steps.filter((s) => s.predict !== null || s.hints !== null).length,
    ...(lesson.lang === undefined ? {} : { lang: lesson.lang }),
  };
}

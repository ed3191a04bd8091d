/**
 * Chapters: lessons name their chapter by title (frontmatter `chapter`). A list groups each run of lessons of
 * one chapter under its heading, so a class that reorders lessons still reads sensibly (a chapter split by
 * the order shows twice). Chapters are not numbered: the course grows a chapter at a time, out of order.
 */
import type { Lesson } from './lesson.ts';

export interface ChapterRun<L extends Pick<Lesson, 'chapter'>> {
  title: string;
  lessons: L[];
}

/** Groups `shown` into runs of consecutive lessons of one chapter, in the list's order. */
export function chapterRuns<L extends Pick<Lesson, 'chapter'>>(shown: readonly L[]): ChapterRun<L>[] {
  const runs: ChapterRun<L>[] = [];
  for (const l of shown) {
    const last = runs.at(-1);
    if (last !== undefined && last.title === l.chapter) last.lessons.push(l);
    else runs.push({ title: l.chapter, lessons: [l] });
  }
  return runs;
}

/**
 * Chapters: lessons name their chapter by title (frontmatter `chapter`); a chapter's number is the order in
 * which the course first reaches it. A list groups each run of lessons of one chapter under its heading, so
 * a class that reorders lessons still reads sensibly (a chapter split by the order shows twice).
 */
import type { Lesson } from './lesson.ts';

export interface ChapterRun<L extends Pick<Lesson, 'chapter'>> {
  /** 1-based, by the course's own order (`course`), not the list's. */
  number: number;
  title: string;
  lessons: L[];
}

/** Groups `shown` into runs of one chapter each, numbered by where `course` first reaches each chapter. */
export function chapterRuns<L extends Pick<Lesson, 'chapter'>>(shown: readonly L[], course: readonly Pick<Lesson, 'chapter'>[]): ChapterRun<L>[] {
  const numbers = new Map<string, number>();
  for (const l of course) if (!numbers.has(l.chapter)) numbers.set(l.chapter, numbers.size + 1);
  const runs: ChapterRun<L>[] = [];
  for (const l of shown) {
    const last = runs.at(-1);
    if (last !== undefined && last.title === l.chapter) last.lessons.push(l);
    else runs.push({ number: numbers.get(l.chapter) ?? numbers.size + 1, title: l.chapter, lessons: [l] });
  }
  return runs;
}

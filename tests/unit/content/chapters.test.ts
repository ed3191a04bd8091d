import { describe, expect, it } from 'vitest';
import { chapterRuns } from '../../../src/content/chapters.ts';

const l = (slug: string, chapter: string) => ({ slug, chapter });
const course = [l('a', 'Sharing'), l('b', 'Sharing'), l('c', 'Routing'), l('d', 'State')];

describe('chapterRuns', () => {
  it('groups the course by chapter, numbered in course order', () => {
    expect(chapterRuns(course, course).map((r) => [r.number, r.title, r.lessons.map((x) => x.slug)])).toEqual([
      [1, 'Sharing', ['a', 'b']],
      [2, 'Routing', ['c']],
      [3, 'State', ['d']],
    ]);
  });

  it("keeps a class's order: a chapter split by it shows twice, with its course number", () => {
    const shown = [course[3], course[0], course[2], course[1]];
    expect(chapterRuns(shown, course).map((r) => [r.number, r.lessons.map((x) => x.slug)])).toEqual([
      [3, ['d']],
      [1, ['a']],
      [2, ['c']],
      [1, ['b']],
    ]);
  });
});

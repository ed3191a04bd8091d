import { describe, expect, it } from 'vitest';
import { chapterRuns } from '../../../src/content/chapters.ts';

const l = (slug: string, chapter: string) => ({ slug, chapter });
const course = [l('a', 'Sharing'), l('b', 'Sharing'), l('c', 'Routing'), l('d', 'State')];

describe('chapterRuns', () => {
  it('groups consecutive lessons of one chapter, in order', () => {
    expect(chapterRuns(course).map((r) => [r.title, r.lessons.map((x) => x.slug)])).toEqual([
      ['Sharing', ['a', 'b']],
      ['Routing', ['c']],
      ['State', ['d']],
    ]);
  });

  it("keeps a class's order: a chapter split by it shows twice", () => {
    const shown = [course[3], course[0], course[2], course[1]];
    expect(chapterRuns(shown).map((r) => [r.title, r.lessons.map((x) => x.slug)])).toEqual([
      ['State', ['d']],
      ['Sharing', ['a']],
      ['Routing', ['c']],
      ['Sharing', ['b']],
    ]);
  });

  it('gives nothing for no lessons', () => {
    expect(chapterRuns([])).toEqual([]);
  });
});

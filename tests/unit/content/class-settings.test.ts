import { describe, expect, it } from 'vitest';
import { classHash, classLessons, classQuery, hides, lessonForClass, nextLesson, parseClassQuery } from '../../../src/content/class-settings.ts';
import type { Lesson } from '../../../src/content/lesson.ts';

const known = ['one', 'two', 'three'];
const all = known.map((slug) => ({ slug }));

describe('a class link', () => {
  it('reads a pack, what is hidden and a seed', () => {
    const { settings, ignored } = parseClassQuery('title=Week%203&lessons=three,one&hide=solve,hints,set-algorithm&seed=7', known);
    expect(settings).toEqual({ title: 'Week 3', lessons: ['three', 'one'], hide: ['solve', 'hints', 'set-algorithm'], seed: 7 });
    expect(ignored).toEqual([]);
  });

  it('leaves out what it cannot use, and says so', () => {
    const { settings, ignored } = parseClassQuery('lessons=one,nope,one&hide=solve,DROP%20TABLE&seed=-3', known);
    expect(settings).toEqual({ title: 'Your class', lessons: ['one'], hide: ['solve'], seed: null });
    expect(ignored).toEqual([
      'There is no lesson “nope”, so it was left out.',
      '“DROP TABLE” is not something a class link can hide.',
      'The seed “-3” is not a whole number, so each lesson keeps its own.',
    ]);
  });

  it('round-trips through its own link, with readable commas', () => {
    const settings = { title: 'Group A & B', lessons: ['two', 'one'], hide: ['sandbox'], seed: 42 };
    expect(classQuery(settings)).toBe('title=Group+A+%26+B&lessons=two,one&hide=sandbox&seed=42');
    expect(parseClassQuery(classHash(settings).replace('#/class?', ''), known).settings).toEqual(settings);
  });

  it('orders lessons as the pack says; no pack means every lesson in order', () => {
    const pack = { title: 'x', lessons: ['three', 'one'], hide: [], seed: null };
    expect(classLessons(pack, all).map((l) => l.slug)).toEqual(['three', 'one']);
    expect(classLessons(null, all).map((l) => l.slug)).toEqual(known);
    expect(nextLesson(pack, all, 'three')?.slug).toBe('one');
    expect(nextLesson(pack, all, 'one')).toBeUndefined();
    expect(nextLesson(null, all, 'one')?.slug).toBe('two');
    expect(hides(pack, 'solve')).toBe(false);
    expect(hides(null, 'solve')).toBe(false);
  });

  it('hides controls and fixes the seed of every world of a lesson', () => {
    const lesson = { slug: 'one', controls: ['set-algorithm', 'set-weight'], scenario: { seed: 1 }, scenes: { dns: { seed: 1 } } } as unknown as Lesson;
    const seen = lessonForClass(lesson, { title: 'x', lessons: [], hide: ['set-algorithm'], seed: 9 });
    expect(seen.controls).toEqual(['set-weight']);
    expect(seen.scenario.seed).toBe(9);
    expect(seen.scenes.dns.seed).toBe(9);
    expect(lesson.scenario.seed).toBe(1); // the lesson itself is untouched
    expect(lessonForClass(lesson, null)).toBe(lesson);
  });
});

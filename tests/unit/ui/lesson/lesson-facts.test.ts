// What the lesson list says of a lesson before it is opened, from its summary alone (the whole lesson is a chunk
// loaded only when it is opened).
import { describe, expect, it } from 'vitest';
import { lessonLength, lessonMinutes, shownInEnglish } from '../../../../src/ui/lesson/lesson-facts.ts';
import type { LessonSummary } from '../../../../src/content/lesson-summary.ts';

const summary = (words: number, worldSecs: number[], acts: number): LessonSummary => ({ slug: 'x', order: 1, title: 'X', chapter: 'C', summary: '', controls: [], unlocks: [], steps: [{ number: 1, title: 'a' }, { number: 2, title: 'b' }], words, worldSecs, acts });

describe('a lesson\'s length', () => {
  it('reads 180 words a minute, runs each world once at its starting speed, and counts a minute per act, in steps of 5', () => {
    // 1,800 words: 10 min; 3 acts: 3 min; 13 rounds to 15
    expect(lessonMinutes(summary(1800, [], 3))).toBe(15);
    // a 900 s world starts at 10× (900 / 90): 90 s, 1.5 min; 10 + 1.5 = 11.5 rounds to 10
    expect(lessonMinutes(summary(1800, [900], 0))).toBe(10);
    // a 60 s world at 1×: 1 min; 1,800 words and 2 acts: 10 + 1 + 2 = 13, 15
    expect(lessonMinutes(summary(1800, [60], 2))).toBe(15);
    // never under 5
    expect(lessonMinutes(summary(10, [], 0))).toBe(5);
    expect(lessonLength(summary(1800, [], 3))).toBe('2 steps · about 15 min');
  });
});

describe('a lesson shown in English', () => {
  it('is one with no translation into the page\'s language (a translated summary carries its lang)', () => {
    expect(shownInEnglish({}, 'es')).toBe(true);
    expect(shownInEnglish({ lang: 'es' }, 'es')).toBe(false);
    expect(shownInEnglish({}, 'en')).toBe(false);
  });
});

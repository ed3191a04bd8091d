// Every lesson, as the issue asks: it validates; its starting scenario does not meet its goals; its
// solution does; two runs with one seed agree. Also: predictions come true as authored, every try and
// wait can happen, steps stay short, and every number the prose states is measured. The checks that run a
// lesson's world live in the lessons-*.test.ts files beside this one (support/lesson-checks.ts: one part of the
// lessons each, so that Vitest's two workers share them, and each run made once for all the checks that read it);
// here: the lessons as a whole, and what needs no run.
import { describe, expect, it } from 'vitest';
import { formatLessonErrors } from '../../src/content/lesson.ts';
import { wordCount } from '../../src/content/markdown.ts';
import { patchesOf } from '../../src/scenario/patch.ts';
import { expandUnlocks, pathsUnlocked } from '../../src/content/unlocks.ts';
import { errors, lessonRows, lessons } from './support/lesson-runs.ts';
import { PARTS } from './support/lesson-checks.ts';

describe('lessons/', () => {
  it('loads without errors', () => {
    expect(formatLessonErrors(errors)).toBe('');
  });

  it('holds chapter 1 in order', () => {
    expect(lessons.filter((l) => l.order <= 4).map((l) => `${l.order} ${l.slug}`)).toEqual([
      '1 one-server-is-not-enough',
      '2 round-robin-and-weights',
      '3 when-requests-are-not-alike',
      '4 health-checks-and-the-blind-window',
    ]);
  });

  it('keeps each chapter to its lesson numbers, and each chapter in one run', () => {
    // chapters 4 and 5 have fixed folder numbers too (13–16 and 17–21), whoever writes them
    const chapterOf = (order: number) =>
      order <= 4 ? 'Sharing the load' : order <= 8 ? 'Routing requests' : order <= 12 ? 'State and security at the balancer' : order <= 16 ? 'Surviving failures' : order <= 21 ? 'Capacity' : null;
    expect(lessons.filter((l) => chapterOf(l.order) !== null && l.chapter !== chapterOf(l.order)).map((l) => `${l.folder}: ${l.chapter}`)).toEqual([]);
    const order = lessons.map((l) => l.chapter).filter((c, i, all) => i === 0 || all[i - 1] !== c);
    expect(order).toEqual([...new Set(order)]);
  });

  it('has every lesson checked by exactly one of the lessons-*.test.ts files', () => {
    const parts = Object.values(PARTS);
    expect(lessons.filter((l) => parts.filter((inPart) => inPart(l)).length !== 1).map((l) => l.folder)).toEqual([]);
  });

  it('has every lesson state at least one number it measures (claims.json)', () => {
    expect(lessons.filter((l) => l.claims.length === 0).map((l) => l.folder)).toEqual([]);
  });
});

describe.each(lessonRows())('%s', (_folder, lesson) => {
  it('uses only unlocked controls in its solution', () => {
    // a patch is unlocked by the 'patch' control (anything) or, without it, by the builder's `unlocks`
    const unlocked = expandUnlocks(lesson.unlocks);
    for (const { change } of lesson.solution) {
      if (change.action === 'patch' && !lesson.controls.includes('patch')) expect(pathsUnlocked(patchesOf(change).map((p) => p.path), unlocked)).toBe(true);
      else expect(lesson.controls).toContain(change.action);
    }
  });

  it('keeps its steps short (about 100 words; none over 150)', () => {
    const words = lesson.steps.map((s) => wordCount(s.markdown));
    expect(Math.max(...words)).toBeLessThanOrEqual(150);
    const sorted = [...words].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(120);
  });

  it('names the restart it means: "Restart run" keeps the changes, "Reset this step" drops them (never a bare "Reset")', () => {
    // lesson 1's hint said "…add a health check to web. Reset and run past 20 s": Reset this step would drop both changes
    const texts = lesson.steps.flatMap((s) => [s.markdown, ...(s.hints === null ? [] : Object.values(s.hints))]);
    expect(texts.filter((t) => /\bReset\b(?! this step)/.test(t))).toEqual([]);
  });

  it('names the course material in words, not by its seed numbers, which the page never explains ("Seed 000 says…")', () => {
    const texts = lesson.steps.flatMap((s) => [s.markdown, s.reveal ?? '']);
    expect(texts.flatMap((t) => t.match(/\b(seeds? \d{3}|the seeds|the seed's|the seed stops)\b/gi) ?? [])).toEqual([]);
  });

  it('words each wait to follow "Waiting until" and "Run until" (MomentBox): lower case unless it starts with a name', () => {
    // "Waiting until The balancer takes web-1 out of rotation", "Waiting until Waiting until blue's instances…"
    const NAMES = /^(Route 53|AWS|HAProxy|SecureCart|Beanstalk)\b/;
    const labels = lesson.steps.map((s) => s.wait?.label).filter((l): l is string => l !== undefined);
    expect(labels.filter((l) => !NAMES.test(l) && (/^[A-Z]/.test(l) || /^(waiting|run) until/i.test(l)))).toEqual([]);
  });
});

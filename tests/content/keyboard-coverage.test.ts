// Every kind of control a lesson asks its learner to use (src/ui/lesson/control-kinds.ts, derived from the
// lesson's directives, controls and unlocks) is operated by keyboard alone in some journey of
// tests/e2e/keyboard*.spec.ts (listed in tests/e2e/support/keyboard-journeys.ts). A lesson that needs a new
// kind of control fails here until a keyboard journey covers it.
import { describe, expect, it } from 'vitest';
import { loadLessonsFromDir } from '../../src/content/node-loader.ts';
import { controlKindsOf } from '../../src/ui/lesson/control-kinds.ts';
import { KEYBOARD_COVERED } from '../e2e/support/keyboard-journeys.ts';

const { lessons } = loadLessonsFromDir('lessons');
const kindsOf = new Map(lessons.map((l, i) => [l.folder, controlKindsOf(l, i === lessons.length - 1)]));

describe('keyboard coverage', () => {
  it.each(lessons.map((l) => [l.folder] as const))('%s: every kind of control it needs is operated by keyboard in an e2e journey', (folder) => {
    expect([...kindsOf.get(folder)!].filter((k) => !KEYBOARD_COVERED.has(k))).toEqual([]);
  });

  it('the derivation sees what the lessons ask for', () => {
    const kinds = (folder: string) => kindsOf.get(lessons.find((l) => l.folder.startsWith(folder))!.folder)!;
    // lesson 1: predictions with outcomes, waits, hints, and its four controls
    expect([...kinds('01-')].sort()).toEqual(['back', 'continue', 'group-count', 'group-health-check', 'hints', 'lab-tabs', 'next-lesson', 'play', 'predict', 'reset-step', 'restart-run', 'run-to-moment', 'solve', 'target-action']);
    // the clinic: diagnoses (no outcomes), case goals with their Solve, tries, and the builder
    for (const k of ['diagnosis', 'case-solve', 'try', 'build-outline', 'build-field-object'] as const) expect(kinds('24-').has(k)).toBe(true);
    expect(kinds('24-').has('predict')).toBe(false);
    // lesson 18 unlocks a scaling group's policies: the inspector's item-by-item list, and the fields of its policies
    for (const k of ['build-field-list', 'build-field-choice', 'build-field-number'] as const) expect(kinds('18-').has(k)).toBe(true);
    // the last lesson has no "next lesson" link; a lesson without unlocks has no Build tab
    expect(kinds('25-').has('next-lesson')).toBe(false);
    expect([...kinds('02-')].some((k) => k.startsWith('build-'))).toBe(false);
  });

  it('every kind a journey claims is one some lesson needs (no dead entries)', () => {
    const needed = new Set([...kindsOf.values()].flatMap((s) => [...s]));
    expect([...KEYBOARD_COVERED].filter((k) => !needed.has(k))).toEqual([]);
  });
});

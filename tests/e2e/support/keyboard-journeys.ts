/**
 * The keyboard journeys of tests/e2e/keyboard.spec.ts and keyboard-builder.spec.ts and the kinds of lesson control each one operates by
 * keyboard alone (src/ui/lesson/control-kinds.ts). Each journey checks, as it ends, that it used exactly its
 * kinds; tests/content/keyboard-coverage.test.ts checks that every kind any lesson needs is in some journey.
 * A new kind of control is therefore added here only together with the keys that operate it.
 */
import type { ControlKind } from '../../../src/ui/lesson/control-kinds.ts';

export const KEYBOARD_JOURNEYS = {
  'lesson 1': ['continue', 'back', 'predict', 'run-to-moment', 'hints', 'group-count', 'group-health-check', 'target-action', 'lab-tabs', 'play', 'next-lesson'],
  'lesson 16': ['build-outline', 'build-field-object', 'build-field-number', 'build-undo', 'infra-failure', 'restart-run', 'reset-step', 'solve'],
  clinic: ['diagnosis', 'try', 'case-solve', 'build-field-variant', 'build-field-boolean', 'build-field-choice', 'build-field-text', 'build-palette'],
  'the change-it panel, a JSON field and a list of policies': ['group-algorithm', 'target-weight', 'scaling-capacity', 'build-field-json', 'build-field-list'],
} as const satisfies Record<string, readonly ControlKind[]>;

export type Journey = keyof typeof KEYBOARD_JOURNEYS;

/** Every kind some journey operates by keyboard. */
export const KEYBOARD_COVERED: ReadonlySet<ControlKind> = new Set(Object.values(KEYBOARD_JOURNEYS).flat());

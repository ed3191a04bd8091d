/**
 * Which fields the builder shows read-only in a lesson: a lesson's `unlocks` (content/unlocks.ts) lets the
 * learner patch only at or under its patterns, so every other field is shown disabled with the reason, instead
 * of looking editable and being refused after the edit. Outside a lesson (no unlocks) nothing is locked.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { expandUnlocks, pathsUnlocked } from '../../content/unlocks.ts';
import { unlocksWords } from './unlock-words.ts';
import { addPatches, PALETTE, suggestedName, type PaletteKind } from './palette.ts';

export interface Locks {
  /** Whether a change at `pointer` (or anything under it) would be refused in this lesson. */
  locked: (pointer: string) => boolean;
  /** What the lesson unlocks, in words: "session stickiness; where sessions live". */
  words: string;
}

/** The locks of a lesson that unlocks `unlocks`; null when there is no lesson (everything editable). */
export function locksOf(unlocks: readonly string[] | undefined): Locks | null {
  if (unlocks === undefined) return null;
  const patterns = expandUnlocks(unlocks);
  return {
    locked: (pointer) => !pathsUnlocked([pointer], patterns),
    words: unlocksWords(unlocks),
  };
}

/** The palette entries whose additions this lesson allows (every entry without locks). */
export function paletteKinds(s: Scenario, locks: Locks | null, selected: string | null): PaletteKind[] {
  return PALETTE.map((p) => p.kind).filter((kind) => locks === null || addPatches(s, kind, suggestedName(s, kind) || 'x', selected).every((p) => !locks.locked(p.path)));
}

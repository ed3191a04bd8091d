/**
 * Why a change is refused in a lesson (it is not among what the lesson unlocks: unlocked.ts), in words that say
 * what the lesson does let you change.
 */
import type { Change } from '../../scenario/schema.ts';
import type { ValidationError } from '../../scenario/validate.ts';
import { expandUnlocks, pathsUnlocked } from '../../content/unlocks.ts';
import { unlocksWords } from '../builder/unlock-words.ts';
import { m } from '../../i18n/paraglide/messages.js';

/**
 * Why a change is refused in this lesson, or null when it is allowed. A patch (the builder's edits) is
 * allowed when every path it touches lies under what the lesson `unlocks`.
 */
export function lockedReason(change: Change, allowed: readonly string[] | undefined, unlocks?: readonly string[]): ValidationError[] | null {
  if (change.action === 'patch' && unlocks !== undefined) {
    const paths = change.patches?.map((p) => p.path) ?? [change.path ?? ''];
    if (pathsUnlocked(paths, expandUnlocks(unlocks))) return null;
    return [{ path: '(lesson)', message: m.lesson_locked_patch({ paths: paths.join(', '), words: unlocksWords(unlocks) }) }];
  }
  if (allowed === undefined || allowed.includes(change.action)) return null;
  const list = allowed.length === 0 ? m.lesson_locked_watch() : allowed.join(', ');
  return [{ path: '(lesson)', message: m.lesson_locked_action({ action: change.action, list }) }];
}

/**
 * Lists of timed live changes in lesson files (solution.json, a claim's run): each entry validated against
 * the world as the entries before it left it, so a rule may forward to a group an earlier `patch` added
 * and a later change may name a target it brought. Only patches change the world here; the other actions
 * are checked against it as it stands.
 */
import type { TimedChange } from '../engine/goals/index.ts';
import { patchesOf, patchScenario } from '../scenario/patch.ts';
import type { Scenario } from '../scenario/schema.ts';
import { validateChange, type ValidationError } from '../scenario/validate.ts';

export interface CheckedChanges {
  changes: TimedChange[];
  /** The world with every valid patch folded in, in time order. */
  world: Scenario;
  /** Problems, with the path of the entry (`[2].target`). */
  errors: ValidationError[];
}

/** Validates `{ atSec?, ...change }` entries in time order (equal times keep list order) against `world`. */
export function checkTimedChanges(entries: readonly Record<string, unknown>[], world: Scenario): CheckedChanges {
  const order = entries.map((entry, index) => ({ entry, index, atSec: typeof entry.atSec === 'number' ? entry.atSec : 0 })).sort((a, b) => a.atSec - b.atSec || a.index - b.index);
  const changes: { atMs: number; index: number; change: TimedChange['change'] }[] = [];
  const errors: ValidationError[] = [];
  let now = world;
  for (const { entry, index, atSec } of order) {
    const { atSec: _at, ...rest } = entry;
    const v = validateChange(rest, now);
    if (!v.ok) {
      errors.push(...v.errors.map((e) => ({ path: e.path.startsWith('(change)') ? `[${index}]${e.path.slice('(change)'.length)}` : `[${index}]`, message: e.message })));
      continue;
    }
    if (v.value.action === 'patch') {
      const patched = patchScenario(now, patchesOf(v.value));
      if (!patched.ok) {
        errors.push(...patched.errors.map((e) => ({ path: `[${index}]`, message: `${e.path}: ${e.message}` })));
        continue;
      }
      now = patched.value;
    }
    changes.push({ atMs: atSec * 1000, index, change: v.value });
  }
  changes.sort((a, b) => a.index - b.index);
  return { changes: changes.map(({ atMs, change }) => ({ atMs, change })), world: now, errors };
}

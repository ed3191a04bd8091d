/**
 * Patches to a scenario: JSON Patch operations (json-patch.ts) applied together as one change, the result
 * validated as a whole with the same schema and cross-field rules as a file — every patch applies, or none.
 */
import type { Change, Scenario } from './schema.ts';
import { applyPatches, type PatchOp } from './json-patch.ts';
import { validateScenario, type Validated } from './validate.ts';

export type { PatchOp };

/**
 * The scenario with the patches applied, validated as a whole; errors name the patch's JSON Pointer
 * (when it cannot apply) or the field of the patched scenario (when the result breaks a rule).
 */
export function patchScenario(scenario: Scenario, patches: readonly PatchOp[]): Validated<Scenario> {
  const patched = applyPatches(scenario, patches);
  if (!patched.ok) return patched;
  return validateScenario(patched.value);
}

/** The patches of a patch change, as a list (one patch is written inline with `path`, `value` and `op`). */
export function patchesOf(change: Extract<Change, { action: 'patch' }>): PatchOp[] {
  if (change.patches !== undefined) return change.patches;
  return [{ op: change.op ?? 'replace', path: change.path ?? '', value: change.value }];
}

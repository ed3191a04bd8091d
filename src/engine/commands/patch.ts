/**
 * A patch: any part of the scenario changed while it runs (JSON Patch operations at JSON Pointers). The
 * patched scenario is validated as a whole, with the same rules as a file; then the run adopts it without
 * a reset (engine/adopt/). Refused patches change nothing and say why: each error at its path, with its code.
 */
import type { Change } from '../../scenario/schema.ts';
import type { SimState } from '../state.ts';
import { patchScenario, patchesOf } from '../../scenario/patch.ts';
import { adoptScenario } from '../adopt/index.ts';
import type { ValidationError } from '../../scenario/validated.ts';

export function applyPatch(s: SimState, change: Extract<Change, { action: 'patch' }>): ValidationError[] | null {
  const patches = patchesOf(change);
  const checked = patchScenario(s.scenario, patches);
  if (!checked.ok) return checked.errors;
  const refused = adoptScenario(s, checked.value);
  if (refused !== null) return [refused];
  const what = patches.map((p) => `${p.op ?? 'replace'} ${p.path || '/'}`).join(', ');
  s.log.add(s.nowMs, 'config', 'scenario', `scenario changed live: ${what}`);
  return null;
}

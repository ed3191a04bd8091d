import { describe, expect, it } from 'vitest';
import { applyPatches } from '../../../../src/scenario/json-patch.ts';
import { patchScenario, patchesOf } from '../../../../src/scenario/patch.ts';
import { validateScenario } from '../../../../src/scenario/validate.ts';
import type { Change } from '../../../../src/scenario/schema.ts';
import { livePatches } from '../../../../src/ui/compare/live-design.ts';
import shop from '../../../../scenarios/sticky-vs-shared-sessions.json';

function validated(doc: unknown) {
  const v = validateScenario(structuredClone(doc));
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

const live: Change[] = [
  { action: 'patch', op: 'add', path: '/targetGroups/0/sessionStore', value: { kind: 'shared' } },
  { action: 'patch', op: 'add', path: '/targetGroups/-', value: { id: 'checkout', algorithm: 'round-robin', targets: [{ id: 'k1', serviceTimeMs: 20 }] } },
  { action: 'patch', op: 'add', path: '/balancers/0/listeners/0/rules/-', value: { match: { pathPrefix: '/checkout' }, forward: 'checkout' } },
  { action: 'patch', op: 'replace', path: '/traffic/arrival/ratePerSec', value: 90 },
];

describe('design B from the live changes', () => {
  it('patches the written document into the scenario as it runs now, with no part it leaves out reached into', () => {
    const before = validated(shop);
    let now = before;
    for (const c of live) {
      const r = patchScenario(now, patchesOf(c as Extract<Change, { action: 'patch' }>));
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      now = r.value;
    }
    const patches = livePatches(before, now, shop);
    const applied = applyPatches(shop, patches);
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    // the written document, patched, validates to exactly the scenario now
    expect(validated(applied.value)).toEqual(now);
    expect(patches.map((p) => p.path)).toContain('/traffic/arrival/ratePerSec');
    expect(patches.find((p) => p.path === '/targetGroups/-')).toMatchObject({ op: 'add' });
  });

  it('is empty when nothing changed, and removes from the end of a list', () => {
    const before = validated(shop);
    expect(livePatches(before, before, shop)).toEqual([]);
    const fewer = { ...before, targetGroups: [{ ...before.targetGroups[0], targets: before.targetGroups[0].targets.slice(0, 1) }] };
    const patches = livePatches(before, fewer, shop);
    expect(patches).toEqual([
      { op: 'remove', path: '/targetGroups/0/targets/2' },
      { op: 'remove', path: '/targetGroups/0/targets/1' },
    ]);
  });
});

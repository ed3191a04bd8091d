// In a lesson the inspector shows the fields it has not unlocked read-only, and the palette offers only what
// the lesson lets the learner add.
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../../src/scenario/validate.ts';
import { locksOf, paletteKinds } from '../../../../src/ui/builder/locks.ts';
import shop from '../../../../lessons/05-paths-to-services/scenario.json';

describe('builder locks', () => {
  it('locks every field outside the lesson’s unlocks, and nothing outside a lesson', () => {
    const locks = locksOf(['stickiness'])!;
    expect(locks.locked('/targetGroups/0/algorithm')).toBe(true);
    expect(locks.locked('/targetGroups/0')).toBe(true);
    expect(locks.locked('/targetGroups/0/stickiness')).toBe(false);
    expect(locks.locked('/targetGroups/0/stickiness/durationSec')).toBe(false);
    expect(locks.words).toBe('session stickiness');
    expect(locksOf(undefined)).toBeNull();
    expect(locksOf([])!.locked('/traffic')).toBe(true);
    // a pattern that is no named group is said in words
    expect(locksOf(['/dns/healthChecks', '/balancers/*/standby'])!.words).toBe('dns › health checks; balancers › standby');
  });

  it('offers in the palette only the components whose additions are unlocked', () => {
    const v = validateScenario(structuredClone(shop));
    if (!v.ok) throw new Error('scenario');
    expect(paletteKinds(v.value, locksOf(['routing', 'target-groups']), null)).toEqual(['target-group', 'rule', 'session-store']);
    expect(paletteKinds(v.value, locksOf(['session-store', 'stickiness']), null)).toEqual(['session-store']);
    expect(paletteKinds(v.value, locksOf(['stickiness']), null)).toEqual([]);
    expect(paletteKinds(v.value, null, null)).toHaveLength(7);
  });
});

import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/engine/core/rng.ts';
import {
  chooseRebalanceTerminations,
  planRebalance,
  rebalanceHeadroom,
  zoneForLaunch,
  zonesForLaunches,
} from '../../../../src/engine/scaling/placement.ts';
import type { GroupInstance } from '../../../../src/engine/scaling/termination.ts';

let nextId = 1;
const inZones = (counts: Record<string, number>): GroupInstance[] =>
  Object.entries(counts).flatMap(([zone, n]) => Array.from({ length: n }, () => ({ id: nextId++, zone, launchedAtMs: 0 })));
const ZONES = ['a', 'b', 'c'];

describe('placement', () => {
  it('launches into the zone with the fewest instances (ties: the first listed)', () => {
    expect(zoneForLaunch(ZONES, inZones({ a: 2, c: 1 }))).toBe('b');
    expect(zonesForLaunches(ZONES, inZones({ a: 2, c: 1 }), 4)).toEqual(['b', 'b', 'c', 'a']);
    expect(zonesForLaunches(ZONES, [], 4)).toEqual(['a', 'b', 'c', 'a']);
    expect(zoneForLaunch([], [])).toBeUndefined();
  });

  it('a rebalance may exceed max by max(10 %, 1)', () => {
    expect([4, 19, 25, 100].map(rebalanceHeadroom)).toEqual([1, 1, 2, 10]);
  });

  it('rebalances by launching first, within the headroom, then terminating as many', () => {
    expect(planRebalance(['a', 'b'], inZones({ a: 4 }), 4)).toEqual({ launchZones: ['b'], thenTerminate: 1, maxDuringRebalance: 5 });
    expect(planRebalance(['a', 'b'], inZones({ a: 3, b: 1 }), 4)).toEqual({ launchZones: ['b'], thenTerminate: 1, maxDuringRebalance: 5 });
    expect(planRebalance(['a', 'b'], inZones({ a: 6 }), 20)).toEqual({ launchZones: ['b', 'b', 'b'], thenTerminate: 3, maxDuringRebalance: 22 });
  });

  it('leaves balanced groups alone (zones differ by at most one)', () => {
    expect(planRebalance(ZONES, inZones({ a: 2, b: 1, c: 1 }), 10)).toBeNull();
    expect(planRebalance(ZONES, [], 10)).toBeNull();
  });

  it('moves instances out of a zone that is no longer enabled', () => {
    const group = inZones({ a: 2, b: 2, c: 2 });
    const plan = planRebalance(['a', 'b'], group, 6);
    expect(plan).toEqual({ launchZones: ['a'], thenTerminate: 1, maxDuringRebalance: 7 });
    const gone = chooseRebalanceTerminations(['a', 'b'], group, 2, 0, new Rng(1));
    expect(gone.map((id) => group.find((i) => i.id === id)?.zone)).toEqual(['c', 'c']);
  });

  it('cannot rebalance when only protected instances would have to move', () => {
    const group = inZones({ a: 4 }).map((i) => ({ ...i, protectedFromScaleIn: true }));
    expect(planRebalance(['a', 'b'], group, 10)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/engine/core/rng.ts';
import { chooseInstancesToTerminate, zoneBalancePool, type GroupInstance } from '../../../../src/engine/scaling/termination.ts';
import { HOUR, MIN } from './support.ts';

const inst = (id: number, zone: string, extra: Partial<GroupInstance> = {}): GroupInstance => ({ id, zone, launchedAtMs: 0, ...extra });
const rng = () => new Rng(1, 'failures');

describe('default termination policy', () => {
  it('terminates in the zone with the most instances first', () => {
    const group = [inst(1, 'a'), inst(2, 'a'), inst(3, 'a'), inst(4, 'b'), inst(5, 'b')];
    expect(zoneBalancePool(group).map((i) => i.id)).toEqual([1, 2, 3]);
    expect(['1', '2', '3']).toContain(String(chooseInstancesToTerminate(group, 1, HOUR, rng())[0]));
  });

  it('never picks protected instances, but they still count toward their zone', () => {
    const group = [inst(1, 'a', { protectedFromScaleIn: true }), inst(2, 'a', { protectedFromScaleIn: true }), inst(3, 'a'), inst(4, 'b'), inst(5, 'b')];
    expect(chooseInstancesToTerminate(group, 1, HOUR, rng())).toEqual([3]);
    const allProtected = group.map((i) => ({ ...i, protectedFromScaleIn: true }));
    expect(chooseInstancesToTerminate(allProtected, 2, HOUR, rng())).toEqual([]);
    expect(chooseInstancesToTerminate(group.slice(0, 2), 1, HOUR, rng())).toEqual([]);
  });

  it('then prefers launch configurations, then the oldest launch template version', () => {
    const group = [inst(1, 'a', { launchTemplateVersion: 3 }), inst(2, 'a', { launchTemplateVersion: 2 }), inst(3, 'a', { launchTemplateVersion: 5, usesLaunchConfiguration: true })];
    expect(chooseInstancesToTerminate(group, 1, HOUR, rng())).toEqual([3]);
    expect(chooseInstancesToTerminate(group.slice(0, 2), 1, HOUR, rng())).toEqual([2]);
  });

  it('then the instance closest to its next billing hour', () => {
    const now = 10 * HOUR;
    const group = [inst(1, 'a', { launchedAtMs: now - 10 * MIN }), inst(2, 'a', { launchedAtMs: now - 55 * MIN }), inst(3, 'a', { launchedAtMs: now - 65 * MIN })];
    expect(chooseInstancesToTerminate(group, 1, now, rng())).toEqual([2]);
  });

  it('then one at random from the passed stream, reproducibly', () => {
    const group = [inst(1, 'a'), inst(2, 'a'), inst(3, 'a'), inst(4, 'a')];
    const first = chooseInstancesToTerminate(group, 2, HOUR, new Rng(42, 'failures'));
    expect(chooseInstancesToTerminate(group, 2, HOUR, new Rng(42, 'failures'))).toEqual(first);
    const picked = new Set<number>();
    for (let seed = 0; seed < 40; seed++) picked.add(chooseInstancesToTerminate(group, 1, HOUR, new Rng(seed))[0]);
    expect([...picked].sort()).toEqual([1, 2, 3, 4]);
  });

  it('several terminations keep the zones balanced', () => {
    const group = [1, 2, 3, 4].map((id) => inst(id, 'a')).concat([5, 6, 7].map((id) => inst(id, 'b')), [8, 9].map((id) => inst(id, 'c')));
    const gone = chooseInstancesToTerminate(group, 4, HOUR, rng());
    const left = group.filter((i) => !gone.includes(i.id));
    expect(['a', 'b', 'c'].map((z) => left.filter((i) => i.zone === z).length)).toEqual([2, 2, 1]);
  });

  it('named policies replace the middle criteria', () => {
    const group = [inst(1, 'a', { launchedAtMs: 5 * MIN }), inst(2, 'a', { launchedAtMs: 0 }), inst(3, 'a', { launchedAtMs: 9 * MIN })];
    expect(chooseInstancesToTerminate(group, 1, HOUR, rng(), 'OldestInstance')).toEqual([2]);
    expect(chooseInstancesToTerminate(group, 1, HOUR, rng(), 'NewestInstance')).toEqual([3]);
    expect(chooseInstancesToTerminate(group, 1, HOUR, rng(), 'ClosestToNextInstanceHour')).toEqual([1]);
  });
});

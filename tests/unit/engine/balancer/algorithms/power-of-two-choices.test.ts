import { describe, expect, it } from 'vitest';
import { create } from '../../../../../src/engine/balancer/algorithms/power-of-two-choices.ts';
import { FakeGroup, NO_KEY, pickLetters, ready, tally } from '../fake-group.ts';

/** A generator that replays `draws` (each a uniform number in [0, 1)). */
const script = (...draws: number[]) => () => draws.shift()!;

describe('power-of-two-choices (Envoy LEAST_REQUEST)', () => {
  it('keeps the draw with fewer active requests', () => {
    const group = new FakeGroup({ weights: [1, 1, 1], active: [4, 1, 0], random: script(0.1, 0.5) });
    expect(ready(create, group).pick(group, NO_KEY)).toBe(1);
  });

  it('on a tie keeps the earlier draw', () => {
    const group = new FakeGroup({ weights: [1, 1, 1], active: [2, 2, 0], random: script(0.5, 0.1) });
    expect(ready(create, group).pick(group, NO_KEY)).toBe(1);
  });

  it('draws with replacement: with 2 targets the busier one is picked 25 % of the time', () => {
    const group = new FakeGroup({ weights: [1, 1], active: [0, 5], seed: 11 });
    const counts = tally(ready(create, group), group, 40_000);
    expect(Math.abs(counts[1] / 40_000 - 0.25)).toBeLessThan(0.01);
  });

  it('choiceCount 3 finds the idle one of 4 targets with probability 1 − (3/4)^3', () => {
    const group = new FakeGroup({ weights: [1, 1, 1, 1], active: [0, 9, 9, 9], seed: 4 });
    const counts = tally(ready(create, group, { choiceCount: 3 }), group, 40_000);
    expect(Math.abs(counts[0] / 40_000 - (1 - 0.75 ** 3))).toBeLessThan(0.01);
  });

  it('with unequal weights follows Envoy EDF: 5,1,1 → a a a a b c a a a a a a b c', () => {
    const group = new FakeGroup({ weights: [5, 1, 1] });
    expect(pickLetters(ready(create, group), group, 14)).toBe('a a a a b c a a a a a a b c');
  });

  it('with unequal weights follows Envoy EDF: 3,2,1 → a b a c b a a b a a c b', () => {
    const group = new FakeGroup({ weights: [3, 2, 1] });
    expect(pickLetters(ready(create, group), group, 12)).toBe('a b a c b a a b a a c b');
  });

  it('EDF weight is weight / (active + 1): weight 2 with 4 active counts as 0.4 against weight 1 idle', () => {
    const group = new FakeGroup({ weights: [2, 1], active: [4, 0] });
    const counts = tally(ready(create, group), group, 1400);
    expect(counts[0]).toBeGreaterThan(390);
    expect(counts[0]).toBeLessThan(410);
  });

  it('never picks weight 0 or ineligible members, and returns -1 when none is left', () => {
    const group = new FakeGroup({ weights: [1, 0, 1], eligible: [true, true, false], seed: 2 });
    expect(tally(ready(create, group), group, 500)).toEqual([500, 0, 0]);
    const weighted = new FakeGroup({ weights: [3, 1, 0], eligible: [false, true, true] });
    expect(tally(ready(create, weighted), weighted, 50)).toEqual([0, 50, 0]);
    const none = new FakeGroup({ weights: [1, 2], eligible: [false, false] });
    expect(ready(create, none).pick(none, NO_KEY)).toBe(-1);
  });

  it('a single member is picked every time', () => {
    const group = new FakeGroup({ weights: [1], active: [7] });
    expect(pickLetters(ready(create, group), group, 3)).toBe('a a a');
  });

  it('rebuild after a weight change switches between N_CHOICES and EDF', () => {
    const group = new FakeGroup({ weights: [1, 1, 1], seed: 8 });
    const p2c = ready(create, group);
    group.weights = [5, 1, 1];
    p2c.rebuild(group);
    expect(pickLetters(p2c, group, 7)).toBe('a a a a b c a');
  });
});

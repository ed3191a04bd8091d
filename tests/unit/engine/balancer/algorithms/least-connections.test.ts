import { describe, expect, it } from 'vitest';
import { create } from '../../../../../src/engine/balancer/algorithms/least-connections.ts';
import { FakeGroup, NO_KEY, pickLetters, ready } from '../fake-group.ts';

describe('least-connections (nginx least_conn)', () => {
  it('with no concurrency every member ties and it reproduces smooth WRR a a b a c a a (NGX-SWRR-1)', () => {
    const group = new FakeGroup({ weights: [5, 1, 1] });
    expect(pickLetters(ready(create, group), group, 14)).toBe('a a b a c a a a a b a c a a');
  });

  it('picks the member with the fewest active requests', () => {
    const group = new FakeGroup({ weights: [1, 1, 1], active: [3, 1, 2] });
    expect(ready(create, group).pick(group, NO_KEY)).toBe(1);
  });

  it('compares active/weight by cross-multiplication: 2 active on weight 3 beats 1 on weight 1', () => {
    const group = new FakeGroup({ weights: [1, 3], active: [1, 2] });
    expect(ready(create, group).pick(group, NO_KEY)).toBe(1);
  });

  it('ties run smooth WRR over only the tied members, leaving the others\' current weights alone', () => {
    const group = new FakeGroup({ weights: [5, 1, 1], active: [0, 1, 0] });
    const lc = ready(create, group);
    expect(pickLetters(lc, group, 6)).toBe('a a a c a a'); // SWRR over a=5, c=1
    group.actives[1] = 0;
    expect(pickLetters(lc, group, 7)).toBe('a a b a c a a'); // b's current weight was never touched
  });

  it('spreads concurrent requests: each pick counts as active until it is answered', () => {
    const group = new FakeGroup({ weights: [1, 1, 1] });
    const lc = ready(create, group);
    for (let k = 0; k < 6; k++) group.actives[lc.pick(group, NO_KEY)]++;
    expect(group.actives).toEqual([2, 2, 2]);
  });

  it('never picks weight 0 or ineligible members, and returns -1 when none is left', () => {
    const group = new FakeGroup({ weights: [0, 1, 1], eligible: [true, true, false], active: [0, 9, 0] });
    const lc = ready(create, group);
    expect(lc.pick(group, NO_KEY)).toBe(1);
    group.eligibles[1] = false;
    expect(lc.pick(group, NO_KEY)).toBe(-1);
  });

  it('a single member is used whenever eligible, busy or not', () => {
    const group = new FakeGroup({ weights: [1], active: [50] });
    expect(ready(create, group).pick(group, NO_KEY)).toBe(0);
  });

  it('rebuild after a weight change resets the tie-break rotation', () => {
    const group = new FakeGroup({ weights: [1, 1, 1] });
    const lc = ready(create, group);
    expect(pickLetters(lc, group, 1)).toBe('a');
    group.weights = [5, 1, 1];
    lc.rebuild(group);
    expect(pickLetters(lc, group, 7)).toBe('a a b a c a a');
  });
});

import { describe, expect, it } from 'vitest';
import { create } from '../../../../../src/engine/balancer/algorithms/least-outstanding-requests.ts';
import { FakeGroup, NO_KEY, pickLetters, ready } from '../fake-group.ts';

describe('least-outstanding-requests (AWS ALB)', () => {
  it('picks the target with the fewest in-progress requests', () => {
    const group = new FakeGroup({ weights: [1, 1, 1], active: [2, 0, 1] });
    expect(ready(create, group).pick(group, NO_KEY)).toBe(1);
  });

  it('tied targets take turns in configuration order', () => {
    const group = new FakeGroup({ weights: [1, 1, 1] });
    expect(pickLetters(ready(create, group), group, 7)).toBe('a b c a b c a');
  });

  it('the turn-taking continues after the last pick, skipping busier targets', () => {
    const group = new FakeGroup({ weights: [1, 1, 1, 1], active: [0, 3, 0, 0] });
    expect(pickLetters(ready(create, group), group, 6)).toBe('a c d a c d');
  });

  it('ignores weights (ALB has none), except that weight 0 is never picked', () => {
    const group = new FakeGroup({ weights: [5, 1, 0], active: [1, 1, 0] });
    expect(pickLetters(ready(create, group), group, 4)).toBe('a b a b');
  });

  it('balances concurrent requests evenly', () => {
    const group = new FakeGroup({ weights: [1, 1, 1, 1] });
    const lor = ready(create, group);
    for (let k = 0; k < 10; k++) group.actives[lor.pick(group, NO_KEY)]++;
    expect(group.actives).toEqual([3, 3, 2, 2]);
  });

  it('returns -1 when nothing is eligible, a single member whenever it is', () => {
    const none = new FakeGroup({ weights: [1, 1], eligible: [false, false] });
    expect(ready(create, none).pick(none, NO_KEY)).toBe(-1);
    const one = new FakeGroup({ weights: [1], active: [9] });
    expect(ready(create, one).pick(one, NO_KEY)).toBe(0);
  });

  it('keeps working after a rebuild that shrinks the group', () => {
    const group = new FakeGroup({ weights: [1, 1, 1] });
    const lor = ready(create, group);
    expect(pickLetters(lor, group, 3)).toBe('a b c');
    group.weights = [1, 1];
    lor.rebuild(group);
    expect(pickLetters(lor, group, 3)).toBe('a b a');
  });
});

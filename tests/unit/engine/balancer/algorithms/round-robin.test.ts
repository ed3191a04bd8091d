import { describe, expect, it } from 'vitest';
import { create } from '../../../../../src/engine/balancer/algorithms/round-robin.ts';
import { FakeGroup, NO_KEY, pickLetters, ready } from '../fake-group.ts';

describe('round-robin (plain rotation)', () => {
  it('rotates through the members in configuration order', () => {
    const group = new FakeGroup({ weights: [1, 1, 1] });
    expect(pickLetters(ready(create, group), group, 7)).toBe('a b c a b c a');
  });

  it('ignores weights, except that weight 0 is never picked', () => {
    const group = new FakeGroup({ weights: [5, 0, 1, 2] });
    expect(pickLetters(ready(create, group), group, 6)).toBe('a c d a c d');
  });

  it('skips an ineligible member and continues after the member it picked', () => {
    const group = new FakeGroup({ weights: [1, 1, 1] });
    const rr = ready(create, group);
    expect(pickLetters(rr, group, 1)).toBe('a');
    group.eligibles[1] = false;
    expect(pickLetters(rr, group, 3)).toBe('c a c');
    group.eligibles[1] = true;
    expect(pickLetters(rr, group, 3)).toBe('a b c');
  });

  it('returns -1 when no member is eligible, and a single member every time', () => {
    const none = new FakeGroup({ weights: [1, 1], eligible: [false, false] });
    expect(ready(create, none).pick(none, NO_KEY)).toBe(-1);
    const one = new FakeGroup({ weights: [1] });
    expect(pickLetters(ready(create, one), one, 3)).toBe('a a a');
  });

  it('keeps rotating after a rebuild that removes members', () => {
    const group = new FakeGroup({ weights: [1, 1, 1, 1] });
    const rr = ready(create, group);
    expect(pickLetters(rr, group, 3)).toBe('a b c');
    group.weights = [1, 1];
    rr.rebuild(group);
    expect(pickLetters(rr, group, 3)).toBe('a b a');
  });
});

import { describe, expect, it } from 'vitest';
import { create } from '../../../../../src/engine/balancer/algorithms/weighted-round-robin.ts';
import { FakeGroup, pickLetters, ready, tally } from '../fake-group.ts';

describe('weighted-round-robin (nginx smooth WRR)', () => {
  it('nginx smooth WRR with weights 5,1,1 picks a a b a c a a and repeats (NGX-SWRR-1)', () => {
    const group = new FakeGroup({ weights: [5, 1, 1] });
    expect(pickLetters(ready(create, group), group, 14)).toBe('a a b a c a a a a b a c a a');
  });

  it('equal weights rotate in configuration order', () => {
    const group = new FakeGroup({ weights: [1, 1, 1] });
    expect(pickLetters(ready(create, group), group, 6)).toBe('a b c a b c');
  });

  it('a weight-0 member is never picked and the others keep their smooth order', () => {
    const group = new FakeGroup({ weights: [2, 0, 1] });
    expect(pickLetters(ready(create, group), group, 6)).toBe('a c a a c a');
  });

  it('an ineligible member is skipped without moving its current weight', () => {
    const group = new FakeGroup({ weights: [1, 1, 1], eligible: [true, false, true] });
    const wrr = ready(create, group);
    expect(pickLetters(wrr, group, 3)).toBe('a c a'); // current weights now a=-1, b=0, c=1
    group.eligibles[1] = true;
    expect(pickLetters(wrr, group, 3)).toBe('c b a');
  });

  it('returns -1 when no member is eligible', () => {
    const group = new FakeGroup({ weights: [1, 2], eligible: [false, false] });
    expect(pickLetters(ready(create, group), group, 2)).toBe('- -');
  });

  it('a single member is returned whenever it is eligible, like nginx peers->single', () => {
    const group = new FakeGroup({ weights: [3] });
    const wrr = ready(create, group);
    expect(pickLetters(wrr, group, 3)).toBe('a a a');
    group.eligibles[0] = false;
    expect(wrr.pick(group, { clientIp: 0, key: '' })).toBe(-1);
  });

  it('rebuild after a weight change starts the new smooth cycle from zero', () => {
    const group = new FakeGroup({ weights: [1, 1, 1] });
    const wrr = ready(create, group);
    expect(pickLetters(wrr, group, 2)).toBe('a b');
    group.weights = [5, 1, 1];
    wrr.rebuild(group);
    expect(pickLetters(wrr, group, 7)).toBe('a a b a c a a');
  });

  it('fractional weights keep their proportions', () => {
    const group = new FakeGroup({ weights: [0.5, 1.5] });
    expect(tally(ready(create, group), group, 400)).toEqual([100, 300]);
  });
});

import { describe, expect, it } from 'vitest';
import { create } from '../../../../../src/engine/balancer/algorithms/random.ts';
import { FakeGroup, NO_KEY, pickLetters, ready, tally } from '../fake-group.ts';

describe('random (nginx random, weighted)', () => {
  it('shares follow the weights 5:1:1 within 1 % over 70,000 picks', () => {
    const group = new FakeGroup({ weights: [5, 1, 1], seed: 42 });
    const shares = tally(ready(create, group), group, 70_000).map((c) => c / 70_000);
    expect(shares[0]).toBeCloseTo(5 / 7, 2);
    expect(shares[1]).toBeCloseTo(1 / 7, 2);
    expect(shares[2]).toBeCloseTo(1 / 7, 2);
  });

  it('maps the random number through cumulative weights: x < 5 is a, < 6 is b, else c', () => {
    const draws = [0.0, 0.7, 0.72, 0.84, 0.86, 0.99];
    const group = new FakeGroup({ weights: [5, 1, 1], random: () => draws.shift()! });
    expect(pickLetters(ready(create, group), group, 6)).toBe('a a b b c c');
  });

  it('redraws when the drawn member is ineligible, so its share goes to the others', () => {
    const group = new FakeGroup({ weights: [2, 1, 1], eligible: [true, false, true], seed: 7 });
    const counts = tally(ready(create, group), group, 30_000);
    expect(counts[1]).toBe(0);
    expect(Math.abs(counts[0] / 30_000 - 2 / 3)).toBeLessThan(0.01); // σ ≈ 0.0027
  });

  it('falls back to round robin after more than 20 ineligible draws', () => {
    const group = new FakeGroup({ weights: [1, 1, 1], eligible: [true, false, true], random: () => 0.5 });
    expect(pickLetters(ready(create, group), group, 4)).toBe('a c a c');
  });

  it('never picks weight 0; returns -1 with nothing eligible; a single member via round robin', () => {
    const group = new FakeGroup({ weights: [1, 0, 1], seed: 3 });
    expect(tally(ready(create, group), group, 1000)[1]).toBe(0);
    const none = new FakeGroup({ weights: [1, 1], eligible: [false, false] });
    expect(ready(create, none).pick(none, NO_KEY)).toBe(-1);
    const one = new FakeGroup({ weights: [4] });
    expect(pickLetters(ready(create, one), one, 2)).toBe('a a');
  });

  it('is exactly repeatable for a given seed', () => {
    const a = new FakeGroup({ weights: [3, 2, 1], seed: 99 });
    const b = new FakeGroup({ weights: [3, 2, 1], seed: 99 });
    expect(pickLetters(ready(create, a), a, 30)).toBe(pickLetters(ready(create, b), b, 30));
  });

  it('rebuild after a weight change uses the new cumulative weights', () => {
    const group = new FakeGroup({ weights: [1, 1], seed: 5 });
    const random = ready(create, group);
    group.weights = [0, 1];
    random.rebuild(group);
    expect(tally(random, group, 500)).toEqual([0, 500]);
  });
});

import { describe, expect, it } from 'vitest';
import { create } from '../../../../../src/engine/balancer/algorithms/least-response-time.ts';
import { FakeGroup, NO_KEY, pickLetters, ready } from '../fake-group.ts';

describe('least-response-time (nginx least_time)', () => {
  it('before any answer every member ties at rt 0, so it runs smooth WRR: a a b a c a a', () => {
    const group = new FakeGroup({ weights: [5, 1, 1] });
    expect(pickLetters(ready(create, group), group, 7)).toBe('a a b a c a a');
  });

  it('prefers the member with the lower response-time average', () => {
    const group = new FakeGroup({ weights: [1, 1] });
    const lt = ready(create, group);
    lt.onResponse!(0, 300, 0);
    lt.onResponse!(1, 100, 0);
    expect(pickLetters(lt, group, 3)).toBe('b b b');
  });

  it('rounds rt up to 20 ms clusters: 105 ms and 101 ms both count as 120 ms and tie', () => {
    const group = new FakeGroup({ weights: [1, 1, 1] });
    const lt = ready(create, group);
    lt.onResponse!(0, 100, 0);
    lt.onResponse!(0, 200, 0); // ⌊0.5 + 0.05·200 + 0.95·100⌋ = 105
    lt.onResponse!(1, 101, 0);
    lt.onResponse!(2, 121, 0); // 140
    expect(pickLetters(lt, group, 4)).toBe('a b a b');
  });

  it('the EWMA moves 5 % toward each sample: 100 then ten samples of 300 gives 181 → rt 200', () => {
    const group = new FakeGroup({ weights: [1, 1] });
    const lt = ready(create, group);
    lt.onResponse!(0, 100, 0);
    for (let k = 0; k < 10; k++) lt.onResponse!(0, 300, 0); // 110, 120, 129, …, 175, 181 (integer ms)
    lt.onResponse!(1, 181, 0); // rt 200 too: a tie
    lt.onResponse!(1, 181, 0);
    expect(pickLetters(lt, group, 2)).toBe('a b');
    lt.onResponse!(1, 201, 0); // ⌊0.5 + 10.05 + 171.95⌋ = 182: still 200
    lt.onResponse!(0, 400, 0); // ⌊0.5 + 20 + 171.95⌋ = 192: still 200
    expect(pickLetters(lt, group, 2)).toBe('a b');
  });

  it('eta = rt × (1 + active): a fast member with requests in flight loses to a slower idle one', () => {
    const group = new FakeGroup({ weights: [1, 1], active: [2, 0] });
    const lt = ready(create, group);
    lt.onResponse!(0, 100, 0); // 100 × 3 = 300
    lt.onResponse!(1, 200, 0); // 200 × 1 = 200
    expect(lt.pick(group, NO_KEY)).toBe(1);
  });

  it('compares eta / weight; equal ratios go to smooth WRR among the tied', () => {
    const group = new FakeGroup({ weights: [2, 1], active: [1, 0] });
    const lt = ready(create, group);
    lt.onResponse!(0, 100, 0); // 200 / 2
    lt.onResponse!(1, 100, 0); // 100 / 1
    expect(pickLetters(lt, group, 3)).toBe('a b a');
  });

  it('caps rt at 5000 ms, so two very slow members tie', () => {
    const group = new FakeGroup({ weights: [1, 1] });
    const lt = ready(create, group);
    lt.onResponse!(0, 9000, 0);
    lt.onResponse!(1, 6000, 0);
    expect(pickLetters(lt, group, 2)).toBe('a b');
  });

  it('halves the rt of a member with no answer for fail_timeout (10 s), giving slow members a chance', () => {
    const group = new FakeGroup({ weights: [1, 1] });
    const lt = ready(create, group);
    lt.onResponse!(0, 400, 0);
    lt.onResponse!(1, 250, 9000); // rt 260
    group.nowMs = 9500;
    expect(lt.pick(group, NO_KEY)).toBe(1);
    group.nowMs = 10_001; // a idle for more than 10 s: 400 → 200
    expect(lt.pick(group, NO_KEY)).toBe(0);
  });

  it('never picks weight 0 or ineligible members; -1 with none; a single member always', () => {
    const group = new FakeGroup({ weights: [0, 1, 1], eligible: [true, true, false] });
    expect(pickLetters(ready(create, group), group, 3)).toBe('b b b');
    const none = new FakeGroup({ weights: [1, 1], eligible: [false, false] });
    expect(ready(create, none).pick(none, NO_KEY)).toBe(-1);
    const one = new FakeGroup({ weights: [1], active: [5] });
    expect(ready(create, one).pick(one, NO_KEY)).toBe(0);
  });

  it('rebuild forgets the averages (as an nginx reload does)', () => {
    const group = new FakeGroup({ weights: [1, 1] });
    const lt = ready(create, group);
    lt.onResponse!(0, 900, 0);
    lt.rebuild(group);
    expect(pickLetters(lt, group, 2)).toBe('a b');
  });
});

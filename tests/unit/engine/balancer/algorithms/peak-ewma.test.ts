import { describe, expect, it } from 'vitest';
import { PeakEwmaEstimates, create } from '../../../../../src/engine/balancer/algorithms/peak-ewma.ts';
import { FakeGroup, NO_KEY, ready, tally } from '../fake-group.ts';

describe('peak-ewma (Finagle / tower P2C over peak-EWMA)', () => {
  it('reproduces tower compound_decay: 400 ms, 200 ms, < 100 ms after 1 s idle, < 0.1 ms after 10 s more', () => {
    const estimate = new PeakEwmaEstimates(1, 20, 1000, 0); // default_rtt 20 ms, decay 1 s
    expect(estimate.load(0, 0, 0)).toBe(20);
    expect(estimate.load(0, 1, 100)).toBeGreaterThan(20); // request sent at 100 ms, one pending
    expect(estimate.load(0, 2, 200)).toBeGreaterThan(40); // second sent at 200 ms, two pending
    estimate.observe(0, 200, 300); // the first answers after 200 ms: a peak, taken at once
    expect(estimate.load(0, 1, 300)).toBe(400);
    estimate.observe(0, 200, 400); // the second answers after 200 ms
    expect(estimate.load(0, 0, 400)).toBe(200);
    expect(estimate.load(0, 0, 1400)).toBeLessThan(100);
    expect(estimate.load(0, 0, 11_400)).toBeLessThan(0.1);
  });

  it('a lower sample pulls the cost down by 1 − exp(−Δt/τ)', () => {
    const estimate = new PeakEwmaEstimates(1, 100, 1000, 0);
    expect(estimate.observe(0, 50, 1000)).toBeCloseTo(100 * Math.exp(-1) + 50 * (1 - Math.exp(-1)), 9);
  });

  it('sends to the lower of two loads: a member that answered slowly loses', () => {
    const group = new FakeGroup({ weights: [1, 1], seed: 3 });
    const pewma = ready(create, group);
    pewma.onResponse!(0, 500, 0);
    expect(tally(pewma, group, 100)).toEqual([0, 100]);
  });

  it('load is cost × (active + 1), so equal latencies favour the idle member', () => {
    const group = new FakeGroup({ weights: [1, 1], active: [3, 0], seed: 5 });
    expect(tally(ready(create, group), group, 50)).toEqual([0, 50]);
  });

  it('a new member starts at defaultRttMs (linkerd 30 ms by default)', () => {
    const group = new FakeGroup({ weights: [1, 1], seed: 9 });
    const pewma = ready(create, group);
    pewma.onResponse!(0, 31, 0);
    expect(pewma.pick(group, NO_KEY)).toBe(1); // 31 ms observed vs 30 ms default
    const tuned = ready(create, group, { defaultRttMs: 40 });
    tuned.onResponse!(0, 31, 0);
    expect(tuned.pick(group, NO_KEY)).toBe(0);
  });

  it('a tie keeps the first of the two distinct draws, so idle members share evenly', () => {
    const group = new FakeGroup({ weights: [1, 1, 1], seed: 12 });
    const counts = tally(ready(create, group), group, 30_000);
    for (const c of counts) expect(Math.abs(c / 30_000 - 1 / 3)).toBeLessThan(0.01);
  });

  it('the penalty decays with decayMs: after a long quiet spell the slow member is tried again', () => {
    const group = new FakeGroup({ weights: [1, 1], seed: 1 });
    const pewma = ready(create, group, { decayMs: 1000 });
    pewma.onResponse!(0, 1000, 0);
    pewma.onResponse!(1, 20, 0);
    expect(pewma.pick(group, NO_KEY)).toBe(1);
    group.nowMs = 10_000; // both decay toward 0; 1000·e^-10 ≈ 0.045 ms vs 20·e^-10
    pewma.onResponse!(1, 20, 10_000);
    expect(pewma.pick(group, NO_KEY)).toBe(0);
  });

  it('never picks weight 0 or ineligible members; -1 with none; a single member always', () => {
    const group = new FakeGroup({ weights: [0, 1, 1], eligible: [true, true, false], seed: 2 });
    expect(tally(ready(create, group), group, 200)).toEqual([0, 200, 0]);
    const none = new FakeGroup({ weights: [1, 1], eligible: [false, false] });
    expect(ready(create, none).pick(none, NO_KEY)).toBe(-1);
    const one = new FakeGroup({ weights: [1] });
    expect(ready(create, one).pick(one, NO_KEY)).toBe(0);
  });

  it('rebuild restarts every member at the default estimate', () => {
    const group = new FakeGroup({ weights: [1, 1], seed: 6 });
    const pewma = ready(create, group);
    pewma.onResponse!(0, 900, 0);
    group.weights = [1, 1, 1];
    pewma.rebuild(group);
    expect(tally(pewma, group, 3000)[0]).toBeGreaterThan(800);
  });
});

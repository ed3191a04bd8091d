// Least connections keeps the members holding the fewest requests in buckets when its view reports
// every change (the engine's target groups do); it must pick exactly what the plain scan picks.
import { describe, expect, it } from 'vitest';
import { create } from '../../../../../src/engine/balancer/algorithms/least-connections.ts';
import type { BalancingAlgorithm, GroupView } from '../../../../../src/engine/balancer/algorithm.ts';
import { mulberry32, NO_KEY } from '../fake-group.ts';

/** A view over typed arrays; with `reports`, every change is told to the algorithm as the engine does. */
class ArrayView implements GroupView {
  readonly weightOf: Float64Array;
  readonly activeOf: Int32Array;
  readonly rotationOf: Uint8Array;
  readonly filtered = false;
  readonly equalWeights = true;
  nowMs = 0;
  algorithm: BalancingAlgorithm | null = null;

  constructor(
    size: number,
    readonly reportsChanges: boolean,
    weight = 2,
  ) {
    this.weightOf = new Float64Array(size).fill(weight);
    this.activeOf = new Int32Array(size);
    this.rotationOf = new Uint8Array(size).fill(1);
  }
  get size(): number {
    return this.weightOf.length;
  }
  weight(i: number): number {
    return this.weightOf[i];
  }
  active(i: number): number {
    return this.activeOf[i];
  }
  eligible(i: number): boolean {
    return this.rotationOf[i] === 1;
  }
  address(i: number): string {
    return `10.0.0.${i + 1}:80`;
  }
  random(): number {
    return 0.5;
  }
  addActive(i: number, delta: number): void {
    this.activeOf[i] += delta;
    if (this.reportsChanges) this.algorithm!.onActive!(i, this.activeOf[i]);
  }
  setRotation(i: number, value: number): void {
    this.rotationOf[i] = value;
    if (this.reportsChanges) this.algorithm!.onRotation!(i, value);
  }
}

/** The same members twice: one view reports its changes (buckets), the other does not (the plain scan). */
function twins(size: number, weight?: number) {
  const views = [new ArrayView(size, true, weight), new ArrayView(size, false, weight)];
  const algorithms = views.map((v) => {
    const a = create();
    v.algorithm = a;
    a.rebuild(v);
    return a;
  });
  const picks: number[][] = [[], []];
  return {
    views,
    algorithms,
    picks,
    /** Both pick; each pick is sent (one more active request on it). */
    pick(): void {
      views.forEach((v, k) => {
        const m = algorithms[k].pick(v, NO_KEY);
        picks[k].push(m);
        if (m >= 0) v.addActive(m, 1);
      });
    },
    /** A request on `member` is answered, in both. */
    answer(member: number): void {
      if (views[0].activeOf[member] > 0) for (const v of views) v.addActive(member, -1);
    },
  };
}

describe('least-connections with buckets', () => {
  it.each([3, 12, 50])('picks exactly as the scan does over 20,000 steps of sends, answers and rotation changes (%i members)', (size) => {
    const { views, picks, pick, answer } = twins(size);
    const random = mulberry32(size);
    for (let step = 0; step < 20_000; step++) {
      const u = random();
      const member = Math.floor(random() * size);
      if (u < 0.5) pick();
      else if (u < 0.97) answer(member);
      else {
        const value = views[0].rotationOf[member] === 1 ? 0 : 1;
        for (const v of views) v.setRotation(member, value);
      }
    }
    expect(picks[0].length).toBeGreaterThan(9000);
    expect(picks[0]).toEqual(picks[1]);
  });

  // nginx's failure penalty lowers a member's effective weight, which then regrows by 1 a step: the
  // buckets leave their fast step (every effective weight at the common weight) until the next rebuild
  it.each([2, 2.5, 5])('picks exactly as the scan does with failure penalties and rebuilds between them (weight %s)', (weight) => {
    const size = 20;
    const { views, algorithms, picks, pick, answer } = twins(size, weight);
    const random = mulberry32(99);
    let penalties = 0;
    for (let step = 0; step < 20_000; step++) {
      const u = random();
      const member = Math.floor(random() * size);
      if (u < 0.5) pick();
      else if (u < 0.96) answer(member);
      else if (u < 0.99) {
        penalties++;
        // nginx's penalty, weight / max_fails in integer division (max_fails 2 here)
        for (const a of algorithms) a.penalize!(member, Math.floor(weight / 2));
      } else {
        views.forEach((v, k) => algorithms[k].rebuild(v));
      }
    }
    expect(penalties).toBeGreaterThan(300);
    expect(picks[0]).toEqual(picks[1]);
  });

  it('returns -1 when every member is out of rotation, and finds them again when they return', () => {
    const view = new ArrayView(3, true);
    const lc = create();
    view.algorithm = lc;
    lc.rebuild(view);
    for (let i = 0; i < 3; i++) view.setRotation(i, 0);
    expect(lc.pick(view, NO_KEY)).toBe(-1);
    view.addActive(2, 5);
    view.setRotation(2, 1);
    view.setRotation(0, 1);
    expect(lc.pick(view, NO_KEY)).toBe(0);
  });
});

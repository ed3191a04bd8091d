import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/engine/core/rng.ts';

// An exponential draw is −ln(1 − u) of the stream's next uniform u. A stream made with `areas` computes the
// logarithms of a whole batch at its refill; the values must be the very doubles a draw one at a time gives,
// or every run's digest would move.
describe('Exp(1) areas made a batch at a time', () => {
  it('nextArea and lastArea give −ln(1 − u) of the same uniforms, with or without areas, across refills', () => {
    const plain = new Rng(7, 'service');
    const batched = new Rng(7, 'service', true);
    const single = new Rng(7, 'service', false);
    for (let i = 0; i < 1000; i++) {
      const u = plain.next();
      const want = -Math.log(1 - u);
      // a mix of the three ways in, so refills fall between every kind of draw
      if (i % 3 === 0) {
        expect(batched.nextArea()).toBe(want);
        expect(single.nextArea()).toBe(want);
      } else {
        expect(batched.next()).toBe(u);
        expect(single.next()).toBe(u);
        expect(batched.lastArea()).toBe(want);
        expect(single.lastArea()).toBe(want);
      }
    }
  });

  it('a clone of a batched stream goes on with the same areas, and the original is untouched by it', () => {
    const a = new Rng(3, 'arrivals', true);
    for (let i = 0; i < 100; i++) a.nextArea();
    const b = a.clone();
    const fromClone = Array.from({ length: 300 }, () => b.nextArea());
    expect(Array.from({ length: 300 }, () => a.nextArea())).toEqual(fromClone);
    expect(new Set(fromClone).size).toBe(300);
  });
});

import { describe, expect, it } from 'vitest';
import { RateProfile } from '../../../../src/engine/traffic/rate-profile.ts';

describe('RateProfile', () => {
  it('a constant rate spaces unit areas 1/rate apart', () => {
    const p = new RateProfile(4);
    expect(p.advance(0, 1)).toBeCloseTo(0.25, 12);
    expect(p.advance(10, 2)).toBeCloseTo(10.5, 12);
  });

  it('a step change takes effect at its time', () => {
    const p = new RateProfile(10, [{ atSec: 5, ratePerSec: 100, rampSec: 0 }]);
    expect(p.rateAt(4.9)).toBe(10);
    expect(p.rateAt(5)).toBe(100);
    // 49 arrivals' worth of area before 5 s leaves 1 more to 5 s, then 100/s
    expect(p.advance(0, 50)).toBeCloseTo(5, 9);
    expect(p.advance(0, 51)).toBeCloseTo(5.01, 9);
  });

  it('a linear ramp integrates to the trapezoid area', () => {
    const p = new RateProfile(0, [{ atSec: 0, ratePerSec: 100, rampSec: 10 }]);
    expect(p.rateAt(5)).toBeCloseTo(50, 9);
    // area from 0 to t is 5·t² for t ≤ 10
    expect(p.advance(0, 125)).toBeCloseTo(5, 9);
    expect(p.advance(0, 500)).toBeCloseTo(10, 9);
    expect(p.advance(0, 600)).toBeCloseTo(11, 9);
  });

  it('ramps down to zero and then sends nothing', () => {
    const p = new RateProfile(10, [{ atSec: 10, ratePerSec: 0, rampSec: 10 }]);
    expect(p.rateAt(15)).toBeCloseTo(5, 9);
    expect(p.advance(0, 100)).toBeCloseTo(10, 9);
    expect(p.advance(0, 150)).toBeCloseTo(20, 6);
    expect(p.advance(0, 151)).toBe(Infinity);
  });

  it('a live constant rate replaces the rest of the profile', () => {
    const p = new RateProfile(10, [{ atSec: 100, ratePerSec: 1000, rampSec: 0 }]);
    p.setConstantFrom(20, 2);
    expect(p.rateAt(10)).toBe(10);
    expect(p.rateAt(150)).toBe(2);
    expect(p.advance(20, 1)).toBeCloseTo(20.5, 9);
  });
});

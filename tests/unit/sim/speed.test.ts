import { describe, expect, it } from 'vitest';
import { faster, startingSpeed, formatReached, formatSpeed, positionOf, slower, speedAt } from '../../../src/sim/speed.ts';

describe('playback speed', () => {
  it('maps a slider position to a tidy speed on a log scale from 0.1× to 1000×', () => {
    expect(speedAt(-1)).toBe(0.1);
    expect(speedAt(0)).toBe(1);
    expect(speedAt(1)).toBe(10);
    expect(speedAt(3)).toBe(1000);
    expect(speedAt(0.1)).toBe(1.3);
    expect(speedAt(2.5)).toBe(320);
    expect(speedAt(9)).toBe(1000);
    expect(positionOf(100)).toBeCloseTo(2);
    expect(positionOf('max')).toBe(3);
  });

  it('steps up and down through round speeds, with "as fast as possible" after 1000×', () => {
    expect(faster(1)).toBe(2);
    expect(faster(1.3)).toBe(2);
    expect(faster(1000)).toBe('max');
    expect(slower(1)).toBe(0.5);
    expect(slower(0.1)).toBe(0.1);
    expect(slower('max')).toBe(1000);
    expect(formatSpeed('max')).toBe('as fast as possible');
    expect(formatSpeed(0.5)).toBe('0.5×');
  });

  it('words a measured rate with two significant digits', () => {
    expect(formatReached(0.6234)).toBe('0.62×');
    expect(formatReached(37.4)).toBe('37×');
  });

  it('starts a scenario at a speed that plays it in about a minute and a half, never below 1×', () => {
    expect(startingSpeed(60)).toBe(1);
    expect(startingSpeed(120)).toBe(2);
    expect(startingSpeed(1800)).toBe(20); // Black Friday's spike at 300 s comes 15 s in, not 5 minutes
    expect(startingSpeed(undefined)).toBe(1);
  });
});

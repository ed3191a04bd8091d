import { describe, expect, it } from 'vitest';
import { hashId, keepsRequest, nextThin, niceStepAtLeast, roundForLabel, samplingLabel } from '../../../src/viz/flow-sampling.ts';

describe('the sampling label', () => {
  it('says when every request is drawn', () => {
    expect(samplingLabel(1)).toBe('1 dot = 1 request');
  });

  it('says how many requests a dot stands for, rounded', () => {
    expect(samplingLabel(40)).toBe('1 dot ≈ 40 requests (every request is simulated)');
    expect(samplingLabel(2)).toBe('1 dot ≈ 2 requests (every request is simulated)');
    expect(samplingLabel(1234)).toBe('1 dot ≈ 1,200 requests (every request is simulated)');
    expect(samplingLabel(25_000)).toBe('1 dot ≈ 25,000 requests (every request is simulated)');
  });

  it('rounds counts to two significant digits from 100 up', () => {
    expect(roundForLabel(37)).toBe(37);
    expect(roundForLabel(149)).toBe(150);
    expect(roundForLabel(9876)).toBe(9900);
  });
});

describe('thinning', () => {
  it('moves in 1-2-5 steps', () => {
    expect([0.3, 1, 1.1, 2, 2.5, 7, 11, 400].map(niceStepAtLeast)).toEqual([1, 1, 2, 2, 5, 10, 20, 500]);
  });

  it('goes up at once but comes down only when clearly below the step (no flicker)', () => {
    expect(nextThin(1, 4.2)).toBe(5);
    expect(nextThin(5, 4.9)).toBe(5);
    expect(nextThin(5, 3.5)).toBe(5);
    expect(nextThin(5, 3)).toBe(5);
    expect(nextThin(5, 1.9)).toBe(2);
  });

  it('keeps about one request in `thin`, the same ones every time', () => {
    let kept = 0;
    for (let id = 0; id < 10_000; id++) if (keepsRequest(id, 5)) kept++;
    expect(kept).toBeGreaterThan(1800);
    expect(kept).toBeLessThan(2200);
    expect(hashId(12345)).toBe(hashId(12345));
    expect(keepsRequest(12345, 1)).toBe(true);
  });
});

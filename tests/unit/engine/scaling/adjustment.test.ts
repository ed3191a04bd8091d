import { describe, expect, it } from 'vitest';
import { applyAdjustment, describeAdjustment, roundPercentChange } from '../../../../src/engine/scaling/adjustment.ts';

describe('adjustments', () => {
  it('rounds percent changes as AWS documents: 12.7 → 12, 0.4 → 1, −0.4 → −1, −6.67 → −6', () => {
    expect([12.7, 1, 0.4, 0, -0.4, -1, -6.67].map(roundPercentChange)).toEqual([12, 1, 1, 0, -1, -1, -6]);
  });

  it('applies ChangeInCapacity, ExactCapacity and PercentChangeInCapacity', () => {
    expect(applyAdjustment(10, 'ChangeInCapacity', -3)).toBe(7);
    expect(applyAdjustment(10, 'ExactCapacity', 4)).toBe(4);
    expect(applyAdjustment(10, 'PercentChangeInCapacity', 10)).toBe(11);
    expect(applyAdjustment(11, 'PercentChangeInCapacity', 30)).toBe(14);
    expect(applyAdjustment(13, 'PercentChangeInCapacity', -30)).toBe(10);
  });

  it('MinAdjustmentMagnitude is a floor: 25 % of 4 = 1, but a minimum of 2 gives 2', () => {
    expect(applyAdjustment(4, 'PercentChangeInCapacity', 25)).toBe(5);
    expect(applyAdjustment(4, 'PercentChangeInCapacity', 25, 2)).toBe(6);
    expect(applyAdjustment(4, 'PercentChangeInCapacity', -25, 2)).toBe(2);
    expect(applyAdjustment(4, 'ChangeInCapacity', 1, 2)).toBe(5);
  });

  it('describes adjustments in plain words', () => {
    expect([describeAdjustment('PercentChangeInCapacity', 30), describeAdjustment('ChangeInCapacity', -1), describeAdjustment('ExactCapacity', 4)]).toEqual([
      '+30 %',
      '−1',
      '= 4',
    ]);
  });
});

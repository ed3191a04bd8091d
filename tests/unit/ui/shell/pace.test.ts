import { describe, expect, it } from 'vitest';
import { BATCH_BUDGET_MS, MAX_BATCH, nextBatch } from '../../../../src/ui/shell/pace.ts';

describe('nextBatch', () => {
  it('fits the budget at the last batch cost per item', () => {
    // 4 items in 16 ms: 4 ms each, so 8 ms holds 2
    expect(nextBatch(4, 16, 8)).toBe(2);
    // 4 items in 2 ms: 0.5 ms each, so 8 ms holds 16
    expect(nextBatch(4, 2, 8)).toBe(16);
  });
  it('draws at least one item however slow the last batch was', () => {
    expect(nextBatch(1, 200, 8)).toBe(1);
  });
  it('never passes the most per task', () => {
    expect(nextBatch(40, 1, 8, 48)).toBe(48);
    expect(nextBatch(MAX_BATCH, 0.5)).toBe(MAX_BATCH);
  });
  it('grows four times when the last batch cost nothing measurable', () => {
    expect(nextBatch(3, 0.05, BATCH_BUDGET_MS)).toBe(12);
    expect(nextBatch(3, 0, BATCH_BUDGET_MS)).toBe(12);
  });
});

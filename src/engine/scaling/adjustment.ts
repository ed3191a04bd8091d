/**
 * EC2 Auto Scaling adjustment types for simple and step policies (as-scaling-simple-step.md):
 * ChangeInCapacity adds a count, ExactCapacity sets one, PercentChangeInCapacity adds a share of the
 * current capacity with AWS's rounding (> 1 rounds down, (0, 1) → 1, (−1, 0) → −1, < −1 toward zero)
 * and an optional MinAdjustmentMagnitude floor. Clamping to [min, max] is the caller's job.
 */

export type AdjustmentType = 'ChangeInCapacity' | 'ExactCapacity' | 'PercentChangeInCapacity';

/** AWS rounding of a percent-derived change in instances, e.g. 3.3 → 3, 0.4 → 1, −1.4 → −1, −3.9 → −3. */
export function roundPercentChange(raw: number): number {
  if (raw > 1) return Math.floor(raw);
  if (raw > 0) return 1;
  if (raw === 0) return 0;
  if (raw > -1) return -1;
  return Math.ceil(raw);
}

/** The capacity after applying `adjustment` of `type` to `current` (not clamped). */
export function applyAdjustment(
  current: number,
  type: AdjustmentType,
  adjustment: number,
  minAdjustmentMagnitude = 0,
): number {
  switch (type) {
    case 'ChangeInCapacity':
      return current + adjustment;
    case 'ExactCapacity':
      return adjustment;
    case 'PercentChangeInCapacity': {
      const change = roundPercentChange((current * adjustment) / 100);
      if (change !== 0 && Math.abs(change) < minAdjustmentMagnitude) return current + Math.sign(change) * minAdjustmentMagnitude;
      return current + change;
    }
  }
}

/** "+10 %", "−1", "= 4": an adjustment in plain words for reasons and the UI. */
export function describeAdjustment(type: AdjustmentType, adjustment: number): string {
  const sign = adjustment < 0 ? '−' : '+';
  if (type === 'ExactCapacity') return `= ${adjustment}`;
  return type === 'PercentChangeInCapacity' ? `${sign}${Math.abs(adjustment)} %` : `${sign}${Math.abs(adjustment)}`;
}

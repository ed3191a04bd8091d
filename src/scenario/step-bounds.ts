/**
 * EC2 step-scaling bounds, checked where the scenario is validated: steps must neither overlap nor leave
 * gaps, and at most one step may be open at each end.
 */
export interface StepBounds {
  readonly lowerBound?: number | null;
  readonly upperBound?: number | null;
}

export function stepBoundsError<T extends StepBounds>(steps: readonly T[]): string | null {
  if (steps.length === 0) return 'a step policy needs at least one step';
  const sorted = [...steps].sort((a, b) => (a.lowerBound ?? -Infinity) - (b.lowerBound ?? -Infinity));
  if (steps.filter((s) => s.lowerBound == null).length > 1) return 'at most one step may have no lower bound';
  if (steps.filter((s) => s.upperBound == null).length > 1) return 'at most one step may have no upper bound';
  for (let i = 1; i < sorted.length; i++) {
    const prevHi = sorted[i - 1].upperBound ?? Infinity;
    const lo = sorted[i].lowerBound ?? -Infinity;
    if (prevHi !== lo) return prevHi > lo ? `steps overlap at ${lo}` : `gap between ${prevHi} and ${lo}`;
  }
  return null;
}

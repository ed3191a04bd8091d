/**
 * EC2 step-scaling bounds, checked where the scenario is validated: steps must neither overlap nor leave
 * gaps, and at most one step may be open at each end.
 */
import { EN_ERRORS, fillTemplate, type ErrorCode } from './error-codes.ts';

export interface StepBounds {
  readonly lowerBound?: number | null;
  readonly upperBound?: number | null;
}

/** What is wrong with the steps, as an error code and its values (error-codes.ts); null when they are fine. */
export function stepBoundsCode<T extends StepBounds>(steps: readonly T[]): { code: ErrorCode; params: Record<string, number> } | null {
  if (steps.length === 0) return { code: 'val_steps_none', params: {} };
  const sorted = [...steps].sort((a, b) => (a.lowerBound ?? -Infinity) - (b.lowerBound ?? -Infinity));
  if (steps.filter((s) => s.lowerBound == null).length > 1) return { code: 'val_steps_no_lower', params: {} };
  if (steps.filter((s) => s.upperBound == null).length > 1) return { code: 'val_steps_no_upper', params: {} };
  for (let i = 1; i < sorted.length; i++) {
    const prevHi = sorted[i - 1].upperBound ?? Infinity;
    const lo = sorted[i].lowerBound ?? -Infinity;
    if (prevHi !== lo) return prevHi > lo ? { code: 'val_steps_overlap', params: { at: lo } } : { code: 'val_steps_gap', params: { from: prevHi, to: lo } };
  }
  return null;
}

/** What is wrong with the steps, in English; null when they are fine. */
export function stepBoundsError<T extends StepBounds>(steps: readonly T[]): string | null {
  const e = stepBoundsCode(steps);
  if (e === null) return null;
  return fillTemplate(EN_ERRORS[e.code], Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, String(v)])));
}

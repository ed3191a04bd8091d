/**
 * A step's moment: the simulated second its outcome is read at. It is its prediction's `atSec` (a prediction
 * with outcomes to run to; a diagnosis has none), or the end of the window its wait names (`toSec`), whichever is
 * later; null when the step names no second. The player stops the run there on its way forward (a breakpoint,
 * at any speed), judges the prediction there, and keeps the reveal's numbers as the run had them there; a
 * claim measures a reveal's fallback at the same second (lesson-claims.ts checks it).
 */

/** What a step's moment is read from: its prediction and its wait (lesson.ts's Step; written out here, so that the loader can use it). */
export interface MomentOf {
  predict: { options: readonly { when?: unknown }[]; atSec?: number } | null;
  wait: object | null;
}

/** Whether a prediction's options have no `when`: a diagnosis, answered by the learner's reading of the run, not by a moment of it. */
export const isDiagnosis = (predict: { options: readonly { when?: unknown }[] } | null): boolean => predict !== null && predict.options.every((o) => o.when === undefined);

/** The step's moment in simulated seconds, or null (see the module header). */
export function stepMomentSec(step: MomentOf): number | null {
  const predicted = step.predict !== null && !isDiagnosis(step.predict) ? (step.predict.atSec ?? 0) : null;
  const waitEnd = step.wait !== null && 'toSec' in step.wait && typeof step.wait.toSec === 'number' ? step.wait.toSec : null;
  if (predicted === null) return waitEnd;
  return waitEnd === null ? predicted : Math.max(predicted, waitEnd);
}

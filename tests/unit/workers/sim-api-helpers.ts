// Helpers shared by the sim-api tests (sim-api.test.ts, sim-api-timeline.test.ts).
import type { SessionId, SimApi } from '../../../workers/sim-api.ts';
import { TARGET_STRIDE, TF, type Snapshot } from '../../../src/engine/types.ts';

/** Opens a scenario that must be valid, and returns its session id. */
export function openOk(api: SimApi, scenario: unknown): SessionId {
  const opened = api.open(scenario);
  if (!opened.ok) throw new Error(`expected a valid scenario:\n${JSON.stringify(opened.errors)}`);
  return opened.id;
}

/** Advances in equal steps, the way the page does frame by frame; returns the last snapshot. */
export function advanceInSteps(api: SimApi, id: SessionId, totalMs: number, stepMs: number): Snapshot {
  let last = api.advance(id, 0);
  for (let t = 0; t < totalMs; t += stepMs) last = api.advance(id, Math.min(stepMs, totalMs - t));
  return last;
}

/** One field of one target in a snapshot. */
export function targetField(snapshot: Snapshot, index: number, field: keyof typeof TF): number {
  return snapshot.targets[index * TARGET_STRIDE + TF[field]];
}

/**
 * A target finishes its work on a request: the request succeeds, or its 5xx is retried or fails; then
 * the target takes the next request from its queue.
 */
import type { SimState } from '../state.ts';
import { REQ_ORPHANED, REQ_SERVING, idTag } from './pool.ts';
import { FAIL, OUTCOME_OK } from '../types.ts';
import { endService, startQueued } from './serve.ts';
import { attemptFailed } from './retry.ts';

/** The completion event of `slot` (ignored when a crash or a restart already cleared that request). */
export function onCompletion(s: SimState, slot: number, idLow: number): void {
  const pool = s.pool;
  const state = pool.state[slot];
  if ((state !== REQ_SERVING && state !== REQ_ORPHANED) || idTag(pool.id[slot]) !== idLow) return;
  const t = pool.target[slot];
  // endService's only code above OUTCOME_OK is FAIL.error (compared without loading FAIL on every completion)
  if (endService(s, slot) > OUTCOME_OK) attemptFailed(s, slot, FAIL.error, 0);
  // endService brought t's integrals up to now (a retry sent to t meanwhile only accrued again at now)
  startQueued(s, t, true);
}

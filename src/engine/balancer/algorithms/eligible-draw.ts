/**
 * A uniform random draw among the usable members, the way Envoy and tower draw from their healthy
 * (ready) host lists: rejection sampling over all members, which is exactly uniform over the usable
 * ones, and after a bounded number of misses an exact counted draw, so a mostly-down group stays fast.
 */
import type { GroupView } from '../algorithm.ts';
import { usable } from './smooth-wrr.ts';

const MAX_REDRAWS = 16;

/** A uniformly random usable member other than `exclude` (-1 excludes nothing); -1 if there is none. */
export function drawUsable(view: GroupView, exclude: number): number {
  const n = view.size;
  for (let t = 0; t < MAX_REDRAWS; t++) {
    const i = Math.floor(view.random() * n);
    if (i !== exclude && usable(view, i)) return i;
  }
  let count = 0;
  for (let i = 0; i < n; i++) if (i !== exclude && usable(view, i)) count++;
  if (count === 0) return -1;
  let rank = Math.floor(view.random() * count);
  for (let i = 0; i < n; i++) {
    if (i !== exclude && usable(view, i) && rank-- === 0) return i;
  }
  return -1;
}

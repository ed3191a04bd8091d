/**
 * AWS ALB `least_outstanding_requests` (real-systems §4.3): the eligible target with the fewest
 * in-progress requests. ALB has no weights, so weights are ignored except that weight 0 is never
 * picked. AWS does not document the tie-break; we scan from just after the previous pick and keep the
 * first of the tied, so tied targets take turns in configuration order (deterministic and fair).
 */
import type { AlgorithmFactory, GroupView } from '../algorithm.ts';

/** The first usable member in [from, to) with fewer active requests than `best` has (-1: none yet), else `best`. */
function fewestActive(view: GroupView, from: number, to: number, best: number): number {
  const weights = view.weightOf;
  const active = view.activeOf;
  const rotation = view.rotationOf;
  const filtered = view.filtered;
  let fewest = best >= 0 ? active[best] : Infinity;
  for (let i = from; i < to; i++) {
    if (!(weights[i] > 0) || rotation[i] === 0 || (filtered && !view.eligible(i))) continue;
    const a = active[i];
    if (a < fewest) {
      best = i;
      fewest = a;
    }
  }
  return best;
}

export const create: AlgorithmFactory = () => {
  let start = 0; // the scan begins just after the previous pick
  return {
    rebuild(view) {
      if (start >= view.size) start = 0;
    },
    inspect: () => ({ next: start }),
    pick(view) {
      const n = view.size;
      if (start >= n) start = 0;
      const best = fewestActive(view, 0, start, fewestActive(view, start, n, -1));
      if (best >= 0) start = best + 1 === n ? 0 : best + 1;
      return best;
    },
  };
};

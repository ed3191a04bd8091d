/**
 * AWS ALB `least_outstanding_requests` (real-systems §4.3): the eligible target with the fewest
 * in-progress requests. ALB has no weights, so weights are ignored except that weight 0 is never
 * picked. AWS does not document the tie-break; we scan from just after the previous pick and keep the
 * first of the tied, so tied targets take turns in configuration order (deterministic and fair).
 */
import type { AlgorithmFactory } from '../algorithm.ts';
import { usable } from './smooth-wrr.ts';

export const create: AlgorithmFactory = () => {
  let start = 0;
  return {
    rebuild(view) {
      if (start >= view.size) start = 0;
    },
    pick(view) {
      const n = view.size;
      if (start >= n) start = 0;
      let best = -1;
      let bestActive = Infinity;
      for (let k = 0, i = start; k < n; k++, i = i + 1 === n ? 0 : i + 1) {
        if (!usable(view, i)) continue;
        const active = view.active(i);
        if (active < bestActive) {
          best = i;
          bestActive = active;
        }
      }
      if (best >= 0) start = best + 1 === n ? 0 : best + 1;
      return best;
    },
  };
};

/**
 * Plain rotation in configuration order, as ALB `round_robin` and Envoy round robin with equal weights
 * do: each pick takes the next usable member after the previous pick, skipping ineligible ones.
 * Weights are ignored, except that weight 0 is never picked. Simplifies: the rotation starts at member
 * 0 (Envoy starts each worker at a random offset) and keeps its place across rebuilds.
 */
import type { AlgorithmFactory } from '../algorithm.ts';
import { usable } from './smooth-wrr.ts';

export const create: AlgorithmFactory = () => {
  let next = 0;
  return {
    rebuild(view) {
      if (next >= view.size) next = 0;
    },
    inspect: () => ({ next }),
    pick(view) {
      const n = view.size;
      if (next >= n) next = 0;
      for (let k = 0, i = next; k < n; k++, i = i + 1 === n ? 0 : i + 1) {
        if (!usable(view, i)) continue;
        next = i + 1 === n ? 0 : i + 1;
        return i;
      }
      return -1;
    },
  };
};

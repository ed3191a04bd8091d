/**
 * nginx `random` (real-systems §1.9), weighted: x = random × total weight, a binary search over the
 * cumulative weights finds the member; an ineligible draw is retried, and after more than 20 tries
 * (or with fewer than 2 members) it falls back to smooth weighted round robin. The total includes
 * ineligible members. Simplifies: the try count restarts for each pick instead of each request.
 */
import type { AlgorithmFactory } from '../algorithm.ts';
import { SmoothWrr, usable } from './smooth-wrr.ts';

const MAX_TRIES = 20;

export const create: AlgorithmFactory = () => {
  const swrr = new SmoothWrr();
  let ranges = new Float64Array(0); // ranges[i] = weight(0) + … + weight(i)
  return {
    rebuild(view) {
      swrr.reset(view);
      ranges = new Float64Array(view.size);
      let sum = 0;
      for (let i = 0; i < view.size; i++) ranges[i] = sum += view.weight(i);
    },
    pick(view) {
      const n = view.size;
      const total = n > 0 ? ranges[n - 1] : 0;
      if (n < 2 || !(total > 0)) return swrr.pick(view);
      for (let tries = 0; tries <= MAX_TRIES; tries++) {
        const x = view.random() * total;
        let i = 0, j = n;
        while (j - i > 1) {
          const k = (i + j) >> 1;
          if (x < ranges[k - 1]) j = k;
          else i = k;
        }
        if (usable(view, i)) return i;
      }
      return swrr.pick(view);
    },
  };
};

/**
 * nginx `ip_hash` (real-systems §1.6): hash = 89, then (hash·113 + b) % 6271 over the first three
 * octets of the client's IPv4 address; w = hash % total weight (ineligible members keep their slot and
 * weight, like `down` servers); an ineligible choice re-hashes from the current hash; more than 20 tries,
 * or fewer than 2 members, fall back to smooth weighted round robin.
 * Simplifies: IPv4 only; the hash and try count restart for each pick, not once per request.
 */
import type { AlgorithmFactory } from '../algorithm.ts';
import { SmoothWrr, usable } from './smooth-wrr.ts';

const MAX_TRIES = 20;

export const create: AlgorithmFactory = () => {
  const swrr = new SmoothWrr();
  let totalWeight = 0;
  return {
    rebuild(view) {
      swrr.reset(view);
      totalWeight = 0;
      for (let i = 0; i < view.size; i++) totalWeight += view.weight(i);
    },
    pick(view, request) {
      const n = view.size;
      if (n < 2 || !(totalWeight > 0)) return swrr.pick(view);
      const ip = request.clientIp >>> 0;
      const b0 = ip >>> 24, b1 = (ip >>> 16) & 0xff, b2 = (ip >>> 8) & 0xff;
      let hash = 89;
      for (let tries = 0; tries <= MAX_TRIES; tries++) {
        hash = (hash * 113 + b0) % 6271;
        hash = (hash * 113 + b1) % 6271;
        hash = (hash * 113 + b2) % 6271;
        let w = hash % totalWeight;
        let p = 0;
        while (p < n - 1 && w >= view.weight(p)) w -= view.weight(p++);
        if (usable(view, p)) return p;
      }
      return swrr.pick(view);
    },
  };
};

/**
 * nginx `hash <key>` without `consistent` (real-systems §1.7), Cache::Memcached compatible: the
 * running sum of ((crc32([rehash] key) >> 16) & 0x7fff) modulo the total weight (ineligible members keep
 * their weight) walks the weights to a member; an ineligible choice re-hashes with the next decimal
 * prefix; more than 20 tries, an empty key or fewer than 2 members fall back to smooth WRR.
 * Simplifies: the try count restarts for each pick, not once per request. Most keys move when members change.
 */
import type { AlgorithmFactory } from '../algorithm.ts';
import { CRC32_INIT, crc32Decimal, crc32Final, crc32Text } from '../../core/hash/crc32.ts';
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
      if (n < 2 || request.key === '' || !(totalWeight > 0)) return swrr.pick(view);
      let sum = 0;
      for (let rehash = 0; rehash <= MAX_TRIES; rehash++) {
        const prefix = rehash > 0 ? crc32Decimal(CRC32_INIT, rehash) : CRC32_INIT;
        sum += (crc32Final(crc32Text(prefix, request.key)) >>> 16) & 0x7fff;
        let w = sum % totalWeight;
        let p = 0;
        while (p < n - 1 && w >= view.weight(p)) w -= view.weight(p++);
        if (usable(view, p)) return p;
      }
      return swrr.pick(view);
    },
  };
};

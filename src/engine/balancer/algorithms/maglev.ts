/**
 * Envoy Maglev (real-systems §3.5, maglev_lb.cc): members with weight > 0, sorted by address, fill a
 * prime table (default 65537) along offset = xxHash64(address) % M, skip = xxHash64(address, 1) % (M−1) + 1,
 * claiming a slot in a round only when iteration × normalized weight ≥ target (then target += max
 * normalized weight). A key maps to table[hash % M]; an ineligible member retries with
 * hash ^ (~0 − attempt + 1) up to 20 times, then the next usable member is scanned.
 * Simplifies: request keys are hashed with CRC-32, not xxHash64 (same spread, ~6× cheaper per pick),
 * an empty key draws a random hash (Envoy's "no hash"), and unhealthy members stay in the table
 * (Envoy rebuilds without them), so only their keys move, by the retry rule.
 */
import type { AlgorithmFactory } from '../algorithm.ts';
import { CRC32_INIT, crc32Final, crc32Text } from '../../core/hash/crc32.ts';
import { mod64, xxHash64Into } from '../../core/hash/xxhash64.ts';
import { usable } from './smooth-wrr.ts';

const DEFAULT_TABLE_SIZE = 65537;
const MAX_TABLE_SIZE = 5_000_011; // Envoy's upper bound; keeps mod64 exact
const MAX_ATTEMPTS = 20;

function isPrime(n: number): boolean {
  if (!Number.isInteger(n) || n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

/**
 * Envoy's weighted Maglev fill for members with the given addresses and weights (weight 0 = left out);
 * returns the table of member indices, empty when no member has weight.
 */
export function buildMaglevTable(addresses: readonly string[], weights: readonly number[], size: number): Int32Array {
  const h64 = new Uint32Array(2);
  const hosts: number[] = [];
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] > 0) hosts.push(i);
    sum += weights[i];
  }
  hosts.sort((a, b) => (addresses[a] < addresses[b] ? -1 : addresses[a] > addresses[b] ? 1 : a - b));
  const k = hosts.length;
  const weight = new Float64Array(k), offset = new Float64Array(k), skip = new Float64Array(k);
  let maxWeight = 0;
  for (let e = 0; e < k; e++) {
    weight[e] = weights[hosts[e]] / sum;
    maxWeight = Math.max(maxWeight, weight[e]);
    xxHash64Into(h64, addresses[hosts[e]], 0);
    offset[e] = mod64(h64[0], h64[1], size);
    xxHash64Into(h64, addresses[hosts[e]], 1);
    skip[e] = mod64(h64[0], h64[1], size - 1) + 1;
  }
  const next = new Float64Array(k), target = new Float64Array(k);
  const table = new Int32Array(k > 0 ? size : 0).fill(-1);
  for (let iteration = 1, filled = 0; filled < table.length; iteration++) {
    for (let e = 0; e < k && filled < table.length; e++) {
      if (iteration * weight[e] < target[e]) continue;
      target[e] += maxWeight;
      let c = (offset[e] + skip[e] * next[e]) % size;
      while (table[c] >= 0) c = (offset[e] + skip[e] * ++next[e]) % size;
      table[c] = hosts[e];
      next[e]++;
      filled++;
    }
  }
  return table;
}

export const create: AlgorithmFactory = (options) => {
  const size = options?.tableSize ?? DEFAULT_TABLE_SIZE;
  if (!isPrime(size) || size > MAX_TABLE_SIZE) throw new RangeError(`maglev tableSize must be a prime ≤ ${MAX_TABLE_SIZE}, got ${size}`);
  let table: Int32Array = new Int32Array(0);
  return {
    rebuild(view) {
      const addresses: string[] = [], weights: number[] = [];
      for (let i = 0; i < view.size; i++) {
        addresses.push(view.address(i));
        weights.push(view.weight(i));
      }
      table = buildMaglevTable(addresses, weights, size);
    },
    inspect: () => ({ table: table.slice() }),
    pick(view, request) {
      if (table.length === 0) return -1;
      const hi = 0;
      const lo = request.key === '' ? Math.floor(view.random() * 4294967296) : crc32Final(crc32Text(CRC32_INIT, request.key));
      for (let attempt = 0; attempt <= MAX_ATTEMPTS; attempt++) {
        const h = attempt > 0 ? (hi ^ 0xffffffff) >>> 0 : hi; // ~0 − attempt + 1 = 2^64 − attempt
        const l = attempt > 0 ? (lo ^ (4294967296 - attempt)) >>> 0 : lo;
        const member = table[mod64(h, l, size)];
        if (usable(view, member)) return member;
      }
      const n = view.size;
      for (let k = 0, i = table[mod64(hi, lo, size)]; k < n; k++, i = i + 1 >= n ? 0 : i + 1) {
        if (usable(view, i)) return i;
      }
      return -1;
    },
  };
};

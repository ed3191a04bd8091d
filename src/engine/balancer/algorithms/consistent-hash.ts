/**
 * nginx `hash <key> consistent`, ketama (real-systems §1.8): weight × 160 points per server, point j =
 * crc32(HOST "\0" PORT prev_hash_le32) with prev_hash starting at 0; points sorted, duplicate hashes
 * dropped keeping the first; a key goes to the first point ≥ crc32(key), wrapping. An ineligible server
 * moves to the next point; more than 20 tries, an empty key or < 2 members fall back to smooth WRR;
 * members sharing one address run smooth WRR among them. Simplifies: fractional weights round to whole
 * points, and a ring over 2^21 points is scaled down proportionally.
 */
import type { AlgorithmFactory } from '../algorithm.ts';
import { CRC32_INIT, crc32Byte, crc32Final, crc32Text } from '../../core/hash/crc32.ts';
import { SmoothWrr, usable } from './smooth-wrr.ts';

const POINTS_PER_WEIGHT = 160;
const MAX_POINTS = 1 << 21;
const MAX_TRIES = 20;

/** crc32 state after HOST "\0" PORT, splitting the server name at its last ':' as nginx does. */
function serverBase(address: string): number {
  const unix = address.slice(0, 5).toLowerCase() === 'unix:';
  const colon = unix ? -1 : address.lastIndexOf(':');
  const host = unix ? address.slice(5) : colon < 0 ? address : address.slice(0, colon);
  return crc32Text(crc32Byte(crc32Text(CRC32_INIT, host), 0), colon < 0 ? '' : address.slice(colon + 1));
}

export const create: AlgorithmFactory = () => {
  const swrr = new SmoothWrr();
  let pointHash = new Uint32Array(0), pointServer = new Int32Array(0);
  // Members sharing a server name: those of server s (its first member) are sameName[start[s]..start[s + 1]).
  let start = new Int32Array(1), sameName = new Int32Array(0);
  return {
    rebuild(view) {
      const n = view.size;
      swrr.reset(view);
      const serverOf = new Int32Array(n);
      const firstByAddress = new Map<string, number>();
      start = new Int32Array(n + 1);
      let wanted = 0;
      for (let i = 0; i < n; i++) {
        serverOf[i] = firstByAddress.get(view.address(i)) ?? i;
        firstByAddress.set(view.address(i), serverOf[i]);
        start[serverOf[i] + 1]++;
        wanted += Math.round(view.weight(i) * POINTS_PER_WEIGHT);
      }
      for (let s = 0; s < n; s++) start[s + 1] += start[s];
      sameName = new Int32Array(n);
      const filled = start.slice(0, n);
      for (let i = 0; i < n; i++) sameName[filled[serverOf[i]]++] = i;
      const scale = wanted > MAX_POINTS ? MAX_POINTS / wanted : 1;
      const keys: number[] = []; // hash · 2^21 + insertion order: one numeric sort, stable for equal hashes
      const owner: number[] = [];
      for (let i = 0; i < n; i++) {
        const base = serverBase(view.address(i));
        const points = Math.floor(Math.round(view.weight(i) * POINTS_PER_WEIGHT) * scale);
        for (let j = 0, prev = 0; j < points; j++) {
          const s = crc32Byte(crc32Byte(crc32Byte(crc32Byte(base, prev & 0xff), (prev >>> 8) & 0xff), (prev >>> 16) & 0xff), prev >>> 24);
          prev = crc32Final(s);
          keys.push(prev * MAX_POINTS + owner.length);
          owner.push(serverOf[i]);
        }
      }
      const sorted = Float64Array.from(keys).sort();
      pointHash = new Uint32Array(sorted.length);
      pointServer = new Int32Array(sorted.length);
      let count = 0;
      for (const key of sorted) {
        const hash = Math.floor(key / MAX_POINTS);
        if (count > 0 && pointHash[count - 1] === hash) continue;
        pointHash[count] = hash;
        pointServer[count++] = owner[key % MAX_POINTS];
      }
      pointHash = pointHash.slice(0, count);
      pointServer = pointServer.slice(0, count);
    },
    inspect: () => ({ ...swrr.inspect(), ringHash: pointHash.slice(), ringMember: pointServer.slice() }),
    pick(view, request) {
      const count = pointHash.length;
      if (view.size < 2 || request.key === '' || count === 0) return swrr.pick(view);
      const hash = crc32Final(crc32Text(CRC32_INIT, request.key));
      let lo = 0, hi = count;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pointHash[mid] < hash) lo = mid + 1;
        else hi = mid;
      }
      for (let tries = 0; tries <= MAX_TRIES; tries++) {
        const server = pointServer[(lo + tries) % count];
        const member = start[server + 1] - start[server] === 1 ? (usable(view, server) ? server : -1) : swrr.pickAmong(view, sameName, start[server], start[server + 1]);
        if (member >= 0) return member;
      }
      return swrr.pick(view);
    },
  };
};

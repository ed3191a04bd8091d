/**
 * Which hash keys move when one target leaves a consistent-hash group: the property that gives consistent
 * hashing its name. For the group's recent keys (the last RECENT_KEYS the balancer hashed), the owner now and
 * the owner without the leaving target:
 * - nginx `hash … consistent` (ketama): the leaving target's ring points go, every other point stays, so a key
 *   moves only if it was on that target, to the next point's owner (nginx does the same for a server that is
 *   down: the next point). Keys on other targets never move.
 * - Envoy Maglev: the table is rebuilt without the target (Envoy rebuilds on host-set changes); Maglev keeps
 *   disruption near minimal but not zero, so a few keys of other targets can move too, and this says how many.
 * Beside it, the textbook contrast: `hash mod n` over the members in order (what a plain modulo scheme does,
 * not nginx's own non-consistent `hash`, which rehashes on failure) moves about (n − 1)/n of all keys.
 * Simplified: request keys are hashed with CRC-32 as the engine's pickers do; eligibility (health, drain) is
 * left out, the question being "if this target left the group".
 */
import type { SimState } from '../state.ts';
import type { TargetGroup } from '../balancer/target-group.ts';
import { CRC32_INIT, crc32Final, crc32Text } from '../core/hash/crc32.ts';
import { buildMaglevTable } from '../balancer/algorithms/maglev.ts';
import type { KeyMoves } from './internals-shape.ts';

/** How many moved keys are listed by name. */
const LISTED = 8;

const hashOf = (key: string): number => crc32Final(crc32Text(CRC32_INIT, key));

/** The first ring point at or after `hash` (wrapping) whose member is not `skip`; -1 when none. */
function ringOwner(points: Uint32Array, members: Int32Array, hash: number, skip: number): number {
  const n = points.length;
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid] < hash) lo = mid + 1;
    else hi = mid;
  }
  for (let k = 0; k < n; k++) {
    const m = members[(lo + k) % n];
    if (m !== skip) return m;
  }
  return -1;
}

/**
 * The ring as arcs of hash space by owner: a point owns the hashes after the point before it up to itself
 * (the first point also owns the wrap past the last); neighbouring arcs of one owner are merged.
 */
function ringArcs(points: Uint32Array, members: Int32Array, ids: readonly string[]): { from: number; to: number; owner: string }[] {
  const arcs: { from: number; to: number; owner: string }[] = [];
  const n = points.length;
  const last = points[n - 1] / 2 ** 32;
  const first = ids[members[0]] ?? '?';
  arcs.push({ from: 0, to: points[0] / 2 ** 32, owner: first });
  for (let i = 1; i < n; i++) {
    const owner = ids[members[i]] ?? '?';
    const to = points[i] / 2 ** 32;
    const prev = arcs[arcs.length - 1];
    if (prev.owner === owner) prev.to = to;
    else arcs.push({ from: prev.to, to, owner });
  }
  const tail = arcs[arcs.length - 1];
  if (tail.owner === first && arcs.length > 1) tail.to = 1;
  else arcs.push({ from: last, to: 1, owner: first });
  return arcs;
}

/**
 * The keys of group `groupId` that move if target `leavingId` leaves, or null when the group's algorithm
 * has no ring or table (not a consistent hash), the target is not a member, or no key was hashed yet.
 */
export function keyMoves(s: SimState, g: TargetGroup, ring: { ringHash?: Uint32Array; ringMember?: Int32Array; table?: Int32Array }, leavingId: string): KeyMoves | null {
  const ids = g.members.map((t) => s.store.ids[t]);
  const leaving = ids.indexOf(leavingId);
  const keys = [...new Set(g.recentKeys)];
  if (leaving < 0 || keys.length === 0 || ids.length < 2) return null;
  let now: (hash: number) => number, after: (hash: number) => number;
  let drawn: KeyMoves['ring'];
  if (ring.ringHash !== undefined && ring.ringMember !== undefined && ring.ringHash.length > 0) {
    const points = ring.ringHash, members = ring.ringMember;
    now = (h) => ringOwner(points, members, h, -1);
    after = (h) => ringOwner(points, members, h, leaving);
    drawn = { arcs: ringArcs(points, members, ids), keys: [] };
  } else if (ring.table !== undefined && ring.table.length > 0) {
    const table = ring.table, size = table.length;
    const addresses = ids.map((_, i) => g.address(i));
    const weights = ids.map((_, i) => (i === leaving ? 0 : g.weight(i)));
    const rebuilt = buildMaglevTable(addresses, weights, size);
    now = (h) => table[h % size];
    after = (h) => rebuilt[h % size];
  } else return null;
  const rest = ids.map((_, i) => i).filter((i) => i !== leaving);
  const out: KeyMoves = { leaving: leavingId, keys: keys.length, onLeaving: 0, moved: 0, movedFromOthers: 0, movedTo: {}, examples: [], moduloMoved: 0 };
  for (const key of keys) {
    const h = hashOf(key);
    const from = now(h), to = after(h);
    drawn?.keys.push({ at: h / 2 ** 32, owner: ids[from] ?? '?', to: ids[to] ?? '?' });
    if (from === leaving) out.onLeaving++;
    if (from !== to) {
      out.moved++;
      if (from !== leaving) out.movedFromOthers++;
      const toId = ids[to] ?? '?';
      out.movedTo[toId] = (out.movedTo[toId] ?? 0) + 1;
      if (out.examples.length < LISTED) out.examples.push({ key, from: ids[from] ?? '?', to: toId });
    }
    if (h % ids.length !== rest[h % rest.length]) out.moduloMoved++;
  }
  if (drawn !== undefined) out.ring = drawn;
  return out;
}

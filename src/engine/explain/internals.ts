/**
 * The balancer's internals for one target group, as the internals panel shows them live: per member its
 * requests held, weight and rotation, and what the algorithm keeps (inspect()): smooth WRR's current and
 * effective weights, the rotation pointer, latency estimates (peak-EWMA, least_time), the ketama ring or
 * Maglev table summarised per member, with where the last hash key landed, and HAProxy's trees in order
 * (FWRR's curr/init/next with the window, leastconn's load tree). Read only; built on request.
 */
import type { SimState } from '../state.ts';
import { CRC32_INIT, crc32Final, crc32Text } from '../core/hash/crc32.ts';
import type { GroupInternals, MemberInternals } from './internals-shape.ts';
import { keyMoves } from './key-moves.ts';

export type { GroupInternals, MemberInternals };

/** Target group `groupId`'s internals now; with `leavingId`, a consistent hash also says which keys that target's leaving would move. */
export function groupInternals(s: SimState, groupId: string, leavingId?: string): GroupInternals | null {
  const g = s.groups.find((x) => x.id === groupId && !x.retired);
  if (g === undefined) return null;
  const ins = g.algorithm.inspect?.() ?? {};
  const ids = g.members.map((t) => s.store.ids[t]);
  const share = new Array<number>(ids.length).fill(0);
  const owners = ins.ringMember ?? ins.table;
  if (owners !== undefined) for (const m of owners) if (m >= 0) share[m]++;
  const members = ids.map((id, i): MemberInternals => {
    const m: MemberInternals = { id, active: g.activeOf[i], weight: g.weightOf[i], inRotation: g.rotationOf[i] === 1 };
    if (ins.current !== undefined) m.current = ins.current[i];
    if (ins.effective !== undefined) m.effective = ins.effective[i];
    if (ins.costMs !== undefined) m.costMs = ins.costMs[i];
    if (owners !== undefined) m.share = share[i];
    return m;
  });
  const out: GroupInternals = { group: g.id, algorithm: g.algorithmName, members };
  if (ins.next !== undefined && ids.length > 0) out.next = ids[ins.next % ids.length];
  if (ins.trees !== undefined) out.trees = ins.trees.map((t) => ({ name: t.name, keyName: t.keyName, order: t.members.map((m, k) => ({ id: ids[m] ?? '?', key: t.keys[k] })) }));
  if (ins.window !== undefined) out.window = { ...ins.window };
  const key = g.lastKey;
  if (key !== '' && (ins.ringHash !== undefined || ins.table !== undefined)) {
    const hash = crc32Final(crc32Text(CRC32_INIT, key));
    if (ins.ringHash !== undefined && ins.ringHash.length > 0) {
      let lo = 0, hi = ins.ringHash.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ins.ringHash[mid] < hash) lo = mid + 1;
        else hi = mid;
      }
      const position = lo % ins.ringHash.length;
      out.lastKey = { key, hash, position, of: ins.ringHash.length, owner: ids[ins.ringMember![position]] ?? '?' };
    } else if (ins.table !== undefined && ins.table.length > 0) {
      const position = hash % ins.table.length;
      out.lastKey = { key, hash, position, of: ins.table.length, owner: ids[ins.table[position]] ?? '?' };
    }
  }
  if (leavingId !== undefined) {
    const moves = keyMoves(s, g, ins, leavingId);
    if (moves !== null) out.keyMoves = moves;
  }
  return out;
}

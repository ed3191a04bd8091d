/**
 * HAProxy server ids (puid) for a group's targets, fixed for each target's life: the configured targets
 * are numbered as cfgparse.c does (src/scenario/haproxy-ids.ts: explicit ids kept, the others the first
 * free id from their position); a target that joins later (set-target-count, a scaling launch) takes the
 * first id at or after its position in the group that no target of the group has. Simplifies: HAProxy
 * would renumber on a reload; here a target keeps its id for the whole run.
 */
import type { TargetStore } from '../backend/targets.ts';
import { haproxyServerIds } from '../../scenario/haproxy-ids.ts';

/** Gives every target of group g that has no id yet its id; `configured` are the group's targets as written. */
export function assignServerIds(store: TargetStore, g: number, configured: readonly { haproxyId?: number }[]): void {
  const ids = store.serverId;
  const mine: number[] = [];
  for (let t = 0; t < store.count; t++) if (store.groupOf[t] === g) mine.push(t);
  if (mine.every((t) => ids[t] > 0)) return;
  const taken = new Set<number>();
  for (const t of mine) if (ids[t] > 0) taken.add(ids[t]);
  if (taken.size === 0) {
    // the first numbering: the group's first targets are its configured ones, in order
    const first = haproxyServerIds(configured);
    for (let k = 0; k < Math.min(first.length, mine.length); k++) {
      ids[mine[k]] = first[k];
      taken.add(first[k]);
    }
  }
  mine.forEach((t, k) => {
    if (ids[t] > 0) return;
    let id = k + 1;
    while (taken.has(id)) id++;
    ids[t] = id;
    taken.add(id);
  });
}

/**
 * HAProxy's server ids (`puid`) for a group's targets, as cfgparse.c assigns them: explicit `haproxyId`s
 * as written; a running counter starts at 1 and advances once per server, and a server without an id
 * takes the first id at or after the counter that no server claims. Without explicit ids that is the
 * position from 1, so deleting a middle server renumbers the ones after it (checked on HAProxy 2.6.12:
 * ids 5,-,- give 5,2,3; 2,-,- give 2,3,4; -,-,1 give 2,3,1). Shared by the validator and the engine.
 */

/** The server id of each target, in target order. */
export function haproxyServerIds(targets: readonly { haproxyId?: number }[]): number[] {
  const taken = new Set<number>();
  for (const t of targets) if (t.haproxyId !== undefined) taken.add(t.haproxyId);
  let next = 1;
  return targets.map((t) => {
    let id = t.haproxyId;
    if (id === undefined) {
      while (taken.has(next)) next++;
      id = next;
      taken.add(id);
    }
    next++;
    return id;
  });
}

/** Live changes to a group's shared session store: it goes down (requests needing a session fail) or comes back. */
import type { SimState } from '../state.ts';
import { refuse, type Refusal } from '../refusal.ts';

export function setSessionStoreDown(s: SimState, groupId: string, down: boolean): Refusal | null {
  const g = s.groups.findIndex((x) => x.id === groupId);
  if (g < 0) return refuse('val_live_no_group', { id: groupId });
  const kind = s.groups[g].cfg.sessionStore.kind;
  if (kind !== 'shared') return refuse(kind === 'none' ? 'val_live_no_sessions' : kind === 'memory' ? 'val_live_sessions_memory' : 'val_live_sessions_replicas', { group: groupId });
  s.sessions!.storeDown[g] = down;
  s.log.add(s.nowMs, down ? 'crash' : 'recover', `${groupId}-sessions`, down ? `the session store of ${groupId} is down: requests that need a session fail with 500` : `the session store of ${groupId} is back`);
  return null;
}

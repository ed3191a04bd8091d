/** Live changes to a group's shared session store: it goes down (requests needing a session fail) or comes back. */
import type { SimState } from '../state.ts';

export function setSessionStoreDown(s: SimState, groupId: string, down: boolean): string | null {
  const g = s.groups.findIndex((x) => x.id === groupId);
  if (g < 0) return `no target group with id "${groupId}"`;
  const kind = s.groups[g].cfg.sessionStore.kind;
  if (kind !== 'shared') return kind === 'none' ? `${groupId} keeps no sessions (a stateless service), so it has no shared store` : `${groupId} keeps sessions in ${kind === 'memory' ? 'target memory' : 'replicas'}, not in a shared store`;
  s.sessions!.storeDown[g] = down;
  s.log.add(s.nowMs, down ? 'crash' : 'recover', `${groupId}-sessions`, down ? `the session store of ${groupId} is down: requests that need a session fail with 500` : `the session store of ${groupId} is back`);
  return null;
}

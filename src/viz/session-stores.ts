/**
 * Session stores on the picture: a group that keeps sessions out of its targets' memory shows where —
 * a shared, Redis-style store (one box every target asks; when it is down, requests that need a session
 * fail) or sessions replicated to every target — with an up/down glyph, never colour alone.
 */
import type { InfraSnapshot } from '../engine/types.ts';
import { zoneBadge, type Badge } from './badges.ts';

export type SessionStore = InfraSnapshot['sessionStores'][number];

/** Extra height of a group node that shows its session store (a divider and two lines). */
export const STORE_HEIGHT = 38;

export interface StoreView {
  /** Two short lines that fit a group node: ["Redis-style", "session store"]. */
  lines: [string, string];
  badge: Badge;
  /** For assistive technology and the tooltip: "Redis-style session store, down". */
  describe: string;
}

const LINES: Record<SessionStore['kind'], [string, string]> = {
  shared: ['Redis-style', 'session store'],
  replicated: ['replicated', 'sessions'],
};

/** How a group's session store is drawn. */
export function storeView(store: SessionStore): StoreView {
  const badge = zoneBadge(store.down);
  const lines = LINES[store.kind];
  return { lines, badge, describe: `${lines.join(' ')}, ${badge.label}` };
}

/** Groups that have a session store, as a stable string (the layout is redone only when it changes). */
export function storeGroupsKey(stores: readonly SessionStore[] | undefined): string {
  return (stores ?? []).map((s) => s.group).join(',');
}

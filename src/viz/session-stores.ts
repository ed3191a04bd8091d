/**
 * Session stores on the picture: a group that keeps sessions out of its targets' memory shows where —
 * a shared, Redis-style store (one box every target asks; when it is down, requests that need a session
 * fail) or sessions replicated to every target — with an up/down glyph, never colour alone.
 */
import type { InfraSnapshot } from '../engine/types.ts';
import { zoneBadge, type Badge } from './badges.ts';
import { m } from '../i18n/paraglide/messages.js';

export type SessionStore = InfraSnapshot['sessionStores'][number];

/** Extra height of a group node that shows its session store (a divider and two lines). */
export const STORE_HEIGHT = 38;

export interface StoreView {
  /** Two short lines that fit a group node: ["Redis-style", "session store"] (in the page's language). */
  lines: [string, string];
  badge: Badge;
  /** For assistive technology and the tooltip: "Redis-style session store, down". */
  describe: string;
}

/** Two lines per kind and the whole phrase, in the page's language. */
const WORDS: Record<SessionStore['kind'], { lines: () => [string, string]; describe: (state: string) => string }> = {
  shared: { lines: () => [m.store_shared_line1(), m.store_shared_line2()], describe: (state) => m.store_shared_describe({ state }) },
  replicated: { lines: () => [m.store_replicated_line1(), m.store_replicated_line2()], describe: (state) => m.store_replicated_describe({ state }) },
};

/** How a group's session store is drawn. */
export function storeView(store: SessionStore): StoreView {
  const badge = zoneBadge(store.down);
  const words = WORDS[store.kind];
  return { lines: words.lines(), badge, describe: words.describe(badge.label) };
}

/** Groups that have a session store, as a stable string (the layout is redone only when it changes). */
export function storeGroupsKey(stores: readonly SessionStore[] | undefined): string {
  return (stores ?? []).map((s) => s.group).join(',');
}

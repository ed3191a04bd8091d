/** The event log's filters: events sorted into a few categories a learner cares about, newest first. */
import type { SimEvent } from '../engine/types.ts';
import { m } from '../i18n/paraglide/messages.js';
import { eventWords } from './event-words.ts';

export const EVENT_CATEGORIES = ['all', 'failure', 'recovery', 'draining', 'change'] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

const CATEGORY_LABELS: Record<EventCategory, () => string> = {
  all: m.events_cat_all,
  failure: m.events_cat_failure,
  recovery: m.events_cat_recovery,
  draining: m.events_cat_draining,
  change: m.events_cat_change,
};

/** A category's name in the page's language, for the filter's menu. */
export function categoryLabel(category: EventCategory): string {
  return CATEGORY_LABELS[category]();
}

const KIND_CATEGORY: Record<string, Exclude<EventCategory, 'all'>> = {
  crash: 'failure',
  hang: 'failure',
  degrade: 'failure',
  rejecting: 'failure',
  'appliance-full': 'failure',
  error: 'failure',
  recover: 'recovery',
  accepting: 'recovery',
  'appliance-ok': 'recovery',
  register: 'recovery',
  drain: 'draining',
  unused: 'draining',
  config: 'change',
  start: 'change',
};

/** The category of an event kind; unknown kinds (from later features) count as changes. */
export function eventCategory(kind: string): Exclude<EventCategory, 'all'> {
  return KIND_CATEGORY[kind] ?? 'change';
}

export interface EventFilter {
  category: EventCategory;
  /** Matched at the start of a word, case-insensitively, in the subject or the message as the engine wrote it or as shown ('c' finds target c, not "rejecting"). */
  text: string;
}

/** The events passing the filter, newest first, at most `limit`. */
export function filterEvents(events: readonly SimEvent[], filter: EventFilter, limit = 200): SimEvent[] {
  const needle = filter.text.trim();
  const words = needle === '' ? null : new RegExp(`(^|[^\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'iu');
  const out: SimEvent[] = [];
  for (let i = events.length - 1; i >= 0 && out.length < limit; i--) {
    const e = events[i];
    if (filter.category !== 'all' && eventCategory(e.kind) !== filter.category) continue;
    if (words !== null && !words.test(e.subject) && !words.test(e.message) && !words.test(eventWords(e))) continue;
    out.push(e);
  }
  return out;
}

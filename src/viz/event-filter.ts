/** The event log's filters: events sorted into a few categories a learner cares about, newest first. */
import type { SimEvent } from '../engine/types.ts';

export const EVENT_CATEGORIES = ['all', 'failure', 'recovery', 'draining', 'change'] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<EventCategory, string> = {
  all: 'All events',
  failure: 'Failures',
  recovery: 'Recoveries',
  draining: 'Draining',
  change: 'Changes',
};

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
  /** Matched at the start of a word, case-insensitively, in the subject or the message ('c' finds target c, not "rejecting"). */
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
    if (words !== null && !words.test(e.subject) && !words.test(e.message)) continue;
    out.push(e);
  }
  return out;
}

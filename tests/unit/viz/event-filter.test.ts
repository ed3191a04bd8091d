import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../src/engine/types.ts';
import { eventCategory, filterEvents } from '../../../src/viz/event-filter.ts';

const events: SimEvent[] = [
  { seq: 1, timeMs: 0, kind: 'start', subject: 'x', message: 'simulation started with seed 1' },
  { seq: 2, timeMs: 30_000, kind: 'crash', subject: 'c', message: 'c crashed: its in-flight requests failed' },
  { seq: 3, timeMs: 31_000, kind: 'rejecting', subject: 'b', message: 'b is rejecting requests with 503' },
  { seq: 4, timeMs: 45_000, kind: 'recover', subject: 'c', message: 'c recovered and answers normally again' },
  { seq: 5, timeMs: 50_000, kind: 'drain', subject: 'a', message: 'a deregistered: draining' },
];

describe('the event log filter', () => {
  it('lists newest first', () => {
    expect(filterEvents(events, { category: 'all', text: '' }).map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
  });

  it('filters by category', () => {
    expect(filterEvents(events, { category: 'failure', text: '' }).map((e) => e.seq)).toEqual([3, 2]);
    expect(filterEvents(events, { category: 'recovery', text: '' }).map((e) => e.seq)).toEqual([4]);
    expect(filterEvents(events, { category: 'draining', text: '' }).map((e) => e.seq)).toEqual([5]);
  });

  it('filters by words in the subject or message, ignoring case', () => {
    expect(filterEvents(events, { category: 'all', text: ' C ' }).map((e) => e.seq)).toEqual([4, 2]);
    expect(filterEvents(events, { category: 'all', text: '503' }).map((e) => e.seq)).toEqual([3]);
  });

  it('keeps at most `limit` entries', () => {
    expect(filterEvents(events, { category: 'all', text: '' }, 2)).toHaveLength(2);
  });

  it('counts kinds it does not know (from later features) as changes', () => {
    expect(eventCategory('scale-out')).toBe('change');
  });
});

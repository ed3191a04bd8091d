/**
 * Which simulation events are worth saying out loud, and how: failures, recoveries, a target starting or
 * stopping to reject, health changes, draining. The learner's own configuration changes and routine
 * entries are left out (they know what they just did). Unknown kinds from newer engines are said. The
 * sentence is in the page's language: the event log's words for the engine's line (event-words.ts).
 */
import type { SimEvent } from '../engine/types.ts';
import { m } from '../i18n/paraglide/messages.js';
import { eventWords } from '../viz/event-words.ts';
import { formatSeconds } from '../viz/number-format.ts';

const QUIET_KINDS = new Set(['start', 'config', 'traffic']);

/** A sentence for the live region, or null for events not worth interrupting anyone for. */
export function narrationOf(event: SimEvent): string | null {
  if (QUIET_KINDS.has(event.kind)) return null;
  if (event.message.trim() === '') return null;
  const text = eventWords(event).trim();
  return m.narration_at({ time: formatSeconds(event.timeMs), text: `${text}${/[.!?]$/.test(text) ? '' : '.'}` });
}

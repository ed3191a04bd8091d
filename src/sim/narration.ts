/**
 * Which simulation events are worth saying out loud, and how: failures, recoveries, a target starting or
 * stopping to reject, health changes, draining. The learner's own configuration changes and routine
 * entries are left out (they know what they just did). Unknown kinds from newer engines are said.
 */
import type { SimEvent } from '../engine/types.ts';

const QUIET_KINDS = new Set(['start', 'config', 'traffic']);

/** A sentence for the live region, or null for events not worth interrupting anyone for. */
export function narrationOf(event: SimEvent): string | null {
  if (QUIET_KINDS.has(event.kind)) return null;
  const text = event.message.trim();
  if (text === '') return null;
  return `At ${(event.timeMs / 1000).toFixed(1)} s, ${text}${/[.!?]$/.test(text) ? '' : '.'}`;
}

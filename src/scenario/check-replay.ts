/**
 * Cross-field rules for replayed traffic (`traffic.arrival.kind: "replay"`): request times in order
 * and inside the run, classes that exist, and no rate profile. Each rule reports its first offending
 * request only, so a bad 100,000-request file gives a short answer.
 */
import type { Scenario } from './schema.ts';
import type { ValidationError } from './zod-errors.ts';
import { coded } from './error-codes.ts';

export function checkReplay(s: Scenario): ValidationError[] {
  const arrival = s.traffic.arrival;
  if (arrival.kind !== 'replay') return [];
  const errors: ValidationError[] = [];
  const at = (i: number) => `traffic.arrival.requests[${i}]`;
  const requests = arrival.requests;
  const endMs = s.durationSec * 1000;
  const unordered = requests.findIndex((r, i) => i > 0 && r.atMs < requests[i - 1].atMs);
  if (unordered > 0) {
    errors.push(coded(`${at(unordered)}.atMs`, 'val_replay_order', { at: requests[unordered].atMs, before: requests[unordered - 1].atMs }));
  }
  const late = requests.findIndex((r) => r.atMs >= endMs);
  if (late >= 0) {
    errors.push(coded(`${at(late)}.atMs`, 'val_replay_late', { at: requests[late].atMs, duration: s.durationSec, end: endMs }));
  }
  const classes = new Set((s.traffic.mix ?? [{ name: 'default' }]).map((m) => m.name));
  const unknown = requests.findIndex((r) => r.class !== undefined && !classes.has(r.class));
  if (unknown >= 0) errors.push(coded(`${at(unknown)}.class`, 'val_no_class', { cls: requests[unknown].class! }));
  if (s.traffic.profile !== undefined) errors.push(coded('traffic.profile', 'val_replay_profile'));
  return errors;
}

/**
 * Cross-field rules for replayed traffic (`traffic.arrival.kind: "replay"`): request times in order
 * and inside the run, classes that exist, and no rate profile. Each rule reports its first offending
 * request only, so a bad 100,000-request file gives a short answer.
 */
import type { Scenario } from './schema.ts';
import type { ValidationError } from './zod-errors.ts';

export const REPLAY_HAS_NO_RATE = 'a replay sends exactly its listed requests';

export function checkReplay(s: Scenario): ValidationError[] {
  const arrival = s.traffic.arrival;
  if (arrival.kind !== 'replay') return [];
  const errors: ValidationError[] = [];
  const at = (i: number) => `traffic.arrival.requests[${i}]`;
  const requests = arrival.requests;
  const endMs = s.durationSec * 1000;
  const unordered = requests.findIndex((r, i) => i > 0 && r.atMs < requests[i - 1].atMs);
  if (unordered > 0) {
    errors.push({ path: `${at(unordered)}.atMs`, message: `${requests[unordered].atMs} ms is earlier than the request before it (${requests[unordered - 1].atMs} ms); list requests in time order` });
  }
  const late = requests.findIndex((r) => r.atMs >= endMs);
  if (late >= 0) {
    errors.push({ path: `${at(late)}.atMs`, message: `${requests[late].atMs} ms is not before the end of the run (durationSec ${s.durationSec} = ${endMs} ms)` });
  }
  const classes = new Set((s.traffic.mix ?? [{ name: 'default' }]).map((m) => m.name));
  const unknown = requests.findIndex((r) => r.class !== undefined && !classes.has(r.class));
  if (unknown >= 0) errors.push({ path: `${at(unknown)}.class`, message: `no request class "${requests[unknown].class}" in traffic.mix` });
  if (s.traffic.profile !== undefined) errors.push({ path: 'traffic.profile', message: `a rate profile applies to poisson or constant arrivals; ${REPLAY_HAS_NO_RATE}` });
  return errors;
}

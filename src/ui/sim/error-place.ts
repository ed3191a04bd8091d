/**
 * Where a refused live change went wrong, as the page shows it before the reason: nothing for the change as a
 * whole ("(change)") or a share link; a field of the change by its name in words ("(change).healthCheck.intervalSec"
 * reads "interval", as the form labels it), never the internal path; any other path (a place in a file) as written.
 */
import { m } from '../../i18n/paraglide/messages.js';
import { labelOf } from '../builder/schema-fields.ts';

/**
 * The fields the page's live-change forms send, in the page's language (the words the builder's field-words.ts
 * gives them; that module names every field of the scenario and stays out of the start-up: architecture.test.ts).
 * Another field reads as its key in English words.
 */
const CHANGE_FIELDS: Readonly<Record<string, () => string>> = {
  intervalSec: m.field_interval_sec,
  timeoutSec: m.field_timeout_sec,
  healthyThreshold: m.field_healthy_threshold,
  unhealthyThreshold: m.field_unhealthy_threshold,
  path: m.field_path,
  protocol: m.field_protocol,
  preset: m.field_preset,
  successCodes: m.field_success_codes,
  deep: m.field_deep,
  healthCheck: m.field_health_check,
  min: m.field_min,
  max: m.field_max,
  desired: m.field_desired,
  weight: m.field_weight,
  count: m.field_count,
  ratePerSec: m.field_rate_per_sec,
  concurrency: m.field_concurrency,
  serviceTimeMs: m.field_service_time_ms,
  algorithm: m.field_algorithm,
  target: m.field_target,
  group: m.field_group,
};

const WHOLE = new Set(['(change)', 'link']);
const CHANGE_FIELD = /^\(change\)[./]/;

export type ErrorPlace = { kind: 'none' } | { kind: 'field'; words: string } | { kind: 'path'; path: string };

export function errorPlace(path: string): ErrorPlace {
  if (WHOLE.has(path)) return { kind: 'none' };
  if (CHANGE_FIELD.test(path)) {
    const key = path.split(/[./]/).filter((p) => p !== '' && !/^\d+$/.test(p)).pop() ?? '';
    return key === '' || key === '(change)' ? { kind: 'none' } : { kind: 'field', words: CHANGE_FIELDS[key]?.() ?? labelOf(key) };
  }
  return { kind: 'path', path };
}

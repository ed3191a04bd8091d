/**
 * A step's reveal: prose shown only after the learner's run has produced the result it talks about (the
 * step's wait holds, or its prediction's outcome is in). Its numbers can come from the learner's own run:
 * `{{key|fallback}}` is replaced by the value the run measured, or by the fallback marked "in our run" when
 * the run has no such value. The fallback is our run's number, guarded by a claim (claims.json). Keys:
 *   failed                      requests that failed in the run so far
 *   window.<target>.detectSec   seconds from <target>'s first failure to its detection (whole seconds)
 *   window.<target>.failed      requests that failed in that blind window
 *   event.<kind>.<subject>      simulated second of the first event-log entry of that kind and subject
 *   report.<path>               a number of the run's report (report-paths.ts), rounded to a whole number
 *   percent.<path>              a share of the run's report (errorRate, slo.goodShare…) as a whole percentage
 */
import type { HealthReport, MetricsReport, SimEvent } from '../engine/types.ts';
import { reportPathError, reportValue } from './report-paths.ts';

const PLACEHOLDER = /\{\{([^{}|]+)\|([^{}]+)\}\}/g;
const KEY = /^(failed|window\.[A-Za-z0-9_.-]+\.(detectSec|failed)|event\.[a-z-]+\.[A-Za-z0-9_.-]+|(report|percent)\.[A-Za-z0-9_.-]+)$/;
const KNOWN = 'failed, window.<target>.detectSec, window.<target>.failed, event.<kind>.<subject>, report.<path>, percent.<path>';

/** What a reveal's numbers are read from: the run's reports so far. */
export interface RunFacts {
  metrics: MetricsReport | null;
  health: HealthReport | null;
  events: readonly SimEvent[];
}

/** Why a reveal key cannot be read (null when it can). */
export function revealKeyError(key: string): string | null {
  if (!KEY.test(key)) return `unknown value "${key}" (known: ${KNOWN})`;
  const [kind] = splitKey(key);
  if (kind === 'report' || kind === 'percent') return reportPathError(key.slice(kind.length + 1));
  return null;
}

/** The placeholders of a text: each key with its fallback, in order. */
export function placeholders(text: string): { key: string; fallback: string; raw: string }[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ key: m[1].trim(), fallback: m[2].trim(), raw: m[0] }));
}

/** The placeholders of a reveal text that are not well formed (an unknown key, or no fallback). */
export function revealErrors(text: string): string[] {
  const errors: string[] = [];
  for (const { key } of placeholders(text)) {
    const e = revealKeyError(key);
    if (e !== null) errors.push(e);
  }
  const stray = text.replace(PLACEHOLDER, '');
  if (/\{\{|\}\}/.test(stray)) errors.push('a {{value|fallback}} placeholder is not closed or has no fallback');
  return errors;
}

/** The text with each placeholder replaced: the learner's value (formatted by `lookup`), or "fallback (in our run)". */
export function fillReveal(text: string, lookup: (key: string) => string | null): string {
  return text.replace(PLACEHOLDER, (_, key: string, fallback: string) => lookup(key.trim()) ?? `${fallback.trim()} (in our run)`);
}

/** The number a key stands for in a run, exactly as a reveal shows it (whole numbers), or null when the run has none. */
export function revealValue(key: string, run: RunFacts): number | null {
  if (key === 'failed') return run.metrics ? run.metrics.requests.failed : null;
  const [kind, id, field] = splitKey(key);
  if (kind === 'window') {
    const w = run.health?.windows.find((x) => x.target === id);
    if (w === undefined) return null;
    if (field === 'failed') return w.failedRequests;
    return w.detectMs === null ? null : Math.round(w.detectMs / 1000);
  }
  if (kind === 'event') {
    const e = run.events.find((x) => x.kind === id && x.subject === field);
    return e === undefined ? null : Math.round(e.timeMs / 1000);
  }
  if ((kind === 'report' || kind === 'percent') && run.metrics) {
    const v = reportValue(run.metrics, key.slice(kind.length + 1));
    return v === null ? null : Math.round(kind === 'percent' ? v * 100 : v);
  }
  return null;
}

/** `window.web-1.detectSec` → ['window', 'web-1', 'detectSec'] (ids may hold dots: the first and last parts are fixed). */
function splitKey(key: string): [string, string, string] {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  return [key.slice(0, first), key.slice(first + 1, last), key.slice(last + 1)];
}

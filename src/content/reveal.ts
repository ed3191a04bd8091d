/**
 * A step's reveal: prose shown only after the learner's run has produced the result it talks about (the
 * step's wait holds, or its prediction's outcome is in). Its numbers can come from the learner's own run:
 * `{{key|fallback}}` is replaced by the value the run measured, or by the fallback marked "in our run" when
 * the run has no such value. Keys:
 *   failed                      requests that failed in the run so far
 *   window.<target>.detectSec   seconds from <target>'s first failure to its detection
 *   window.<target>.failed      requests that failed in that blind window
 *   event.<kind>.<subject>      simulated second of the first event-log entry of that kind and subject
 */

const PLACEHOLDER = /\{\{([^{}|]+)\|([^{}]+)\}\}/g;
const KEY = /^(failed|window\.[A-Za-z0-9_.-]+\.(detectSec|failed)|event\.[a-z-]+\.[A-Za-z0-9_.-]+)$/;

/** The placeholders of a reveal text that are not well formed (an unknown key, or no fallback). */
export function revealErrors(text: string): string[] {
  const errors: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (!KEY.test(m[1].trim())) errors.push(`unknown value "${m[1].trim()}" (known: failed, window.<target>.detectSec, window.<target>.failed, event.<kind>.<subject>)`);
  const stray = text.replace(PLACEHOLDER, '');
  if (/\{\{|\}\}/.test(stray)) errors.push('a {{value|fallback}} placeholder is not closed or has no fallback');
  return errors;
}

/** The text with each placeholder replaced: the learner's value (formatted by `lookup`), or "fallback (in our run)". */
export function fillReveal(text: string, lookup: (key: string) => string | null): string {
  return text.replace(PLACEHOLDER, (_, key: string, fallback: string) => lookup(key.trim()) ?? `${fallback.trim()} (in our run)`);
}

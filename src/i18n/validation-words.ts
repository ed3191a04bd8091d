/**
 * A validation error (src/scenario/error-codes.ts) in the page's language. The JSON path is never translated:
 * it is where the problem is, as written in the file. In English the page shows the validator's own sentence;
 * in another language the error is worded from its code and values by validation-messages.ts, a chunk loaded
 * as the page starts (src/i18n/start.ts), so an English page never fetches it. An error without a code, one
 * with a code that chunk does not know, or one shown before the chunk arrived, keeps its English (the same
 * words: tests/unit/i18n/validation-words.test.ts).
 */
import { getLocale } from './paraglide/runtime.js';
import type { ValidationError } from '../scenario/validated.ts';

let wording: ((e: ValidationError) => string) | null = null;
let loading: Promise<void> | null = null;

/** Loads the wording of errors for a page not in English (once); resolves at once in English. */
export function loadErrorWords(): Promise<void> {
  if (getLocale() === 'en') return Promise.resolve();
  loading ??= import('./validation-messages.ts').then(
    (words) => void (wording = words.wordError),
    () => void (loading = null), // offline with a stale cache: English words until the next try
  );
  return loading;
}

/** The reason of an error as the page shows it (its path is shown as it is, beside it). */
export function errorWords(e: ValidationError): string {
  return getLocale() === 'en' || wording === null ? e.message : wording(e);
}

/** "path: reason", for a one-line list of errors; a live change refused as a whole ("(change)", no place in a file) is its reason alone. */
export function errorLine(e: ValidationError): string {
  return e.path === '(change)' ? errorWords(e) : `${e.path}: ${errorWords(e)}`;
}

/**
 * Where a refused live change went wrong, as the page shows it before the reason: nothing for the change as a
 * whole ("(change)") or a share link; a field of the change by its name in words ("(change).healthCheck.intervalSec"
 * reads "interval", as the form labels it), never the internal path; any other path (a place in a file) as written.
 */
import { labelOf } from '../builder/schema-fields.ts';
import { fieldWords } from '../builder/field-words.ts';

const WHOLE = new Set(['(change)', 'link']);
const CHANGE_FIELD = /^\(change\)[./]/;

export type ErrorPlace = { kind: 'none' } | { kind: 'field'; words: string } | { kind: 'path'; path: string };

export function errorPlace(path: string): ErrorPlace {
  if (WHOLE.has(path)) return { kind: 'none' };
  if (CHANGE_FIELD.test(path)) {
    const key = path.split(/[./]/).filter((p) => p !== '' && !/^\d+$/.test(p)).pop() ?? '';
    return key === '' || key === '(change)' ? { kind: 'none' } : { kind: 'field', words: fieldWords(key, labelOf(key)) };
  }
  return { kind: 'path', path };
}

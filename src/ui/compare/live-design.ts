/**
 * Design B as "what I changed live": the sandbox's scenario now (its document with every live change so far
 * written in, friendly actions and patches alike) against the document it started from, as JSON Patches on
 * that document. The document as written may leave out what has a default, so the patches are made against
 * its validated form but only reach into parts the written document has: a part it leaves out is added whole.
 */
import type { PatchOp } from '../../scenario/json-patch.ts';
import { formatPointer } from '../../scenario/json-patch.ts';

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);
const same = (a: Json, b: Json): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Patches that turn `before` (a validated document) into `after` (the same, changed), applicable to `written`
 * (the document as written, whose validated form `before` is). In order, removals from the end of lists.
 */
export function livePatches(before: Json, after: Json, written: Json): PatchOp[] {
  const out: PatchOp[] = [];
  const walk = (b: Json, a: Json, w: Json, parts: (string | number)[], inList: boolean): void => {
    if (same(b, a)) return;
    const path = formatPointer(parts);
    if (isObject(b) && isObject(a) && isObject(w)) {
      for (const key of Object.keys(a)) {
        if (!(key in w)) {
          if (!same(b[key], a[key])) out.push({ op: 'add', path: formatPointer([...parts, key]), value: a[key] });
        } else walk(b[key], a[key], w[key], [...parts, key], false);
      }
      for (const key of Object.keys(w)) if (!(key in a)) out.push({ op: 'remove', path: formatPointer([...parts, key]) });
      return;
    }
    if (Array.isArray(b) && Array.isArray(a) && Array.isArray(w) && w.length === b.length) {
      const common = Math.min(a.length, b.length);
      for (let i = 0; i < common; i++) walk(b[i], a[i], w[i], [...parts, i], true);
      for (let i = common; i < a.length; i++) out.push({ op: 'add', path: formatPointer([...parts, '-']), value: a[i] });
      for (let i = b.length - 1; i >= a.length; i--) out.push({ op: 'remove', path: formatPointer([...parts, i]) });
      return;
    }
    out.push({ op: inList ? 'replace' : 'add', path, value: a });
  };
  walk(before, after, written, [], false);
  return out;
}

/**
 * Turns zod's issues into plain sentences at JSON paths, quoting the offending value. A union (a number
 * or a distribution object, a boolean or a whole number) reports the issues of the one shape the value
 * could be meant as, or else says which kinds of value it accepts.
 */
import type { z } from 'zod';
import type { ValidationError } from './validated.ts';
import { codeOfText, coded, gotOf, gotWords } from './error-codes.ts';

export type { ValidationError };

/** Formats a path array as `a.b[2].c`; the document root is `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** A value as a short phrase: "the text "fast"", "number -5", "a list". */
export function describe(value: unknown): string {
  return gotWords(gotOf(value));
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k as string];
  }
  return v;
}

type Issue = z.core.$ZodIssue;

/** A union's branch failed only because the value has another type (so it was not the shape meant). */
const wrongType = (branch: readonly Issue[]) => branch.length === 1 && branch[0].code === 'invalid_type' && branch[0].path.length === 0;

const quoted = (items: readonly unknown[], sep: 'or' | 'comma') => ({ list: items.map((v) => JSON.stringify(v)), sep });

/** The issue as an error at `path`: its code and values (error-codes.ts), the English written from them. */
function coding(issue: Issue, path: string, value: unknown): ValidationError {
  const got = gotOf(value);
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? coded(path, 'val_required', { expected: { type: issue.expected } }) : coded(path, 'val_type', { expected: { type: issue.expected }, got });
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return coded(path, min === 1 ? 'val_min_items_one' : 'val_min_items', { min });
      if (issue.origin === 'string') return coded(path, 'val_not_empty');
      return coded(path, 'val_min', { op: issue.inclusive ? '≥' : '>', min, got });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return coded(path, 'val_max_items', { max });
      if (issue.origin === 'string') return coded(path, 'val_too_long', { max });
      return coded(path, 'val_max', { op: issue.inclusive ? '≤' : '<', max, got });
    }
    case 'unrecognized_keys':
      return coded(path, issue.keys.length > 1 ? 'val_unknown_keys' : 'val_unknown_key', { keys: { list: issue.keys.map((k) => `"${k}"`), sep: 'comma' } });
    case 'invalid_value':
      return coded(path, 'val_enum', { values: quoted(issue.values, 'or'), got });
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        // zod's path already ends at the discriminator field, so `value` is its value
        const known = 'options' in issue && issue.options ? issue.options.filter((o) => o !== undefined && o !== null) : [];
        const options = quoted(known, 'comma');
        if (value === undefined) return known.length > 0 ? coded(path, 'val_tag_required_one_of', { options }) : coded(path, 'val_tag_required');
        return known.length > 0 ? coded(path, 'val_tag_unknown_one_of', { got, options }) : coded(path, 'val_tag_unknown', { got });
      }
      const kinds = issue.errors.every(wrongType) ? [...new Set(issue.errors.map((b) => (b[0] as { expected: string }).expected))] : [];
      return kinds.length > 0 ? coded(path, 'val_kinds', { kinds: { types: kinds }, got }) : coded(path, 'val_no_shape');
    }
    default: {
      const code = codeOfText(issue.message);
      return code === undefined ? { path, message: issue.message } : coded(path, code);
    }
  }
}

/** Rewrites zod's issues into plain sentences with the offending value. */
export function fromZod(issues: readonly Issue[], input: unknown, prefix: readonly PropertyKey[] = []): ValidationError[] {
  const out: ValidationError[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && !('discriminator' in issue && issue.discriminator)) {
      const meant = issue.errors.filter((branch) => !wrongType(branch));
      if (meant.length === 1) {
        out.push(...fromZod(meant[0], input, path));
        continue;
      }
    }
    out.push(coding(issue, formatPath(path), valueAt(input, path)));
  }
  return out;
}

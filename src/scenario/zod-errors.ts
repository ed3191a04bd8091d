/**
 * Turns zod's issues into plain sentences at JSON paths, quoting the offending value. A union (a number
 * or a distribution object, a boolean or a whole number) reports the issues of the one shape the value
 * could be meant as, or else says which kinds of value it accepts.
 */
import type { z } from 'zod';
import type { ValidationError } from './validated.ts';

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
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  return `${typeof value} ${String(value)}`;
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

function message(issue: Issue, got: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected === 'int' ? 'a whole number' : issue.expected;
      return got === undefined ? `is required (${expected})` : `must be ${expected}, got ${describe(got)}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be ${issue.inclusive ? '≥' : '>'} ${issue.minimum}, got ${describe(got)}`;
    case 'too_big':
      if (issue.origin === 'array') return `has too many items (at most ${issue.maximum})`;
      if (issue.origin === 'string') return `is too long (at most ${issue.maximum} characters)`;
      return `must be ${issue.inclusive ? '≤' : '<'} ${issue.maximum}, got ${describe(got)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling; see docs/scenario-format.md)`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describe(got)}`;
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        // zod's path already ends at the discriminator field, so `got` is its value
        const options = 'options' in issue && issue.options ? issue.options.filter((o) => o !== undefined && o !== null).map((o) => JSON.stringify(o)).join(', ') : '';
        return `${got === undefined ? 'is required' : `${describe(got)} is not known`}${options ? `; use one of ${options}` : ''}`;
      }
      const kinds = issue.errors.every(wrongType) ? [...new Set(issue.errors.map((b) => (b[0] as { expected: string }).expected))] : [];
      return kinds.length > 0 ? `must be ${kinds.map((k) => (k === 'int' ? 'a whole number' : k)).join(' or ')}, got ${describe(got)}` : 'does not match any allowed shape';
    }
    default:
      return issue.message;
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
    out.push({ path: formatPath(path), message: message(issue, valueAt(input, path)) });
  }
  return out;
}

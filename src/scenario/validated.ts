/** The result of checking untrusted input: the value, or every problem with its JSON path and reason. */

/** A value the input held, as an error quotes it: its kind, and its text for text (quoted), numbers and booleans. */
export interface Got {
  got: 'nothing' | 'null' | 'list' | 'object' | 'text' | 'number' | 'boolean' | 'other';
  text: string;
}

/**
 * A value an error names: text as it is (an id, a field, a code), a number, a quoted input value, a list
 * read "a or b" / "a, b", or a type name (zod's: "number", "int", "array").
 */
export type ErrorParam = string | number | Got | { list: readonly string[]; sep: 'or' | 'comma' } | { type: string } | { types: readonly string[] };

/**
 * One problem in a document: where (a JSON path such as `targetGroups[0].targets[2].weight`) and why, in
 * English. A known kind of problem also carries its code and values (scenario/error-codes.ts), so the page
 * can say it in its own language; `inner` is the problem an outer one wraps (a scheduled patch's).
 */
export interface ValidationError {
  path: string;
  message: string;
  code?: string;
  params?: Readonly<Record<string, ErrorParam>>;
  inner?: ValidationError;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] };

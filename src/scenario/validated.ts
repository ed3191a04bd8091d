/** The result of checking untrusted input: the value, or every problem with its JSON path and reason. */

/** One problem in a document: where (a JSON path such as `targetGroups[0].targets[2].weight`) and why. */
export interface ValidationError {
  path: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] };

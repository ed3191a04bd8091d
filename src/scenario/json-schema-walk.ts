/**
 * Walking the scenario's JSON Schema (generated from the zod schema, src/scenario/json-schema.ts) along a
 * JSON Pointer into a document: which part of the schema describes the value there. Unions (`anyOf`,
 * `oneOf`) are resolved against the value itself: a discriminated union by its constant field (`kind`,
 * `dist`, `style`), anything else by the value's type.
 * Pure: no zod here (the sandbox's first screen uses the unlock patterns without loading the schema).
 */

/** The parts of JSON Schema (draft 2020-12) the scenario's schema uses. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}

/** The branches of a union (nested unions flattened), or the schema itself. */
export function branchesOf(schema: JsonSchema): JsonSchema[] {
  const list = schema.anyOf ?? schema.oneOf;
  if (list === undefined) return [schema];
  // a union's own description and default sit beside its branches
  return list.flatMap((b) => branchesOf(b));
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(schema: JsonSchema, value: unknown): boolean {
  if (schema.const !== undefined) return schema.const === value;
  if (schema.enum !== undefined) return schema.enum.includes(value);
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length === 0) return true;
  const t = typeOf(value);
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

/** The constant field that tells an object branch apart (`kind`, `dist`, `style`), if any. */
export function discriminatorOf(branch: JsonSchema): { key: string; value: unknown } | null {
  for (const [key, p] of Object.entries(branch.properties ?? {})) if (p.const !== undefined) return { key, value: p.const };
  return null;
}

/** The branch of a union that describes `value` (the first when nothing fits). */
export function resolveBranch(schema: JsonSchema, value: unknown): JsonSchema {
  const branches = branchesOf(schema);
  if (branches.length === 1) return branches[0];
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const tagged = branches.find((b) => {
      const d = discriminatorOf(b);
      return d !== null && record[d.key] === d.value;
    });
    if (tagged) return tagged;
  }
  return branches.find((b) => typeMatches(b, value)) ?? branches[0];
}

/** The schema of the child `key` of a container described by `schema` (already resolved), or null. */
export function childSchema(schema: JsonSchema, key: string): JsonSchema | null {
  if (schema.properties && key in schema.properties) return schema.properties[key];
  if (schema.items && (key === '-' || key === '*' || /^\d+$/.test(key))) return schema.items;
  if (typeof schema.additionalProperties === 'object') return schema.additionalProperties;
  return null;
}

/** Follows JSON Pointer parts through the schema and the document together; null where the schema has no such place. */
export function schemaAt(root: JsonSchema, parts: readonly string[], doc: unknown): JsonSchema | null {
  let schema: JsonSchema = root;
  let value: unknown = doc;
  for (const key of parts) {
    const resolved = resolveBranch(schema, value);
    const next = childSchema(resolved, key);
    if (next === null) return null;
    schema = next;
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return schema;
}

/** Whether the schema has a place at these pointer parts in some document (`*` stands for any list item or key). */
export function schemaHasPlace(root: JsonSchema, parts: readonly string[]): boolean {
  let frontier: JsonSchema[] = [root];
  for (const key of parts) {
    frontier = frontier.flatMap((s) => branchesOf(s)).flatMap((b) => {
      const next = childSchema(b, key === '*' && b.properties && !b.items ? '\u0000' : key);
      if (next !== null) return [next];
      // `*` on an object with fixed fields: any of them
      return key === '*' && b.properties ? Object.values(b.properties) : [];
    });
    if (frontier.length === 0) return false;
  }
  return true;
}

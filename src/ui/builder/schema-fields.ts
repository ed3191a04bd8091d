/**
 * The inspector's fields, generated from the scenario's JSON Schema: for the object at a JSON Pointer in
 * the scenario as it is now, every field its schema allows, with the value there, the unit (from the
 * field's name: `…Ms`, `…Sec`, `…PerSec`, `…Percent`), the default, the allowed range and the schema's
 * one-line description. Nothing here knows a particular field: a new schema field shows up by itself.
 */
import { branchesOf, discriminatorOf, resolveBranch, schemaAt, type JsonSchema } from '../../scenario/json-schema-walk.ts';
import { formatPointer, parsePointer } from '../../scenario/json-patch.ts';
import { m } from '../../i18n/paraglide/messages.js';
import { localizeNumberText } from '../../viz/number-format.ts';

/** How a field is edited. */
export type Editor = 'number' | 'integer' | 'boolean' | 'choice' | 'text' | 'json' | 'object' | 'variant';

export interface Choice {
  label: string;
  value: unknown;
}

export interface Field {
  key: string;
  pointer: string;
  /** The key in words: `requestTimeoutMs` → "request timeout". */
  label: string;
  description: string | null;
  unit: string | null;
  editor: Editor;
  required: boolean;
  /** The document has a value here (else the default applies, or the block is absent). */
  present: boolean;
  value: unknown;
  /** The schema's default, or undefined. */
  defaultValue: unknown;
  /** "0–1,000", "> 0, ≤ 120", "1–40 characters": what the schema allows, or null. */
  range: string | null;
  min: number | null;
  max: number | null;
  /** Null is allowed (for example a queue limit: none). */
  nullable: boolean;
  /** Choices for `choice` (an enum or constants) and `variant` (the kinds of a tagged object). */
  choices: Choice[];
  /** For `variant`: the field that names the kind (`kind`, `dist`, `style`). */
  tag: string | null;
  /** The field's own schema (for a new value: its smallest valid one). */
  schema: JsonSchema;
}

/** Lists shown as their own nodes in the outline rather than as fields. */
export const NODE_LISTS = new Set(['balancers', 'listeners', 'rules', 'targetGroups', 'targets', 'databases', 'scalingGroups', 'records', 'deployments']);

/** Largest integers zod writes for "any integer": not worth showing as a range. */
const HUGE = 9e15;

const UNITS: [RegExp, string | (() => string)][] = [
  [/PerSec$/, m.field_unit_per_s],
  [/Ms$/, 'ms'],
  [/Sec$/, 's'],
  [/Percent$/, '%'],
  [/Minutes$/, 'min'],
  [/Usd$/, 'USD'],
  [/GiB$/, 'GiB'],
  [/Cores$/, m.field_unit_cores],
];

/** The unit a field's name carries, or null. */
export function unitOf(key: string): string | null {
  for (const [pattern, unit] of UNITS) if (pattern.test(key)) return typeof unit === 'string' ? unit : unit();
  return null;
}

/** `requestTimeoutMs` → "request timeout", `p99Ms` → "p99", `crossZone` → "cross zone". */
export function labelOf(key: string): string {
  const bare = key.replace(/(PerSec|Ms|Sec|Percent|Minutes|Usd|GiB)$/, '') || key;
  return bare.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

let intl: Intl.NumberFormat | null = null;
/**
 * A bound in the page's language: 65,535 (en), 65 535 (es). The formatter is made on first use and kept:
 * building one loads locale data, which the page's start does not need.
 */
const number = { format: (n: number): string => localizeNumberText((intl ??= new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 })).format(n)) };

/** What a number or text schema allows, in words. */
export function rangeOf(schema: JsonSchema): string | null {
  if (schema.minLength !== undefined || schema.maxLength !== undefined) {
    const lo = schema.minLength ?? 0;
    return schema.maxLength === undefined ? m.field_range_chars_min({ min: lo }) : m.field_range_chars({ min: lo, max: number.format(schema.maxLength) });
  }
  const lo = schema.exclusiveMinimum ?? schema.minimum;
  const hi = schema.exclusiveMaximum ?? schema.maximum;
  const low = lo !== undefined && Math.abs(lo) < HUGE ? lo : undefined;
  const high = hi !== undefined && Math.abs(hi) < HUGE ? hi : undefined;
  if (low === undefined && high === undefined) return null;
  if (schema.exclusiveMinimum === undefined && schema.exclusiveMaximum === undefined && low !== undefined && high !== undefined) return `${number.format(low)}–${number.format(high)}`;
  const parts: string[] = [];
  if (low !== undefined) parts.push(`${schema.exclusiveMinimum !== undefined ? '>' : '≥'} ${number.format(low)}`);
  if (high !== undefined) parts.push(`${schema.exclusiveMaximum !== undefined ? '<' : '≤'} ${number.format(high)}`);
  return parts.join(', ');
}

function constChoices(branches: JsonSchema[]): Choice[] | null {
  const values: unknown[] = [];
  for (const b of branches) {
    if (b.const !== undefined) values.push(b.const);
    else if (b.enum !== undefined) values.push(...b.enum);
    else if (b.type !== 'null') return null;
  }
  return values.length > 0 ? values.map((v) => ({ label: String(v), value: v })) : null;
}

function isObjectSchema(s: JsonSchema): boolean {
  return s.type === 'object' || s.properties !== undefined;
}

/** The smallest value a schema accepts: its default, else its required fields filled the same way. */
export function minimalValue(schema: JsonSchema): unknown {
  if (schema.default !== undefined) return structuredClone(schema.default);
  const branches = branchesOf(schema);
  const first = branches.find((b) => b.type !== 'null') ?? branches[0];
  if (first !== schema) return minimalValue(first);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum !== undefined) return schema.enum[0];
  if (isObjectSchema(schema)) {
    const out: Record<string, unknown> = {};
    for (const key of schema.required ?? []) out[key] = minimalValue(schema.properties![key]);
    return out;
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'array') return [];
  if (type === 'boolean') return false;
  if (type === 'string') return '';
  if (type === 'number' || type === 'integer') {
    const lo = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
    return Math.abs(lo) < HUGE ? lo : 0;
  }
  return null;
}

/** One field of an object described by `schema`, with the value it has now. */
export function fieldOf(pointer: string, key: string, schema: JsonSchema, required: boolean, value: unknown): Field {
  const branches = branchesOf(schema).filter((b) => b.type !== 'null');
  const nullable = branchesOf(schema).some((b) => b.type === 'null');
  const resolved = resolveBranch(schema, value);
  const numeric = branches.length === 1 && (branches[0].type === 'number' || branches[0].type === 'integer') ? branches[0] : null;
  const base: Field = {
    key,
    pointer,
    label: labelOf(key),
    description: schema.description ?? resolved.description ?? null,
    unit: unitOf(key),
    editor: 'json',
    required,
    present: value !== undefined,
    value,
    defaultValue: schema.default,
    range: null,
    min: null,
    max: null,
    nullable,
    choices: [],
    tag: null,
    schema,
  };
  const choices = constChoices(branches);
  if (choices) return { ...base, editor: 'choice', choices };
  if (numeric) {
    const min = numeric.exclusiveMinimum ?? numeric.minimum;
    const max = numeric.exclusiveMaximum ?? numeric.maximum;
    return { ...base, editor: numeric.type === 'integer' ? 'integer' : 'number', range: rangeOf(numeric), min: min !== undefined && Math.abs(min) < HUGE ? min : null, max: max !== undefined && Math.abs(max) < HUGE ? max : null };
  }
  if (branches.length === 1 && branches[0].type === 'boolean') return { ...base, editor: 'boolean' };
  if (branches.length === 1 && branches[0].type === 'string') return { ...base, editor: 'text', range: rangeOf(branches[0]) };
  const tagged = branches.filter((b) => discriminatorOf(b) !== null);
  if (tagged.length > 1 && tagged.length === branches.filter(isObjectSchema).length) {
    const tag = discriminatorOf(tagged[0])!.key;
    return { ...base, editor: 'variant', tag, choices: tagged.map((b) => ({ label: String(discriminatorOf(b)!.value), value: minimalValue(b) })) };
  }
  if (branches.length === 1 && isObjectSchema(branches[0]) && branches[0].properties !== undefined) return { ...base, editor: 'object' };
  return base;
}

/** The fields of the object at `pointer` in `doc` (the scenario as it is now), in the schema's order. */
export function fieldsAt(root: JsonSchema, doc: unknown, pointer: string): Field[] {
  const parts = parsePointer(pointer);
  if (typeof parts === 'string') return [];
  const schema = schemaAt(root, parts, doc);
  if (schema === null) return [];
  let value: unknown = doc;
  for (const p of parts) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[p] : undefined;
  const object = resolveBranch(schema, value);
  const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return Object.entries(object.properties ?? {})
    .filter(([key]) => key !== '$schema' && !NODE_LISTS.has(key))
    .map(([key, s]) => fieldOf(formatPointer([...parts, key]), key, s, (object.required ?? []).includes(key), record[key]));
}

/** The schema of the object at `pointer` (its branch for the value there): its description, and whether it is a tagged variant. */
export function nodeSchema(root: JsonSchema, doc: unknown, pointer: string): JsonSchema | null {
  const parts = parsePointer(pointer);
  return typeof parts === 'string' ? null : schemaAt(root, parts, doc);
}

/** The node at `pointer` as one field of its parent (for a node that is itself a tagged variant, like a session store). */
export function nodeField(root: JsonSchema, doc: unknown, pointer: string): Field | null {
  const parts = parsePointer(pointer);
  if (typeof parts === 'string' || parts.length === 0) return null;
  const schema = schemaAt(root, parts, doc);
  if (schema === null) return null;
  let value: unknown = doc;
  for (const p of parts) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[p] : undefined;
  return fieldOf(pointer, parts[parts.length - 1], schema, true, value);
}

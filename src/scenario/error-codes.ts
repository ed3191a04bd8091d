/**
 * Validation errors as data: each known error has a code (a key of EN_ERRORS, which is also its message key
 * in messages/*.json) and the values it names, so that the page can word it in its own language
 * (src/i18n/validation-words.ts). The English sentence is written here from the same templates, so the CLI,
 * Node and the page in English read exactly what they read before codes existed; a test checks the
 * templates equal messages/en.json (tests/unit/i18n/validation-words.test.ts). Beyond the validator, cron
 * expressions, JSON Patch, the engine's refusals to adopt a patch, change-log restores and access-log imports
 * use the same codes (tests/unit/i18n/run-errors.test.ts); an error without a code keeps its English everywhere.
 */
import { EN_ERRORS, type ErrorCode } from './error-templates.ts';
import type { ErrorParam, Got, ValidationError } from './validated.ts';

export { EN_ERRORS, type ErrorCode };

/** A value as the message quotes it: its kind, and its text for text, numbers and booleans. */
export function gotOf(value: unknown): Got {
  if (value === undefined) return { got: 'nothing', text: '' };
  if (value === null) return { got: 'null', text: 'null' };
  if (Array.isArray(value)) return { got: 'list', text: '' };
  if (typeof value === 'object') return { got: 'object', text: '' };
  if (typeof value === 'string') return { got: 'text', text: JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value) };
  if (typeof value === 'number') return { got: 'number', text: String(value) };
  if (typeof value === 'boolean') return { got: 'boolean', text: String(value) };
  return { got: 'other', text: `${typeof value} ${String(value)}` };
}

/** A quoted value in English: "the text "fast"", "number -5", "a list". */
export function gotWords(g: Got): string {
  switch (g.got) {
    case 'nothing':
      return 'nothing';
    case 'list':
      return 'a list';
    case 'object':
      return 'an object';
    case 'text':
      return `the text ${g.text}`;
    case 'number':
    case 'boolean':
      return `${g.got} ${g.text}`;
    default:
      return g.text;
  }
}

/** A zod type name in English: `int` is "a whole number", the others as zod names them ("number", "array"). */
export const typeWords = (type: string): string => (type === 'int' ? 'a whole number' : type);

/** One value of an error in English. */
export function paramWords(p: ErrorParam): string {
  if (typeof p === 'string') return p;
  if (typeof p === 'number') return String(p);
  if ('got' in p) return gotWords(p);
  if ('list' in p) return p.list.join(p.sep === 'or' ? ' or ' : ', ');
  if ('type' in p) return typeWords(p.type);
  return p.types.map(typeWords).join(' or ');
}

/** Fills `{name}` placeholders of a template. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The error `code` at `path` with its values; its message is the English template filled in. */
export function coded(path: string, code: ErrorCode, params: Readonly<Record<string, ErrorParam>> = {}, inner?: ValidationError): ValidationError {
  const values: Record<string, string> = {};
  for (const [name, p] of Object.entries(params)) values[name] = paramWords(p);
  if (inner !== undefined) values.inner = inner.message;
  return inner === undefined ? { path, message: fillTemplate(EN_ERRORS[code], values), code, params } : { path, message: fillTemplate(EN_ERRORS[code], values), code, params, inner };
}

/** The code of a schema's own message (a regex's or a refinement's words), when it has one. */
export function codeOfText(message: string): ErrorCode | undefined {
  return TEXT_CODES.get(message);
}

const TEXT_CODES = new Map<string, ErrorCode>(
  (Object.entries(EN_ERRORS) as [ErrorCode, string][]).filter(([, text]) => !text.includes('{')).map(([code, text]) => [text, code]),
);

/**
 * A journey step's words as data: a message key and its values (ids as text, numbers as numbers, nested
 * phrases), or a list of phrases with a separator. The page words a phrase in its own language from
 * messages/*.json (src/ui/explain/journey-words.ts); the engine writes the English from the same templates
 * (EN_TEMPLATES, explain-templates.ts, kept equal to messages/en.json by a test), so the CLI, the tests and
 * the page in English read the same sentence. Numbers are written with `num`.
 */
import { EN_TEMPLATES, type PhraseKey } from './explain-templates.ts';

export type { PhraseKey };

/** Words as data, or (what is the same in every language: an id, a code) as text. */
export type Words = string | Phrase;

export type PhraseValue = number | Words;

export type Phrase = { key: PhraseKey; values: Readonly<Record<string, PhraseValue>> } | { list: readonly Words[]; sep: string };

/** A number for people: whole above 100, else up to 2 decimals. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a >= 100 ? String(Math.round(x)) : String(Math.round(x * 100) / 100);
}

/** A phrase: the message `key` with its values. */
export function say(key: PhraseKey, values: Record<string, PhraseValue> = {}): Phrase {
  return { key, values };
}

/** Phrases read one after the other, joined by `sep` ("; " unless told); empty ones are left out. */
export function list(items: readonly Words[], sep = '; '): Phrase {
  return { list: items.filter((x) => x !== ''), sep };
}

/** Words a phrase with `words` (a template per key) and `number` (a number as text). */
export function wordPhrase(p: Words, words: (key: PhraseKey, values: Record<string, string>) => string, number: (x: number) => string): string {
  if (typeof p === 'string') return p;
  if ('list' in p) return p.list.map((x) => wordPhrase(x, words, number)).join(p.sep);
  const values: Record<string, string> = {};
  for (const [name, v] of Object.entries(p.values)) values[name] = typeof v === 'string' ? v : typeof v === 'number' ? number(v) : wordPhrase(v, words, number);
  return words(p.key, values);
}

/** Fills `{name}` placeholders of a template. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The phrase in English, as the CLI prints it. */
export function english(p: Words): string {
  return wordPhrase(p, (key, values) => fill(EN_TEMPLATES[key], values), num);
}

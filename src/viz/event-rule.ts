/**
 * What the wording modules of engine text share (event-words.ts, event-words-infra.ts, scaling-words.ts, goal-words.ts): a rule
 * reads one kind of engine line back with a pattern and words it again through a message; numbers found in
 * the line are rewritten in the page's locale.
 */
import { localizeNumberText } from './number-format.ts';

export type Groups = Record<string, string>;

/** One kind of line: its pattern and its words (null when a part of it has no words, so the next rule is tried). */
export interface Rule {
  re: RegExp;
  words: (g: Groups) => string | null;
}

/** A small table of phrases: a pattern and its words. */
export type Table = [RegExp, (g: Groups) => string][];

/** An id in an engine line: anything up to the next space. */
export const ID = '(?<id>\\S+)';

/** A rule for the whole line (the source is anchored at both ends). */
export const rule = (source: string, words: (g: Groups) => string | null): Rule => ({ re: new RegExp(`^${source}$`), words });

/** A number the engine wrote ('5.2') in the page's locale ('5,2'). */
export const num = (text: string): string => localizeNumberText(text);

/** Every number-looking run inside a short text ('1.2k/s') in the page's locale. */
export const nums = (text: string): string => text.replace(/\d[\d,]*(?:\.\d+)?/g, (x) => num(x));

/** A phrase from a small table, or null when it is not in it. */
export function phrase(text: string, table: Table): string | null {
  for (const [re, words] of table) {
    const found = re.exec(text);
    if (found) return words(found.groups ?? {});
  }
  return null;
}

/** The words of the first rule that matches the line and has words for it, or null. */
export function firstWords(rules: readonly Rule[], line: string): string | null {
  for (const r of rules) {
    const found = r.re.exec(line);
    if (found === null) continue;
    const words = r.words(found.groups ?? {});
    if (words !== null) return words;
  }
  return null;
}

// UI messages (messages/<locale>.json, compiled by Paraglide): every locale has every key of every other,
// no message is empty, and a translation uses exactly the parameters of the English message ({id}, {count}…),
// so no number or name silently drops out of a Spanish sentence.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as { baseLocale: string; locales: string[] };
const messages = Object.fromEntries(
  settings.locales.map((l) => {
    const { $schema: _schema, ...rest } = JSON.parse(readFileSync(`messages/${l}.json`, 'utf8')) as Record<string, string>;
    return [l, rest];
  }),
);
const params = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]))].sort();

describe('UI messages', () => {
  it('every locale has every key, and no other', () => {
    const keys = (l: string) => Object.keys(messages[l]).sort();
    for (const l of settings.locales) {
      expect(keys(settings.baseLocale).filter((k) => !(k in messages[l])), `missing in ${l}.json`).toEqual([]);
      expect(keys(l).filter((k) => !(k in messages[settings.baseLocale])), `only in ${l}.json`).toEqual([]);
    }
  });

  it('no message is empty, and each translation has the English message\'s parameters', () => {
    for (const l of settings.locales) {
      for (const [key, text] of Object.entries(messages[l])) {
        expect(typeof text === 'string' && text.trim() !== '', `${l}.json ${key}`).toBe(true);
        expect(params(text), `${l}.json ${key}`).toEqual(params(messages[settings.baseLocale][key] ?? ''));
      }
    }
  });

  it('a missing key or a dropped parameter is caught (the checks above can fail)', () => {
    expect(params('{id} marcado como sano: {why}')).toEqual(['id', 'why']);
    expect(params('{id} marcado como sano')).not.toEqual(params('{id} marked healthy: {why}'));
  });
});

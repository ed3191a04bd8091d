// Every locale has every message, with the same placeholders; every message is used by the page; the
// page's locale follows the learner's choice, then the browser.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseLocale } from '../../../src/i18n/locale.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const settings = JSON.parse(readFileSync(join(ROOT, 'project.inlang/settings.json'), 'utf8')) as { baseLocale: string; locales: string[] };
const read = (locale: string): Record<string, string> => {
  const { $schema: _schema, ...messages } = JSON.parse(readFileSync(join(ROOT, `messages/${locale}.json`), 'utf8')) as Record<string, string>;
  return messages;
};
const base = read(settings.baseLocale);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'paraglide' ? [] : sources(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

describe('messages', () => {
  it('has a base locale with messages, and a second locale', () => {
    expect(Object.keys(base).length).toBeGreaterThan(50);
    expect(settings.locales).toEqual(expect.arrayContaining(['en', 'es']));
  });

  it.each(settings.locales.filter((l) => l !== settings.baseLocale))('%s has every key of the base locale, no other, none empty, the same placeholders', (locale) => {
    const other = read(locale);
    expect(Object.keys(other).filter((k) => !(k in base))).toEqual([]);
    expect(Object.keys(base).filter((k) => !(k in other))).toEqual([]);
    expect(Object.entries(other).filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
    expect(Object.keys(base).filter((k) => placeholders(base[k]).join() !== placeholders(other[k]).join())).toEqual([]);
  });

  it('every message is used by the page (m.<key>)', () => {
    const code = sources(join(ROOT, 'src')).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(Object.keys(base).filter((k) => !new RegExp(`\\bm\\.${k}\\b`).test(code))).toEqual([]);
  });
});

describe('chooseLocale', () => {
  it('takes the learner\'s stored choice first', () => {
    expect(chooseLocale('en', ['es-ES', 'es'])).toBe('en');
    expect(chooseLocale('es', ['en-GB'])).toBe('es');
  });
  it('else the first of the browser\'s languages it has, by full tag or base tag', () => {
    expect(chooseLocale(null, ['es-MX', 'en'])).toBe('es');
    expect(chooseLocale(null, ['de-DE', 'fr', 'es'])).toBe('es');
    expect(chooseLocale(null, ['en-US', 'es'])).toBe('en');
  });
  it('else English; a stored value that is no locale is ignored', () => {
    expect(chooseLocale(null, ['de-DE', 'fr'])).toBe('en');
    expect(chooseLocale('xx', ['es'])).toBe('es');
    expect(chooseLocale(null, [])).toBe('en');
  });
});

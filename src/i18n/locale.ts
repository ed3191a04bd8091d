/**
 * The page's language. Messages (UI text) live in messages/<locale>.json and are compiled by Paraglide
 * (https://inlang.com/m/gerre34r/library-inlang-paraglideJs) into src/i18n/paraglide/: one small function per
 * message, `m.nav_lessons()`, that returns the text in the current locale.
 *
 * The locale is chosen once per page load (src/i18n/start.ts, the entry's first import): the learner's own choice (the language control, kept in
 * localStorage), else the first of the browser's languages (navigator.languages) we have, else English. Only an
 * explicit choice is stored, so a learner who never chose follows their browser. Switching reloads the page
 * (the simplest way for every text, lesson and chunk to agree on one language); the route is in the hash, so the
 * learner lands on the same page. `<html lang>` follows.
 */
import { baseLocale, isLocale, locales, overwriteGetLocale, toLocale, type Locale } from './paraglide/runtime.js';

export { locales, type Locale };

/** Where the learner's explicit choice is kept. */
export const LOCALE_KEY = 'balancer-lab:locale';

/** Each locale's name in its own language, for the language control. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español' };

/** The locale for a stored choice and the browser's languages (pure, so it can be tested). */
export function chooseLocale(stored: string | null, languages: readonly string[]): Locale {
  if (stored !== null && isLocale(stored)) return stored;
  for (const tag of languages) {
    const exact = toLocale(tag) ?? toLocale(tag.split('-')[0]);
    if (exact !== undefined) return exact;
  }
  return baseLocale;
}

function storedChoice(): string | null {
  try {
    return localStorage.getItem(LOCALE_KEY);
  } catch {
    return null; // storage blocked (privacy settings): follow the browser
  }
}

/** Decides the page's locale (once, before the first message is read) and sets `<html lang>`. */
export function startLocale(): Locale {
  const locale = chooseLocale(storedChoice(), navigator.languages ?? [navigator.language]);
  overwriteGetLocale(() => locale);
  document.documentElement.lang = locale;
  return locale;
}

/** The learner picks a language: remembered, and the page reloads in it. */
export function switchLocale(next: Locale): void {
  try {
    localStorage.setItem(LOCALE_KEY, next);
  } catch {
    // without storage the choice lasts only until the next visit
  }
  location.reload();
}

// What a lesson unlocks, in the page's language (src/ui/builder/unlock-words.ts): every unlock group has its words
// in each locale, the English ones are the groups' own labels, and a refusal in Spanish reads in Spanish.
import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../../src/i18n/paraglide/runtime.js';
import { UNLOCK_GROUPS } from '../../../../src/content/unlocks.ts';
import { unlocksWords, unlockWords } from '../../../../src/ui/builder/unlock-words.ts';
import { lockedReason } from '../../../../src/ui/lesson/locked-reason.ts';

afterEach(() => overwriteGetLocale(() => 'en'));

describe('unlock words', () => {
  it('in English, each group is worded by its own label', () => {
    for (const [key, group] of Object.entries(UNLOCK_GROUPS)) expect(unlockWords(key)).toBe(group.label);
  });

  it('in Spanish, each group has its own words, none left in English', () => {
    overwriteGetLocale(() => 'es');
    for (const [key, group] of Object.entries(UNLOCK_GROUPS)) expect(unlockWords(key), key).not.toBe(group.label);
    expect(unlocksWords(['stickiness', 'session-store'])).toBe('la afinidad de sesión; dónde viven las sesiones');
    expect(unlocksWords([])).toBe('nada');
  });

  it('a pattern is worded by its field names', () => {
    expect(unlockWords('/targetGroups/*/stickiness')).toBe('target groups › stickiness');
  });

  it('a refused change in a lesson says, in Spanish, what the lesson unlocks', () => {
    overwriteGetLocale(() => 'es');
    const refused = lockedReason({ action: 'crash', target: 'a' }, ['set-algorithm']);
    expect(refused).toEqual([{ path: '(lesson)', message: 'esta lección no desbloquea «crash»; aquí puedes cambiar: set-algorithm' }]);
  });
});

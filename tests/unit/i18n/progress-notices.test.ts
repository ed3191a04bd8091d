// What the page says about saved progress it cannot use (src/content/progress.ts), in the page's language: the
// English sentences as they were, and Spanish ones with the damaged lessons' slugs kept as they are.
import { describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../src/i18n/paraglide/runtime.js';
import { loadProgress, parseProgress } from '../../../src/content/progress.ts';
import { englishAfterEach } from './support/words.ts';

englishAfterEach();

const unreadable = () => parseProgress({ version: 99, lessons: {} }).notice;
const damaged = () => parseProgress({ version: 2, lessons: { 'round-robin-and-weights': { done: 'yes' } } }).notice;
const blocked = () =>
  loadProgress({
    getItem: () => {
      throw new Error('SecurityError');
    },
    setItem: () => undefined,
  }).notice;

describe('notices about saved progress', () => {
  it('in English read as before', () => {
    expect([unreadable(), damaged(), blocked()]).toEqual([
      'Your saved progress could not be read, so it was reset. Lessons are all still here.',
      'Saved progress for “round-robin-and-weights” was damaged, so it was reset. The rest of your progress is kept.',
      'Progress cannot be saved in this browser (storage is blocked).',
    ]);
  });

  it('in Spanish', () => {
    overwriteGetLocale(() => 'es');
    expect([unreadable(), damaged(), blocked()]).toEqual([
      'No se pudo leer tu progreso guardado, así que se ha reiniciado. Todas las lecciones siguen aquí.',
      'El progreso guardado de “round-robin-and-weights” estaba dañado, así que se ha reiniciado. El resto de tu progreso se conserva.',
      'Este navegador no permite guardar el progreso (el almacenamiento está bloqueado).',
    ]);
  });
});

// The last English a Spanish page showed (issue 19's final walk): the screen reader's summary of a burst of
// events, a dead worker's or a failed start's exception, what a lesson in the list lets the learner change,
// and a percentage's sign. English stays as it was; Spanish is worded here.
import { describe, expect, it } from 'vitest';
import { englishAfterEach, spanish } from './support/words.ts';
import { summarize } from '../../../src/machines/narrator.machine.ts';
import { engineErrorWords } from '../../../src/i18n/engine-error-words.ts';
import { lessonNeeds } from '../../../src/ui/lesson/lesson-facts.ts';
import { CHANGE_ACTIONS } from '../../../src/content/schema.ts';
import { formatPercent, formatShare } from '../../../src/viz/number-format.ts';
import type { LessonSummary } from '../../../src/content/lesson-summary.ts';

englishAfterEach();

/** A lesson as the list sees it: its place in the course, the actions it offers and what it unlocks. */
const lesson = (order: number, controls: string[], unlocks: string[] = []): LessonSummary => ({ order, controls, unlocks }) as unknown as LessonSummary;

describe('the live region\'s summary of a burst', () => {
  it('counts the events it does not read out, in the page\'s language', async () => {
    expect(summarize(['a.', 'b.', 'c.', 'd.', 'e.'])).toBe('a. b. c. And 2 more events.');
    await spanish();
    expect(summarize(['a.', 'b.', 'c.', 'd.'])).toBe('a. b. c. Y 1 evento más.');
    expect(summarize(['a.', 'b.', 'c.', 'd.', 'e.'])).toBe('a. b. c. Y 2 eventos más.');
  });
});

describe('an exception from the engine or its worker', () => {
  it('keeps an engine bug\'s own message, said to be English in Spanish and alone in English', async () => {
    expect(engineErrorWords('Uncaught Error: boom')).toBe('Uncaught Error: boom');
    await spanish();
    expect(engineErrorWords('Uncaught Error: boom')).toBe('error interno del motor; su mensaje, en inglés: Uncaught Error: boom');
  });

  it('says the browser ran out of memory or stack in the page\'s words', async () => {
    expect(engineErrorWords('Uncaught RangeError: Array buffer allocation failed')).toBe('the browser ran out of memory for this run (try fewer targets, less traffic or a shorter run)');
    await spanish();
    for (const text of ['Uncaught RangeError: Array buffer allocation failed', 'RangeError: Invalid typed array length: 4294967296', 'Invalid array length', 'Out of memory']) {
      expect(engineErrorWords(text)).toBe('el navegador se quedó sin memoria para esta ejecución (prueba con menos destinos, menos tráfico o una ejecución más corta)');
    }
    expect(engineErrorWords('RangeError: Maximum call stack size exceeded')).toBe('la ejecución anidó más llamadas de las que permite el navegador (se superó el tamaño máximo de la pila)');
  });
});

describe('what a lesson lets the learner change', () => {
  it('names every live-change action a lesson can offer, in Spanish with no action id left', async () => {
    await spanish();
    for (const action of CHANGE_ACTIONS) {
      const words = lessonNeeds(lesson(2, [action]), [lesson(1, [])]);
      expect(words).toMatch(/^Se basa en la lección 1\. Usarás: .+\.$/);
      expect(words).not.toContain(action.replaceAll('-', ' '));
    }
    expect(lessonNeeds(lesson(16, ['crash-balancer', 'recover-balancer']), [lesson(15, [])])).toBe('Se basa en la lección 15. Usarás: la caída de un balanceador y la recuperación de un balanceador.');
  });

  it('names each action as a noun phrase in English too, with no action id left', () => {
    for (const action of CHANGE_ACTIONS) {
      const words = lessonNeeds(lesson(2, [action]), [lesson(1, [])]);
      expect(words).toMatch(/^Builds on lesson 1\. Your controls: .+\.$/);
      // a phrase of its own, not the id written out ("crash balancer", "swap cnames")
      expect(words).not.toMatch(new RegExp(`: ${action.replaceAll('-', ' ')}\\.$`, 'i'));
    }
    expect(lessonNeeds(lesson(16, ['crash-balancer', 'recover-balancer']), [lesson(15, [])])).toBe('Builds on lesson 15. Your controls: crashing a balancer and recovering a balancer.');
  });

  it('tells a patch by what the lesson unlocks, and lists the unlocks of a lesson with other controls after them', async () => {
    // lesson 11: TLS, and one pattern worded by its field names as the builder words it
    expect(lessonNeeds(lesson(11, ['patch'], ['tls', '/balancers/*/capacity']), [lesson(10, [])])).toBe('Builds on lesson 10. Your controls: TLS on listeners and balancers › capacity.');
    // lesson 8: a patch with nothing unlocked is the system's set-up
    expect(lessonNeeds(lesson(8, ['patch']), [lesson(7, [])])).toBe('Builds on lesson 7. Your controls: the system\'s set-up.');
    // lesson 15: its own action first, then what its builder may edit
    expect(lessonNeeds(lesson(15, ['set-target-count'], ['dns']), [lesson(14, [])])).toBe('Builds on lesson 14. Your controls: the number of targets and the DNS name.');
    await spanish();
    expect(lessonNeeds(lesson(9, ['patch'], ['stickiness']), [lesson(8, [])])).toMatch(/^Se basa en la lección 8\. Usarás: .+\.$/);
    expect(lessonNeeds(lesson(9, ['patch'], ['stickiness']), [lesson(8, [])])).not.toContain('session stickiness');
  });
});

describe('a percentage', () => {
  it('has its sign after a non-breaking space in Spanish, and right after the number in English', async () => {
    expect(formatPercent(0.62)).toBe('62%');
    expect(formatShare(0.337)).toBe('34%');
    await spanish();
    expect(formatPercent(0.62)).toBe('62\u00a0%');
    expect(formatPercent(0.054)).toBe('5,4\u00a0%');
    expect(formatShare(0.337)).toBe('34\u00a0%');
  });
});

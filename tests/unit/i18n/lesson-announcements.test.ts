// The lesson machine (UI-free) announces a failed check and a completed lesson in English; the page
// (src/ui/lesson/lesson-run.svelte.ts) looks each sentence up to say it in the page's language. A sentence the
// machine changes without its message would be read out in English on a Spanish page: this test catches that.
import { describe, expect, it } from 'vitest';
import { messagesOf, readText } from './support/words.ts';

describe('the lesson machine\'s announcements', () => {
  const machine = readText('src/machines/lesson.machine.ts');
  const said = [...machine.matchAll(/type: 'announce', params: \{ text: '([^']+)' \}/g)].map((x) => x[1]);
  const en = messagesOf('en');
  const es = messagesOf('es');

  it('are each the English of a lesson_announce_* message, which Spanish words differently', () => {
    expect(said.length).toBe(2);
    for (const text of said) {
      const key = Object.keys(en).find((k) => k.startsWith('lesson_announce_') && en[k] === text);
      expect(key, text).toBeDefined();
      expect(es[key!]).not.toBe(text);
    }
    expect(readText('src/ui/lesson/lesson-run.svelte.ts')).toContain("announce: (_, { text }) => this.#announce(ANNOUNCEMENTS[text]?.() ?? text)");
  });
});

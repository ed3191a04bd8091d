// Lesson translations (src/content/translation.ts): chapter 1 is complete in Spanish, and a translation that
// strays from its English lesson beyond the words (a number, an answer, a missing label or claim) is refused.
import { describe, expect, it } from 'vitest';
import { loadLessons } from '../../src/content/lesson.ts';
import { numbersIn } from '../../src/content/lesson-text.ts';
import { readLessonFiles, loadLessonsFromDir } from '../../src/content/node-loader.ts';
import { loadTranslations } from '../../src/content/translation.ts';

const { lessons, errors, translations } = loadLessonsFromDir('lessons');
const FOLDER = '01-one-server-is-not-enough';
const all = readLessonFiles('lessons');
const own = Object.fromEntries(Object.entries(all).filter(([p]) => p.startsWith(`/lessons/${FOLDER}/`)));

/** The translation problems after editing one of lesson 1's files. */
function problems(file: string, edit: (text: string) => string): string[] {
  const files = { ...own, [`/lessons/${FOLDER}/${file}`]: edit(own[`/lessons/${FOLDER}/${file}`]) };
  const loaded = loadLessons(files);
  expect(loaded.errors).toEqual([]);
  return loadTranslations(files, loaded.lessons).errors.map((e) => `${e.file.split('/').pop()} ${e.path}: ${e.message}`);
}

describe('lesson translations', () => {
  it('load without problems, and chapter 1 (lessons 1–4) is in Spanish, every step and goal', () => {
    expect(errors).toEqual([]);
    const chapter1 = lessons.filter((l) => l.order <= 4);
    expect(chapter1.map((l) => l.slug).filter((s) => !(s in (translations.es ?? {})))).toEqual([]);
    for (const l of chapter1) {
      const es = translations.es[l.slug];
      expect(es.steps).toHaveLength(l.steps.length);
      expect(Object.keys(es.goals).sort()).toEqual(l.goals.map((g) => g.id).sort());
      expect(es.title).not.toBe(l.title);
    }
  });

  it('reads numbers as each language writes them', () => {
    expect(numbersIn('1,098 failed, 4.4 cores, 55 %', 'en')).toEqual([4.4, 55, 1098]);
    expect(numbersIn('1098 fallidas, 4,4 núcleos, 55 %, 10 000', 'es')).toEqual([4.4, 55, 1098, 10000]);
  });

  it('refuses a translated step that states another number', () => {
    expect(problems('index.es.md', (t) => t.replace('aquí 60 s', 'aquí 90 s'))).toEqual([
      'index.es.md step 2: states the numbers 1, 1, 1, 20, 53, 53, 53, 85, 90, 160; index.md\'s step states 1, 1, 1, 20, 53, 53, 53, 60, 85, 160',
    ]);
  });

  it('refuses a translation that changes more than words (a prediction\'s answer)', () => {
    expect(problems('index.es.md', (t) => t.replace('"answer": 2,', '"answer": 1,'))).toEqual([
      'index.es.md steps[0].predict.answer: differs from index.md beyond its words (a translation keeps every step, directive, id and number)',
    ]);
  });

  it('refuses a reveal whose fallback its claim does not allow, and a claim phrase missing from the prose', () => {
    const out = problems('index.es.md', (t) => t.replace('{{failed|1098}} solicitudes fallidas hasta ahora."', '{{failed|1099}} solicitudes fallidas hasta ahora."'));
    expect(out).toContain('claims.es.json claims[5].phrase: index.es.md does not contain "{{failed|1098}} solicitudes fallidas hasta ahora" (the prose changed: update the claim, and check its number)');
    expect(out).toContain('claims.es.json (claims): step 3\'s reveal states {{failed|1099}}, and no claim has it in its phrase with "value": "failed"');
  });

  it('requires a label for every goal and a phrase for every claim', () => {
    expect(problems('goals.es.json', (t) => t.replace(/\s*"site-up": "[^"]*"/, '').replace(/,\s*}/, '\n}'))).toEqual(['goals.es.json site-up: goal "site-up" has no label']);
    expect(problems('claims.es.json', (t) => t.replace(/\s*"Failures stopped only at 160 s\.": "[^"]*",/, ''))).toEqual(['claims.es.json "Failures stopped only at 160 s.": this claim of claims.json has no translated phrase']);
  });
});

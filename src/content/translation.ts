/**
 * Reads and checks lesson translations (the files and the rules: lesson-text.ts). A translation is loaded as a
 * lesson of its own, with the translated prose, goal labels and claim phrases put in place of the English
 * ones, so every check the loader makes holds for it too (directives, reveal placeholders, each claim's phrase
 * in the translated prose, each claimed number stated); then, words aside, it must equal the English lesson,
 * and each step must state the same numbers. Every world of the lesson (its scenario and each scene) needs a name
 * in `names.<locale>.json`: the lab shows it above the diagram.
 */
import { z } from 'zod';
import { parseLesson, TRANSLATION_FILE, type Lesson, type LessonError } from './lesson.ts';
import { firstDifference, numbersIn, stepWords, textOf, withoutText, type LessonText } from './lesson-text.ts';

const Labels = z.record(z.string(), z.string().trim().min(1).max(400));
/** A world's name: as long as a scenario's `name` may be. */
const Names = z.record(z.string(), z.string().trim().min(1).max(200));

function json(file: string, text: string, errors: LessonError[]): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    errors.push({ file, path: '(file)', message: `not valid JSON: ${(e as Error).message}` });
    return undefined;
  }
}

/** Checks one lesson's translation into `locale`; `files` are the lesson folder's files. */
export function parseTranslation(lesson: Lesson, files: Readonly<Record<string, string>>, locale: string): { ok: true; value: LessonText } | { ok: false; errors: LessonError[] } {
  const base = `lessons/${lesson.folder}`;
  const names = { index: `index.${locale}.md`, goals: `goals.${locale}.json`, claims: `claims.${locale}.json`, worlds: `names.${locale}.json` };
  const errors: LessonError[] = [];
  for (const f of Object.values(names)) if (files[f] === undefined) errors.push({ file: `${base}/${f}`, path: '(file)', message: `is missing (a translation has ${Object.values(names).join(', ')})` });
  if (errors.length > 0) return { ok: false, errors };

  const labels = Labels.safeParse(json(`${base}/${names.goals}`, files[names.goals], errors));
  const phrases = Labels.safeParse(json(`${base}/${names.claims}`, files[names.claims], errors));
  const worlds = Names.safeParse(json(`${base}/${names.worlds}`, files[names.worlds], errors));
  if (errors.length > 0) return { ok: false, errors };
  if (!labels.success) return { ok: false, errors: [{ file: `${base}/${names.goals}`, path: '(root)', message: 'give an object: goal id → label' }] };
  if (!phrases.success) return { ok: false, errors: [{ file: `${base}/${names.claims}`, path: '(root)', message: 'give an object: English phrase → translated phrase' }] };
  if (!worlds.success) return { ok: false, errors: [{ file: `${base}/${names.worlds}`, path: '(root)', message: 'give an object: world file ("scenario.json", "scenes/<name>.json") → its translated name (at most 200 characters)' }] };
  const ids = lesson.goals.map((g) => g.id);
  for (const id of ids) if (!(id in labels.data)) errors.push({ file: `${base}/${names.goals}`, path: id, message: `goal "${id}" has no label` });
  for (const id of Object.keys(labels.data)) if (!ids.includes(id)) errors.push({ file: `${base}/${names.goals}`, path: id, message: `no goal "${id}" in goals.json` });
  const english = lesson.claims.map((c) => c.phrase);
  for (const p of english) if (!(p in phrases.data)) errors.push({ file: `${base}/${names.claims}`, path: JSON.stringify(p), message: 'this claim of claims.json has no translated phrase' });
  for (const p of Object.keys(phrases.data)) if (!english.includes(p)) errors.push({ file: `${base}/${names.claims}`, path: JSON.stringify(p), message: 'no claim in claims.json has this phrase' });
  const englishNames = textOf(lesson).worlds;
  for (const [f, name] of Object.entries(englishNames)) if (!(f in worlds.data)) errors.push({ file: `${base}/${names.worlds}`, path: JSON.stringify(f), message: `this world ("${name}") has no translated name` });
  for (const f of Object.keys(worlds.data)) if (!(f in englishNames)) errors.push({ file: `${base}/${names.worlds}`, path: JSON.stringify(f), message: 'no world of the lesson has this file (scenario.json, or a scene\'s scenes/<name>.json)' });
  if (errors.length > 0) return { ok: false, errors };

  // the translated lesson, loaded (and checked) like any lesson
  const goals = JSON.parse(files['goals.json']) as { goals: { id: string; label: string }[] };
  const claims = JSON.parse(files['claims.json']) as { claims: { phrase: string }[] };
  const own = Object.fromEntries(Object.entries(files).filter(([f]) => !TRANSLATION_FILE.test(f)));
  const translated = parseLesson(lesson.folder, {
    ...own,
    'index.md': files[names.index],
    'goals.json': JSON.stringify({ ...goals, goals: goals.goals.map((g) => ({ ...g, label: labels.data[g.id] })) }),
    'claims.json': JSON.stringify({ ...claims, claims: claims.claims.map((c) => ({ ...c, phrase: phrases.data[c.phrase] })) }),
  });
  const rename = (file: string) => file.replace(/\/(index\.md|goals\.json|claims\.json)$/, (_, f: string) => `/${f.replace('.', `.${locale}.`)}`);
  if (!translated.ok) return { ok: false, errors: translated.errors.map((e) => ({ ...e, file: rename(e.file), message: e.message.replaceAll('index.md', names.index) })) };

  const difference = firstDifference(withoutText(lesson), withoutText(translated.value));
  if (difference !== null) errors.push({ file: `${base}/${names.index}`, path: difference, message: 'differs from index.md beyond its words (a translation keeps every step, directive, id and number)' });
  const en = textOf(lesson);
  const text = textOf(translated.value);
  en.steps.forEach((s, i) => {
    const a = numbersIn(stepWords(s), 'en');
    const b = numbersIn(stepWords(text.steps[i]), locale);
    if (a.join() !== b.join()) errors.push({ file: `${base}/${names.index}`, path: `step ${i + 1}`, message: `states the numbers ${b.join(', ') || 'none'}; index.md's step states ${a.join(', ') || 'none'}` });
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { ...text, worlds: worlds.data } };
}

/** Every translation of every lesson: locale → lesson slug → its words. `files` as loadLessons takes them. */
export function loadTranslations(files: Readonly<Record<string, string>>, lessons: readonly Lesson[]): { translations: Record<string, Record<string, LessonText>>; errors: LessonError[] } {
  const translations: Record<string, Record<string, LessonText>> = {};
  const errors: LessonError[] = [];
  for (const lesson of lessons) {
    const own: Record<string, string> = {};
    const prefix = `/lessons/${lesson.folder}/`;
    for (const [path, text] of Object.entries(files)) {
      const at = path.replaceAll('\\', '/').indexOf(prefix);
      if (at >= 0) own[path.slice(at + prefix.length)] = text;
    }
    const locales = new Set(Object.keys(own).flatMap((f) => TRANSLATION_FILE.exec(f)?.[2] ?? []));
    for (const locale of [...locales].sort()) {
      const r = parseTranslation(lesson, own, locale);
      if (r.ok) (translations[locale] ??= {})[lesson.slug] = r.value;
      else errors.push(...r.errors);
    }
  }
  return { translations, errors };
}

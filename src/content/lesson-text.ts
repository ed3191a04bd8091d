/**
 * A lesson's words, apart from its world: what a translation replaces. A translated lesson lives beside the
 * English one in its folder: `index.<locale>.md` (the same steps and directives, the words translated),
 * `goals.<locale>.json` (each goal's label by goal id) and `claims.<locale>.json` (each claim's phrase, keyed by
 * the English phrase) and `names.<locale>.json` (the name of each world, the lesson's scenario and each scene,
 * keyed by its file: the name the lab shows above the diagram). The translation is checked by loading it as a
 * lesson of its own (every check of lesson.ts, claims' phrases against the translated prose included) and then
 * requiring that, words aside, it is the English lesson exactly, and that each step states the same numbers: the
 * claims measured for the English prose then guard the translated prose too. docs/writing-lessons.md §9.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { Hints, Lesson } from './lesson.ts';

export interface StepText {
  title: string;
  markdown: string;
  reveal: string | null;
  /** The wait's label, when it has one. */
  wait: string | null;
  /** Each try button's label. */
  tries: string[];
  predict: { question: string; options: string[]; explain: string } | null;
  hints: Hints | null;
}

export interface LessonText {
  title: string;
  chapter: string;
  summary: string;
  /** Goal labels by goal id. */
  goals: Record<string, string>;
  /** Each world's name by its file: `scenario.json`, `scenes/<name>.json`. */
  worlds: Record<string, string>;
  steps: StepText[];
}

/** The file a world of the lesson comes from: the lesson's scenario, or a scene by its name. */
export const worldFile = (scene: string | null): string => (scene === null ? 'scenario.json' : `scenes/${scene}.json`);

/** The words of a lesson. */
export function textOf(lesson: Lesson): LessonText {
  return {
    title: lesson.title,
    chapter: lesson.chapter,
    summary: lesson.summary,
    goals: Object.fromEntries(lesson.goals.map((g) => [g.id, g.label])),
    worlds: Object.fromEntries([[worldFile(null), lesson.scenario.name], ...Object.entries(lesson.scenes).map(([name, scene]) => [worldFile(name), scene.name])]),
    steps: lesson.steps.map((s) => ({
      title: s.title,
      markdown: s.markdown,
      reveal: s.reveal,
      wait: s.wait?.label ?? null,
      tries: s.tries.map((t) => t.label),
      predict: s.predict && { question: s.predict.question, options: s.predict.options.map((o) => o.text), explain: s.predict.explain },
      hints: s.hints && { ...s.hints },
    })),
  };
}

/** The lesson with its words replaced by `text`'s (a step, try, option or world name `text` lacks keeps its own). */
export function localizeLesson(lesson: Lesson, text: LessonText): Lesson {
  // a world's name is only shown (the lab's title above the diagram): the run is the same whatever it is called
  const named = (scenario: Scenario, file: string): Scenario => ({ ...scenario, name: text.worlds[file] ?? scenario.name });
  return {
    ...lesson,
    title: text.title,
    chapter: text.chapter,
    summary: text.summary,
    scenario: named(lesson.scenario, worldFile(null)),
    scenes: Object.fromEntries(Object.entries(lesson.scenes).map(([name, scene]) => [name, named(scene, worldFile(name))])),
    goals: lesson.goals.map((g) => ({ ...g, label: text.goals[g.id] ?? g.label })),
    steps: lesson.steps.map((s, i) => {
      const t = text.steps[i];
      if (t === undefined) return s;
      return {
        ...s,
        title: t.title,
        markdown: t.markdown,
        reveal: s.reveal === null ? null : (t.reveal ?? s.reveal),
        wait: s.wait && (s.wait.label === undefined ? s.wait : { ...s.wait, label: t.wait ?? s.wait.label }),
        tries: s.tries.map((x, j) => ({ ...x, label: t.tries[j] ?? x.label })),
        predict: s.predict && {
          ...s.predict,
          question: t.predict?.question ?? s.predict.question,
          options: s.predict.options.map((o, j) => ({ ...o, text: t.predict?.options[j] ?? o.text })),
          explain: t.predict?.explain ?? s.predict.explain,
        },
        hints: s.hints && (t.hints ?? s.hints),
      };
    }),
  };
}

/** Every word blanked: two lessons that differ only in their words are equal after this. */
export function withoutText(lesson: Lesson): Lesson {
  const blank = (v: unknown): unknown => (typeof v === 'string' ? '' : Array.isArray(v) ? v.map(blank) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, blank(x)])) : v);
  const blanked = localizeLesson(lesson, blank(textOf(lesson)) as LessonText);
  // the claims' phrases are words too
  return { ...blanked, claims: blanked.claims.map((c) => ({ ...c, phrase: '' })) };
}

/** The first place two values differ, as a path (`steps[2].wait.fromSec`), or null. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return path || '(root)';
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k);
    if (d !== null) return d;
  }
  return null;
}

/**
 * The numbers a text states, as numbers, in order of size: "1,098" (English grouping) or "1098" / "10 000"
 * (Spanish: a space groups, a comma is the decimal mark), "0.5" or "0,5". Digits inside ids (`web-1`,
 * `record-1`) and names (Route 53) count in both languages alike.
 */
export function numbersIn(text: string, locale: string): number[] {
  const pattern = locale === 'en' ? /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g : /\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g;
  const toNumber = (s: string) => Number(locale === 'en' ? s.replace(/,/g, '') : s.replace(/[ \u00a0\u202f]/g, '').replace(',', '.'));
  return [...text.matchAll(pattern)].map((x) => toNumber(x[0])).sort((a, b) => a - b);
}

/** All the words of one step, for counting its numbers. */
export function stepWords(s: StepText): string {
  return [s.title, s.markdown, s.reveal ?? '', s.wait ?? '', ...s.tries, s.predict?.question ?? '', ...(s.predict?.options ?? []), s.predict?.explain ?? '', s.hints?.nudge ?? '', s.hints?.concept ?? '', s.hints?.control ?? ''].join('\n');
}

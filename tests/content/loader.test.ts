// The lesson format's parser and checker: what a valid lesson turns into, and the error each kind of
// mistake produces (file, place, reason). Plus: the app's bundled lessons (scripts/vite-lessons.ts) are what Node sees.
import { afterEach, describe, expect, it } from 'vitest';
import { parseLessonMarkdown, wordCount } from '../../src/content/markdown.ts';
import { formatLessonErrors, loadLessons, parseLesson } from '../../src/content/lesson.ts';
import { loadLessonsFromDir } from '../../src/content/node-loader.ts';
import { lessons as bundled, lessonBySlug, lessonErrors, loadLesson } from '../../src/content/lessons.ts';
import { summaryOf } from '../../src/content/lesson-summary.ts';
import { localizeLesson } from '../../src/content/lesson-text.ts';
import { overwriteGetLocale } from '../../src/i18n/paraglide/runtime.js';
import { summaries as spanishSummaries } from 'virtual:lesson-summaries/es';

const scenario = {
  schemaVersion: 1,
  name: 'tiny',
  traffic: { arrival: { kind: 'poisson', ratePerSec: 10 } },
  balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
  targetGroups: [{ id: 'web', algorithm: 'round-robin', targets: [{ id: 'a', serviceTimeMs: { dist: 'constant', valueMs: 10 } }] }],
};

const index = `---
title: A tiny lesson
chapter: Tests
summary: "Used by the loader tests: one step, one hint."
sources: [002]
controls: [set-target-count, crash]
---

## The only step

Some prose with \`<code>\` in it.

<!-- hints: { "nudge": "n", "concept": "c", "control": "k" } -->
<!-- an authoring note, dropped -->
<!-- wait: { "kind": "event", "event": "target-failed", "target": "a", "label": "a fails" } -->
<!-- try: { "label": "Crash a", "changes": [{ "action": "crash", "target": "a" }] } -->
`;

const goals = { checkSec: 30, goals: [{ id: 'two', label: 'Two targets', kind: 'config', check: 'target-count', group: 'web', atLeast: 2 }] };
const solution = [{ action: 'set-target-count', group: 'web', count: 2 }];
const claim = { phrase: 'Some prose', run: 'start', condition: { kind: 'report', path: 'requests.failed', atMost: 0 }, why: 'constant service, no crash' };
const claims = { runs: { start: { world: 'scenario', untilSec: 10 } }, claims: [claim] };
const withReveal = index + '\n<!-- reveal: "It took {{window.a.detectSec|12}} s." -->\n';

function files(over: Record<string, unknown> = {}): Record<string, string> {
  const base: Record<string, unknown> = { 'index.md': index, 'scenario.json': scenario, 'goals.json': goals, 'solution.json': solution, 'claims.json': claims, ...over };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined) out[k] = typeof v === 'string' ? v : JSON.stringify(v);
  return out;
}

function errorsOf(f: Record<string, string>, folder = '07-tiny'): string {
  const r = parseLesson(folder, f);
  return r.ok ? '' : formatLessonErrors(r.errors);
}

describe('a valid lesson folder', () => {
  it('becomes a lesson with its slug, order, steps and directives', () => {
    const r = parseLesson('07-tiny', files());
    if (!r.ok) throw new Error(formatLessonErrors(r.errors));
    const l = r.value;
    expect([l.slug, l.order, l.title, l.summary, l.sources, l.controls, l.checkSec]).toEqual([
      'tiny',
      7,
      'A tiny lesson',
      'Used by the loader tests: one step, one hint.',
      ['002'],
      ['set-target-count', 'crash'],
      30,
    ]);
    expect(l.solution).toEqual([{ atMs: 0, change: { action: 'set-target-count', group: 'web', count: 2 } }]);
    expect(l.steps).toHaveLength(1);
    const s = l.steps[0];
    expect(s.number).toBe(1);
    expect(s.title).toBe('The only step');
    expect(s.markdown).toBe('Some prose with `<code>` in it.');
    expect(s.hints).toEqual({ nudge: 'n', concept: 'c', control: 'k' });
    expect(s.wait).toEqual({ kind: 'event', event: 'target-failed', target: 'a', label: 'a fails' });
    expect(s.tries).toEqual([{ label: 'Crash a', changes: [{ action: 'crash', target: 'a' }] }]);
    expect(s.scene).toBeNull();
  });

  it('takes solution times in seconds and gives them in ms', () => {
    const r = parseLesson('07-tiny', files({ 'solution.json': [{ atSec: 5, ...solution[0] }] }));
    expect(r.ok && r.value.solution[0].atMs).toBe(5000);
  });
});

// A case: a scene step with its own goals and solution (the anti-pattern clinic).
const caseStep = `
## A case

A scene of its own.

<!-- scene: "case" -->
<!-- predict: { "question": "Why?", "options": [{ "text": "this" }, { "text": "that" }], "answer": 0, "explain": "This." } -->
<!-- goals: { "checkSec": 20, "goals": [{ "id": "two", "label": "Two targets", "kind": "config", "check": "target-count", "group": "web", "atLeast": 2 }] } -->
<!-- solution: [{ "atSec": 5, "action": "set-target-count", "group": "web", "count": 2 }] -->
`;
const withCase = (step = caseStep) => ({ ...files({ 'index.md': index + step }), 'scenes/case.json': JSON.stringify(scenario) });

describe('a case step', () => {
  it('gives the step its own goals and solution, times in ms, and a diagnosis without outcomes', () => {
    const r = parseLesson('07-tiny', withCase());
    if (!r.ok) throw new Error(formatLessonErrors(r.errors));
    const s = r.value.steps[1];
    expect(s.case).toEqual({ checkSec: 20, goals: [{ id: 'two', label: 'Two targets', kind: 'config', check: 'target-count', group: 'web', atLeast: 2 }], solution: [{ atMs: 5000, change: { action: 'set-target-count', group: 'web', count: 2 } }] });
    expect(s.predict?.options.every((o) => o.when === undefined)).toBe(true);
    expect(r.value.steps[0].case).toBeNull();
  });

  it.each([
    ['goals without a solution', withCase(caseStep.replace(/<!-- solution.*-->\n/, '')), 'a case needs both a "goals" and a "solution" directive'],
    ['a solution outside the controls', withCase(caseStep.replace('"action": "set-target-count", "group": "web", "count": 2', '"action": "set-algorithm", "group": "web", "algorithm": "random"')), 'solution[0].action: "set-algorithm" is not among the lesson\'s controls'],
    ['a solution after the case\'s check', withCase(caseStep.replace('"atSec": 5', '"atSec": 25')), "solution[0].atSec: 25 s is after the case's check at 20 s"],
    ['a case goal naming a missing group', withCase(caseStep.replace('"group": "web", "atLeast"', '"group": "api", "atLeast"')), 'goals.goals[0].group: no target group "api"'],
  ])('%s', (_what, f, expected) => {
    expect(errorsOf(f)).toContain(expected);
  });

  it('needs a scene: the lesson\'s own world has goals.json and solution.json', () => {
    const f = { ...files({ 'index.md': index + caseStep.replace('<!-- scene: "case" -->\n', '') }) };
    expect(errorsOf(f)).toContain('a case (goals and solution on a step) needs a scene');
  });
});

describe('mistakes name the file, the place and the reason', () => {
  it.each([
    ['a missing file', files({ 'goals.json': undefined }), 'lessons/07-tiny/goals.json (file): is missing'],
    ['a stray file', { ...files(), 'notes.txt': 'x' }, 'lessons/07-tiny/notes.txt (file): is not part of the lesson format'],
    ['bad JSON', files({ 'goals.json': '{ "checkSec": 30,' }), 'lessons/07-tiny/goals.json (file): not valid JSON'],
    ['a bad scenario', files({ 'scenario.json': { ...scenario, balancers: [] } }), 'lessons/07-tiny/scenario.json balancers: needs at least 1 item'],
    ['a goal naming a missing group', files({ 'goals.json': { checkSec: 30, goals: [{ ...goals.goals[0], group: 'api' }] } }), 'goals.json goals[0].group: no target group "api"'],
    ['a goal of an unknown kind', files({ 'goals.json': { checkSec: 30, goals: [{ id: 'x', label: 'x', kind: 'vibe' }] } }), 'goals.json goals[0].kind:'],
    ['a window past the check', files({ 'goals.json': { checkSec: 30, goals: [{ id: 'x', label: 'x', kind: 'metric', metric: 'errorRate', windowSec: 60, atMost: 0 }] } }), 'goals[0].windowSec: 60 s is after the check at 30 s'],
    ['duplicate goal ids', files({ 'goals.json': { checkSec: 30, goals: [goals.goals[0], goals.goals[0]] } }), 'goals[1].id: duplicate goal id "two"'],
    ['a solution outside the controls', files({ 'solution.json': [{ action: 'set-algorithm', group: 'web', algorithm: 'random' }] }), 'solution.json [0].action: "set-algorithm" is not among the lesson\'s controls'],
    ['a solution naming a missing target', files({ 'solution.json': [{ action: 'crash', target: 'zz' }] }), 'solution.json [0].target: no target with id "zz"'],
    ['a solution after the check', files({ 'solution.json': [{ atSec: 31, ...solution[0] }] }), 'solution.json [0].atSec: 31 s is after the check at 30 s'],
    ['a bad folder name', files(), 'lessons/Tiny (folder): name lesson folders like'],
    ['an unused scene', { ...files(), 'scenes/extra.json': JSON.stringify(scenario) }, 'scenes/extra.json (file): no step shows this scene'],
    ['no hints anywhere', files({ 'index.md': index.replace(/<!-- hints.*-->\n/, '') }), 'no step has hints'],
    ['a missing scene', files({ 'index.md': index + '\n<!-- scene: "dns" -->\n' }), 'index.md line 18: no scene "dns"'],
    ['an unknown directive', files({ 'index.md': index + '\n<!-- wiat: {} -->\n' }), 'line 18: unknown directive "wiat"'],
    ['a directive with bad JSON', files({ 'index.md': index + '\n<!-- wait: { kind: 1 } -->\n' }), 'line 18: directive "wait": not valid JSON'],
    ['two waits in a step', files({ 'index.md': index + '\n<!-- wait: { "kind": "event", "event": "log", "entry": "crash" } -->\n' }), 'step 1 has more than one "wait" directive'],
    ['a try that names a missing target', files({ 'index.md': index.replace('"target": "a" }] }', '"target": "q" }] }') }), 'try changes[0]: no target with id "q"'],
    ['raw HTML in prose', files({ 'index.md': index.replace('Some prose', '<b>Some</b> prose') }), 'line 11: raw HTML is not allowed'],
    ['a claim whose phrase left the prose', files({ 'claims.json': { ...claims, claims: [{ ...claim, phrase: 'Other prose' }] } }), 'claims.json claims[0].phrase: index.md does not contain "Other prose"'],
    ['a claim on a run that is not there', files({ 'claims.json': { ...claims, claims: [{ ...claim, run: 'later' }] } }), 'claims.json claims[0].run: no run "later" in runs (start)'],
    ['a claim run in a missing scene', files({ 'claims.json': { ...claims, runs: { start: { world: 'dns', untilSec: 10 } } } }), 'claims.json runs.start.world: no scene "dns"'],
    ['a claim with a value and a condition', files({ 'claims.json': { ...claims, claims: [{ ...claim, value: 'failed', exactly: 0 }] } }), 'give either a value (a reveal key) or a condition'],
    ['a claimed number the phrase does not state', files({ 'claims.json': { ...claims, claims: [{ phrase: 'Some prose', run: 'start', value: 'failed', exactly: 3, why: 'w' }] } }), 'claims[0].exactly: the phrase does not state 3'],
    ['an unknown report path', files({ 'claims.json': { ...claims, claims: [{ ...claim, condition: { kind: 'report', path: 'requests.lost', atMost: 0 } }] } }), 'claims[0].condition.path: "requests.lost" is not a number of the run\'s report'],
    ['a reveal number no claim guards', files({ 'index.md': withReveal }), "step 1's reveal states {{window.a.detectSec|12}}, and no claim has it in its phrase"],
    ['a reveal fallback its claim does not allow', files({ 'index.md': withReveal, 'claims.json': { ...claims, claims: [{ phrase: 'It took {{window.a.detectSec|12}} s.', run: 'start', value: 'window.a.detectSec', atMost: 10, why: 'w' }] } }), 'falls back to "12", which its claim (at most 10) does not allow'],
    [
      'a reveal kept at its step\'s moment whose claim measures another second',
      files({
        'index.md': withReveal.replace('{ "kind": "event", "event": "target-failed", "target": "a", "label": "a fails" }', '{ "kind": "event", "event": "log", "entry": "crash", "fromSec": 5, "toSec": 20, "label": "a fails" }'),
        'claims.json': { ...claims, claims: [{ phrase: 'It took {{window.a.detectSec|12}} s.', run: 'start', value: 'window.a.detectSec', atMost: 20, why: 'w' }] },
      }),
      "step 1's reveal states {{window.a.detectSec|12}} at its moment, 20 s (the player keeps the run's numbers there), but its claim's run \"start\" stops at 10 s",
    ],
    ['a lesson with no chapter', files({ 'index.md': index.replace('chapter: Tests\n', '') }), 'frontmatter.chapter'],
    ['an unlocked control that does not exist', files({ 'index.md': index.replace('crash]', 'explode]') }), 'frontmatter.controls[1]'],
  ])('%s', (_what, f, expected) => {
    expect(errorsOf(f, expected.includes('lessons/Tiny') ? 'Tiny' : '07-tiny')).toContain(expected);
  });
});

describe('index.md', () => {
  it('needs a frontmatter, and steps that start at "## "', () => {
    const r = parseLessonMarkdown('no frontmatter\n## Step\ntext');
    expect(r.ok).toBe(false);
    const r2 = parseLessonMarkdown('---\ntitle: x\n---\nloose text\n## Step\ntext');
    expect(!r2.ok && r2.errors).toEqual([{ line: 4, message: 'text before the first step: start each step with a "## " heading' }]);
  });

  it('reads quoted values and lists with quoted commas', () => {
    const r = parseLessonMarkdown('---\ntitle: "A: B"\nsources: [001, "a, b", \'c\']\n---\n## S\nprose');
    expect(r.ok && r.value.frontmatter).toEqual({ title: 'A: B', sources: ['001', 'a, b', 'c'] });
  });

  it('does not split steps or read directives inside fenced code', () => {
    const r = parseLessonMarkdown('---\ntitle: x\n---\n## S\n```\n## not a step\n<!-- wait: nope -->\n```\nprose');
    expect(r.ok && r.value.steps.map((s) => [s.title, s.directives.length])).toEqual([['S', 0]]);
  });

  it('reads a directive spread over several lines, with its first line', () => {
    const r = parseLessonMarkdown('---\ntitle: x\n---\n## S\nprose\n\n<!-- try: {\n  "label": "x"\n} -->\nmore');
    expect(r.ok && r.value.steps[0].directives).toEqual([{ name: 'try', value: { label: 'x' }, line: 7 }]);
    expect(r.ok && r.value.steps[0].markdown).toBe('prose\n\nmore');
  });

  it('counts words of prose', () => {
    expect(wordCount('Two `words`, and — a dash.\n\n```\ncode is not prose\n```')).toBe(5);
  });
});

describe('the two loaders', () => {
  afterEach(() => overwriteGetLocale(() => 'en'));

  it('the app bundle holds a summary of each lesson Node loads, without errors, and each whole lesson in a chunk of its own', async () => {
    const node = loadLessonsFromDir('lessons');
    expect(lessonErrors).toEqual([]);
    expect(bundled.map((l) => l.slug)).toEqual(node.lessons.map((l) => l.slug));
    expect(JSON.stringify(bundled)).toBe(JSON.stringify(node.lessons.map(summaryOf)));
    expect(lessonBySlug('one-server-is-not-enough')?.order).toBe(1);
    // the same, but for claims, which only the content test measures and the bundle leaves out
    for (const lesson of node.lessons) expect(JSON.stringify(await loadLesson(lesson.slug))).toBe(JSON.stringify({ ...lesson, claims: [] }));
    expect(await loadLesson('constructor')).toBeUndefined();
  });

  it('a Spanish page gets the translated lessons and their summaries in Spanish, the others in English', async () => {
    const node = loadLessonsFromDir('lessons');
    const texts = node.translations.es;
    expect(Object.keys(texts).length).toBeGreaterThan(0);
    overwriteGetLocale(() => 'es');
    for (const lesson of node.lessons) {
      const english = { ...lesson, claims: [] };
      const expected = texts[lesson.slug] ? { ...localizeLesson(english, texts[lesson.slug]), lang: 'es' } : english;
      expect(JSON.stringify(await loadLesson(lesson.slug))).toBe(JSON.stringify(expected));
      if (texts[lesson.slug]) expect(JSON.stringify(spanishSummaries[lesson.slug])).toBe(JSON.stringify(summaryOf(expected)));
    }
    expect(Object.keys(spanishSummaries).sort()).toEqual(Object.keys(texts).sort());
  });

  it('reports two lessons with the same number', () => {
    const a = Object.fromEntries(Object.entries(files()).map(([k, v]) => [`/lessons/01-a/${k}`, v]));
    const b = Object.fromEntries(Object.entries(files()).map(([k, v]) => [`/lessons/01-b/${k}`, v]));
    const r = loadLessons({ ...a, ...b, '/lessons/README.md': '# ignored' });
    expect(formatLessonErrors(r.errors)).toBe('lessons/01-b (folder): lessons/01-a has the same number 01');
  });
});

/**
 * Turns a lesson folder's files (plain text, however they were read) into a checked `Lesson`, or into
 * errors that each name the file, the place in it and what is wrong. Beyond each file's own shape it
 * checks what spans files: the ids goals, waits, tries and predictions name exist in the world they
 * apply to; the solution uses only unlocked controls and fits before the check; every scene is used.
 */
import type { z } from 'zod';
import type { TimedChange } from '../engine/goals/index.ts';
import type { Change, Scenario } from '../scenario/schema.ts';
import { formatPath, validateChange, validateScenario } from '../scenario/validate.ts';
import { checkTimedChanges } from './changes.ts';
import { ClaimsFileSchema, type Claim } from './claims.ts';
import type { LessonCondition, LessonGoal } from './conditions.ts';
import { parseLessonMarkdown, type RawStep } from './markdown.ts';
import { revealErrors } from './reveal.ts';
import { expandUnlocks, pathsUnlocked, unlockProblems } from './unlocks.ts';
import { scenarioSchema } from '../scenario/json-schema.ts';
import { patchesOf } from '../scenario/patch.ts';
import { checkCondition, fromValidation, parseJson, zodErrors, type LessonError } from './lesson-checks.ts';
import { buildClaims } from './lesson-claims.ts';
import { DIRECTIVES, FrontmatterSchema, type CaseGoalsDirectiveSchema, GoalsFileSchema, SolutionFileSchema, type ChangeAction, type DirectiveName, type PredictDirectiveSchema, type HintsDirectiveSchema } from './schema.ts';

export type { LessonError };

export type Predict = z.output<typeof PredictDirectiveSchema>;
export type Hints = z.output<typeof HintsDirectiveSchema>;
/** A step's wait-for: a condition, with an optional label for the player. */
export type WaitFor = LessonCondition & { label?: string };

export interface Step {
  /** 1-based, as in `#/lessons/<slug>/<step>`. */
  number: number;
  title: string;
  /** Prose, markdown without raw HTML (render it with HTML escaped). */
  markdown: string;
  /** The world this step shows: a scene's name, or null for the lesson's scenario. */
  scene: string | null;
  wait: WaitFor | null;
  tries: { label: string; changes: Change[] }[];
  predict: Predict | null;
  hints: Hints | null;
  /** Prose shown only once the run has produced the result (the wait holds, or the prediction's outcome is in). */
  reveal: string | null;
  /** A case: the scene's own goals and solution (`goals` and `solution` directives), or null. */
  case: Case | null;
}

/** A scene step's own task: its goals, judged at `checkSec` of the scene's run, and the changes that meet them. */
export interface Case {
  checkSec: number;
  goals: LessonGoal[];
  /** Times in ms, as the lesson's solution. */
  solution: TimedChange[];
}

export interface Lesson {
  /** Folder name without its number: `one-server-is-not-enough`. */
  slug: string;
  /** The folder's numeric prefix. */
  order: number;
  folder: string;
  title: string;
  /** The chapter's title; lessons of one chapter are listed together. */
  chapter: string;
  summary: string;
  sources: string[];
  /** Live-change actions the learner may use. */
  controls: ChangeAction[];
  /** What the learner may patch live with the builder: patterns and named groups (unlocks.ts). */
  unlocks: string[];
  /** A challenge: the check's run is scored and the learner's best kept (score.ts). */
  score: boolean;
  scenario: Scenario;
  /** Extra worlds some steps show, by name (`scenes/<name>.json`). */
  scenes: Record<string, Scenario>;
  checkSec: number;
  goals: LessonGoal[];
  /** solution.json, with times in ms (TimedChange, as the worker logs changes). */
  solution: TimedChange[];
  /** For each change of `solution`, the step whose task it does (its `step`; else the first step with hints): tasks.ts. */
  solutionSteps: number[];
  /** The step that asks for each goal, by id (its `step`; else 1): the checklist shows it from that step on. */
  goalSteps: Record<string, number>;
  steps: Step[];
  /** claims.json: the numbers the prose states, each with its phrase, its run and its measure. */
  claims: Claim[];
  /** The language of its words when a translation replaced them (lessons.ts); absent: English. */
  lang?: string;
}

export const LESSON_FOLDER = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const REQUIRED = ['index.md', 'scenario.json', 'goals.json', 'solution.json', 'claims.json'] as const;
/** A translation's files (checked by translation.ts, not here): `index.es.md`, `goals.es.json`, `claims.es.json`, `names.es.json`. */
export const TRANSLATION_FILE = /^(index|goals|claims|names)\.([a-z]{2})\.(md|json)$/;

type Result<T> = { ok: true; value: T } | { ok: false; errors: LessonError[] };

/** Parses and checks one lesson folder. `files` maps names inside the folder (`index.md`, `scenes/dns.json`) to text. */
export function parseLesson(folder: string, files: Readonly<Record<string, string>>): Result<Lesson> {
  const errors: LessonError[] = [];
  const base = `lessons/${folder}`;
  const name = LESSON_FOLDER.exec(folder);
  if (!name) errors.push({ file: base, path: '(folder)', message: 'name lesson folders like "01-one-server-is-not-enough": two digits, a dash, lowercase words joined by dashes' });
  for (const f of REQUIRED) if (files[f] === undefined) errors.push({ file: `${base}/${f}`, path: '(file)', message: 'is missing' });
  for (const f of Object.keys(files)) {
    if (!(REQUIRED as readonly string[]).includes(f) && !/^scenes\/[A-Za-z0-9][A-Za-z0-9_.-]*\.json$/.test(f) && !TRANSLATION_FILE.test(f)) errors.push({ file: `${base}/${f}`, path: '(file)', message: 'is not part of the lesson format (index.md, scenario.json, goals.json, solution.json, scenes/<name>.json; a translation\'s index.<locale>.md, goals.<locale>.json, claims.<locale>.json, names.<locale>.json)' });
  }
  if (errors.length > 0) return { ok: false, errors };

  // scenario and scenes
  const scenarioFile = `${base}/scenario.json`;
  const scenarioRaw = parseJson(scenarioFile, files['scenario.json'], errors);
  const scenarioV = scenarioRaw === undefined ? null : validateScenario(scenarioRaw);
  if (scenarioV && !scenarioV.ok) errors.push(...fromValidation(scenarioFile, scenarioV.errors));
  const scenes: Record<string, Scenario> = {};
  for (const f of Object.keys(files).filter((x) => x.startsWith('scenes/')).sort()) {
    const raw = parseJson(`${base}/${f}`, files[f], errors);
    if (raw === undefined) continue;
    const v = validateScenario(raw);
    if (v.ok) scenes[f.slice('scenes/'.length, -'.json'.length)] = v.value;
    else errors.push(...fromValidation(`${base}/${f}`, v.errors));
  }

  // frontmatter and steps
  const indexFile = `${base}/index.md`;
  const md = parseLessonMarkdown(files['index.md']);
  if (!md.ok) errors.push(...md.errors.map((e) => ({ file: indexFile, path: `line ${e.line}`, message: e.message })));
  const fm = md.ok ? FrontmatterSchema.safeParse(md.value.frontmatter) : null;
  if (fm && !fm.success) errors.push(...zodErrors(indexFile, fm.error, 'frontmatter.'));

  // goals
  const goalsFile = `${base}/goals.json`;
  const goalsRaw = parseJson(goalsFile, files['goals.json'], errors);
  const goalsV = goalsRaw === undefined ? null : GoalsFileSchema.safeParse(goalsRaw);
  if (goalsV && !goalsV.success) errors.push(...zodErrors(goalsFile, goalsV.error));

  // solution
  const solutionFile = `${base}/solution.json`;
  const solutionRaw = parseJson(solutionFile, files['solution.json'], errors);
  const solutionV = solutionRaw === undefined ? null : SolutionFileSchema.safeParse(solutionRaw);
  if (solutionV && !solutionV.success) errors.push(...zodErrors(solutionFile, solutionV.error));

  // claims
  const claimsFile = `${base}/claims.json`;
  const claimsRaw = parseJson(claimsFile, files['claims.json'], errors);
  const claimsV = claimsRaw === undefined ? null : ClaimsFileSchema.safeParse(claimsRaw);
  if (claimsV && !claimsV.success) errors.push(...zodErrors(claimsFile, claimsV.error));

  if (errors.length > 0 || !scenarioV?.ok || !md.ok || !fm?.success || !goalsV?.success || !solutionV?.success || !claimsV?.success) return { ok: false, errors };
  const scenario = scenarioV.value;
  const { checkSec } = goalsV.data;
  // a goal's `step` is the player's business, not the engine's: lifted out here
  const goalSteps = Object.fromEntries(goalsV.data.goals.map((g) => [g.id, g.step ?? 1]));
  const goals = goalsV.data.goals.map(({ step: _step, ...g }) => g) as LessonGoal[];

  // the solution, each change against the world as the changes before it left it (patches folded in)
  const controls = fm.data.controls;
  const checked = checkTimedChanges(solutionV.data.map(({ step: _step, ...entry }) => entry), scenario);
  errors.push(...fromValidation(solutionFile, checked.errors));
  // a patch is allowed by the 'patch' control (anything) or, without it, inside the builder's unlocks
  const unlocked = expandUnlocks(fm.data.unlocks);
  for (const p of unlockProblems(fm.data.unlocks, scenarioSchema())) errors.push({ file: indexFile, path: `frontmatter.unlocks[${p.index}]`, message: p.message });
  checked.changes.forEach(({ atMs, change }, i) => {
    if (change.action === 'patch' && !controls.includes('patch')) {
      if (!pathsUnlocked(patchesOf(change).map((p) => p.path), unlocked)) errors.push({ file: solutionFile, path: `[${i}]`, message: `patches a part the lesson does not unlock (unlocks: ${fm.data.unlocks.join(', ') || 'nothing'})` });
    } else if (!controls.includes(change.action)) errors.push({ file: solutionFile, path: `[${i}].action`, message: `"${change.action}" is not among the lesson's controls (${controls.join(', ')})` });
    if (atMs > checkSec * 1000) errors.push({ file: solutionFile, path: `[${i}].atSec`, message: `${atMs / 1000} s is after the check at ${checkSec} s` });
  });
  const solution = checked.changes;
  // goals, waits and predictions may name what the solution builds (a group a patch adds)
  const solved = checked.world;

  const seen = new Set<string>();
  goals.forEach((g, i) => {
    if (seen.has(g.id)) errors.push({ file: goalsFile, path: `goals[${i}].id`, message: `duplicate goal id "${g.id}"` });
    seen.add(g.id);
    checkCondition(g, solved, goalsFile, `goals[${i}]`, checkSec, errors);
  });

  const steps = md.value.steps.map((raw, i) => buildStep(raw, i + 1, { scenario, solved, scenes, file: indexFile, errors, controls, unlocked, unlocks: fm.data.unlocks }));
  if (!steps.some((s) => s.hints !== null)) errors.push({ file: indexFile, path: '(file)', message: 'no step has hints: give the step that asks for the fix a <!-- hints: {…} --> directive' });
  const taskSteps = steps.filter((s) => s.hints !== null).map((s) => s.number);
  const solutionSteps = solutionV.data.map((entry, i) => {
    if (entry.step !== undefined && !taskSteps.includes(entry.step)) errors.push({ file: solutionFile, path: `[${i}].step`, message: `step ${entry.step} sets no task: name a step with hints (${taskSteps.join(', ') || 'none'})` });
    return entry.step ?? taskSteps[0] ?? 1;
  });
  goalsV.data.goals.forEach((g, i) => {
    if (g.step !== undefined && g.step > steps.length) errors.push({ file: goalsFile, path: `goals[${i}].step`, message: `the lesson has ${steps.length} steps` });
  });
  const used = new Set(steps.map((s) => s.scene));
  for (const s of Object.keys(scenes)) if (!used.has(s)) errors.push({ file: `${base}/scenes/${s}.json`, path: '(file)', message: 'no step shows this scene (<!-- scene: "' + s + '" -->)' });

  const claims = buildClaims(claimsV.data, { scenario, scenes, solution, prose: files['index.md'], steps, file: claimsFile, errors });

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { slug: name![2], order: Number(name![1]), folder, ...fm.data, scenario, scenes, checkSec, goals, solution, solutionSteps, goalSteps, steps, claims },
  };
}

interface StepContext {
  scenario: Scenario;
  solved: Scenario;
  scenes: Record<string, Scenario>;
  file: string;
  errors: LessonError[];
  controls: readonly ChangeAction[];
  unlocked: readonly string[];
  unlocks: readonly string[];
}

function buildStep(raw: RawStep, number: number, ctx: StepContext): Step {
  const { file, errors } = ctx;
  const step: Step = { number, title: raw.title, markdown: raw.markdown, scene: null, wait: null, tries: [], predict: null, hints: null, reveal: null, case: null };
  const parsed: { name: DirectiveName; value: unknown; line: number }[] = [];
  for (const d of raw.directives) {
    if (!(d.name in DIRECTIVES)) {
      errors.push({ file, path: `line ${d.line}`, message: `unknown directive "${d.name}" (known: ${Object.keys(DIRECTIVES).join(', ')})` });
      continue;
    }
    const name = d.name as DirectiveName;
    const v = DIRECTIVES[name].safeParse(d.value);
    if (!v.success) {
      errors.push(...v.error.issues.map((i) => ({ file, path: `line ${d.line}`, message: `${name}${i.path.length ? ' ' + formatPath(i.path) : ''}: ${i.message}` })));
      continue;
    }
    if (name !== 'try' && parsed.some((p) => p.name === name)) errors.push({ file, path: `line ${d.line}`, message: `step ${number} has more than one "${name}" directive` });
    parsed.push({ name, value: v.data, line: d.line });
  }
  const sceneDirective = parsed.find((p) => p.name === 'scene');
  if (sceneDirective) {
    step.scene = sceneDirective.value as string;
    if (!(step.scene in ctx.scenes)) errors.push({ file, path: `line ${sceneDirective.line}`, message: `no scene "${step.scene}" (add scenes/${step.scene}.json)` });
  }
  const scene = step.scene !== null ? ctx.scenes[step.scene] : undefined;
  // ids in the lesson's own world may be ones the solution builds; its tries may act before or after it
  const world = scene ?? ctx.solved;
  const tryWorlds = scene ? [scene] : [ctx.scenario, ctx.solved];
  for (const p of parsed) {
    const at = `line ${p.line}`;
    if (p.name === 'wait') {
      step.wait = p.value as WaitFor;
      checkCondition(step.wait, world, file, `${at} wait`, null, errors);
    } else if (p.name === 'try') {
      const t = p.value as Step['tries'][number];
      t.changes.forEach((c, i) => {
        const results = tryWorlds.map((w) => validateChange(c, w));
        const v = results.find((r) => r.ok) ?? results[0];
        if (!v.ok) errors.push(...v.errors.map((e) => ({ file, path: at, message: `try changes[${i}]: ${e.message}` })));
      });
      step.tries.push(t);
    } else if (p.name === 'predict') {
      step.predict = p.value as Predict;
      step.predict.options.forEach((o, oi) => o.when?.forEach((c, ci) => checkCondition(c as LessonCondition, world, file, `${at} predict options[${oi}].when[${ci}]`, step.predict!.atSec ?? null, errors)));
    } else if (p.name === 'hints') step.hints = p.value as Hints;
    else if (p.name === 'reveal') {
      step.reveal = p.value as string;
      for (const message of revealErrors(step.reveal)) errors.push({ file, path: `${at} reveal`, message });
    }
  }
  const goalsDirective = parsed.find((p) => p.name === 'goals');
  const solutionDirective = parsed.find((p) => p.name === 'solution');
  if (goalsDirective || solutionDirective) {
    const line = (goalsDirective ?? solutionDirective)!.line;
    if (!goalsDirective || !solutionDirective) errors.push({ file, path: `line ${line}`, message: 'a case needs both a "goals" and a "solution" directive' });
    else if (!scene) errors.push({ file, path: `line ${line}`, message: 'a case (goals and solution on a step) needs a scene: the lesson\'s own world has goals.json and solution.json' });
    else step.case = buildCase(goalsDirective.value as CaseDirective, solutionDirective.value as Record<string, unknown>[], scene, { ...ctx, goalsLine: goalsDirective.line, solutionLine: solutionDirective.line });
  }
  if (step.reveal !== null && step.wait === null && step.predict === null) errors.push({ file, path: `step ${number}`, message: 'a reveal needs a wait or a predict directive: it is shown once the run has produced the result' });
  return step;
}

type CaseDirective = z.output<typeof CaseGoalsDirectiveSchema>;

/** A case's goals and solution, checked against its scene as the solution leaves it (as goals.json and solution.json are). */
function buildCase(goalsData: CaseDirective, entries: Record<string, unknown>[], scene: Scenario, ctx: StepContext & { goalsLine: number; solutionLine: number }): Case {
  const { file, errors } = ctx;
  const at = `line ${ctx.solutionLine} solution`;
  const checked = checkTimedChanges(entries, scene);
  errors.push(...fromValidation(file, checked.errors, at));
  checked.changes.forEach(({ atMs, change }, i) => {
    if (change.action === 'patch' && !ctx.controls.includes('patch')) {
      if (!pathsUnlocked(patchesOf(change).map((p) => p.path), ctx.unlocked)) errors.push({ file, path: `${at}[${i}]`, message: `patches a part the lesson does not unlock (unlocks: ${ctx.unlocks.join(', ') || 'nothing'})` });
    } else if (change.action !== 'patch' && !ctx.controls.includes(change.action)) errors.push({ file, path: `${at}[${i}].action`, message: `"${change.action}" is not among the lesson's controls (${ctx.controls.join(', ')})` });
    if (atMs > goalsData.checkSec * 1000) errors.push({ file, path: `${at}[${i}].atSec`, message: `${atMs / 1000} s is after the case's check at ${goalsData.checkSec} s` });
  });
  const goals = goalsData.goals as LessonGoal[];
  const seen = new Set<string>();
  goals.forEach((g, i) => {
    const where = `line ${ctx.goalsLine} goals.goals[${i}]`;
    if (seen.has(g.id)) errors.push({ file, path: `${where}.id`, message: `duplicate goal id "${g.id}"` });
    seen.add(g.id);
    checkCondition(g, checked.world, file, where, goalsData.checkSec, errors);
  });
  return { checkSec: goalsData.checkSec, goals, solution: checked.changes };
}

/**
 * Loads every lesson from a map of paths to text, as `import.meta.glob` gives it (`/lessons/01-x/index.md`)
 * or as a Node loader builds it. Files directly in lessons/ (the README) are ignored. Lessons come out
 * in folder order; a lesson with any error is left out and its errors returned.
 */
export function loadLessons(files: Readonly<Record<string, string>>): { lessons: Lesson[]; errors: LessonError[] } {
  const byFolder = new Map<string, Record<string, string>>();
  for (const [path, text] of Object.entries(files)) {
    const m = /^\/?(?:.*\/)?lessons\/([^/]+)\/(.+)$/.exec(path.replaceAll('\\', '/'));
    if (!m) continue;
    const folder = byFolder.get(m[1]) ?? {};
    folder[m[2]] = text;
    byFolder.set(m[1], folder);
  }
  const lessons: Lesson[] = [];
  const errors: LessonError[] = [];
  for (const folder of [...byFolder.keys()].sort()) {
    const r = parseLesson(folder, byFolder.get(folder)!);
    if (r.ok) lessons.push(r.value);
    else errors.push(...r.errors);
  }
  const orders = new Map<number, string>();
  for (const l of lessons) {
    const other = orders.get(l.order);
    if (other) errors.push({ file: `lessons/${l.folder}`, path: '(folder)', message: `lessons/${other} has the same number ${String(l.order).padStart(2, '0')}` });
    orders.set(l.order, l.folder);
  }
  return { lessons, errors };
}

/** One line per error: `lessons/01-x/goals.json goals[2].target: no target "z" in …`. */
export function formatLessonErrors(errors: readonly LessonError[]): string {
  return errors.map((e) => `${e.file} ${e.path}: ${e.message}`).join('\n');
}

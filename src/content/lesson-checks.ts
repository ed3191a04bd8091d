/**
 * The lesson loader's small checks and error shapes: JSON parsing, schema and validator errors put under a
 * file and path, and a condition's ids and times checked against the world it applies to.
 */
import type { z } from 'zod';
import type { Scenario } from '../scenario/schema.ts';
import { formatPath, type ValidationError } from '../scenario/validate.ts';
import type { LessonCondition } from './conditions.ts';
import { reportPathError } from './report-paths.ts';

/** One problem in a lesson: the file (`lessons/01-x/goals.json`), where in it, and why. */
export interface LessonError {
  file: string;
  /** A JSON path (`goals[2].target`), `line 14` in index.md, or `(file)`. */
  path: string;
  message: string;
}

export function parseJson(file: string, text: string, errors: LessonError[]): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    errors.push({ file, path: '(file)', message: `not valid JSON: ${(e as Error).message}` });
    return undefined;
  }
}

export function zodErrors(file: string, error: z.ZodError, prefix = ''): LessonError[] {
  return error.issues.map((i) => ({ file, path: i.path.length ? prefix + formatPath(i.path) : prefix.replace(/\.$/, '') || '(root)', message: i.message }));
}

/** Scenario and change errors, their paths put under `prefix` (a change's `(change).target` becomes `[2].target`). */
export function fromValidation(file: string, errors: ValidationError[], prefix = ''): LessonError[] {
  return errors.map((e) => {
    let path = e.path;
    if (prefix) path = path.startsWith('(change)') ? prefix + path.slice('(change)'.length) : path === '(root)' ? prefix : `${prefix}.${path}`;
    return { file, path, message: e.message };
  });
}

/** Ids a condition names, with where they sit in it. */
function conditionRefs(c: LessonCondition): { field: string; kind: 'group' | 'target'; id: string }[] {
  const out: { field: string; kind: 'group' | 'target'; id: string }[] = [];
  if ('group' in c && c.group !== undefined) out.push({ field: 'group', kind: 'group', id: c.group });
  if ('target' in c && c.target !== undefined) out.push({ field: 'target', kind: 'target', id: c.target });
  if (c.kind === 'config' && c.check === 'weights') for (const t of Object.keys(c.ratio)) out.push({ field: `ratio.${t}`, kind: 'target', id: t });
  return out;
}

export function checkCondition(c: LessonCondition, world: Scenario, file: string, at: string, lastSec: number | null, errors: LessonError[]): void {
  const groups = new Set(world.targetGroups.map((g) => g.id));
  const targets = new Set(world.targetGroups.flatMap((g) => g.targets.map((t) => t.id)));
  for (const r of conditionRefs(c)) {
    if (!(r.kind === 'group' ? groups : targets).has(r.id)) errors.push({ file, path: `${at}.${r.field}`, message: `no ${r.kind === 'group' ? 'target group' : 'target'} "${r.id}" in ${world.name}` });
  }
  if (c.kind === 'report') {
    const e = reportPathError(c.path, targets);
    if (e !== null) errors.push({ file, path: `${at}.path`, message: e });
  }
  if (lastSec === null) return;
  const late = (field: string, sec: number | undefined) => {
    if (sec !== undefined && sec > lastSec) errors.push({ file, path: `${at}.${field}`, message: `${sec} s is after the check at ${lastSec} s` });
  };
  if (c.kind === 'metric') {
    late('windowSec', c.windowSec);
    late('toSec', c.toSec);
    if (c.fromSec !== undefined && c.fromSec >= lastSec) errors.push({ file, path: `${at}.fromSec`, message: `${c.fromSec} s leaves no time before the check at ${lastSec} s` });
  }
}

/**
 * claims.json resolved and checked: each run's world and changes, each claim's phrase found in the prose and its
 * measure, and every reveal placeholder's fallback claimed and allowed by its claim.
 */
import type { z } from 'zod';
import type { TimedChange } from '../engine/goals/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import { checkTimedChanges } from './changes.ts';
import { meetsClaim, normaliseSpace, proseNumber, type Claim, type ClaimsFileSchema } from './claims.ts';
import type { LessonCondition } from './conditions.ts';
import { checkCondition, fromValidation, type LessonError } from './lesson-checks.ts';
import { placeholders, revealKeyError } from './reveal.ts';
import { stepMomentSec, type MomentOf } from './moment.ts';

/** Resolves and checks claims.json: runs, phrases, measures, and that every reveal placeholder is claimed. */
export function buildClaims(
  data: z.output<typeof ClaimsFileSchema>,
  ctx: { scenario: Scenario; scenes: Record<string, Scenario>; solution: TimedChange[]; prose: string; steps: readonly ({ number: number; reveal: string | null } & MomentOf)[]; file: string; errors: LessonError[] },
): Claim[] {
  const { file, errors } = ctx;
  const runs = new Map<string, { run: Claim['run']; world: Scenario }>();
  for (const [name, r] of Object.entries(data.runs)) {
    const start = r.world === 'scenario' ? ctx.scenario : ctx.scenes[r.world];
    if (start === undefined) {
      errors.push({ file, path: `runs.${name}.world`, message: `no scene "${r.world}" (use "scenario" or the name of a scene)` });
      continue;
    }
    if (r.solution && r.world !== 'scenario') errors.push({ file, path: `runs.${name}.solution`, message: 'the solution belongs to the lesson\'s world ("world": "scenario")' });
    const solved = r.solution ? checkTimedChanges(ctx.solution.map(({ atMs, change }) => ({ atSec: atMs / 1000, ...change })), start).world : start;
    const more = checkTimedChanges(r.changes ?? [], solved);
    errors.push(...fromValidation(file, more.errors, `runs.${name}.changes`));
    const changes = [...(r.solution ? ctx.solution : []), ...more.changes].map((c, i) => ({ ...c, i })).sort((a, b) => a.atMs - b.atMs || a.i - b.i).map(({ atMs, change }) => ({ atMs, change }));
    runs.set(name, { run: { name, world: r.world === 'scenario' ? null : r.world, changes, untilSec: r.untilSec }, world: more.world });
  }
  const prose = normaliseSpace(ctx.prose);
  const claims: Claim[] = [];
  data.claims.forEach((c, i) => {
    const at = `claims[${i}]`;
    if (!prose.includes(normaliseSpace(c.phrase))) errors.push({ file, path: `${at}.phrase`, message: `index.md does not contain "${c.phrase}" (the prose changed: update the claim, and check its number)` });
    const run = runs.get(c.run);
    if (run === undefined) {
      if (!(c.run in data.runs)) errors.push({ file, path: `${at}.run`, message: `no run "${c.run}" in runs (${Object.keys(data.runs).join(', ')})` });
      return;
    }
    if (c.value !== undefined) {
      const e = revealKeyError(c.value);
      if (e !== null) errors.push({ file, path: `${at}.value`, message: e });
      const exactly = c.exactly;
      if (exactly !== undefined && !placeholders(c.phrase).some((p) => p.key === c.value) && !phraseHasNumber(c.phrase, exactly)) {
        errors.push({ file, path: `${at}.exactly`, message: `the phrase does not state ${exactly} (write it as digits, or as the fallback of a {{${c.value}|…}} placeholder)` });
      }
      claims.push({ phrase: c.phrase, run: run.run, measure: { kind: 'value', key: c.value, exactly, atLeast: c.atLeast, atMost: c.atMost }, why: c.why });
    } else {
      const conditions = (Array.isArray(c.condition) ? c.condition : [c.condition!]) as LessonCondition[];
      conditions.forEach((k, j) => checkCondition(k, run.world, file, `${at}.condition${Array.isArray(c.condition) ? `[${j}]` : ''}`, run.run.untilSec, errors));
      claims.push({ phrase: c.phrase, run: run.run, measure: { kind: 'conditions', conditions }, why: c.why });
    }
  });
  // a reveal's fallback is our run's number: it must be claimed, and agree with its claim; where the step has a
  // moment (moment.ts), the player keeps the numbers the run had there, so the claim measures at that second
  // (a wait without an end of its own may hold later than the moment: the numbers are kept when it does)
  for (const step of ctx.steps) {
    const momentSec = stepMomentSec(step);
    const keptAtMoment = momentSec !== null && (step.wait === null || ('toSec' in step.wait && step.wait.toSec === momentSec));
    const reveal = normaliseSpace(step.reveal ?? '');
    for (const p of placeholders(step.reveal ?? '')) {
      const claiming = claims.filter((c) => c.measure.kind === 'value' && c.measure.key === p.key && normaliseSpace(c.phrase).includes(p.raw));
      // the same placeholder may be in two steps' reveals: this step's claim is the one whose phrase is in its reveal
      const claim = claiming.find((c) => reveal.includes(normaliseSpace(c.phrase))) ?? claiming[0];
      const n = proseNumber(p.fallback);
      if (claim === undefined) errors.push({ file, path: '(claims)', message: `step ${step.number}'s reveal states ${p.raw}, and no claim has it in its phrase with "value": "${p.key}"` });
      else if (keptAtMoment && claim.run.untilSec !== momentSec) errors.push({ file, path: '(claims)', message: `step ${step.number}'s reveal states ${p.raw} at its moment, ${momentSec} s (the player keeps the run's numbers there), but its claim's run "${claim.run.name}" stops at ${claim.run.untilSec} s` });
      else if (claim.measure.kind === 'value' && (n === null || !meetsClaim(n, claim.measure))) errors.push({ file, path: '(claims)', message: `step ${step.number}'s reveal falls back to "${p.fallback}", which its claim (${describeMeasure(claim.measure)}) does not allow` });
    }
  }
  return claims;
}

function phraseHasNumber(phrase: string, n: number): boolean {
  const plain = String(n);
  const grouped = n.toLocaleString('en-US', { maximumFractionDigits: 20 });
  return new RegExp(`(^|[^\\d.,])(${escape(plain)}|${escape(grouped)})(?![\\d])`).test(phrase);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function describeMeasure(m: { exactly?: number; atLeast?: number; atMost?: number }): string {
  if (m.exactly !== undefined) return `exactly ${m.exactly}`;
  return [m.atLeast !== undefined ? `at least ${m.atLeast}` : '', m.atMost !== undefined ? `at most ${m.atMost}` : ''].filter(Boolean).join(' and ');
}

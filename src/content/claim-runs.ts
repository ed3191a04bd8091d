/**
 * Measures a lesson's claims: runs each claimed run once (its world, its changes at their times, until its
 * second) and reads each claim's number the way the player reads it (a reveal key, or lesson conditions).
 * For Node hosts (the content test, scripts); the page never runs claims.
 */
import { goalStateOf, type TimedChange } from '../engine/goals/index.ts';
import { createSimulation } from '../engine/index.ts';
import type { Simulation } from '../engine/types.ts';
import type { Claim, ClaimRun } from './claims.ts';
import { meetsClaim } from './claims.ts';
import { evaluateLessonCondition } from './conditions.ts';
import type { Lesson } from './lesson.ts';
import { revealValue } from './reveal.ts';

/** A run's simulation, and the changes the engine took (a refused change is an error in the run). */
export function runClaimRun(lesson: Lesson, run: ClaimRun): { sim: Simulation; applied: TimedChange[]; refused: string[] } {
  const sim = createSimulation(run.world === null ? lesson.scenario : lesson.scenes[run.world]);
  const applied: TimedChange[] = [];
  const refused: string[] = [];
  for (const c of run.changes) {
    sim.runUntil(c.atMs);
    const reason = sim.apply(c.change);
    if (reason === null) applied.push(c);
    else refused.push(`${c.change.action} at ${c.atMs / 1000} s: ${reason}`);
  }
  sim.runUntil(run.untilSec * 1000);
  return { sim, applied, refused };
}

export interface ClaimResult {
  holds: boolean;
  /** What was measured, in words: "window.web-1.failed = 383 (claimed exactly 383)". */
  detail: string;
}

/** Measures one claim on its run (already run by runClaimRun). */
export function measureClaim(claim: Claim, run: { sim: Simulation; applied: TimedChange[] }): ClaimResult {
  const m = claim.measure;
  if (m.kind === 'value') {
    const v = revealValue(m.key, { metrics: run.sim.metrics(), health: run.sim.health(), events: run.sim.events(0) });
    const want = m.exactly !== undefined ? `exactly ${m.exactly}` : [m.atLeast !== undefined ? `≥ ${m.atLeast}` : '', m.atMost !== undefined ? `≤ ${m.atMost}` : ''].filter(Boolean).join(' and ');
    return { holds: v !== null && meetsClaim(v, m), detail: `${m.key} = ${v ?? 'nothing in this run'} (claimed ${want})` };
  }
  const state = goalStateOf(run.sim, run.applied);
  const results = m.conditions.map((c) => evaluateLessonCondition(c, state));
  return { holds: results.every((r) => r.met), detail: results.map((r) => r.detail).join('; ') };
}

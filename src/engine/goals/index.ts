/**
 * Lesson goals and step conditions, evaluated against a run: plain data in (what the engine reports,
 * plus the scenario and the live changes applied to it), `{ id, label, met, detail }` out. Pure: it
 * reads `metrics()`, `series()`, `health()`, `topology()` and the event log, never the clock. Three kinds: metric (numbers over a window of
 * whole seconds), config (what the system is set up to do), event (what happened). Exact semantics:
 * docs/writing-lessons.md. `runGoalCheck` is the "lesson check": a fresh run with the learner's changes.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { createSimulation } from '../index.ts';
import type { Simulation } from '../types.ts';
import type { Condition, ConditionResult, Goal, GoalResult, GoalState, TimedChange } from './types.ts';
import { metricCondition } from './metric-goals.ts';
import { configCondition, eventCondition } from './config-event-goals.ts';

export * from './types.ts';
export { currentHealthCheck, currentWeight } from './config-event-goals.ts';

/** Collects a GoalState from a running simulation and the changes applied to it so far. */
export function goalStateOf(sim: Simulation, changes: readonly TimedChange[]): GoalState {
  return { nowMs: sim.nowMs, scenario: sim.scenario, changes, metrics: sim.metrics(), series: sim.series(), health: sim.health(), topology: sim.topology(), events: sim.events(0) };
}

/** Evaluates every goal, in order. */
export function evaluateGoals(goals: readonly Goal[], state: GoalState): GoalResult[] {
  return goals.map((g) => ({ id: g.id, label: g.label, ...evaluateCondition(g, state) }));
}

/** Evaluates one condition (a goal, a wait-for, a prediction's option). */
export function evaluateCondition(c: Condition, state: GoalState): ConditionResult {
  switch (c.kind) {
    case 'metric':
      return metricCondition(c, state);
    case 'config':
      return configCondition(c, state);
    case 'event':
      return eventCondition(c, state);
  }
}

export interface CheckResult {
  results: GoalResult[];
  allMet: boolean;
  /** Changes the engine refused (each changes nothing), by index in the list given. */
  refused: { index: number; reason: string }[];
}

/**
 * The lesson check: runs `scenario` from time 0, applying each change at its time (in time order; equal
 * times keep list order), until `checkSec`, then evaluates the goals. Deterministic: the same inputs
 * give the same results, so it equals evaluating the learner's own run when it reaches `checkSec`.
 */
export function runGoalCheck(scenario: Scenario, goals: readonly Goal[], changes: readonly TimedChange[], checkSec: number): CheckResult {
  const run = runWithChanges(scenario, changes, checkSec);
  const results = evaluateGoals(goals, goalStateOf(run.sim, run.applied));
  return { results, allMet: results.every((r) => r.met), refused: run.refused };
}

/** The run a check judges: `scenario` from 0 with each change at its time (equal times in list order) until `checkSec`. */
export function runWithChanges(scenario: Scenario, changes: readonly TimedChange[], checkSec: number): { sim: Simulation; applied: TimedChange[]; refused: CheckResult['refused'] } {
  const sim = createSimulation(scenario);
  const order = changes.map((c, index) => ({ ...c, index })).sort((a, b) => a.atMs - b.atMs || a.index - b.index);
  const refused: CheckResult['refused'] = [];
  const applied: TimedChange[] = [];
  const endMs = checkSec * 1000;
  for (const c of order) {
    if (c.atMs > endMs) break;
    sim.runUntil(c.atMs);
    const reason = sim.apply(c.change);
    if (reason === null) applied.push({ atMs: c.atMs, change: c.change });
    else refused.push({ index: c.index, reason });
  }
  sim.runUntil(endMs);
  return { sim, applied, refused };
}

// ---- bounds and formatting ------------------------------------------------------------------------

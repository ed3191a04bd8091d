// What the lesson content tests share: the lessons, read once per worker, a run of a lesson's world as the page
// keeps it, and each lesson's runs made once for all of its checks (LessonRuns).
import { expect } from 'vitest';
import { loadLessonsFromDir } from '../../../src/content/node-loader.ts';
import type { Lesson, Step } from '../../../src/content/lesson.ts';
import { runWithChanges, type TimedChange } from '../../../src/engine/goals/index.ts';
import { SERIES_SECONDS } from '../../../workers/timeline.ts';
import { createSimulation } from '../../../src/engine/index.ts';
import type { Simulation } from '../../../src/engine/types.ts';
import type { Scenario } from '../../../src/scenario/schema.ts';

export const { lessons, errors } = loadLessonsFromDir('lessons');

/** `describe.each` rows: each lesson under its folder's name. */
export const lessonRows = (list: readonly Lesson[] = lessons) => list.map((l) => [l.folder, l] as const);

/**
 * Runs a world with changes at their times up to `untilSec`; returns the simulation. It keeps only the
 * seconds of series the page keeps (SERIES_SECONDS), so a window the page could no longer judge fails here.
 */
export function run(world: Scenario, changes: readonly TimedChange[], untilSec: number) {
  const sim = createSimulation(world, { seriesCapacity: SERIES_SECONDS });
  for (const c of [...changes].sort((a, b) => a.atMs - b.atMs)) {
    sim.runUntil(c.atMs);
    expect(sim.apply(c.change)).toBeNull();
  }
  sim.runUntil(untilSec * 1000);
  return sim;
}

/** The world a step shows: the lesson's own, or one of its scenes. */
export const worldOf = (lesson: Lesson, step: Step): Scenario => (step.scene === null ? lesson.scenario : lesson.scenes[step.scene]);

/** A finished run: its simulation, the changes it took and the ones it refused ("action at t s: reason"). */
export interface FinishedRun {
  sim: Simulation;
  applied: TimedChange[];
  refused: string[];
}

/**
 * Which seconds of series a run keeps: the engine's default (as the lesson check judges a run, runLessonCheck) or
 * only the page's SERIES_SECONDS (so that a window the page could no longer judge fails here).
 */
export type Memory = 'engine' | 'page';

/**
 * A fresh run of a world with changes at their times until `untilSec`: the engine's own check run (runWithChanges,
 * which runLessonCheck uses: changes in time order, equal times in list order) or the same with the page's memory.
 */
export function runFresh(world: Scenario, changes: readonly TimedChange[], untilSec: number, memory: Memory = 'engine'): FinishedRun {
  if (memory === 'engine') {
    const r = runWithChanges(world, changes, untilSec);
    return { sim: r.sim, applied: r.applied, refused: r.refused.map((x) => `${changes[x.index].change.action} at ${changes[x.index].atMs / 1000} s: ${x.reason}`) };
  }
  const sim = createSimulation(world, { seriesCapacity: SERIES_SECONDS });
  const applied: TimedChange[] = [];
  const refused: string[] = [];
  for (const c of changes.map((c, i) => ({ c, i })).sort((a, b) => a.c.atMs - b.c.atMs || a.i - b.i).map((x) => x.c)) {
    sim.runUntil(c.atMs);
    const reason = sim.apply(c.change);
    if (reason === null) applied.push(c);
    else refused.push(`${c.change.action} at ${c.atMs / 1000} s: ${reason}`);
  }
  sim.runUntil(untilSec * 1000);
  return { sim, applied, refused };
}

/**
 * One lesson's runs, each made once for all the checks that read it: the goals at the start, a prediction at the
 * check second and a claim on the starting world read one run; the solution's goals, its goals with the page's
 * memory and the claims on the solution read another (the determinism check compares that run with a fresh one).
 * A check reads a finished run and never changes it (the tries, which apply changes, make their own). The same
 * world, changes and end give the same run, whoever asks first; a run no longer than SERIES_SECONDS is the same
 * with the page's memory as with the engine's (the page's ring of seconds never wraps, so nothing is dropped), so
 * those share one run too. Cleared after the lesson, so that only one lesson's runs are held at a time.
 */
export class LessonRuns {
  private readonly byWorld = new Map<Scenario, Map<string, FinishedRun>>();

  /** The run of `world` with `changes` until `untilSec`, made by `make` (default: runFresh) the first time. */
  of(world: Scenario, changes: readonly TimedChange[], untilSec: number, memory: Memory = 'engine', make?: () => FinishedRun): FinishedRun {
    // only runs whose changes come in time order within the run are shared: for those, every way of running
    // (runWithChanges, the page's, runClaimRun) applies the same changes at the same moments
    const inOrder = changes.every((c, i) => c.atMs <= untilSec * 1000 && (i === 0 || changes[i - 1].atMs <= c.atMs));
    if (!inOrder) return make?.() ?? runFresh(world, changes, untilSec, memory);
    const key = `${untilSec} ${untilSec <= SERIES_SECONDS ? 'whole' : memory} ${JSON.stringify(changes)}`;
    let runs = this.byWorld.get(world);
    if (runs === undefined) this.byWorld.set(world, (runs = new Map()));
    let found = runs.get(key);
    if (found === undefined) runs.set(key, (found = make?.() ?? runFresh(world, changes, untilSec, memory)));
    return found;
  }

  clear(): void {
    this.byWorld.clear();
  }
}

/**
 * Explaining any request of a run in bounded memory: the engine is deterministic, so a fresh run of the
 * same scenario with the same live changes at the same times reaches the same request in the same state.
 * It runs with a recorder watching only that id, and stops as soon as the request has finished. Recent
 * explanations are kept in a small cache (the lab asks again when a list is reopened).
 */
import type { Change, Scenario } from '../../scenario/schema.ts';
import { createSimulation } from '../index.ts';
import { JourneyRecorder } from './recorder.ts';
import type { Journey } from './journey.ts';

/** A live change and the simulated time it was applied at (the lab's change log). */
export interface TimedLiveChange {
  atMs: number;
  change: Change;
}

/** Simulated time run between checks whether the request has finished, ms. */
const CHUNK_MS = 1000;

/**
 * The journey of request `id` (ids count arrivals from 0), replaying the scenario with `changes` up to
 * `limitMs` at most; a request still in flight there comes back as far as it got; null when it never arrived.
 */
export function explainRequest(scenario: Scenario, id: number, changes: readonly TimedLiveChange[] = [], limitMs = scenario.durationSec * 1000): Journey | null {
  const recorder = new JourneyRecorder({ ids: [id], notable: false });
  const sim = createSimulation(scenario, { recorder });
  let next = 0;
  while (!recorder.finishedAll() && sim.nowMs < limitMs) {
    const to = Math.min(limitMs, sim.nowMs + CHUNK_MS, next < changes.length ? changes[next].atMs : Infinity);
    sim.runUntil(to);
    while (next < changes.length && changes[next].atMs <= to) sim.apply(changes[next++].change);
    if (sim.nextEventMs() === Infinity && to >= limitMs) break;
  }
  return recorder.journey(id);
}

/** The last few explanations of one run, newest kept (a Map keeps insertion order). */
export class JourneyCache {
  private readonly entries = new Map<number, Journey>();

  constructor(private readonly size = 32) {}

  get(id: number): Journey | undefined {
    const j = this.entries.get(id);
    if (j !== undefined) {
      this.entries.delete(id);
      this.entries.set(id, j);
    }
    return j;
  }

  /** Keeps a finished journey (one still in flight would change: it is not kept). */
  set(j: Journey): void {
    if (j.outcome === 'in-flight') return;
    this.entries.set(j.id, j);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}

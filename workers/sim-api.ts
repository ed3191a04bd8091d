/**
 * The worker's API: a table of simulation sessions with explicit ids, so two runs (compare mode) can
 * advance side by side in one worker. Everything in and out is plain data; a snapshot's typed arrays are
 * marked for transfer. Untrusted input (scenario JSON, live changes) is validated here and answered with
 * errors, never with an exception. Callable directly (tests, Node) or through Comlink (sim.worker.ts).
 */
import { transfer } from 'comlink';
import { createSimulation } from '../src/engine/index.ts';
import type { MetricsReport, Series, SimEvent, Simulation, Snapshot, Topology } from '../src/engine/types.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { validateChange, validateScenario, type ValidationError } from '../src/scenario/validate.ts';

/** A session's handle; unique within one SimApi. */
export type SessionId = number;

export type OpenResult =
  | { ok: true; id: SessionId; topology: Topology; scenario: Scenario }
  | { ok: false; errors: ValidationError[] };

export interface SimApi {
  /** Validates a scenario document and starts a simulation of it at time 0. */
  open(scenarioJson: unknown): OpenResult;
  /** Advances by `dtSimMs` of simulated time and returns the state at the new time. */
  advance(id: SessionId, dtSimMs: number): Snapshot;
  /** Applies a live change now; returns null, or the errors (and changes nothing). */
  apply(id: SessionId, change: unknown): ValidationError[] | null;
  metrics(id: SessionId): MetricsReport;
  series(id: SessionId): Series;
  /** Event-log entries with seq > sinceSeq. */
  events(id: SessionId, sinceSeq?: number): SimEvent[];
  topology(id: SessionId): Topology;
  /** Forgets a session; closing an unknown id does nothing. */
  close(id: SessionId): void;
}

/**
 * Marks the typed arrays of an answer for transfer instead of copying. Safe because the engine builds them
 * fresh for every call (a test holds it to that). Called directly, without Comlink, it returns the answer as is.
 */
function transferring<T extends object>(answer: T, arrays: Float64Array[]): T {
  return transfer(answer, [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))]);
}

/** Creates an empty session table. */
export function createSimApi(): SimApi {
  const sessions = new Map<SessionId, Simulation>();
  let nextId: SessionId = 1;

  function session(id: SessionId): Simulation {
    const sim = sessions.get(id);
    if (sim === undefined) throw new Error(`no simulation session ${String(id)} (it was closed or never opened)`);
    return sim;
  }

  return {
    open(scenarioJson) {
      const validated = validateScenario(scenarioJson);
      if (!validated.ok) return { ok: false, errors: validated.errors };
      let sim: Simulation;
      try {
        sim = createSimulation(validated.value);
      } catch (e) {
        return { ok: false, errors: [{ path: '(root)', message: `the simulation could not start: ${(e as Error).message}` }] };
      }
      const id = nextId++;
      sessions.set(id, sim);
      return { ok: true, id, topology: sim.topology(), scenario: sim.scenario };
    },

    advance(id, dtSimMs) {
      const sim = session(id);
      if (!Number.isFinite(dtSimMs) || dtSimMs < 0) throw new RangeError(`advance needs a finite dtSimMs ≥ 0, got ${dtSimMs}`);
      sim.runUntil(sim.nowMs + dtSimMs);
      const snapshot = sim.snapshot();
      return transferring(snapshot, [snapshot.targets, snapshot.flows]);
    },

    apply(id, change) {
      const sim = session(id);
      const topology = sim.topology();
      const live = { targets: topology.targets.map((t) => t.id), groups: topology.groups.map((g) => g.id) };
      const validated = validateChange(change, sim.scenario, live);
      if (!validated.ok) return validated.errors;
      const refused = sim.apply(validated.value);
      return refused === null ? null : [{ path: '(change)', message: refused }];
    },

    metrics: (id) => session(id).metrics(),
    series(id) {
      const series = session(id).series();
      const { arrived, ok, failed, p50, p95, p99, targetRequests, targetUtilization } = series;
      return transferring(series, [arrived, ok, failed, p50, p95, p99, targetRequests, targetUtilization]);
    },
    events: (id, sinceSeq = 0) => session(id).events(sinceSeq),
    topology: (id) => session(id).topology(),

    close(id) {
      sessions.delete(id);
    },
  };
}

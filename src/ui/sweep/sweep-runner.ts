/**
 * Running a sweep: every job of a plan (sweep-plan.ts) in its own simulation worker (the app's worker, one
 * instance per run, through Comlink), a few at a time in parallel. Each run goes from 0 to its duration in
 * slices of simulated time, so a cancel (the learner leaves) terminates the workers between slices at the
 * latest; a run that fails or does not answer is reported with its reason and the others go on.
 * The numbers are the engine's own: p99 latency, error rate and cost of the whole run (MetricsReport).
 */
import { SimWorker } from '../../sim/sim-worker.ts';
import { createSimWorker } from '../../sim/create-worker.ts';
import type { SweepJob } from './sweep-plan.ts';
import type { OpenResult } from '../../../workers/sim-api.ts';
import type { MetricsReport } from '../../engine/types.ts';
import { errorLine } from '../../i18n/validation-words.ts';

/** What one run measured: the engine's report for the whole run. */
export interface SweepPoint {
  design: number;
  value: number;
  p99Ms: number;
  errorRate: number;
  costUsd: number;
  requests: number;
}

export interface SweepFailure {
  design: number;
  value: number;
  message: string;
}

export interface SweepRunOptions {
  /** Starts one worker (default: the app's simulation worker; tests pass one in the same thread). */
  createWorker?: () => Worker;
  /** How many runs at once (default: the processor count less one, from 2 to 4). */
  parallel?: number;
  /** Simulated ms per slice (default 10 s): how often a run can be stopped. */
  sliceMs?: number;
  /** Called with each finished run, in the order they finish. */
  onpoint?: (point: SweepPoint) => void;
  onfailure?: (failure: SweepFailure) => void;
}

/**
 * Runs at once by default: a core left for the page, but at least 2 (the page is idle while a sweep runs:
 * the side-by-side runs pause) and at most 4 (each worker holds a whole simulation).
 */
export function defaultParallel(cores: number | undefined): number {
  return Math.max(2, Math.min(4, (cores ?? 2) - 1));
}

export interface SweepRun {
  /** Resolves when every run has finished, failed or been cancelled. */
  done: Promise<{ points: SweepPoint[]; failures: SweepFailure[]; cancelled: boolean }>;
  /** Stops every run now: their workers are terminated. */
  cancel(): void;
}

/** Starts the runs of `jobs`; see SweepRun. */
export function runSweep(jobs: readonly SweepJob[], options: SweepRunOptions = {}): SweepRun {
  const parallel = Math.max(1, Math.floor(options.parallel ?? defaultParallel(globalThis.navigator?.hardwareConcurrency)));
  const sliceMs = options.sliceMs ?? 10_000;
  const live = new Set<SimWorker>();
  const points: SweepPoint[] = [];
  const failures: SweepFailure[] = [];
  let cancelled = false;
  let next = 0;
  // A cancel answers at once: a terminated worker never answers the question it was asked.
  let stop = (): void => {};
  const stopped = new Promise<void>((resolve) => (stop = resolve));

  async function runOne(job: SweepJob): Promise<void> {
    const worker = new SimWorker({ createWorker: options.createWorker ?? createSimWorker, answerTimeoutMs: 60_000 });
    live.add(worker);
    let reason = '';
    const unsubscribe = worker.onCrash((r) => (reason = r));
    try {
      const opened = await worker.ask<OpenResult>((api) => api.open(job.scenario));
      if (!opened.ok) throw new Error(errorLine(opened.errors[0]));
      const id = opened.id;
      const endMs = job.scenario.durationSec * 1000;
      for (let t = Math.min(sliceMs, endMs); !cancelled; t = Math.min(t + sliceMs, endMs)) {
        const to = t;
        await worker.ask(async (api) => {
          await api.runTo(id, to);
        });
        if (t >= endMs) break;
      }
      if (cancelled) return;
      const m = await worker.ask<MetricsReport>((api) => api.metrics(id));
      const point = { design: job.design, value: job.value, p99Ms: m.latencyMs.p99, errorRate: m.errorRate, costUsd: m.cost.totalUsd, requests: m.requests.total };
      points.push(point);
      options.onpoint?.(point);
    } catch (error) {
      if (cancelled) return;
      const failure = { design: job.design, value: job.value, message: reason || (error instanceof Error ? error.message : String(error)) };
      failures.push(failure);
      options.onfailure?.(failure);
    } finally {
      unsubscribe();
      worker.dispose();
      live.delete(worker);
    }
  }

  async function lane(): Promise<void> {
    while (!cancelled && next < jobs.length) await runOne(jobs[next++]);
  }

  const all = Promise.all(Array.from({ length: Math.min(parallel, jobs.length) }, lane));
  const done = Promise.race([all, stopped]).then(() => ({ points: [...points], failures: [...failures], cancelled }));
  return {
    done,
    cancel() {
      cancelled = true;
      stop();
      for (const w of live) w.dispose();
      live.clear();
    },
  };
}

/**
 * The main thread's handle on one running simulation. It owns the worker (created lazily), pulls one
 * snapshot per animation frame by asking for `elapsed wall time × speed` of simulated time, and keeps the
 * latest answer in `$state.raw` for the page to draw. One question is in flight at a time, so a slow frame
 * simply asks for more simulated time next frame. A worker that errors or stays silent is reported as
 * crashed; `restart()` starts a fresh worker from the scenario, and the last snapshot stays on screen.
 */
import { wrap, type Remote } from 'comlink';
import type { Snapshot, Topology } from '../engine/types.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ValidationError } from '../scenario/validate.ts';
import type { OpenResult, SessionId, SimApi } from '../../workers/sim-api.ts';
import { createSimWorker } from './create-worker.ts';
import { withDeadline } from './deadline.ts';

export type { Snapshot, Topology, Scenario, ValidationError };

export type SimStatus = 'starting' | 'paused' | 'playing' | 'finished' | 'invalid' | 'crashed';

/** Simulated seconds per wall-clock second that the page offers. */
export const SPEEDS = [0.5, 1, 2, 5, 10, 20] as const;

export interface SimSessionOptions {
  createWorker?: () => Worker;
  /** Wall-clock ms to wait for any answer before declaring the worker dead. */
  answerTimeoutMs?: number;
  /** Longest wall-clock gap one frame may turn into simulated time (after a stall or a hidden tab). */
  maxFrameMs?: number;
}

/** The live objects of one worker; replaced wholesale on restart. */
interface Connection {
  worker: Worker;
  api: Remote<SimApi>;
  id: SessionId | null;
}

export class SimSession {
  status = $state<SimStatus>('starting');
  snapshot = $state.raw<Snapshot | null>(null);
  topology = $state.raw<Topology | null>(null);
  /** The validated scenario, defaults filled in. */
  scenario = $state.raw<Scenario | null>(null);
  /** Why the scenario was refused (status 'invalid'). */
  errors = $state.raw<ValidationError[]>([]);
  /** Why the worker was given up on (status 'crashed'). */
  crashReason = $state<string | null>(null);
  speed = $state<number>(1);

  readonly #scenarioJson: unknown;
  readonly #createWorker: () => Worker;
  readonly #answerTimeoutMs: number;
  readonly #maxFrameMs: number;
  #conn: Connection | null = null;
  #frame = 0;
  #lastFrameAt = 0;
  #asking = false;
  #crashedWhilePlaying = false;

  constructor(scenarioJson: unknown, options: SimSessionOptions = {}) {
    this.#scenarioJson = scenarioJson;
    this.#createWorker = options.createWorker ?? createSimWorker;
    this.#answerTimeoutMs = options.answerTimeoutMs ?? 5000;
    this.#maxFrameMs = options.maxFrameMs ?? 250;
  }

  /** Simulated time at which the scenario ends. */
  get durationMs(): number {
    return (this.scenario?.durationSec ?? Infinity) * 1000;
  }

  /** Starts a worker, opens the scenario in it and fetches the state at time 0. Leaves the run paused. */
  async start(): Promise<void> {
    this.#teardown();
    this.status = 'starting';
    this.crashReason = null;
    const conn = this.#connect();
    try {
      // Explicit type: Comlink turns the result union into a union of promises, which inference would narrow.
      const opened = await this.#ask<OpenResult>(conn, conn.api.open(this.#scenarioJson));
      if (!opened.ok) {
        this.errors = opened.errors;
        this.status = 'invalid';
        this.#teardown();
        return;
      }
      conn.id = opened.id;
      this.scenario = opened.scenario;
      this.topology = opened.topology;
      this.errors = [];
      const first = await this.#ask(conn, conn.api.advance(opened.id, 0));
      this.snapshot = first;
      this.status = 'paused';
    } catch (error) {
      this.#crash(conn, error);
    }
  }

  /** Throws away the run and starts again from the scenario; plays if it was playing (or crashed while playing). */
  async restart(): Promise<void> {
    const resume = this.status === 'playing' || this.status === 'finished' || (this.status === 'crashed' && this.#crashedWhilePlaying);
    await this.start();
    if (resume) this.play();
  }

  play(): void {
    if (this.status !== 'paused') return;
    this.status = 'playing';
    this.#lastFrameAt = performance.now();
    this.#frame = requestAnimationFrame(this.#onFrame);
  }

  pause(): void {
    if (this.status !== 'playing') return;
    this.status = 'paused';
    cancelAnimationFrame(this.#frame);
  }

  setSpeed(speed: number): void {
    if (Number.isFinite(speed) && speed > 0) this.speed = speed;
  }

  /** Stops the loop and the worker for good (the page is going away). */
  dispose(): void {
    this.#teardown();
  }

  #connect(): Connection {
    const worker = this.#createWorker();
    const conn: Connection = { worker, api: wrap<SimApi>(worker), id: null };
    worker.addEventListener('error', (event) => {
      // Handled here: without preventDefault the error would also be rethrown on the page.
      event.preventDefault();
      this.#crash(conn, new Error(event.message || 'the simulation worker failed to start'));
    });
    worker.addEventListener('messageerror', () => this.#crash(conn, new Error('a message from the simulation could not be read')));
    this.#conn = conn;
    return conn;
  }

  /** Asks the worker something; answers that arrive after a restart are dropped by the callers' checks. */
  async #ask<T>(conn: Connection, answer: Promise<T>): Promise<T> {
    const value = await withDeadline(answer, this.#answerTimeoutMs);
    if (conn !== this.#conn) throw new StaleAnswer();
    return value;
  }

  #onFrame = (nowMs: number): void => {
    const conn = this.#conn;
    if (this.status !== 'playing' || conn === null || conn.id === null) return;
    this.#frame = requestAnimationFrame(this.#onFrame);
    if (this.#asking) return; // the time keeps accruing: the next question covers it
    const wallMs = Math.min(Math.max(nowMs - this.#lastFrameAt, 0), this.#maxFrameMs);
    this.#lastFrameAt = nowMs;
    const remainingMs = this.durationMs - (this.snapshot?.timeMs ?? 0);
    void this.#advance(conn, conn.id, Math.min(wallMs * this.speed, remainingMs));
  };

  async #advance(conn: Connection, id: SessionId, dtSimMs: number): Promise<void> {
    this.#asking = true;
    try {
      const snapshot = await this.#ask(conn, conn.api.advance(id, dtSimMs));
      this.snapshot = snapshot;
      if (this.topology !== null && snapshot.topologyVersion !== this.topology.version) {
        this.topology = await this.#ask(conn, conn.api.topology(id));
      }
      if (snapshot.timeMs >= this.durationMs && this.status === 'playing') {
        this.status = 'finished';
        cancelAnimationFrame(this.#frame);
      }
    } catch (error) {
      this.#crash(conn, error);
    } finally {
      if (conn === this.#conn) this.#asking = false;
    }
  }

  #crash(conn: Connection, error: unknown): void {
    if (error instanceof StaleAnswer || conn !== this.#conn) return;
    this.#crashedWhilePlaying = this.status === 'playing';
    this.#teardown();
    this.crashReason = error instanceof Error ? error.message : String(error);
    this.status = 'crashed';
  }

  #teardown(): void {
    cancelAnimationFrame(this.#frame);
    this.#asking = false;
    this.#conn?.worker.terminate();
    this.#conn = null;
  }
}

/** An answer from a worker that has since been replaced; ignored. */
class StaleAnswer extends Error {}

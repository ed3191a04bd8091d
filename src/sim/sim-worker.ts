/**
 * The page's one simulation worker, shared by every session (the sandbox's run, compare mode's two).
 * Created lazily. Every question goes through `ask`, which gives up after a deadline: a worker that errors,
 * sends something unreadable or stays silent is terminated and reported to the crash listeners once;
 * `restart()` lets the next question start a fresh worker. Answers from a replaced worker are dropped.
 */
import { wrap, type Remote } from 'comlink';
import type { SimApi } from '../../workers/sim-api.ts';
import { createSimWorker } from './create-worker.ts';
import { NoAnswerError, withDeadline } from './deadline.ts';
import { m } from '../i18n/paraglide/messages.js';
import { engineErrorWords } from '../i18n/engine-error-words.ts';

/** An answer from a worker that has since been replaced; callers drop it quietly. */
export class StaleAnswer extends Error {
  constructor() {
    super('the simulation was restarted');
    this.name = 'StaleAnswer';
  }
}

export interface SimWorkerOptions {
  createWorker?: () => Worker;
  /**
   * Waited for before the first worker starts (not before a restart): the page's start-up gives the main thread
   * a core before the worker's thread loads, compiles and opens a run beside it.
   */
  firstStart?: () => Promise<void>;
  /** Wall-clock ms to wait for an ordinary answer before declaring the worker dead. */
  answerTimeoutMs?: number;
}

interface Connection {
  worker: Worker;
  api: Remote<SimApi>;
}

export class SimWorker {
  /** Increments whenever a worker is replaced, so sessions can tell that their ids are gone. */
  generation = 0;
  readonly answerTimeoutMs: number;
  readonly #createWorker: () => Worker;
  #firstStart: Promise<void> | (() => Promise<void>) | null;
  readonly #listeners = new Set<(reason: string) => void>();
  #conn: Connection | null = null;
  #crashed = false;
  #disposed = false;

  constructor(options: SimWorkerOptions = {}) {
    this.#createWorker = options.createWorker ?? createSimWorker;
    this.#firstStart = options.firstStart ?? null;
    this.answerTimeoutMs = options.answerTimeoutMs ?? 5000;
  }

  get crashed(): boolean {
    return this.#crashed;
  }

  /**
   * Asks the worker something: `question` receives the remote API. Rejects with StaleAnswer if the worker
   * was replaced meanwhile; any other failure (an exception in the worker, no answer in time) crashes it.
   */
  async ask<T>(question: (api: Remote<SimApi>) => Promise<T>, timeoutMs = this.answerTimeoutMs): Promise<T> {
    if (this.#crashed) throw new StaleAnswer();
    if (this.#firstStart !== null) {
      await this.#waitForFirstStart();
      // disposed meanwhile (the page went away during its start-up): no worker to start
      if (this.#disposed) throw new StaleAnswer();
    }
    const generation = this.generation;
    const conn = this.#connect();
    try {
      const answer = await withDeadline(question(conn.api), timeoutMs);
      if (generation !== this.generation) throw new StaleAnswer();
      return answer;
    } catch (error) {
      if (error instanceof StaleAnswer || generation !== this.generation) throw new StaleAnswer();
      this.#crash(error instanceof NoAnswerError ? error.message : engineErrorWords(error instanceof Error ? error.message : String(error)));
      throw new StaleAnswer();
    }
  }

  /** Calls `listener` with the reason whenever the worker dies; returns the unsubscribe function. */
  onCrash(listener: (reason: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Forgets the dead (or live) worker; the next question starts a new one. Every session id is void. */
  restart(): void {
    this.#teardown();
    this.#crashed = false;
  }

  dispose(): void {
    this.#disposed = true;
    this.#teardown();
    this.#listeners.clear();
  }

  /** Every question asked before the first worker starts waits for the same moment. */
  async #waitForFirstStart(): Promise<void> {
    if (typeof this.#firstStart === 'function') this.#firstStart = this.#firstStart();
    await this.#firstStart;
    this.#firstStart = null;
  }

  #connect(): Connection {
    if (this.#conn !== null) return this.#conn;
    const worker = this.#createWorker();
    const conn: Connection = { worker, api: wrap<SimApi>(worker) };
    worker.addEventListener('error', (event) => {
      // Handled here: without preventDefault the error would also be reported on the page.
      event.preventDefault();
      if (conn === this.#conn) this.#crash(event.message ? engineErrorWords(event.message) : m.sim_worker_failed());
    });
    worker.addEventListener('messageerror', () => {
      if (conn === this.#conn) this.#crash(m.sim_message_unreadable());
    });
    this.#conn = conn;
    return conn;
  }

  #crash(reason: string): void {
    if (this.#crashed) return;
    this.#teardown();
    this.#crashed = true;
    for (const listener of this.#listeners) listener(reason);
  }

  #teardown(): void {
    this.generation++;
    this.#conn?.worker.terminate();
    this.#conn = null;
  }
}

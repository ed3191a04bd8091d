/**
 * Compare mode: two sessions in the one worker, the same scenario and seed but a different configuration
 * (say, round robin against least connections). Common random numbers in the engine give both the same
 * arrivals and service-time draws, so the difference is the configuration's alone. B is kept level with A:
 * each frame A advances within the budget, then B catches up to A's time.
 */
import { SimSession, type Opened } from './sim-session.svelte.ts';
import type { SimWorker } from './sim-worker.ts';
import type { PlaybackTarget } from './playback-target.ts';
import type { Speed } from './speed.ts';

export class ComparePair implements PlaybackTarget {
  a: SimSession;
  b: SimSession;
  readonly #worker: SimWorker;
  #busy = false;

  constructor(worker: SimWorker) {
    this.#worker = worker;
    this.a = $state.raw(new SimSession(worker));
    this.b = $state.raw(new SimSession(worker));
  }

  get timeMs(): number {
    return this.a.timeMs;
  }

  get reachedMs(): number {
    return this.a.reachedMs;
  }

  get ended(): boolean {
    return this.a.ended;
  }

  /** Compare mode sets no stop: A's answer says. */
  get stopped(): boolean {
    return this.a.stopped;
  }

  /** Opens both documents with one seed; if either is refused, neither replaces what was running. */
  async open(sourceA: unknown, sourceB: unknown, seed: number): Promise<Opened> {
    const a = new SimSession(this.#worker);
    const b = new SimSession(this.#worker);
    const openedA = await a.open(sourceA, { seed });
    if (!openedA.ok) return openedA;
    const openedB = await b.open(sourceB, { seed });
    if (!openedB.ok) {
      a.close();
      return openedB;
    }
    this.close();
    this.a = a;
    this.b = b;
    return { ok: true };
  }

  async tick(wallMs: number, speed: Speed): Promise<boolean> {
    if (this.#busy) {
      this.a.owe(wallMs);
      return false;
    }
    this.#busy = true;
    try {
      const behind = await this.a.tick(wallMs, speed);
      if (this.b.reachedMs < this.a.reachedMs) await this.b.catchUp(this.a.reachedMs, undefined, true);
      return behind;
    } finally {
      this.#busy = false;
    }
  }

  async settle(): Promise<void> {
    await this.a.settle();
    await this.b.catchUp(this.a.reachedMs, true);
  }

  async step(): Promise<void> {
    await this.a.step();
    await this.b.catchUp(this.a.reachedMs);
  }

  async forward(ms: number): Promise<void> {
    await this.a.forward(ms);
    await this.b.catchUp(this.a.reachedMs);
  }

  async seek(timeMs: number): Promise<void> {
    await Promise.all([this.a.seek(timeMs), this.b.seek(timeMs)]);
  }

  async reset(seed?: number, keep = true): Promise<unknown> {
    return Promise.all([this.a.reset(seed, keep), this.b.reset(seed, keep)]);
  }

  async reopen(): Promise<unknown> {
    return Promise.all([this.a.reopen(), this.b.reopen()]);
  }

  close(): void {
    this.a.close();
    this.b.close();
  }
}

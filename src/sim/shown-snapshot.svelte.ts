/**
 * What the page shows of a session's answers: `latest` takes every answer (the moving dots, whose flow records
 * each answer carries once); `snapshot` — the numbers and the diagram — follows it at most every SHOW_EVERY_MS
 * of wall time while playing, and at once after anything else (a step, a seek, a change). The last answer is
 * never left unshown: a timer shows it when playing pauses between answers.
 */
import type { Snapshot } from '../engine/types.ts';

/**
 * Wall ms between two updates of `snapshot` while playing: the numbers need not change 60 times a second,
 * and every change is a repaint of the diagram.
 */
export const SHOW_EVERY_MS = 200;

export class ShownSnapshot {
  /** What the page shows: the newest answer, at most every SHOW_EVERY_MS of wall time while playing. */
  snapshot = $state.raw<Snapshot | null>(null);
  /** The newest answer. */
  latest = $state.raw<Snapshot | null>(null);

  readonly #onShown: () => void;
  #shownAt = -Infinity;
  #later: ReturnType<typeof setTimeout> | null = null;

  /** `onShown` hears each time `snapshot` changes. */
  constructor(onShown: () => void = () => {}) {
    this.#onShown = onShown;
  }

  /** Takes in an answer; `playing` shows it at the playing rate, otherwise at once. */
  take(snapshot: Snapshot, playing: boolean): void {
    this.latest = snapshot;
    this.#show(playing);
  }

  #show(playing: boolean): void {
    const now = performance.now();
    const waitMs = playing ? SHOW_EVERY_MS - (now - this.#shownAt) : 0;
    if (waitMs > 0) {
      this.#later ??= setTimeout(() => {
        this.#later = null;
        this.#show(false);
      }, waitMs);
      return;
    }
    if (this.#later !== null) clearTimeout(this.#later);
    this.#later = null;
    this.#shownAt = now;
    this.snapshot = this.latest;
    this.#onShown();
  }
}

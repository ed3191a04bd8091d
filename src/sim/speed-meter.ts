/**
 * The speed a run really plays at: simulated ms per wall ms over the last few wall seconds, from the time of the
 * worker's newest answer sampled while it plays (the time on screen moves in steps of a fifth of a second). A world too big for the computer plays slower than the speed asked for (the
 * worker stops on its frame budget, sim-session.svelte.ts); every request is still simulated, only later, and
 * the page says so rather than let "1×" stand over a run at 0.6×. Plain bookkeeping: the caller samples.
 */

/** Wall ms the rate is measured over: long enough to smooth the answers' jitter (one a frame, or two while behind). */
export const METER_WINDOW_MS = 2000;
/** Below this share of the speed asked for, the run is said to fall short (frames and answers jitter by a few %). */
export const SHORT_OF = 0.9;

export class SpeedMeter {
  #samples: { simMs: number; wallMs: number }[] = [];

  /** Forgets every sample (paused, a jump, a new run: the next rate starts afresh). */
  reset(): void {
    this.#samples = [];
  }

  /** Notes the simulated time on screen at wall time `wallMs`. A time that went back starts afresh. */
  sample(simMs: number, wallMs: number): void {
    const last = this.#samples[this.#samples.length - 1];
    if (last !== undefined && (simMs < last.simMs || wallMs <= last.wallMs)) this.reset();
    this.#samples.push({ simMs, wallMs });
    // keep one sample older than the window, so the window is always covered once it has been
    while (this.#samples.length > 2 && wallMs - this.#samples[1].wallMs >= METER_WINDOW_MS) this.#samples.shift();
  }

  /** Simulated ms per wall ms over the window; null until a whole window has been sampled. */
  rate(): number | null {
    const first = this.#samples[0];
    const last = this.#samples[this.#samples.length - 1];
    if (first === undefined || last.wallMs - first.wallMs < METER_WINDOW_MS) return null;
    return (last.simMs - first.simMs) / (last.wallMs - first.wallMs);
  }
}

/** The rate to show beside a speed: always at 'max' (how fast is that?), else only when it falls short of it. */
export function reachedToShow(rate: number | null, asked: number | 'max'): number | null {
  if (rate === null) return null;
  return asked === 'max' || rate < asked * SHORT_OF ? rate : null;
}

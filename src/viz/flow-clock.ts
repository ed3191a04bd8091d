/**
 * The clock the moving dots are drawn by. Snapshots arrive about once per animation frame, each carrying
 * simulated time; between them the clock interpolates at the measured playback rate (simulated ms per
 * wall-clock ms), and it never runs more than one frame past the newest snapshot, so a paused run
 * freezes the dots. The dots are drawn `lagMs` behind the newest snapshot: a request's record reaches
 * the page only after the engine processed it, and the lag lets a dot start its visual trip before the
 * moment the engine says it reached the balancer (see flow-tracker.ts).
 */

/** The visual duration of one hop (client → balancer, or balancer → target), in wall-clock ms. */
export const LEG_WALL_MS = 110;
const RATE_SAMPLES = 5;
const MIN_RATE = 0.01;
const MAX_RATE = 100_000;

export type ClockChange = 'start' | 'advance' | 'same' | 'rewind';

export class FlowClock {
  private snapSimMs = NaN;
  private snapWallMs = 0;
  private gapWallMs = 16;
  private readonly rates: number[] = [];
  private lastViewMs = -Infinity;
  /** Simulated ms per wall-clock ms (median of the last few frames). */
  rate = 1;

  /** Takes a snapshot's simulated time, received at wall time `wallMs`. */
  observe(simMs: number, wallMs: number): ClockChange {
    if (Number.isNaN(this.snapSimMs) || simMs < this.snapSimMs) {
      const change: ClockChange = Number.isNaN(this.snapSimMs) ? 'start' : 'rewind';
      this.snapSimMs = simMs;
      this.snapWallMs = wallMs;
      this.lastViewMs = -Infinity;
      return change;
    }
    const dSim = simMs - this.snapSimMs;
    const dWall = wallMs - this.snapWallMs;
    this.snapWallMs = wallMs;
    if (dSim === 0) return 'same';
    this.snapSimMs = simMs;
    if (dWall > 0) {
      this.gapWallMs = Math.min(Math.max(dWall, 8), 100);
      this.rates.push(Math.min(Math.max(dSim / dWall, MIN_RATE), MAX_RATE));
      if (this.rates.length > RATE_SAMPLES) this.rates.shift();
      const sorted = [...this.rates].sort((x, y) => x - y);
      this.rate = sorted[Math.floor(sorted.length / 2)];
    }
    return 'advance';
  }

  /** One hop's visual duration in simulated ms at the current rate. */
  get legMs(): number {
    return LEG_WALL_MS * this.rate;
  }

  /** How far behind the newest snapshot the dots are drawn: one hop plus one frame. */
  get lagMs(): number {
    return this.legMs + this.gapWallMs * this.rate;
  }

  /** Newest simulated time seen. */
  get latestMs(): number {
    return this.snapSimMs;
  }

  /** The simulated time to draw at wall time `wallMs`; never goes backwards until a rewind. */
  viewTime(wallMs: number): number {
    if (Number.isNaN(this.snapSimMs)) return 0;
    const ahead = Math.min(Math.max(wallMs - this.snapWallMs, 0), this.gapWallMs) * this.rate;
    const t = Math.max(this.lastViewMs, this.snapSimMs + ahead - this.lagMs);
    this.lastViewMs = t;
    return t;
  }
}

/**
 * Finagle / linkerd (tower) P2C over peak-EWMA latency (real-systems §9.2): a member's cost jumps to
 * any higher response time at once and otherwise decays toward new samples with exp(-Δt/τ); reading
 * a load first decays the cost toward 0; load = cost × (active + 1). Two distinct usable members are
 * drawn and the lower load wins, a tie keeping the first (tower `p2c_ready_index`). Simplifies: weights
 * are ignored except 0 = never picked, and rebuild restarts every member at `defaultRttMs` (tower style).
 */
import type { AlgorithmFactory } from '../algorithm.ts';
import { drawUsable } from './eligible-draw.ts';

/** Peak-EWMA cost per member (tower `RttEstimate`), in ms; exported so the estimator can be tested alone. */
export class PeakEwmaEstimates {
  private readonly costMs: Float64Array;
  private readonly stampMs: Float64Array;

  constructor(size: number, defaultRttMs: number, private readonly decayMs: number, nowMs: number) {
    this.costMs = new Float64Array(size).fill(defaultRttMs);
    this.stampMs = new Float64Array(size).fill(nowMs);
  }

  /** Folds in one observed round trip and returns the new cost. */
  observe(i: number, rttMs: number, nowMs: number): number {
    if (this.costMs[i] < rttMs) {
      this.costMs[i] = rttMs; // peaks are taken at once
    } else {
      const decay = Math.exp(-Math.max(0, nowMs - this.stampMs[i]) / this.decayMs);
      this.costMs[i] = this.costMs[i] * decay + rttMs * (1 - decay);
    }
    this.stampMs[i] = Math.max(this.stampMs[i], nowMs);
    return this.costMs[i];
  }

  /** The current costs, ms (as last updated, not decayed to now). */
  costs(): number[] {
    return Array.from(this.costMs);
  }

  /** tower `Load::load`: decay toward 0 up to now, then cost × (pending + 1). */
  load(i: number, pending: number, nowMs: number): number {
    return this.observe(i, 0, nowMs) * (pending + 1);
  }
}

export const create: AlgorithmFactory = (options) => {
  const defaultRttMs = options?.defaultRttMs ?? 30; // linkerd2-proxy EWMA_DEFAULT_RTT
  const decayMs = options?.decayMs ?? 10_000; // Finagle p2cPeakEwma decayTime, linkerd EWMA_DECAY
  let estimates = new PeakEwmaEstimates(0, defaultRttMs, decayMs, 0);
  let size = 0;
  return {
    rebuild(view) {
      size = view.size;
      estimates = new PeakEwmaEstimates(size, defaultRttMs, decayMs, view.nowMs);
    },
    pick(view) {
      const a = drawUsable(view, -1);
      if (a < 0) return -1;
      const b = drawUsable(view, a);
      if (b < 0) return a;
      const loadA = estimates.load(a, view.active(a), view.nowMs);
      return loadA <= estimates.load(b, view.active(b), view.nowMs) ? a : b;
    },
    onResponse(member, latencyMs, nowMs) {
      if (member < size) estimates.observe(member, latencyMs, nowMs);
    },
    inspect: () => ({ costMs: estimates.costs() }),
  };
};

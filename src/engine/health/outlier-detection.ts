/**
 * Envoy outlier detection, consecutive-5xx rule (real-systems §3.8): local-origin errors (resets,
 * timeouts, refused connections) count as 5xx; the Nth consecutive one ejects the host at once, if
 * ejecting it keeps ejected hosts within max_ejection_percent (at least one host may always be ejected).
 * Ejection lasts base_ejection_time × times ejected, capped at max_ejection_time; hosts return at the
 * interval sweeps, and each sweep in which a host is not ejected lowers its multiplier.
 * Simplifies: enforcing percentages are 100 %; the success-rate and failure-percentage rules are not modelled.
 */
import type { PassiveHealth } from '../../scenario/schema.ts';

type OutlierConfig = Extract<PassiveHealth, { kind: 'envoy-outlier' }>;

export class OutlierDetector {
  private consecutive: number[] = [];
  private multiplier: number[] = [];
  private until: number[] = [];
  readonly ejected = new Set<number>();

  constructor(readonly config: OutlierConfig) {}

  onSuccess(t: number): void {
    this.consecutive[t] = 0;
  }

  /** A failed request; returns the ejection time in ms when it ejects the host, else 0. */
  onFailure(t: number, nowMs: number, groupSize: number): number {
    const n = (this.consecutive[t] = (this.consecutive[t] ?? 0) + 1);
    if (n < this.config.consecutive5xx || this.ejected.has(t)) return 0;
    const allowed = Math.max(1, Math.floor((groupSize * this.config.maxEjectionPercent) / 100));
    if (this.ejected.size >= allowed) return 0;
    const m = (this.multiplier[t] = (this.multiplier[t] ?? 0) + 1);
    const ms = Math.min(this.config.baseEjectionSec * m, Math.max(this.config.maxEjectionSec, this.config.baseEjectionSec)) * 1000;
    this.until[t] = nowMs + ms;
    this.consecutive[t] = 0;
    this.ejected.add(t);
    return ms;
  }

  /** How many times t has been ejected, as its multiplier counts (sweeps lower it). */
  ejectionsOf(t: number): number {
    return this.multiplier[t] ?? 0;
  }

  /** The interval sweep: returns hosts whose ejection has ended. */
  sweep(nowMs: number, members: readonly number[]): number[] {
    const back: number[] = [];
    for (const t of members) {
      if (this.ejected.has(t)) {
        if (nowMs >= this.until[t]) {
          this.ejected.delete(t);
          back.push(t);
        }
      } else if ((this.multiplier[t] ?? 0) > 0) {
        this.multiplier[t]--;
      }
    }
    return back;
  }
}

/**
 * Route 53 health checks on DNS records: `checkers` uncoordinated locations each probe once per interval,
 * staggered evenly (8 at 30 s: a probe every 3.75 s). Each checker flips its verdict after `failureThreshold`
 * consecutive results the other way; the record is healthy iff > 18 % of checkers say so, so failures are
 * noticed later than recoveries. New checks start healthy. Simplified: all checkers see the same endpoint
 * state, and a probe's result is known at once (no 4 s connect / 2 s response timeouts).
 */
import type { DnsHealthCheckConfig } from './types.ts';
import { HEALTHY_CHECKER_SHARE } from './types.ts';

/** A record's health changed at `atMs`. */
export interface HealthTransition {
  recordIndex: number;
  healthy: boolean;
  atMs: number;
  /** Checkers reporting healthy after the change. */
  healthyCheckers: number;
  checkers: number;
}

const HEALTHY_PERCENT = Math.round(HEALTHY_CHECKER_SHARE * 100);

export class RecordHealth {
  readonly checkers: number;
  readonly intervalMs: number;
  readonly failureThreshold: number;
  private readonly checked: Uint8Array;
  private readonly healthy: Uint8Array;
  private readonly healthyCount: Int32Array;
  /** Probes done per record; probe n is made by checker n mod `checkers`. */
  private readonly probes: Float64Array;
  /** Each checker's verdict, [record * checkers + checker]. */
  private readonly checkerHealthy: Uint8Array;
  /** Consecutive probes disagreeing with that checker's verdict. */
  private readonly streak: Uint8Array;

  /** `checked[i]`: record i has a health check (records without one are always healthy). */
  constructor(checked: readonly boolean[], cfg: DnsHealthCheckConfig, private readonly startMs = 0) {
    const n = checked.length;
    this.checkers = Math.max(1, Math.floor(cfg.checkers));
    this.intervalMs = cfg.intervalSec * 1000;
    this.failureThreshold = Math.min(10, Math.max(1, Math.round(cfg.failureThreshold)));
    this.checked = Uint8Array.from(checked, (c) => (c ? 1 : 0));
    this.healthy = new Uint8Array(n).fill(1);
    this.healthyCount = new Int32Array(n).fill(this.checkers);
    this.probes = new Float64Array(n);
    this.checkerHealthy = new Uint8Array(n * this.checkers).fill(1);
    this.streak = new Uint8Array(n * this.checkers);
  }

  get size(): number {
    return this.checked.length;
  }

  hasCheck(i: number): boolean {
    return this.checked[i] === 1;
  }

  /** Healthy as Route 53 sees it now; always true without a health check. */
  isHealthy(i: number): boolean {
    return this.checked[i] === 0 || this.healthy[i] === 1;
  }

  /** How many checkers currently report record `i` healthy. */
  healthyCheckers(i: number): number {
    return this.checked[i] === 0 ? this.checkers : this.healthyCount[i];
  }

  /** When the next probe of record `i` is due; Infinity without a health check. */
  nextCheckMs(i: number): number {
    if (this.checked[i] === 0) return Infinity;
    return this.startMs + (this.probes[i] * this.intervalMs) / this.checkers;
  }

  /** The probe due at `nextCheckMs(i)`, made at `nowMs`: returns the change of health it causes, if any. */
  observe(i: number, endpointUp: boolean, nowMs: number): HealthTransition | null {
    if (this.checked[i] === 0) return null;
    const s = i * this.checkers + (this.probes[i] % this.checkers);
    this.probes[i]++;
    if ((this.checkerHealthy[s] === 1) === endpointUp) {
      this.streak[s] = 0;
    } else if (++this.streak[s] >= this.failureThreshold) {
      this.checkerHealthy[s] = endpointUp ? 1 : 0;
      this.streak[s] = 0;
      this.healthyCount[i] += endpointUp ? 1 : -1;
    }
    const now = this.healthyCount[i] * 100 > HEALTHY_PERCENT * this.checkers ? 1 : 0;
    if (now === this.healthy[i]) return null;
    this.healthy[i] = now;
    return { recordIndex: i, healthy: now === 1, atMs: nowMs, healthyCheckers: this.healthyCount[i], checkers: this.checkers };
  }
}

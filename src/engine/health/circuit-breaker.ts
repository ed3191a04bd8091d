/**
 * A per-target circuit breaker (the pattern of Hystrix / resilience4j, as taught in the course):
 * closed while the error rate over a sliding window stays low; open — no requests — once at least
 * minRequests were seen and errorRatePercent of them failed; after openSec it is half-open and lets
 * halfOpenRequests probes through: all succeed → closed, any fails → open again.
 * The window is kept as per-second buckets.
 */
import type { CircuitBreakerConfig } from '../../scenario/schema.ts';
import { CIRCUIT_STATES } from '../types.ts';

/** Circuit states: indices into CIRCUIT_STATES. */
export const CB_CLOSED = CIRCUIT_STATES.indexOf('closed');
export const CB_OPEN = CIRCUIT_STATES.indexOf('open');
export const CB_HALF_OPEN = CIRCUIT_STATES.indexOf('half-open');

export class CircuitBreaker {
  readonly state: number[] = [];
  private ok: number[][] = [];
  private bad: number[][] = [];
  private bucketSec: number[] = [];
  private probesSent: number[] = [];
  private probesOk: number[] = [];

  constructor(readonly config: CircuitBreakerConfig) {}

  private roll(t: number, nowMs: number): number {
    const w = this.config.windowSec;
    const sec = Math.floor(nowMs / 1000);
    if (this.ok[t] === undefined) {
      this.ok[t] = new Array(w).fill(0);
      this.bad[t] = new Array(w).fill(0);
      this.bucketSec[t] = sec;
      this.state[t] = CB_CLOSED;
    }
    for (let s = this.bucketSec[t] + 1; s <= sec && s <= this.bucketSec[t] + w; s++) {
      this.ok[t][s % w] = 0;
      this.bad[t][s % w] = 0;
    }
    this.bucketSec[t] = Math.max(this.bucketSec[t], sec);
    return sec % w;
  }

  /** May a request be sent to t now? Half-open lets only the probe budget through. */
  allows(t: number): boolean {
    const s = this.state[t] ?? CB_CLOSED;
    return s === CB_CLOSED || (s === CB_HALF_OPEN && (this.probesSent[t] ?? 0) < this.config.halfOpenRequests);
  }

  onSend(t: number): void {
    if (this.state[t] === CB_HALF_OPEN) this.probesSent[t] = (this.probesSent[t] ?? 0) + 1;
  }

  /** Records an answer; returns the new state when it changes, else -1. */
  onResult(t: number, ok: boolean, nowMs: number): number {
    const b = this.roll(t, nowMs);
    if (this.state[t] === CB_HALF_OPEN) {
      if (!ok) return this.open(t);
      this.probesOk[t] = (this.probesOk[t] ?? 0) + 1;
      if (this.probesOk[t] >= this.config.halfOpenRequests) {
        this.state[t] = CB_CLOSED;
        this.ok[t].fill(0);
        this.bad[t].fill(0);
        return CB_CLOSED;
      }
      return -1;
    }
    if (this.state[t] === CB_OPEN) return -1;
    if (ok) this.ok[t][b]++;
    else this.bad[t][b]++;
    const bad = this.bad[t].reduce((x, y) => x + y, 0);
    const all = bad + this.ok[t].reduce((x, y) => x + y, 0);
    if (!ok && all >= this.config.minRequests && (bad * 100) / all >= this.config.errorRatePercent) return this.open(t);
    return -1;
  }

  /** Error rate of the window at the moment the circuit last opened (1 for a failed half-open probe). */
  lastOpenRate = 0;
  /** Requests failed and seen in the window when the circuit last opened (1 of 1 for a failed probe). */
  lastOpenFailed = 0;
  lastOpenSeen = 0;

  private open(t: number): number {
    const probe = this.state[t] === CB_HALF_OPEN;
    this.lastOpenFailed = probe ? 1 : (this.bad[t]?.reduce((x, y) => x + y, 0) ?? 0);
    this.lastOpenSeen = probe ? 1 : this.lastOpenFailed + (this.ok[t]?.reduce((x, y) => x + y, 0) ?? 0);
    this.lastOpenRate = probe ? 1 : this.errorRate(t);
    this.state[t] = CB_OPEN;
    this.probesSent[t] = 0;
    this.probesOk[t] = 0;
    return CB_OPEN;
  }

  /** openSec has passed: let probes through. */
  halfOpen(t: number): void {
    if (this.state[t] !== CB_OPEN) return;
    this.state[t] = CB_HALF_OPEN;
    this.probesSent[t] = 0;
    this.probesOk[t] = 0;
  }

  /** Error rate over the window, for the event log. */
  errorRate(t: number): number {
    const bad = this.bad[t]?.reduce((x, y) => x + y, 0) ?? 0;
    const all = bad + (this.ok[t]?.reduce((x, y) => x + y, 0) ?? 0);
    return all === 0 ? 0 : bad / all;
  }
}

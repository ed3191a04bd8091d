/**
 * One-second time series in ring buffers: totals and latency percentiles per second, and per-target
 * requests and utilisation per second. Memory is bounded by `capacity` seconds however long the run.
 */
import type { Series } from '../types.ts';

export class SecondSeries {
  private declare readonly cap: number;
  private written = 0;
  private declare readonly arrived: Float64Array;
  private declare readonly ok: Float64Array;
  private declare readonly failed: Float64Array;
  private declare readonly p50: Float64Array;
  private declare readonly p95: Float64Array;
  private declare readonly p99: Float64Array;
  private targetCap = 0;
  private targetCount = 0;
  private tReq = new Float64Array(0);
  private tUtil = new Float64Array(0);

  constructor(capacitySec = 3600) {
    this.cap = Math.max(1, capacitySec);
    this.arrived = new Float64Array(this.cap);
    this.ok = new Float64Array(this.cap);
    this.failed = new Float64Array(this.cap);
    this.p50 = new Float64Array(this.cap);
    this.p95 = new Float64Array(this.cap);
    this.p99 = new Float64Array(this.cap);
  }

  /** Seconds recorded so far (including those that fell off the ring). */
  get length(): number {
    return this.written;
  }

  /**
   * Where the next second's per-target values go: target t's requests at `requests()[base + t]` and its
   * utilisation at `utilization()[base + t]`, for targets 0 … targets−1 (the roll-up writes them there in place,
   * where it once wrote them to arrays of its own that `push` then copied). Call before writing them, then `push`.
   */
  openRow(targets: number): number {
    if (targets > this.targetCap) this.growTargets(targets);
    this.targetCount = Math.max(this.targetCount, targets);
    return (this.written % this.cap) * this.targetCap;
  }

  /** The per-target requests of every second in the ring (see `openRow`). */
  requests(): Float64Array {
    return this.tReq;
  }

  /** The per-target utilisation of every second in the ring (see `openRow`). */
  utilization(): Float64Array {
    return this.tUtil;
  }

  /** Appends one second, whose per-target values for `targets` targets were written at `openRow`'s place. */
  push(arrived: number, ok: number, failed: number, p50: number, p95: number, p99: number, targets: number): void {
    const slot = this.written % this.cap;
    this.arrived[slot] = arrived;
    this.ok[slot] = ok;
    this.failed[slot] = failed;
    this.p50[slot] = p50;
    this.p95[slot] = p95;
    this.p99[slot] = p99;
    const base = slot * this.targetCap;
    for (let t = targets; t < this.targetCap; t++) {
      this.tReq[base + t] = 0;
      this.tUtil[base + t] = 0;
    }
    this.written++;
  }

  /** A value of the most recent second, or 0 before the first. */
  last(field: 'arrived' | 'ok' | 'failed' | 'p50' | 'p95' | 'p99'): number {
    return this.written === 0 ? 0 : this[field][(this.written - 1) % this.cap];
  }

  /** Per-target requests in the most recent second. */
  lastTargetRequests(t: number): number {
    return this.written === 0 || t >= this.targetCap ? 0 : this.tReq[((this.written - 1) % this.cap) * this.targetCap + t];
  }

  /** Per-target utilisation in the most recent second. */
  lastTargetUtil(t: number): number {
    return this.written === 0 || t >= this.targetCap ? 0 : this.tUtil[((this.written - 1) % this.cap) * this.targetCap + t];
  }

  /** The series oldest first; per-target arrays are target-major (all seconds of target 0, then target 1…). */
  export(): Series {
    const n = Math.min(this.written, this.cap);
    const start = this.written - n;
    const pick = (src: Float64Array): Float64Array => {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = src[(start + i) % this.cap];
      return out;
    };
    const tc = this.targetCount;
    const targetRequests = new Float64Array(tc * n);
    const targetUtilization = new Float64Array(tc * n);
    for (let i = 0; i < n; i++) {
      const base = ((start + i) % this.cap) * this.targetCap;
      for (let t = 0; t < tc; t++) {
        targetRequests[t * n + i] = this.tReq[base + t];
        targetUtilization[t * n + i] = this.tUtil[base + t];
      }
    }
    return {
      startSec: start,
      seconds: n,
      arrived: pick(this.arrived),
      ok: pick(this.ok),
      failed: pick(this.failed),
      p50: pick(this.p50),
      p95: pick(this.p95),
      p99: pick(this.p99),
      targetRequests,
      targetUtilization,
      targetCount: tc,
    };
  }

  private growTargets(targets: number): void {
    const cap = Math.max(targets, this.targetCap * 2, 8);
    const req = new Float64Array(this.cap * cap);
    const util = new Float64Array(this.cap * cap);
    for (let s = 0; s < this.cap; s++) {
      for (let t = 0; t < this.targetCap; t++) {
        req[s * cap + t] = this.tReq[s * this.targetCap + t];
        util[s * cap + t] = this.tUtil[s * this.targetCap + t];
      }
    }
    this.tReq = req;
    this.tUtil = util;
    this.targetCap = cap;
  }
}

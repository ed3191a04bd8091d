/**
 * The cost meter: each instance accrues its hourly price × running seconds / 3600 from launch to
 * termination (EC2 per-second billing), per instance and in total, plus the cost per million good
 * requests. Optional `minimumBillableSec` (AWS bills Linux at least 60 s per launch) defaults to 0 so
 * that cost = instance-seconds × price / 3600 exactly. Simplified: no EBS, data transfer, load balancer
 * hours or spot price changes; the price is fixed when the instance starts.
 */

interface Meter {
  /** Cost of finished running periods. */
  closedUsd: number;
  closedMs: number;
  /** The current running period, or null when stopped. */
  startMs: number | null;
  hourlyUsd: number;
}

export interface InstanceCost {
  readonly id: number;
  readonly seconds: number;
  readonly usd: number;
}

export class CostMeter {
  private readonly meters = new Map<number, Meter>();

  constructor(readonly minimumBillableSec = 0) {}

  /** Instance `id` starts running (billing starts) at `nowMs` at `hourlyUsd`. */
  start(id: number, nowMs: number, hourlyUsd: number): void {
    const m = this.meters.get(id);
    if (m === undefined) this.meters.set(id, { closedUsd: 0, closedMs: 0, startMs: nowMs, hourlyUsd });
    else if (m.startMs === null) {
      m.startMs = nowMs;
      m.hourlyUsd = hourlyUsd;
    }
  }

  /** Instance `id` stops (terminated or interrupted) at `nowMs`; later calls are ignored. */
  stop(id: number, nowMs: number): void {
    const m = this.meters.get(id);
    if (m === undefined || m.startMs === null) return;
    const ms = this.billedMs(nowMs - m.startMs);
    m.closedMs += ms;
    m.closedUsd += (m.hourlyUsd * ms) / 3_600_000;
    m.startMs = null;
  }

  /** Seconds and USD accrued by instance `id` up to `nowMs`. */
  instance(id: number, nowMs: number): InstanceCost {
    const m = this.meters.get(id);
    if (m === undefined) return { id, seconds: 0, usd: 0 };
    const openMs = m.startMs === null ? 0 : this.billedMs(nowMs - m.startMs);
    return { id, seconds: (m.closedMs + openMs) / 1000, usd: m.closedUsd + (m.hourlyUsd * openMs) / 3_600_000 };
  }

  /** Every metered instance, in order of first launch. */
  instances(nowMs: number): InstanceCost[] {
    return [...this.meters.keys()].map((id) => this.instance(id, nowMs));
  }

  /** Total instance-seconds up to `nowMs`. */
  instanceSeconds(nowMs: number): number {
    let s = 0;
    for (const id of this.meters.keys()) s += this.instance(id, nowMs).seconds;
    return s;
  }

  /** Total USD up to `nowMs`. */
  totalUsd(nowMs: number): number {
    let usd = 0;
    for (const id of this.meters.keys()) usd += this.instance(id, nowMs).usd;
    return usd;
  }

  /** USD per million good (successful) requests so far; null before the first good request. */
  costPerMillionGoodRequests(nowMs: number, goodRequests: number): number | null {
    return goodRequests > 0 ? (this.totalUsd(nowMs) / goodRequests) * 1_000_000 : null;
  }

  private billedMs(runningMs: number): number {
    return Math.max(Math.max(0, runningMs), this.minimumBillableSec * 1000);
  }
}

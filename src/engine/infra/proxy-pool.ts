/**
 * The connections a database proxy (RDS Proxy) holds to its database, as the times each becomes free: a
 * request borrows the one free soonest, waiting for it when all are busy. Requests borrow in the order
 * they start (the engine's clock only moves forward), so this is a first-come-first-served pool of `size`
 * connections — the workload vector of a multi-server FIFO queue — without events of its own.
 */
export class ProxyPool {
  /** A binary min-heap of the times the connections are free, ms. */
  private readonly freeAt: Float64Array;

  constructor(readonly size: number) {
    this.freeAt = new Float64Array(size).fill(-Infinity);
  }

  /** When the soonest connection is free, ms (-Infinity: one was never used). */
  soonest(): number {
    return this.freeAt[0];
  }

  /** Holds the soonest connection until `untilMs`. */
  hold(untilMs: number): void {
    const h = this.freeAt;
    const n = this.size;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const c = l + 1 < n && h[l + 1] < h[l] ? l + 1 : l;
      if (h[c] >= untilMs) break;
      h[i] = h[c];
      i = c;
    }
    h[i] = untilMs;
  }

  /** Connections in use at `nowMs`. */
  busy(nowMs: number): number {
    let n = 0;
    for (let i = 0; i < this.size; i++) if (this.freeAt[i] > nowMs) n++;
    return n;
  }
}

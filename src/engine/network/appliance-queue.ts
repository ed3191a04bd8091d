/**
 * One inspection appliance's capacity behind a Gateway Load Balancer (network/inspection.ts): `concurrency`
 * workers inspect at once, later arrivals wait in a first-in first-out queue of at most `queueLimit`, and an
 * arrival that finds the queue full is dropped.
 *
 * Source: a GWLB works at layer 3 and forwards each flow's packets to its appliance in GENEVE (real-systems
 * §4.1; GWLB user guide "What is a Gateway Load Balancer?"); it neither queues nor sheds for the appliance,
 * so what the appliance cannot process at once waits in the appliance's own receive queue, and what does not
 * fit there is lost — the client's connection gets no answer. Appliances process packets with one worker per
 * vCPU (the appliances' data-plane cores), hence the default concurrency: the instance type's vCPUs. The
 * default queue of 1,024 is our choice (the order of a virtual NIC's receive ring), documented in
 * docs/scenario-format.md; both can be set per scenario.
 *
 * Simplifies: a request and its answer are inspected together, as one job of `serviceMs` at the request's
 * arrival (the answer's pass is folded into it); the appliance works in arrival order (FIFO, G/G/c), so a
 * job's start is max(arrival, the earliest free worker), which lets the queue be worked out at arrival with
 * no events of its own; packets, the handshake's among them, are not modelled, only a request's inspection.
 */

/** Times within a nanosecond count as equal: arrival times are sums of floating-point gaps. */
const EPS_MS = 1e-6;

/** The capacity state of one appliance. */
export class ApplianceQueue {
  /** When each worker is next free, ms. */
  private readonly freeAt: Float64Array;
  /** Start times of the admitted jobs still waiting (start > now), oldest first: a ring of queueLimit. */
  private readonly starts: Float64Array;
  private head = 0;
  private size = 0;
  /** Jobs inspected (admitted), dropped because the queue was full, the time they waited in all, ms, and the longest queue. */
  admitted = 0;
  dropped = 0;
  waitedMs = 0;
  peakQueued = 0;
  /** 1 while the appliance drops (from its first drop until its queue is back to half), for the event log. */
  dropping = false;

  constructor(
    readonly concurrency: number,
    readonly queueLimit: number,
  ) {
    this.freeAt = new Float64Array(concurrency);
    this.starts = new Float64Array(Math.max(1, queueLimit));
  }

  /** Forgets the jobs that started by `now`: what is left still waits. */
  private advance(now: number): void {
    while (this.size > 0 && this.starts[this.head] <= now + EPS_MS) {
      this.head = (this.head + 1) % this.starts.length;
      this.size--;
    }
  }

  /** Jobs waiting at `now` (arrivals are in time order: `now` never goes back). */
  queued(now: number): number {
    this.advance(now);
    return this.size;
  }

  /** Workers busy at `now`. */
  busy(now: number): number {
    let n = 0;
    for (let w = 0; w < this.freeAt.length; w++) if (this.freeAt[w] > now + EPS_MS) n++;
    return n;
  }

  /**
   * A job of `serviceMs` arrives at `now`: returns the time it waits for a worker, ms, or -1 when the queue
   * is full and it is dropped.
   */
  admit(now: number, serviceMs: number): number {
    this.advance(now);
    let w = 0;
    for (let i = 1; i < this.freeAt.length; i++) if (this.freeAt[i] < this.freeAt[w]) w = i;
    const start = this.freeAt[w] > now + EPS_MS ? this.freeAt[w] : now;
    if (start > now) {
      if (this.size >= this.queueLimit) {
        this.dropped++;
        return -1;
      }
      this.starts[(this.head + this.size) % this.starts.length] = start;
      this.size++;
      if (this.size > this.peakQueued) this.peakQueued = this.size;
    }
    this.freeAt[w] = start + serviceMs;
    this.admitted++;
    this.waitedMs += start - now;
    return start - now;
  }
}

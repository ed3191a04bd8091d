/**
 * Request timeouts without one heap event per request: every request in a target group has the same
 * timeout and arrives in time order, so deadlines come out in FIFO order. One ring holds
 * (deadline, slot, request id); the engine keeps a single wake-up event for the head. When the timeout
 * is shortened live, a new deadline can be earlier than ones already waiting: it is slid into place
 * from the tail, so the ring stays sorted (ties keep their order of arrival). The capacity is a power of
 * two, so positions wrap with a mask.
 */
export class DeadlineQueue {
  private declare deadline: Float64Array;
  private declare slot: Int32Array;
  private declare id: Float64Array;
  private declare mask: number;
  private head = 0;
  size = 0;
  /** A wake-up event is scheduled for the head, at `armedAtMs`, carrying `token`. */
  armed = false;
  armedAtMs = Infinity;
  /** Bumped when an earlier deadline needs its own wake-up: the older wake-up is then stale. */
  token = 0;

  constructor(capacity = 256) {
    let cap = 1;
    while (cap < capacity) cap *= 2;
    this.deadline = new Float64Array(cap);
    this.deadline[0] = Infinity;
    this.slot = new Int32Array(cap);
    this.id = new Float64Array(cap);
    this.mask = cap - 1;
  }

  /** Lists a deadline, growing the ring when it is full. */
  push(deadlineMs: number, slot: number, id: number): void {
    if (this.tryPush(deadlineMs, slot, id) === false) this.pushSlow(deadlineMs, slot, id);
  }

  /**
   * `push`, unless the ring is full: then nothing is listed and it returns false, so that the caller can first drop
   * what it no longer needs from the head (the sender drops finished requests) and then `push`, which grows the ring.
   */
  tryPush(deadlineMs: number, slot: number, id: number): boolean {
    const mask = this.mask;
    if (this.size > mask) return false;
    const j = (this.head + this.size) & mask;
    // the common case, kept small enough to be inlined into the sender: room, and no later deadline queued
    if (this.size === 0 || this.deadline[(j - 1) & mask] <= deadlineMs) {
      this.deadline[j] = deadlineMs;
      this.slot[j] = slot;
      this.id[j] = id;
      this.size++;
    } else this.pushSlow(deadlineMs, slot, id);
    return true;
  }

  /** `push` when the ring is full, or when a live change shortened the timeout so a later deadline is queued. */
  private pushSlow(deadlineMs: number, slot: number, id: number): void {
    const cap = this.deadline.length;
    if (this.size === cap) {
      const d = new Float64Array(cap * 2), s = new Int32Array(cap * 2), r = new Float64Array(cap * 2);
      for (let i = 0; i < this.size; i++) {
        const j = (this.head + i) & this.mask;
        d[i] = this.deadline[j]; s[i] = this.slot[j]; r[i] = this.id[j];
      }
      this.deadline = d; this.slot = s; this.id = r;
      this.mask = cap * 2 - 1;
      this.head = 0;
    }
    const mask = this.mask;
    let j = (this.head + this.size) & mask;
    // slide later deadlines one place back (only after a live change shortened the timeout)
    for (let k = this.size; k > 0; k--) {
      const prev = (j - 1) & mask;
      if (this.deadline[prev] <= deadlineMs) break;
      this.deadline[j] = this.deadline[prev];
      this.slot[j] = this.slot[prev];
      this.id[j] = this.id[prev];
      j = prev;
    }
    this.deadline[j] = deadlineMs;
    this.slot[j] = slot;
    this.id[j] = id;
    this.size++;
  }

  /**
   * The earliest deadline (Infinity when empty: an empty ring keeps Infinity at its head, so this is one
   * load, with no branch whose `Infinity` the optimizing compiler would box the deadline for).
   */
  headDeadline(): number {
    return this.deadline[this.head];
  }
  headSlot(): number {
    return this.slot[this.head];
  }
  headId(): number {
    return this.id[this.head];
  }
  drop(): void {
    this.head = (this.head + 1) & this.mask;
    if (--this.size === 0) this.deadline[this.head] = Infinity;
  }
}

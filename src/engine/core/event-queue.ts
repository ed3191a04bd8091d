/**
 * The future-event list: a binary min-heap on typed arrays, ordered by (time, sequence) so that
 * events at the same instant run in the order they were scheduled — the tie rule that makes a run
 * reproducible. Each event carries a small kind code and two integer payloads; nothing is
 * allocated per event. `pop()` leaves the event in the `time`/`kind`/`a`/`b` fields.
 * One stream of events that is always rescheduled as soon as it fires (open-loop arrivals) may use a
 * slot beside the heap (`pushBeside`): same order, same ties, but no heap work for it.
 */
export class EventQueue {
  private times: Float64Array;
  private seqs: Float64Array;
  private kinds: Uint8Array;
  private as: Int32Array;
  private bs: Int32Array;
  private nextSeq = 0;
  private heapSize = 0;

  /** The event beside the heap (seq NaN: none). */
  private sideTime = Infinity;
  private sideSeq = NaN;
  private sideKind = 0;
  private sideA = 0;
  private sideB = 0;

  /** The event most recently popped. */
  time = 0;
  kind = 0;
  a = 0;
  b = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.kinds = new Uint8Array(capacity);
    this.as = new Int32Array(capacity);
    this.bs = new Int32Array(capacity);
  }

  /** Events scheduled and not yet popped. */
  get size(): number {
    return this.heapSize + (Number.isNaN(this.sideSeq) ? 0 : 1);
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    const heap = this.heapSize > 0 ? this.times[0] : Infinity;
    return this.sideTime < heap ? this.sideTime : heap;
  }

  push(time: number, kind: number, a: number, b: number): void {
    this.insert(time, this.nextSeq++, kind, a, b);
  }

  /**
   * Schedules an event in the slot beside the heap; an event already there moves into the heap first,
   * so nothing is lost and the order is exactly as if both had been pushed.
   */
  pushBeside(time: number, kind: number, a: number, b: number): void {
    if (!Number.isNaN(this.sideSeq)) this.insert(this.sideTime, this.sideSeq, this.sideKind, this.sideA, this.sideB);
    this.sideTime = time;
    this.sideSeq = this.nextSeq++;
    this.sideKind = kind;
    this.sideA = a;
    this.sideB = b;
  }

  private insert(time: number, seq: number, kind: number, a: number, b: number): void {
    if (this.heapSize === this.times.length) this.grow();
    const times = this.times, seqs = this.seqs, kinds = this.kinds, as = this.as, bs = this.bs;
    let i = this.heapSize++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p];
      if (pt < time || (pt === time && seqs[p] < seq)) break;
      times[i] = pt; seqs[i] = seqs[p]; kinds[i] = kinds[p]; as[i] = as[p]; bs[i] = bs[p];
      i = p;
    }
    times[i] = time; seqs[i] = seq; kinds[i] = kind; as[i] = a; bs[i] = b;
  }

  /** Removes the earliest event into `time`, `kind`, `a`, `b`; returns false when empty. */
  pop(): boolean {
    const side = this.sideSeq;
    if (side === side && (this.heapSize === 0 || this.sideTime < this.times[0] || (this.sideTime === this.times[0] && side < this.seqs[0]))) {
      this.time = this.sideTime; this.kind = this.sideKind; this.a = this.sideA; this.b = this.sideB;
      this.sideTime = Infinity;
      this.sideSeq = NaN;
      return true;
    }
    if (this.heapSize === 0) return false;
    const times = this.times, seqs = this.seqs, kinds = this.kinds, as = this.as, bs = this.bs;
    this.time = times[0]; this.kind = kinds[0]; this.a = as[0]; this.b = bs[0];
    const n = --this.heapSize;
    if (n === 0) return true;
    const t = times[n], s = seqs[n], k = kinds[n], a = as[n], b = bs[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (times[r] < times[c] || (times[r] === times[c] && seqs[r] < seqs[c]))) c = r;
      if (times[c] > t || (times[c] === t && seqs[c] > s)) break;
      times[i] = times[c]; seqs[i] = seqs[c]; kinds[i] = kinds[c]; as[i] = as[c]; bs[i] = bs[c];
      i = c;
    }
    times[i] = t; seqs[i] = s; kinds[i] = k; as[i] = a; bs[i] = b;
    return true;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const grow = <T extends Float64Array | Uint8Array | Int32Array>(src: T, make: (n: number) => T): T => {
      const dst = make(n);
      dst.set(src);
      return dst;
    };
    this.times = grow(this.times, (m) => new Float64Array(m));
    this.seqs = grow(this.seqs, (m) => new Float64Array(m));
    this.kinds = grow(this.kinds, (m) => new Uint8Array(m));
    this.as = grow(this.as, (m) => new Int32Array(m));
    this.bs = grow(this.bs, (m) => new Int32Array(m));
  }
}

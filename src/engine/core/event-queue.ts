/**
 * The future-event list: a 4-ary min-heap on typed arrays, ordered by (time, sequence) so that events
 * at the same instant run in the order they were scheduled — the tie rule that makes a run
 * reproducible. Each event carries a small kind code (kept in the low bits of its sequence key) and two
 * integer payloads; nothing is allocated per event. `pop()` leaves the event in `time`/`kind`/`a`/`b`.
 * A 4-ary heap is half as deep as a binary one, which pays when thousands of requests are in service.
 * One stream of events that is always rescheduled as soon as it fires (open-loop arrivals) may use a
 * slot beside the heap (`pushBeside`): same order, same ties, but no heap work for it.
 */

/** Kinds are below this; a key is sequence × KINDS + kind, so keys order exactly as sequences do. */
const KINDS = 64;
/**
 * The kind is a key's low six bits. `&` truncates the (integral, below 2^53) key to its low 32 bits inline,
 * where `%` on a double would call fmod on every pop.
 */
const KIND_MASK = KINDS - 1;

export class EventQueue {
  private times: Float64Array;
  private keys: Float64Array;
  private as: Int32Array;
  private bs: Int32Array;
  private nextSeq = 0;
  private heapSize = 0;

  /** The event beside the heap (key NaN: none). */
  private sideTime = Infinity;
  private sideKey = NaN;
  private sideA = 0;
  private sideB = 0;

  /** The event most recently popped. */
  time = 0;
  kind = 0;
  a = 0;
  b = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.keys = new Float64Array(capacity);
    this.as = new Int32Array(capacity);
    this.bs = new Int32Array(capacity);
  }

  /** Events scheduled and not yet popped. */
  get size(): number {
    return this.heapSize + (Number.isNaN(this.sideKey) ? 0 : 1);
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    const heap = this.heapSize > 0 ? this.times[0] : Infinity;
    return this.sideTime < heap ? this.sideTime : heap;
  }

  push(time: number, kind: number, a: number, b: number): void {
    this.insert(time, this.nextSeq++ * KINDS + kind, a, b);
  }

  /**
   * Schedules an event in the slot beside the heap; an event already there moves into the heap first,
   * so nothing is lost and the order is exactly as if both had been pushed.
   */
  pushBeside(time: number, kind: number, a: number, b: number): void {
    if (!Number.isNaN(this.sideKey)) this.insert(this.sideTime, this.sideKey, this.sideA, this.sideB);
    this.sideTime = time;
    this.sideKey = this.nextSeq++ * KINDS + kind;
    this.sideA = a;
    this.sideB = b;
  }

  private insert(time: number, key: number, a: number, b: number): void {
    if (this.heapSize === this.times.length) this.grow();
    const times = this.times, keys = this.keys, as = this.as, bs = this.bs;
    let i = this.heapSize++;
    while (i > 0) {
      const p = (i - 1) >> 2;
      const pt = times[p];
      if (pt < time || (pt === time && keys[p] < key)) break;
      times[i] = pt; keys[i] = keys[p]; as[i] = as[p]; bs[i] = bs[p];
      i = p;
    }
    times[i] = time; keys[i] = key; as[i] = a; bs[i] = b;
  }

  /** Removes the earliest event into `time`, `kind`, `a`, `b`; returns false when empty. */
  pop(): boolean {
    const side = this.sideKey;
    const times = this.times, keys = this.keys;
    if (side === side && (this.heapSize === 0 || this.sideTime < times[0] || (this.sideTime === times[0] && side < keys[0]))) {
      this.time = this.sideTime;
      this.kind = side & KIND_MASK;
      this.a = this.sideA;
      this.b = this.sideB;
      this.sideTime = Infinity;
      this.sideKey = NaN;
      return true;
    }
    if (this.heapSize === 0) return false;
    const as = this.as, bs = this.bs;
    this.time = times[0]; this.kind = keys[0] & KIND_MASK; this.a = as[0]; this.b = bs[0];
    const n = --this.heapSize;
    if (n === 0) return true;
    const t = times[n], k = keys[n], a = as[n], b = bs[n];
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      // the earliest of up to four children
      let c = first;
      let ct = times[c], ck = keys[c];
      const last = first + 4 < n ? first + 4 : n;
      for (let j = first + 1; j < last; j++) {
        const jt = times[j];
        if (jt < ct || (jt === ct && keys[j] < ck)) {
          c = j;
          ct = jt;
          ck = keys[j];
        }
      }
      if (ct > t || (ct === t && ck > k)) break;
      times[i] = ct; keys[i] = ck; as[i] = as[c]; bs[i] = bs[c];
      i = c;
    }
    times[i] = t; keys[i] = k; as[i] = a; bs[i] = b;
    return true;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const times = new Float64Array(n), keys = new Float64Array(n), as = new Int32Array(n), bs = new Int32Array(n);
    times.set(this.times);
    keys.set(this.keys);
    as.set(this.as);
    bs.set(this.bs);
    this.times = times;
    this.keys = keys;
    this.as = as;
    this.bs = bs;
  }
}

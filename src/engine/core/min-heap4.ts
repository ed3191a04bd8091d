/**
 * A 4-ary min-heap of events on typed arrays, ordered by (time, key): the key is a sequence number, so
 * events at the same instant come out in the order they were scheduled. Each event carries two integer
 * payloads; nothing is allocated per event. A 4-ary heap is half as deep as a binary one. The event queue
 * (event-queue.ts) keeps two: the events of the current bucket, and the far future.
 */
export class MinHeap4 {
  /** Event i's time at 2i and its key at 2i + 1: side by side, one array to load and check instead of two. */
  private declare tk: Float64Array;
  /** Event i's payloads, a at 2i and b at 2i + 1. */
  private declare ab: Int32Array;
  /** Events the arrays hold. */
  private declare cap: number;
  size = 0;

  /** The event most recently removed by `popInto`. */
  time = 0;
  key = 0;
  a = 0;
  b = 0;

  constructor(capacity: number) {
    this.cap = Math.max(1, capacity);
    this.tk = new Float64Array(2 * this.cap);
    this.tk[0] = Infinity;
    this.ab = new Int32Array(2 * this.cap);
  }

  /**
   * Time of the earliest event (Infinity when empty: an empty heap keeps Infinity in its first place, so
   * this is one load, with no branch whose `Infinity` the optimizing compiler would box the time for).
   */
  minTime(): number {
    return this.tk[0];
  }

  /** Key of the earliest event (meaningless when empty). */
  minKey(): number {
    return this.tk[1];
  }

  // Indices are built with shifts and ors (2i is i << 1, 2i + 1 is (i << 1) | 1, 4i + 1 is (i << 2) | 1): the
  // optimizing compiler checks every + and * of integers for overflow, but not these.

  insert(time: number, key: number, a: number, b: number): void {
    if (this.size === this.cap) this.grow();
    const tk = this.tk, ab = this.ab;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 2;
      const pt = tk[p << 1];
      if (pt < time || (pt === time && tk[(p << 1) | 1] < key)) break;
      const at = i << 1, from = p << 1;
      tk[at] = pt; tk[at | 1] = tk[from | 1]; ab[at] = ab[from]; ab[at | 1] = ab[from | 1];
      i = p;
    }
    const at = i << 1;
    tk[at] = time; tk[at | 1] = key; ab[at] = a; ab[at | 1] = b;
  }

  /** Removes the earliest event into `time`, `key`, `a`, `b` (the heap must not be empty). */
  popInto(): void {
    const tk = this.tk, ab = this.ab;
    this.time = tk[0]; this.key = tk[1]; this.a = ab[0]; this.b = ab[1];
    const n = --this.size;
    if (n === 0) {
      tk[0] = Infinity;
      return;
    }
    const last = n << 1;
    const t = tk[last], k = tk[last | 1], a = ab[last], b = ab[last | 1];
    let i = 0;
    for (;;) {
      const first = (i << 2) | 1;
      if (first >= n) break;
      // the earliest of up to four children (keys are unique, so it is the same in any order of comparison)
      let c = first;
      let ct = tk[first << 1], ck = tk[(first << 1) | 1];
      if (first + 3 < n) {
        // all four: compared in a row, without an inner loop (whose every turn checked the arrays again)
        let j = (i << 2) | 2, jt = tk[j << 1];
        if (jt < ct || (jt === ct && tk[(j << 1) | 1] < ck)) { c = j; ct = jt; ck = tk[(j << 1) | 1]; }
        j = (i << 2) | 3; jt = tk[j << 1];
        if (jt < ct || (jt === ct && tk[(j << 1) | 1] < ck)) { c = j; ct = jt; ck = tk[(j << 1) | 1]; }
        j = (i + 1) << 2; jt = tk[j << 1];
        if (jt < ct || (jt === ct && tk[(j << 1) | 1] < ck)) { c = j; ct = jt; ck = tk[(j << 1) | 1]; }
      } else {
        for (let j = first + 1; j < n; j++) {
          const jt = tk[j << 1];
          if (jt < ct || (jt === ct && tk[(j << 1) | 1] < ck)) { c = j; ct = jt; ck = tk[(j << 1) | 1]; }
        }
      }
      if (ct > t || (ct === t && ck > k)) break;
      const at = i << 1, from = c << 1;
      tk[at] = ct; tk[at | 1] = ck; ab[at] = ab[from]; ab[at | 1] = ab[from | 1];
      i = c;
    }
    const at = i << 1;
    tk[at] = t; tk[at | 1] = k; ab[at] = a; ab[at | 1] = b;
  }

  private grow(): void {
    this.cap *= 2;
    const tk = new Float64Array(2 * this.cap), ab = new Int32Array(2 * this.cap);
    tk.set(this.tk);
    ab.set(this.ab);
    this.tk = tk;
    this.ab = ab;
  }
}

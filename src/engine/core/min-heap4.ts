/**
 * A 4-ary min-heap of events on a typed array, ordered by (time, key): the key is a sequence number, so
 * events at the same instant come out in the order they were scheduled. Each event carries two integer
 * payloads; nothing is allocated per event. A 4-ary heap is half as deep as a binary one. The event queue
 * (event-queue.ts) keeps two: the events of the current bucket, and the far future.
 */
export class MinHeap4 {
  /**
   * Event i's time at 4i, its key at 4i + 1 and its payloads a and b at 4i + 2 and 4i + 3 (int32 values, exact
   * as doubles): side by side in one array, so a level of the heap loads and checks one array, not two.
   */
  private declare ev: Float64Array;
  /** Events the array holds. */
  private declare cap: number;
  size = 0;

  /** The event most recently removed by `popInto`. */
  time = 0;
  key = 0;
  a = 0;
  b = 0;

  constructor(capacity: number) {
    this.cap = Math.max(1, capacity);
    this.ev = new Float64Array(4 * this.cap);
    this.ev[0] = Infinity;
  }

  /**
   * Time of the earliest event (Infinity when empty: an empty heap keeps Infinity in its first place, so
   * this is one load, with no branch whose `Infinity` the optimizing compiler would box the time for).
   */
  minTime(): number {
    return this.ev[0];
  }

  /** Key of the earliest event (meaningless when empty). */
  minKey(): number {
    return this.ev[1];
  }

  // Indices are built with shifts and ors (event i at i << 2, its key at (i << 2) | 1, its first child (i << 2) | 1):
  // the optimizing compiler checks every + and * of integers for overflow, but not these.

  insert(time: number, key: number, a: number, b: number): void {
    if (this.size === this.cap) this.grow();
    const ev = this.ev;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 2;
      const from = p << 2;
      const pt = ev[from];
      if (pt < time || (pt === time && ev[from | 1] < key)) break;
      const at = i << 2;
      ev[at] = pt; ev[at | 1] = ev[from | 1]; ev[at | 2] = ev[from | 2]; ev[at | 3] = ev[from | 3];
      i = p;
    }
    const at = i << 2;
    ev[at] = time; ev[at | 1] = key; ev[at | 2] = a; ev[at | 3] = b;
  }

  /** Payload a of the earliest event (meaningless when empty); `| 0`: int32, read as an integer without a check. */
  minA(): number {
    return this.ev[2] | 0;
  }

  /** Payload b of the earliest event (meaningless when empty). */
  minB(): number {
    return this.ev[3] | 0;
  }

  /** Removes the earliest event into `time`, `key`, `a`, `b` (the heap must not be empty). */
  popInto(): void {
    const ev = this.ev;
    this.time = ev[0]; this.key = ev[1]; this.a = ev[2] | 0; this.b = ev[3] | 0;
    this.removeMin();
  }

  /**
   * Removes the earliest event (the heap must not be empty) without copying it out: the event queue reads it
   * with minTime, minKey, minA and minB first, once per event instead of through these fields and then its own.
   * A heap left with no event or one is handled here, small enough to be inlined into the queue's take (the
   * calendar's front heap holds a bucket's two or three events at R1); a larger one sifts in a call of its own.
   */
  removeMin(): void {
    const n = --this.size;
    const ev = this.ev;
    if (n === 0) ev[0] = Infinity;
    else if (n === 1) {
      ev[0] = ev[4]; ev[1] = ev[5]; ev[2] = ev[6]; ev[3] = ev[7];
    } else this.siftLast(n);
  }

  /** removeMin for n ≥ 2 events left: the last event sifts down from the root. */
  private siftLast(n: number): void {
    const ev = this.ev;
    const last = n << 2;
    const t = ev[last], k = ev[last | 1], a = ev[last | 2], b = ev[last | 3];
    let i = 0;
    for (;;) {
      const first = (i << 2) | 1;
      if (first >= n) break;
      // the earliest of up to four children (keys are unique, so it is the same in any order of comparison)
      let c = first;
      let ct = ev[first << 2], ck = ev[(first << 2) | 1];
      if (first + 3 < n) {
        // all four: compared in a row, without an inner loop (whose every turn checked the array again)
        let j = (i << 2) | 2, jt = ev[j << 2];
        if (jt < ct || (jt === ct && ev[(j << 2) | 1] < ck)) { c = j; ct = jt; ck = ev[(j << 2) | 1]; }
        j = (i << 2) | 3; jt = ev[j << 2];
        if (jt < ct || (jt === ct && ev[(j << 2) | 1] < ck)) { c = j; ct = jt; ck = ev[(j << 2) | 1]; }
        j = (i + 1) << 2; jt = ev[j << 2];
        if (jt < ct || (jt === ct && ev[(j << 2) | 1] < ck)) { c = j; ct = jt; ck = ev[(j << 2) | 1]; }
      } else {
        for (let j = first + 1; j < n; j++) {
          const jt = ev[j << 2];
          if (jt < ct || (jt === ct && ev[(j << 2) | 1] < ck)) { c = j; ct = jt; ck = ev[(j << 2) | 1]; }
        }
      }
      if (ct > t || (ct === t && ck > k)) break;
      const at = i << 2, from = c << 2;
      ev[at] = ct; ev[at | 1] = ck; ev[at | 2] = ev[from | 2]; ev[at | 3] = ev[from | 3];
      i = c;
    }
    const at = i << 2;
    ev[at] = t; ev[at | 1] = k; ev[at | 2] = a; ev[at | 3] = b;
  }

  private grow(): void {
    this.cap *= 2;
    const ev = new Float64Array(4 * this.cap);
    ev.set(this.ev);
    this.ev = ev;
  }
}

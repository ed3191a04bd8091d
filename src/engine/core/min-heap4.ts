/**
 * A 4-ary min-heap of events on typed arrays, ordered by (time, key): the key is a sequence number, so
 * events at the same instant come out in the order they were scheduled. Each event carries two integer
 * payloads; nothing is allocated per event. A 4-ary heap is half as deep as a binary one. The event queue
 * (event-queue.ts) keeps two: the events of the current bucket, and the far future.
 */
export class MinHeap4 {
  private declare times: Float64Array;
  private declare keys: Float64Array;
  private declare as: Int32Array;
  private declare bs: Int32Array;
  size = 0;

  /** The event most recently removed by `popInto`. */
  time = 0;
  key = 0;
  a = 0;
  b = 0;

  constructor(capacity: number) {
    this.times = new Float64Array(Math.max(1, capacity));
    this.times[0] = Infinity;
    this.keys = new Float64Array(this.times.length);
    this.as = new Int32Array(this.times.length);
    this.bs = new Int32Array(this.times.length);
  }

  /**
   * Time of the earliest event (Infinity when empty: an empty heap keeps Infinity in its first place, so
   * this is one load, with no branch whose `Infinity` the optimizing compiler would box the time for).
   */
  minTime(): number {
    return this.times[0];
  }

  /** Key of the earliest event (meaningless when empty). */
  minKey(): number {
    return this.keys[0];
  }

  insert(time: number, key: number, a: number, b: number): void {
    if (this.size === this.times.length) this.grow();
    const times = this.times, keys = this.keys, as = this.as, bs = this.bs;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 2;
      const pt = times[p];
      if (pt < time || (pt === time && keys[p] < key)) break;
      times[i] = pt; keys[i] = keys[p]; as[i] = as[p]; bs[i] = bs[p];
      i = p;
    }
    times[i] = time; keys[i] = key; as[i] = a; bs[i] = b;
  }

  /** Removes the earliest event into `time`, `key`, `a`, `b` (the heap must not be empty). */
  popInto(): void {
    const times = this.times, keys = this.keys, as = this.as, bs = this.bs;
    this.time = times[0]; this.key = keys[0]; this.a = as[0]; this.b = bs[0];
    const n = --this.size;
    if (n === 0) {
      times[0] = Infinity;
      return;
    }
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

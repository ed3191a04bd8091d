/**
 * The future-event list: a binary min-heap on typed arrays, ordered by (time, sequence) so that
 * events at the same instant run in the order they were scheduled — the tie rule that makes a run
 * reproducible. Each event carries a small kind code and two integer payloads; nothing is
 * allocated per event. `pop()` leaves the event in the `time`/`kind`/`a`/`b` fields.
 */
export class EventQueue {
  private times: Float64Array;
  private seqs: Float64Array;
  private kinds: Uint8Array;
  private as: Int32Array;
  private bs: Int32Array;
  private nextSeq = 0;
  size = 0;

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

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? this.times[0] : Infinity;
  }

  push(time: number, kind: number, a: number, b: number): void {
    if (this.size === this.times.length) this.grow();
    const seq = this.nextSeq++;
    const times = this.times, seqs = this.seqs, kinds = this.kinds, as = this.as, bs = this.bs;
    let i = this.size++;
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
    if (this.size === 0) return false;
    const times = this.times, seqs = this.seqs, kinds = this.kinds, as = this.as, bs = this.bs;
    this.time = times[0]; this.kind = kinds[0]; this.a = as[0]; this.b = bs[0];
    const n = --this.size;
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

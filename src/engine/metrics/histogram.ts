/**
 * Latency histogram with logarithmic buckets (HdrHistogram-like): bounded memory whatever the run
 * length, and any percentile to within the bucket width (1 % by default). Values are milliseconds;
 * exact min, max, count and sum are kept alongside.
 */
import { DoubleBits, bucketByLog, bucketTable, type BucketTable } from './log-buckets.ts';

export class LogHistogram {
  declare readonly counts: Float64Array;
  private declare readonly minMs: number;
  private declare readonly invLogBase: number;
  private declare readonly logBase: number;
  count = 0;
  sum = 0;
  min = Infinity;
  max = 0;
  /** Lowest and highest bucket touched since the last reset, so a reset costs only what was used. */
  private declare lo: number;
  private hi = -1;

  constructor(relativePrecision = 0.01, minMs = 0.001, maxMs = 1e8) {
    this.minMs = minMs;
    this.logBase = Math.log1p(relativePrecision);
    this.invLogBase = 1 / this.logBase;
    this.counts = new Float64Array(Math.ceil(Math.log(maxMs / minMs) * this.invLogBase) + 2);
    this.lo = this.counts.length;
  }

  record(ms: number): void {
    this.recordAt(ms, bucketByLog(ms, this.minMs, this.invLogBase, this.counts.length));
  }

  /** Records `ms` in bucket i, which must be its bucket (`record` finds it by the logarithm, LatencyPair by a table). */
  recordAt(ms: number, i: number): void {
    this.counts[i]++;
    if (i < this.lo) this.lo = i;
    if (i > this.hi) this.hi = i;
    this.count++;
    this.sum += ms;
    if (ms < this.min) this.min = ms;
    if (ms > this.max) this.max = ms;
  }

  /** The bucket table of this histogram's layout (log-buckets.ts). */
  bucketTable(bits: DoubleBits): BucketTable {
    return bucketTable(this.minMs, this.invLogBase, this.counts.length, bits);
  }

  /** The value below which a share `q` (0..1) of the recorded values fall; 0 when empty. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = this.lo; i <= this.hi; i++) {
      seen += this.counts[i];
      if (seen >= rank) return Math.min(this.max, Math.max(this.min, this.bucketMid(i)));
    }
    return this.max;
  }

  /**
   * `quantile` of each share in `qs` (ascending) into `out`, in one walk over the buckets: the same values
   * as one call per share, for the per-second roll-up's three percentiles.
   */
  quantilesInto(qs: readonly number[], out: Float64Array): void {
    let k = 0;
    if (this.count === 0) {
      for (; k < qs.length; k++) out[k] = 0;
      return;
    }
    let rank = Math.max(1, Math.ceil(qs[0] * this.count));
    let seen = 0;
    // the fields at hand in locals: this walk visits every bucket in use, every simulated second
    const counts = this.counts, hi = this.hi;
    for (let i = this.lo; i <= hi; i++) {
      // four buckets at a time while they cannot reach the rank (most of a second's buckets are empty); the
      // counts are whole numbers, so the sums are exact in any order. A skip never passes `hi`: the rank is at
      // most the count, so some bucket after the four skipped ones still reaches it
      while (i + 3 <= hi) {
        const four = counts[i] + counts[i + 1] + counts[i + 2] + counts[i + 3];
        if (seen + four >= rank) break;
        seen += four;
        i += 4;
      }
      seen += counts[i];
      while (seen >= rank) {
        out[k++] = Math.min(this.max, Math.max(this.min, this.bucketMid(i)));
        if (k === qs.length) return;
        rank = Math.max(1, Math.ceil(qs[k] * this.count));
      }
    }
    for (; k < qs.length; k++) out[k] = this.max;
  }

  mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  reset(): void {
    if (this.hi >= this.lo) this.counts.fill(0, this.lo, this.hi + 1);
    this.lo = this.counts.length;
    this.hi = -1;
    this.count = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = 0;
  }

  /** Geometric middle of bucket i. */
  private bucketMid(i: number): number {
    if (i === 0) return this.minMs;
    return this.minMs * Math.exp((i - 0.5) * this.logBase);
  }
}

/** Smallest value either latency histogram tells apart, ms. */
const MIN_MS = 0.001;
/** Values between two fillings of the bucket tables. */
const SETTLE_EVERY = 256;

/**
 * The run's latency histogram (1 % buckets) and the current second's (5 %, reset every second), fed together
 * once per successful request: both buckets come from one look at the value's bits (log-buckets.ts), the same
 * buckets their logarithm gives.
 */
export class LatencyPair {
  readonly run = new LogHistogram(0.01, MIN_MS);
  readonly second = new LogHistogram(0.05, MIN_MS);
  private readonly bits = new DoubleBits();
  private declare readonly runTable: BucketTable;
  private declare readonly secondTable: BucketTable;

  constructor() {
    this.runTable = this.run.bucketTable(this.bits);
    this.secondTable = this.second.bucketTable(this.bits);
  }

  /** Values until the bucket tables next fill the cells they met unfilled. */
  private untilSettle = SETTLE_EVERY;

  /** Records a latency (a number, never NaN). */
  record(ms: number): void {
    // rarely enough that the optimizing compiler leaves the filling out of this path (a call it sees seldom)
    if (--this.untilSettle === 0) this.settle();
    // MIN_MS written as its literal: the bench's bundle loads a module constant from the context at each use
    if (ms <= 0.001) {
      this.run.recordAt(ms, 0);
      this.second.recordAt(ms, 0);
      return;
    }
    const cell = this.bits.cellOf(ms);
    this.run.recordAt(ms, this.runTable.bucket(ms, cell));
    this.second.recordAt(ms, this.secondTable.bucket(ms, cell));
  }

  /** Fills the bucket tables' cells met unfilled. */
  settle(): void {
    this.untilSettle = SETTLE_EVERY;
    this.runTable.settle();
    this.secondTable.settle();
  }
}

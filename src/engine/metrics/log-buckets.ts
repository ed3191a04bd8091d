/**
 * A log histogram's bucket found without a logarithm: the same bucket as `1 + ⌊ln(ms / minMs) / ln(1 + p)⌋`
 * (capped at the last one) for every value above minMs, from the value's binary exponent and its top
 * mantissa bits (a "cell", 1/128 of an octave), a table of each cell's bucket, and one comparison with the next
 * bucket's lowest value. That lowest value (the border) is found by evaluating the logarithm formula itself on
 * neighbouring doubles, after a value first falls in its cell, so the table reproduces what the formula gives
 * on this JavaScript engine; a cell is narrower than a bucket (0.8 % against 1 % or more), so it holds at most one
 * border. The run's latency histograms record a value per finished request: this is a table look-up where ln()
 * was a call to the C library (tests/unit/engine/metrics/log-buckets.test.ts compares both around every border).
 */

/** Mantissa bits of a cell: 2^7 cells per octave, at most 2^−7 ≈ 0.8 % wide. */
const CELL_BITS = 7;
/** A double's high word shifted right by this leaves its exponent and top CELL_BITS mantissa bits. */
export const CELL_SHIFT = 20 - CELL_BITS;

/** Cells a table notes between two `settle` calls. */
const PENDING = 64;

/** A double's two 32-bit words, for reading a value's exponent bits and stepping to a neighbouring double. */
export class DoubleBits {
  readonly f64 = new Float64Array(1);
  readonly u32 = new Uint32Array(this.f64.buffer);
  /** Index of the high word (sign, exponent, top mantissa bits) in `u32`: 1 on little-endian machines. */
  declare readonly hi: number;

  constructor() {
    this.f64[0] = 1;
    this.hi = this.u32[1] === 0x3ff00000 ? 1 : 0;
  }

  /** The cell of a positive value: its high word's top bits. */
  cellOf(x: number): number {
    this.f64[0] = x;
    return this.u32[this.hi] >>> CELL_SHIFT;
  }

  /** The lowest positive double of cell c. */
  cellStart(c: number): number {
    this.u32[this.hi] = c << CELL_SHIFT;
    this.u32[1 - this.hi] = 0;
    return this.f64[0];
  }

  /** The next double above positive x. */
  up(x: number): number {
    this.f64[0] = x;
    const lo = 1 - this.hi;
    if (this.u32[lo] === 0xffffffff) {
      this.u32[lo] = 0;
      this.u32[this.hi]++;
    } else this.u32[lo]++;
    return this.f64[0];
  }

  /** The next double below positive x. */
  down(x: number): number {
    this.f64[0] = x;
    const lo = 1 - this.hi;
    if (this.u32[lo] === 0) {
      this.u32[lo] = 0xffffffff;
      this.u32[this.hi]--;
    } else this.u32[lo]--;
    return this.f64[0];
  }
}

/** The bucket of `ms` by the logarithm (LogHistogram's formula): 0 up to minMs, capped at buckets − 1. */
export function bucketByLog(ms: number, minMs: number, invLogBase: number, buckets: number): number {
  const i = ms <= minMs ? 0 : 1 + Math.floor(Math.log(ms / minMs) * invLogBase);
  return i >= buckets ? buckets - 1 : i;
}

/**
 * The bucket of every value above minMs for one histogram layout (minMs, invLogBase, buckets). A cell's bucket
 * and the border after it are found soon after a value first falls in the cell (until then the logarithm gives
 * that cell's buckets): a run's latencies touch a few hundred of the thousands of cells, and finding every border
 * up front (about ten logarithms each) cost 25–100 ms when the first run started.
 */
export class BucketTable {
  /** The cell of minMs: cell numbers are stored from it. */
  declare readonly firstCell: number;
  /** Cells stored (to the one holding the last bucket's border); a value in a later cell is in the last bucket. */
  declare readonly cells: number;
  /** The bucket of the lowest value above minMs in each cell; −1 until a value falls in the cell. */
  private declare readonly cellBucket: Int32Array;
  /** lowest[k]: the lowest value in bucket k (k ≥ 1), NaN until needed; lowest[buckets] is Infinity. */
  private declare readonly lowest: Float64Array;
  private declare readonly minMs: number;
  private declare readonly invLogBase: number;
  private declare readonly buckets: number;
  private declare readonly bits: DoubleBits;
  /** Cells met unfilled since the last `settle` (at most PENDING; a cell left out is met again later). */
  private readonly pending = new Int32Array(PENDING);
  private pendingCount = 0;

  constructor(minMs: number, invLogBase: number, buckets: number, bits: DoubleBits) {
    this.minMs = minMs;
    this.invLogBase = invLogBase;
    this.buckets = buckets;
    this.bits = bits;
    this.lowest = new Float64Array(buckets + 1).fill(NaN);
    this.lowest[buckets] = Infinity;
    this.lowest[1] = bits.up(minMs);
    this.firstCell = bits.cellOf(minMs);
    this.cells = bits.cellOf(this.border(buckets - 1)) - this.firstCell + 1;
    this.cellBucket = new Int32Array(this.cells).fill(-1);
  }

  /** The bucket of `ms` given its cell (`DoubleBits.cellOf`); ms must be above minMs. */
  bucket(ms: number, cell: number): number {
    let c = cell - this.firstCell;
    if (c >= this.cells) c = this.cells - 1;
    const b = this.cellBucket[c];
    if (b < 0) {
      // a cell not met before: the logarithm this time, and the cell is filled at the next `settle`
      if (this.pendingCount < PENDING) this.pending[this.pendingCount++] = c;
      return bucketByLog(ms, this.minMs, this.invLogBase, this.buckets);
    }
    return ms >= this.lowest[b + 1] ? b + 1 : b;
  }

  /**
   * Fills the cells met unfilled since the last call. LatencyPair calls it every few hundred values, away from the
   * per-request look-up: filling inside the look-up got the filler inlined there, and the look-up no longer inlined.
   */
  settle(): void {
    for (let k = 0; k < this.pendingCount; k++) if (this.cellBucket[this.pending[k]] < 0) this.fill(this.pending[k]);
    this.pendingCount = 0;
  }

  /** The lowest value the logarithm formula puts in bucket k (1 ≤ k ≤ buckets; Infinity for `buckets`). */
  border(k: number): number {
    const known = this.lowest[k];
    if (known === known) return known;
    const bits = this.bits, inv = this.invLogBase;
    const f = (x: number): number => bucketByLog(x, this.minMs, inv, this.buckets);
    // the lowest logarithm the formula puts in bucket k, stepped to by single doubles (multiplications only) …
    let lg = (k - 1) / inv;
    while (Math.floor(bits.down(lg) * inv) >= k - 1) lg = bits.down(lg);
    while (Math.floor(lg * inv) < k - 1) lg = bits.up(lg);
    // … then, from the value with about that logarithm, single doubles to the first one in bucket k
    let x = this.minMs * Math.exp(lg);
    while (f(bits.down(x)) >= k) x = bits.down(x);
    while (f(x) < k) x = bits.up(x);
    this.lowest[k] = x;
    return x;
  }

  /** Cell c's bucket and the border after it; throws if the cell holds two borders (buckets narrower than a cell). */
  fill(c: number): number {
    const bits = this.bits;
    const b = bucketByLog(Math.max(this.lowest[1], bits.cellStart(this.firstCell + c)), this.minMs, this.invLogBase, this.buckets);
    this.border(b + 1);
    // the look-up adds at most one bucket: the cell's last value must be at most in the next bucket
    const last = bits.down(bits.cellStart(this.firstCell + c + 1));
    if (bucketByLog(last, this.minMs, this.invLogBase, this.buckets) > b + 1) throw new Error('log buckets narrower than a cell');
    this.cellBucket[c] = b;
    return b;
  }
}

const tables = new Map<string, BucketTable>();

/** The table of a layout, made once per layout and shared by every run (the cells it has filled stay filled). */
export function bucketTable(minMs: number, invLogBase: number, buckets: number, bits: DoubleBits): BucketTable {
  const key = `${minMs} ${invLogBase} ${buckets}`;
  let t = tables.get(key);
  if (t === undefined) {
    t = new BucketTable(minMs, invLogBase, buckets, bits);
    tables.set(key, t);
  }
  return t;
}

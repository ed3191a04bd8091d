/**
 * A log histogram's bucket found without a logarithm: the same bucket as `1 + ⌊ln(ms / minMs) / ln(1 + p)⌋`
 * (capped at the last one) for every value above minMs, from the value's binary exponent and its top
 * mantissa bits (a "cell", 1/128 of an octave), a table of each cell's bucket, and one comparison with the next
 * bucket's lowest value. That lowest value (the border) is found once per table by evaluating the logarithm
 * formula itself on neighbouring doubles, so the table reproduces what the formula gives on this JavaScript
 * engine; a cell is narrower than a bucket (0.8 % against 1 % or more), so it holds at most one border. The
 * run's latency histogram records a value per finished request: this is a table look-up where ln() was a call
 * to the C library (tests/unit/engine/metrics/log-buckets.test.ts compares both around every border).
 */

/** Mantissa bits of a cell: 2^7 cells per octave, at most 2^−7 ≈ 0.8 % wide. */
const CELL_BITS = 7;
/** A double's high word shifted right by this leaves its exponent and top CELL_BITS mantissa bits. */
export const CELL_SHIFT = 20 - CELL_BITS;

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

/** The bucket of every value above minMs for one histogram layout (minMs, invLogBase, buckets). */
export class BucketTable {
  /** The cell of minMs: cell numbers are stored from it. */
  declare readonly firstCell: number;
  /** Cells stored; a value in a later cell is in the last bucket. */
  declare readonly cells: number;
  /** The bucket of the lowest value above minMs in each cell. */
  declare readonly cellBucket: Int32Array;
  /** lowest[k]: the lowest value in bucket k (k ≥ 1); lowest[buckets] is Infinity. */
  declare readonly lowest: Float64Array;

  constructor(minMs: number, invLogBase: number, buckets: number, bits: DoubleBits) {
    const f = (x: number): number => bucketByLog(x, minMs, invLogBase, buckets);
    const lowest = new Float64Array(buckets + 1);
    lowest[buckets] = Infinity;
    lowest[1] = bits.up(minMs);
    for (let k = 2; k < buckets; k++) {
      // from the formula's own estimate, step by single doubles to the first one in bucket k
      let x = Math.max(lowest[k - 1], minMs * Math.exp((k - 1) / invLogBase));
      while (f(x) >= k && x > lowest[k - 1]) x = bits.down(x);
      while (f(x) < k) x = bits.up(x);
      lowest[k] = x;
    }
    this.firstCell = bits.cellOf(minMs);
    this.cells = bits.cellOf(lowest[buckets - 1]) - this.firstCell + 1;
    const cellBucket = new Int32Array(this.cells);
    for (let c = 0; c < this.cells; c++) {
      const b = f(Math.max(lowest[1], bits.cellStart(this.firstCell + c)));
      // the look-up adds at most one bucket: the next border after the cell's first bucket must lie beyond it
      if (b + 2 < buckets && lowest[b + 2] < bits.cellStart(this.firstCell + c + 1)) throw new Error('log buckets narrower than a cell');
      cellBucket[c] = b;
    }
    this.cellBucket = cellBucket;
    this.lowest = lowest;
  }

  /** The bucket of `ms` given its cell (`DoubleBits.cellOf`); ms must be above minMs. */
  bucket(ms: number, cell: number): number {
    let c = cell - this.firstCell;
    if (c >= this.cells) c = this.cells - 1;
    const b = this.cellBucket[c];
    return ms >= this.lowest[b + 1] ? b + 1 : b;
  }
}

const tables = new Map<string, BucketTable>();

/** The table of a layout, built once per layout (a few thousand logarithms) and shared by every run. */
export function bucketTable(minMs: number, invLogBase: number, buckets: number, bits: DoubleBits): BucketTable {
  const key = `${minMs} ${invLogBase} ${buckets}`;
  let t = tables.get(key);
  if (t === undefined) {
    t = new BucketTable(minMs, invLogBase, buckets, bits);
    tables.set(key, t);
  }
  return t;
}

import { describe, expect, it } from 'vitest';
import { BucketTable, DoubleBits, bucketByLog } from '../../../../src/engine/metrics/log-buckets.ts';
import { LatencyPair, LogHistogram } from '../../../../src/engine/metrics/histogram.ts';
import { Rng } from '../../../../src/engine/core/rng.ts';

const MIN_MS = 0.001;
/** Doubles checked on each side of every border: far more than the logarithm's error of under one ulp can move a border by. */
const WINDOW = 48;

/** The layout of a LogHistogram of the given precision, as LatencyPair's histograms have. */
function layout(precision: number): { invLogBase: number; buckets: number } {
  const invLogBase = 1 / Math.log1p(precision);
  return { invLogBase, buckets: new LogHistogram(precision, MIN_MS).counts.length };
}

describe('BucketTable', () => {
  for (const precision of [0.01, 0.05]) {
    it(`gives the logarithm's bucket around every border of the ${precision * 100} % layout`, () => {
      const { invLogBase, buckets } = layout(precision);
      const bits = new DoubleBits();
      const table = new BucketTable(MIN_MS, invLogBase, buckets, bits);
      // every cell filled, so each look-up below goes through the table (an unfilled cell falls back to the logarithm)
      for (let c = 0; c < table.cells; c++) table.fill(c);
      let checked = 0;
      for (let k = 1; k < buckets; k++) {
        // the border itself is the first double the formula puts in bucket k
        const border = table.border(k);
        expect(bucketByLog(border, MIN_MS, invLogBase, buckets)).toBe(k);
        expect(bucketByLog(bits.down(border), MIN_MS, invLogBase, buckets)).toBe(k - 1);
        let x = border;
        for (let j = 0; j < WINDOW; j++) x = bits.down(x);
        for (let j = 0; j < 2 * WINDOW; j++, x = bits.up(x)) {
          if (x <= MIN_MS) continue;
          const want = bucketByLog(x, MIN_MS, invLogBase, buckets);
          if (table.bucket(x, bits.cellOf(x)) !== want) expect([x, table.bucket(x, bits.cellOf(x))]).toEqual([x, want]);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan((buckets - 2) * 2 * WINDOW);
    });
  }

  it("gives the logarithm's bucket for values spread over the whole range, cell borders and extremes", () => {
    const bits = new DoubleBits();
    const layouts = [layout(0.01), layout(0.05)];
    const tables = layouts.map((l) => new BucketTable(MIN_MS, l.invLogBase, l.buckets, bits));
    for (const t of tables) for (let c = 0; c < t.cells; c++) t.fill(c);
    const rng = new Rng(11, 'log-buckets');
    const values: number[] = [bits.up(MIN_MS), 0.0010000001, 1, 1000, 1e8, 1.5e8, 1e12, Number.MAX_VALUE, Infinity];
    // log-uniform from just above minMs to beyond the last bucket
    for (let i = 0; i < 200_000; i++) values.push(MIN_MS * Math.exp(rng.next() * 28));
    // every cell's first double and the one below it
    for (let c = bits.cellOf(MIN_MS) + 1; c <= bits.cellOf(2e8); c++) values.push(bits.cellStart(c), bits.down(bits.cellStart(c)));
    for (const x of values) {
      if (x <= MIN_MS) continue;
      for (let t = 0; t < 2; t++) {
        const want = bucketByLog(x, MIN_MS, layouts[t].invLogBase, layouts[t].buckets);
        const got = tables[t].bucket(x, bits.cellOf(x));
        if (got !== want) expect([x, got]).toEqual([x, want]);
      }
    }
  });
});

describe('LatencyPair', () => {
  it('fills both histograms exactly as recording each value by its logarithm does', () => {
    const pair = new LatencyPair();
    const run = new LogHistogram(0.01, MIN_MS);
    const second = new LogHistogram(0.05, MIN_MS);
    const rng = new Rng(5, 'latency-pair');
    const values = [0, MIN_MS, 0.0005, 1e9];
    for (let i = 0; i < 50_000; i++) values.push(-Math.log(1 - rng.next()) * 300);
    // twice: the first pass meets cells unfilled (the logarithm, then filled by settle), the second finds them filled
    for (const pass of [0, 1]) {
      for (const v of values) {
        pair.record(v);
        pair.settle();
        run.record(v);
        second.record(v);
      }
      expect(pass === 0 || pair.run.count === 2 * values.length).toBe(true);
    }
    expect(Array.from(pair.run.counts)).toEqual(Array.from(run.counts));
    expect(Array.from(pair.second.counts)).toEqual(Array.from(second.counts));
    expect([pair.run.count, pair.run.sum, pair.run.min, pair.run.max]).toEqual([run.count, run.sum, run.min, run.max]);
    expect(pair.run.quantile(0.99)).toBe(run.quantile(0.99));
  });
});

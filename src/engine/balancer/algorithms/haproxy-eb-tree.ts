/**
 * The ordering of HAProxy's eb32 trees with duplicate keys (ebtree `eb32_insert`): values sorted by key,
 * equal keys in insertion order, so a re-inserted value goes behind the others of its key. HAProxy's
 * FWRR, leastconn and consistent-hash trees all rely on that order. Simplifies: a sorted typed array,
 * O(n) per insert or delete instead of O(log n) (fine for a group's size), and no allocation once grown.
 */
export class EbTree {
  private keys = new Float64Array(8);
  private values = new Int32Array(8);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The value at position k (0 = first). */
  valueAt(k: number): number {
    return this.values[k];
  }

  keyAt(k: number): number {
    return this.keys[k];
  }

  /** The first value, or -1 when empty (`eb32_first`). */
  first(): number {
    return this.count > 0 ? this.values[0] : -1;
  }

  /** The position of the first entry whose key is ≥ key (size when none: `eb32_lookup_ge`). */
  lowerBound(key: number): number {
    let lo = 0, hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Inserts behind every entry with the same key. */
  insert(value: number, key: number): void {
    let lo = 0, hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid] <= key) lo = mid + 1;
      else hi = mid;
    }
    if (this.count === this.keys.length) this.grow();
    this.keys.copyWithin(lo + 1, lo, this.count);
    this.values.copyWithin(lo + 1, lo, this.count);
    this.keys[lo] = key;
    this.values[lo] = value;
    this.count++;
  }

  /** The position of `value` inserted with `key`, or -1. */
  indexOf(value: number, key: number): number {
    for (let k = this.lowerBound(key); k < this.count && this.keys[k] === key; k++) {
      if (this.values[k] === value) return k;
    }
    return -1;
  }

  /** Removes `value` (inserted with `key`); false if it was not there. */
  remove(value: number, key: number): boolean {
    const k = this.indexOf(value, key);
    if (k < 0) return false;
    this.keys.copyWithin(k, k + 1, this.count);
    this.values.copyWithin(k, k + 1, this.count);
    this.count--;
    return true;
  }

  /** Values in tree order with their keys (for explanations; allocates). */
  entries(): { members: number[]; keys: number[] } {
    return { members: Array.from(this.values.subarray(0, this.count)), keys: Array.from(this.keys.subarray(0, this.count)) };
  }

  clear(): void {
    this.count = 0;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const values = new Int32Array(this.values.length * 2);
    keys.set(this.keys);
    values.set(this.values);
    this.keys = keys;
    this.values = values;
  }
}

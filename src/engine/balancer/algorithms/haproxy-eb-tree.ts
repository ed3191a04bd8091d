/**
 * The ordering of HAProxy's eb32 trees with duplicate keys (ebtree `eb32_insert`): values sorted by key,
 * equal keys in insertion order, so a re-inserted value goes behind the others of its key. HAProxy's
 * FWRR, leastconn and consistent-hash trees all rely on that order. Simplifies: a sorted array, which
 * is O(n) per insert or delete instead of O(log n); fine for the group sizes a scenario allows.
 */
export class EbTree {
  private keys: number[] = [];
  private values: number[] = [];

  get size(): number {
    return this.keys.length;
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
    return this.values.length > 0 ? this.values[0] : -1;
  }

  /** The position of the first entry whose key is ≥ key (size when none: `eb32_lookup_ge`). */
  lowerBound(key: number): number {
    let lo = 0, hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Inserts behind every entry with the same key. */
  insert(value: number, key: number): void {
    let lo = 0, hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid] <= key) lo = mid + 1;
      else hi = mid;
    }
    this.keys.splice(lo, 0, key);
    this.values.splice(lo, 0, value);
  }

  /** The position of `value` inserted with `key`, or -1. */
  indexOf(value: number, key: number): number {
    for (let k = this.lowerBound(key); k < this.keys.length && this.keys[k] === key; k++) {
      if (this.values[k] === value) return k;
    }
    return -1;
  }

  /** Removes `value` (inserted with `key`); false if it was not there. */
  remove(value: number, key: number): boolean {
    const k = this.indexOf(value, key);
    if (k < 0) return false;
    this.keys.splice(k, 1);
    this.values.splice(k, 1);
    return true;
  }

  clear(): void {
    this.keys = [];
    this.values = [];
  }
}

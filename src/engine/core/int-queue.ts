/**
 * A growable FIFO ring of 32-bit integers (request slots waiting at a target); no allocation per push.
 * The capacity is a power of two, so a position wraps with a mask (`%` is an integer division).
 */
export class IntQueue {
  private declare buf: Int32Array;
  private declare mask: number;
  private head = 0;
  size = 0;

  constructor(capacity = 16) {
    let cap = 1;
    while (cap < capacity) cap *= 2;
    this.buf = new Int32Array(cap);
    this.mask = cap - 1;
  }

  push(v: number): void {
    if (this.size === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      for (let i = 0; i < this.size; i++) next[i] = this.buf[(this.head + i) & this.mask];
      this.buf = next;
      this.mask = next.length - 1;
      this.head = 0;
    }
    this.buf[(this.head + this.size) & this.mask] = v;
    this.size++;
  }

  /** Removes and returns the oldest value; -1 when empty. */
  shift(): number {
    if (this.size === 0) return -1;
    const v = this.buf[this.head];
    this.head = (this.head + 1) & this.mask;
    this.size--;
    return v;
  }

  /** The i-th oldest value (0 = next out). */
  at(i: number): number {
    return this.buf[(this.head + i) & this.mask];
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
  }
}

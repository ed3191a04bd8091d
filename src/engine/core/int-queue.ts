/** A growable FIFO ring of 32-bit integers (request slots waiting at a target); no allocation per push. */
export class IntQueue {
  private buf: Int32Array;
  private head = 0;
  size = 0;

  constructor(capacity = 16) {
    this.buf = new Int32Array(capacity);
  }

  push(v: number): void {
    if (this.size === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      for (let i = 0; i < this.size; i++) next[i] = this.buf[(this.head + i) % this.buf.length];
      this.buf = next;
      this.head = 0;
    }
    this.buf[(this.head + this.size) % this.buf.length] = v;
    this.size++;
  }

  /** Removes and returns the oldest value; -1 when empty. */
  shift(): number {
    if (this.size === 0) return -1;
    const v = this.buf[this.head];
    this.head = (this.head + 1) % this.buf.length;
    this.size--;
    return v;
  }

  /** The i-th oldest value (0 = next out). */
  at(i: number): number {
    return this.buf[(this.head + i) % this.buf.length];
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
  }
}

/**
 * The near future of the event queue (event-queue.ts): a ring of RING_SIZE time buckets, each an
 * unsorted list of events, with a bitmap of the buckets that hold any. It holds the buckets just after
 * the current one; bucket numbers in that range map to distinct ring slots (number mod RING_SIZE).
 * Adding an event is constant time; events are ordered only when their bucket becomes the current one
 * and is emptied into a small heap. List nodes live in typed arrays with a free list: nothing is
 * allocated per event. A node's time, key and payloads stand side by side in one array (as in min-heap4.ts):
 * adding or draining an event loads and checks that array once, not four arrays.
 */
import type { MinHeap4 } from './min-heap4.ts';

const RING_BITS = 14;
/** Buckets in the ring: how many bucket widths ahead of the current bucket it reaches. */
export const RING_SIZE = 1 << RING_BITS;
const MASK = RING_SIZE - 1;
const NONE = -1;

export class BucketRing {
  /** Events in the ring. */
  count = 0;
  private readonly head = new Int32Array(RING_SIZE).fill(NONE);
  private readonly occupied = new Uint32Array(RING_SIZE >> 5);
  /** Node n's time at 4n, its key at 4n + 1, its payloads a and b (int32 values, exact as doubles) at 4n + 2 and 4n + 3. */
  private declare ev: Float64Array;
  private declare next: Int32Array;
  /** First free node (NONE: none below `used`). */
  private free = NONE;
  /** Nodes ever handed out (those at and above are free too). */
  private used = 0;

  constructor(capacity = 1024) {
    this.ev = new Float64Array(4 * capacity);
    this.next = new Int32Array(capacity);
  }

  /** Adds an event to bucket number `bucket` (an integer below 2^53). */
  add(bucket: number, time: number, key: number, a: number, b: number): void {
    let n = this.free;
    if (n !== NONE) this.free = this.next[n];
    else {
      if (this.used === this.next.length) this.grow();
      n = this.used++;
    }
    // `| 0` keeps the low 32 bits of an integral double exactly; RING_SIZE divides 2^32
    const slot = (bucket | 0) & MASK;
    const ev = this.ev, at = n << 2;
    ev[at] = time;
    ev[at | 1] = key;
    ev[at | 2] = a;
    ev[at | 3] = b;
    this.next[n] = this.head[slot];
    this.head[slot] = n;
    this.occupied[slot >> 5] |= 1 << (slot & 31);
    this.count++;
  }

  /**
   * The first bucket number after `cur` (in cur+1 … cur+RING_SIZE−1) that holds events. The ring must hold
   * some, all in that range.
   */
  nextAfter(cur: number): number {
    const start = ((cur | 0) + 1) & MASK;
    const occupied = this.occupied;
    const words = occupied.length;
    let w = start >> 5;
    // the first word without the bits before `start`
    let bits = occupied[w] & (~0 << (start & 31));
    for (let k = 0; bits === 0 && k < words; k++) {
      w = w + 1 === words ? 0 : w + 1;
      bits = occupied[w];
    }
    const slot = (w << 5) + (31 - Math.clz32(bits & -bits));
    return cur + 1 + ((slot - start) & MASK);
  }

  /** Moves every event of bucket number `bucket` into `heap`. */
  drainInto(bucket: number, heap: MinHeap4): void {
    const slot = (bucket | 0) & MASK;
    let n = this.head[slot];
    if (n === NONE) return;
    this.head[slot] = NONE;
    this.occupied[slot >> 5] &= ~(1 << (slot & 31));
    const ev = this.ev, next = this.next;
    // the bucket's list, already linked, goes onto the free list whole
    const first = n;
    let drained = 0;
    for (;;) {
      const at = n << 2;
      heap.insert(ev[at], ev[at | 1], ev[at | 2], ev[at | 3]);
      drained++;
      const after = next[n];
      if (after === NONE) break;
      n = after;
    }
    next[n] = this.free;
    this.free = first;
    this.count -= drained;
  }

  private grow(): void {
    const n = this.next.length * 2;
    const ev = new Float64Array(4 * n), next = new Int32Array(n);
    ev.set(this.ev);
    next.set(this.next);
    this.ev = ev;
    this.next = next;
  }
}

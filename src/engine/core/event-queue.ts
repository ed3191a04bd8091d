/**
 * The future-event list, ordered by (time, sequence) so that events at the same instant run in the order
 * they were scheduled — the tie rule that makes a run reproducible. Each event carries a small kind code
 * (kept in the low bits of its sequence key) and two integer payloads; nothing is allocated per event.
 * `pop()` leaves the event in `time`/`kind`/`a`/`b`.
 *
 * A calendar queue (R. Brown, "Calendar queues", CACM 31(10), 1988), in three tiers by time bucket
 * (⌊time / width⌋): the current bucket's events in a small 4-ary heap, the next RING_SIZE − 1 buckets as
 * unsorted lists (bucket-ring.ts), and the far future in a 4-ary heap. Buckets order events exactly as
 * their times do (a bucket number never decreases with time), so the order is the heap's order whatever
 * the width; the width only decides how the work is spread. It follows the run: every TUNE_EVERY pops the
 * queue compares its width with the mean time between events and, when they have drifted apart, lays the
 * events out again. Scheduling is constant time and a pop orders only a bucket's few events, where one
 * heap of thousands of requests in service cost a dozen levels per event. With few events queued (under
 * a few dozen) one heap is faster, and the queue is just its first tier (the current bucket reaches to the
 * end of time); with some fifty (R1's requests in service) the calendar already costs 100 instructions a
 * request fewer (perf-engine11, docs/performance.md).
 *
 * One stream of events that is always rescheduled as soon as it fires (open-loop arrivals) may use a slot
 * beside the queue (`pushBeside`): same order, same ties, but no queue work for it.
 */
import { MinHeap4 } from './min-heap4.ts';
import { BucketRing, RING_SIZE } from './bucket-ring.ts';

/**
 * Kinds are below 64; a key is sequence × 64 + kind, so keys order exactly as sequences do. The kind is a key's
 * low six bits (`key & 63`: `&` truncates the integral key, below 2^53, to its low 32 bits inline, where `%` on a
 * double would call fmod on every pop). Both are written as literals where they are used: the bench's bundle
 * keeps a module constant as a variable loaded at every use, twice per event here.
 */
export const KINDS = 64;
/** Pops between looks at the bucket width (by default). */
const TUNE_EVERY = 1 << 14;
/**
 * Events per bucket the width aims at (the slot beside the queue's included): 3 rather than 4 leaves the front heap
 * more often with one event or none, which its removeMin handles inline (perf-engine12: R3 −92, R1 and R2 ±7).
 */
const PER_BUCKET = 3;
/** Queued events above which the queue works as a calendar (below HEAP_BELOW it goes back to one heap). */
const CALENDAR_ABOVE = 32;
const HEAP_BELOW = 16;
/** The narrowest bucket (1 ns): bucket numbers stay exact integers (below 2^53) for 100 simulated days. */
const MIN_WIDTH_MS = 1e-6;

export class EventQueue {
  /** Events of buckets up to `cur`. */
  private declare readonly front: MinHeap4;
  /** Events of buckets cur+1 … cur+RING_SIZE−1. */
  private readonly ring = new BucketRing();
  /** Events of later buckets. */
  private readonly far = new MinHeap4(256);
  /** The current bucket; Infinity while the queue is one heap (every event files into `front`). */
  private cur = Infinity;
  private width = Infinity;
  private invWidth = 0;
  private nextSeq = 0;
  private declare popsToTune: number;
  private declare readonly tuneEvery: number;
  private tuneFromMs = 0;
  /** How many times the events were laid out again for a new width. */
  relayouts = 0;

  /** The event beside the queue (key NaN: none). */
  private sideTime = Infinity;
  private sideKey = NaN;
  private sideA = 0;
  private sideB = 0;

  /** The event most recently popped. */
  time = 0;
  kind = 0;
  a = 0;
  b = 0;

  /** `tuneEvery`: pops between looks at the bucket width (tests look often). */
  constructor(capacity = 1024, tuneEvery = TUNE_EVERY) {
    this.tuneEvery = tuneEvery;
    this.front = new MinHeap4(capacity);
    this.popsToTune = tuneEvery;
  }

  /** Events scheduled and not yet popped. */
  get size(): number {
    return this.front.size + this.ring.count + this.far.size + (Number.isNaN(this.sideKey) ? 0 : 1);
  }

  /**
   * Events popped so far: every event scheduled is popped once or still waits (none is cancelled), so this is the
   * run loop's count of processed events without a count kept on every pop.
   */
  get popped(): number {
    return this.nextSeq - this.size;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    if (this.front.size === 0) this.advance();
    const t = this.front.minTime();
    return this.sideTime < t ? this.sideTime : t;
  }

  push(time: number, kind: number, a: number, b: number): void {
    this.place(time, this.nextSeq++ * 64 + kind, a, b);
  }

  /**
   * Schedules an event in the slot beside the queue; an event already there moves into the queue first,
   * so nothing is lost and the order is exactly as if both had been pushed.
   */
  pushBeside(time: number, kind: number, a: number, b: number): void {
    if (!Number.isNaN(this.sideKey)) this.place(this.sideTime, this.sideKey, this.sideA, this.sideB);
    this.sideTime = time;
    this.sideKey = this.nextSeq++ * 64 + kind;
    this.sideA = a;
    this.sideB = b;
  }

  /** Removes the earliest event into `time`, `kind`, `a`, `b`; returns false when empty. */
  pop(): boolean {
    if (--this.popsToTune === 0) this.tune();
    if (this.front.size === 0) this.advance();
    return this.take(this.front.minTime());
  }

  /**
   * `pop()` when the earliest event is at or before `limitMs`; false (nothing removed) otherwise. The run
   * loop's look and take in one: peekTime() then pop() found the current bucket and compared the front
   * with the slot beside the queue twice per event.
   */
  popUntil(limitMs: number): boolean {
    const front = this.front;
    if (front.size === 0) this.advance();
    const ft = front.minTime();
    if ((this.sideTime < ft ? this.sideTime : ft) > limitMs) return false;
    // a look at the width may lay the events out again: then pop() finds the earliest afresh (`=== true`: a
    // boolean for certain, so the run loop's test of the result is one comparison, not a full ToBoolean)
    if (this.popsToTune === 1) return this.pop() === true;
    this.popsToTune--;
    return this.take(ft);
  }

  /** Takes the earliest event, the front's (earliest time `ft`) or the one beside the queue. */
  private take(ft: number): boolean {
    const front = this.front;
    const side = this.sideKey;
    if (side === side) {
      if (this.sideTime < ft || (this.sideTime === ft && (front.size === 0 || side < front.minKey()))) {
        this.time = this.sideTime;
        this.kind = side & 63;
        this.a = this.sideA;
        this.b = this.sideB;
        this.sideTime = Infinity;
        this.sideKey = NaN;
        return true;
      }
    }
    if (front.size === 0) return false;
    this.time = ft;
    this.kind = front.minKey() & 63;
    this.a = front.minA();
    this.b = front.minB();
    front.removeMin();
    return true;
  }

  /** Files an event by its bucket: the current one (or earlier), the ring, or the far heap. */
  private place(time: number, key: number, a: number, b: number): void {
    const bucket = Math.floor(time * this.invWidth);
    // one heap: every bucket is 0 (NaN for the end of time), and `!(… > Infinity)` holds for both
    if (!(bucket > this.cur)) this.front.insert(time, key, a, b);
    else if (bucket < this.cur + RING_SIZE) this.ring.add(bucket, time, key, a, b);
    else this.far.insert(time, key, a, b);
  }

  /** The current bucket is empty: moves on to the next bucket that holds events, if any. */
  private advance(): void {
    const far = this.far;
    let next: number;
    if (this.ring.count > 0) next = this.ring.nextAfter(this.cur);
    else if (far.size > 0) {
      next = Math.floor(far.minTime() * this.invWidth);
      if (next === Infinity) {
        // events at the end of time: they wait in the far heap's order
        far.popInto();
        this.front.insert(far.time, far.key, far.a, far.b);
        return;
      }
    } else return;
    this.cur = next;
    this.ring.drainInto(next, this.front);
    // the ring now reaches further: bring far events into it
    const limit = next + RING_SIZE;
    while (far.size > 0 && Math.floor(far.minTime() * this.invWidth) < limit) {
      far.popInto();
      this.place(far.time, far.key, far.a, far.b);
    }
  }

  /**
   * Every `tuneEvery` pops: a few queued events are best in one heap; many, in a calendar whose width is
   * about PER_BUCKET mean gaps between events (laid out again when the width has drifted by 2×).
   */
  private tune(): void {
    this.popsToTune = this.tuneEvery;
    const gap = (this.time - this.tuneFromMs) / this.tuneEvery;
    this.tuneFromMs = this.time;
    const size = this.front.size + this.ring.count + this.far.size;
    const heap = this.cur === Infinity;
    if (heap ? size < CALENDAR_ABOVE : size < HEAP_BELOW) {
      if (!heap) this.relayout(Infinity);
      return;
    }
    const wanted = Math.max(gap * PER_BUCKET, MIN_WIDTH_MS);
    if (!Number.isFinite(wanted) || (!heap && wanted < this.width * 2 && wanted > this.width / 2)) return;
    this.relayout(wanted);
  }

  /** Re-files every queued event (beside the queue aside) for a new bucket width (Infinity: one heap). */
  private relayout(width: number): void {
    const all = new MinHeap4(Math.max(16, this.front.size + this.ring.count + this.far.size));
    while (this.front.size > 0) this.moveTop(this.front, all);
    while (this.far.size > 0) this.moveTop(this.far, all);
    while (this.ring.count > 0) this.ring.drainInto(this.ring.nextAfter(this.cur), all);
    this.relayouts++;
    this.width = width;
    this.invWidth = width === Infinity ? 0 : 1 / width;
    this.cur = width === Infinity ? Infinity : Math.floor(Math.min(this.time, all.minTime()) * this.invWidth);
    while (all.size > 0) {
      all.popInto();
      this.place(all.time, all.key, all.a, all.b);
    }
  }

  private moveTop(from: MinHeap4, to: MinHeap4): void {
    from.popInto();
    to.insert(from.time, from.key, from.a, from.b);
  }
}

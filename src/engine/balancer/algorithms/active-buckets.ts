/**
 * Members grouped by how many requests they hold, so least connections finds the members holding the
 * fewest without scanning the group. The usable members (in rotation, weight above 0) stand in one array
 * sorted by count, each count a contiguous block whose start is kept; the others stand after them. A
 * request more or less moves a member by one count: it swaps places with the last (or first) member of its
 * block and the block's border moves by one — two array entries and a border, where a linked list per
 * count relinked four neighbours. The members holding the fewest are the array's first block.
 */
import type { GroupView } from '../algorithm.ts';

export class ActiveBuckets {
  /** Members, the usable ones first in order of count. */
  private order = new Int32Array(0);
  /** Where each member stands in `order`. */
  private pos = new Int32Array(0);
  /** Requests each member holds (usable or not). */
  private count = new Int32Array(0);
  private listed = new Uint8Array(0);
  /**
   * start[c]: how many usable members hold fewer than c requests, so count c's block is
   * order[start[c] … start[c+1]); start[cap] is how many members are usable (every count is below cap).
   */
  private start = new Int32Array(17);
  private cap = 16;

  /** Lists every usable member of the view under its count. */
  rebuild(view: GroupView): void {
    const n = view.size;
    this.order = new Int32Array(n);
    this.pos = new Int32Array(n);
    this.count = new Int32Array(n);
    this.listed = new Uint8Array(n);
    let max = 0;
    for (let i = 0; i < n; i++) {
      this.count[i] = view.activeOf[i];
      if (view.rotationOf[i] === 1 && view.weightOf[i] > 0) {
        this.listed[i] = 1;
        if (this.count[i] > max) max = this.count[i];
      }
    }
    this.cap = Math.max(16, max + 2);
    this.start = new Int32Array(this.cap + 1);
    // a counting sort: members per count, then each block's start
    for (let i = 0; i < n; i++) if (this.listed[i] === 1) this.start[this.count[i] + 1]++;
    for (let c = 1; c <= this.cap; c++) this.start[c] += this.start[c - 1];
    const fill = this.start.slice();
    let unlisted = this.start[this.cap];
    for (let i = 0; i < n; i++) {
      const p = this.listed[i] === 1 ? fill[this.count[i]]++ : unlisted++;
      this.order[p] = i;
      this.pos[i] = p;
    }
  }

  /** Member i now holds `active` requests. */
  move(i: number, active: number): void {
    if (this.listed[i] === 0) {
      this.count[i] = active;
      return;
    }
    while (this.count[i] < active) this.up(i);
    while (this.count[i] > active) this.down(i);
  }

  /** Member i entered or left the rotation (`weight` decides whether it can be picked at all). */
  setListed(i: number, inRotation: number, weight: number): void {
    const want = inRotation === 1 && weight > 0 ? 1 : 0;
    if (want === this.listed[i]) return;
    if (want === 1) this.insert(i);
    else this.remove(i);
  }

  /** How many members hold the lowest count (0 when none is usable): they are `members()[0 … tied)`. */
  tied(): number {
    if (this.start[this.cap] === 0) return 0;
    return this.start[this.count[this.order[0]] + 1];
  }

  /** The members, those holding the fewest first (see `tied`); valid until the next rebuild. */
  members(): Int32Array {
    return this.order;
  }

  /** Listed member i holds one request more: it swaps with the last of its block, which ends one earlier. */
  private up(i: number): void {
    const c = this.count[i];
    if (c + 2 > this.cap) this.grow();
    const last = --this.start[c + 1];
    this.swap(i, last);
    this.count[i] = c + 1;
  }

  /** Listed member i holds one request fewer: it swaps with the first of its block, which starts one later. */
  private down(i: number): void {
    const c = this.count[i];
    const first = this.start[c]++;
    this.swap(i, first);
    this.count[i] = c - 1;
  }

  /** Puts member i at position p, and the member there where i stood. */
  private swap(i: number, p: number): void {
    const order = this.order, pos = this.pos;
    const j = order[p];
    const q = pos[i];
    order[q] = j;
    pos[j] = q;
    order[p] = i;
    pos[i] = p;
  }

  /** An unlisted member joins its count's block: each higher block hands its first member to its end. */
  private insert(i: number): void {
    const c = this.count[i];
    while (c + 2 > this.cap) this.grow();
    this.swap(i, this.start[this.cap]);
    for (let k = this.cap - 1; k > c; k--) this.swap(i, this.start[k]);
    for (let k = c + 1; k <= this.cap; k++) this.start[k]++;
    this.listed[i] = 1;
  }

  /** A listed member leaves: it goes to its block's end, then past each higher block (whose last member takes its place). */
  private remove(i: number): void {
    const c = this.count[i];
    for (let k = c; k < this.cap; k++) this.swap(i, this.start[k + 1] - 1);
    for (let k = c + 1; k <= this.cap; k++) this.start[k]--;
    this.listed[i] = 0;
  }

  private grow(): void {
    const old = this.start;
    const cap = this.cap * 2;
    this.start = new Int32Array(cap + 1).fill(old[this.cap]);
    this.start.set(old);
    this.cap = cap;
  }
}

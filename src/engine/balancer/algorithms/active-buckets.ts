/**
 * Members grouped by how many requests they hold, so least connections finds the members holding the
 * fewest without scanning the group: each count has a list of its members, and the lowest non-empty
 * count is tracked as requests come and go (counts move by one at a time, so the lowest moves little).
 * Only members that can be picked (in rotation, weight above 0) are listed.
 */
import type { GroupView } from '../algorithm.ts';

const NONE = -1;

export class ActiveBuckets {
  private head = new Int32Array(16).fill(NONE);
  private next = new Int32Array(0);
  private prev = new Int32Array(0);
  private count = new Int32Array(0);
  private listed = new Uint8Array(0);
  /** The lowest count with a member (head.length when none is listed). */
  lowest = 0;

  /** Lists every usable member of the view under its count. */
  rebuild(view: GroupView): void {
    const n = view.size;
    this.head.fill(NONE);
    this.next = new Int32Array(n).fill(NONE);
    this.prev = new Int32Array(n).fill(NONE);
    this.count = new Int32Array(n);
    this.listed = new Uint8Array(n);
    this.lowest = this.head.length;
    for (let i = 0; i < n; i++) {
      this.count[i] = view.activeOf[i];
      if (view.rotationOf[i] === 1 && view.weightOf[i] > 0) this.insert(i);
    }
  }

  /** Member i now holds `active` requests. */
  move(i: number, active: number): void {
    if (this.listed[i] === 0) {
      this.count[i] = active;
      return;
    }
    this.remove(i);
    this.count[i] = active;
    this.insert(i);
  }

  /** Member i entered or left the rotation (`weight` decides whether it can be picked at all). */
  setListed(i: number, inRotation: number, weight: number): void {
    const want = inRotation === 1 && weight > 0 ? 1 : 0;
    if (want === this.listed[i]) return;
    if (want === 1) this.insert(i);
    else this.remove(i);
  }

  /** The first member holding the lowest count (NONE when no member is listed); walk on with `after`. */
  first(): number {
    return this.lowest < this.head.length ? this.head[this.lowest] : NONE;
  }

  after(i: number): number {
    return this.next[i];
  }

  /** The links `after` follows (member-indexed), for a walk that keeps them at hand; valid until the next rebuild. */
  links(): Int32Array {
    return this.next;
  }

  private insert(i: number): void {
    const c = this.count[i];
    if (c >= this.head.length) this.grow(c + 1);
    const h = this.head[c];
    this.next[i] = h;
    this.prev[i] = NONE;
    if (h !== NONE) this.prev[h] = i;
    this.head[c] = i;
    this.listed[i] = 1;
    if (c < this.lowest) this.lowest = c;
  }

  private remove(i: number): void {
    const c = this.count[i];
    const p = this.prev[i];
    const nx = this.next[i];
    if (p !== NONE) this.next[p] = nx;
    else this.head[c] = nx;
    if (nx !== NONE) this.prev[nx] = p;
    this.listed[i] = 0;
    if (c === this.lowest && this.head[c] === NONE) {
      let l = c + 1;
      while (l < this.head.length && this.head[l] === NONE) l++;
      this.lowest = l;
    }
  }

  private grow(size: number): void {
    const old = this.head;
    const wasEmpty = this.lowest >= old.length;
    this.head = new Int32Array(Math.max(size, old.length * 2)).fill(NONE);
    this.head.set(old);
    if (wasEmpty) this.lowest = this.head.length;
  }
}

/**
 * nginx smooth weighted round robin (`ngx_http_upstream_get_peer`, real-systems §1.3), kept in one
 * place: the default method, the least_conn / least_time tie-break over only the tied members, the
 * round-robin fallback of ip_hash, hash, ketama and random, and ketama's same-name peers all run it.
 * The effective weight (ew) is lowered by nginx's failure penalty (`penalize`, weight / max_fails) and
 * regrows by 1 each time the member takes part in a pick, so a recovered server returns gradually.
 * Weight 0 means "never picked".
 */
import type { GroupView } from '../algorithm.ts';
import type { ActiveBuckets } from './active-buckets.ts';

/** Member i can take this request: eligible, and weight above 0. */
export function usable(view: GroupView, i: number): boolean {
  return view.weight(i) > 0 && view.eligible(i);
}

/** A per-member cost for `pickLowest`, compared as cost / weight. */
export interface MemberCost {
  cost(view: GroupView, i: number): number;
}

/** Per-member smooth-WRR state: current weight (cw) and effective weight (ew). */
export class SmoothWrr {
  private cw = new Float64Array(0);
  private ew = new Float64Array(0);
  private tied = new Int32Array(0);
  /**
   * No penalty since the last reset: every ew equals its member's weight, so a step adds each member's
   * weight and no ew has to recover (the fast path of `pickFromBuckets`).
   */
  private settled = true;

  /** nginx's penalty for a failed attempt: ew −= amount, floored at 0. */
  penalize(i: number, amount: number): void {
    if (i >= 0 && i < this.ew.length) {
      this.ew[i] = Math.max(0, this.ew[i] - amount);
      this.settled = false;
    }
  }

  /** Copies of the current and effective weights, member-indexed. */
  inspect(): { current: number[]; effective: number[] } {
    return { current: Array.from(this.cw), effective: Array.from(this.ew) };
  }

  /** Fresh state, as after an nginx reload: cw = 0, ew = weight. */
  reset(view: GroupView): void {
    const n = view.size;
    if (this.cw.length !== n) {
      this.cw = new Float64Array(n);
      this.ew = new Float64Array(n);
      this.tied = new Int32Array(n);
    }
    for (let i = 0; i < n; i++) {
      this.cw[i] = 0;
      this.ew[i] = view.weight(i);
    }
    this.settled = true;
  }

  /** nginx round robin: a single member is returned when usable (`peers->single`), else one step. */
  pick(view: GroupView): number {
    const n = view.size;
    if (n === 1) return usable(view, 0) ? 0 : -1;
    if (this.cw.length !== n) this.reset(view);
    let best = -1;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const weight = view.weight(i);
      if (weight > 0 && view.eligible(i)) {
        total += this.add(i, weight);
        if (best < 0 || this.cw[i] > this.cw[best]) best = i; // ties go to the earliest in configuration order
      }
    }
    if (best >= 0) this.cw[best] -= total;
    return best;
  }

  /** One smooth-WRR step over the usable members among `members[start..end)`, listed in configuration order. */
  pickAmong(view: GroupView, members: Int32Array, start: number, end: number): number {
    if (this.cw.length !== view.size) this.reset(view);
    let best = -1;
    let total = 0;
    for (let k = start; k < end; k++) {
      const i = members[k];
      const weight = view.weight(i);
      if (weight > 0 && view.eligible(i)) {
        total += this.add(i, weight);
        if (best < 0 || this.cw[i] > this.cw[best]) best = i;
      }
    }
    if (best >= 0) this.cw[best] -= total;
    return best;
  }

  /**
   * nginx least_conn selection: the usable member with the lowest cost/weight (by cross-multiplication);
   * when several tie, one smooth-WRR step over only the tied ones.
   */
  pickLowest(view: GroupView, source: MemberCost): number {
    const n = view.size;
    if (this.cw.length !== n) this.reset(view);
    const tied = this.tied;
    let count = 0, bestCost = 0, bestWeight = 0;
    for (let i = 0; i < n; i++) {
      const weight = view.weight(i);
      if (!(weight > 0) || !view.eligible(i)) continue;
      const cost = source.cost(view, i);
      if (count === 0 || cost * bestWeight < bestCost * weight) {
        tied[0] = i;
        count = 1;
        bestCost = cost;
        bestWeight = weight;
      } else if (cost * bestWeight === bestCost * weight) {
        tied[count++] = i;
      }
    }
    return this.settleTie(view, count);
  }

  /**
   * `pickLowest` with requests in flight as the cost, reading the member arrays in one pass; with
   * equal weights the cross-multiplication is a plain comparison of counts.
   */
  pickLeastActive(view: GroupView): number {
    const n = view.size;
    if (this.cw.length !== n) this.reset(view);
    const tied = this.tied;
    const weights = view.weightOf;
    const active = view.activeOf;
    const rotation = view.rotationOf;
    let count = 0;
    if (view.equalWeights && !view.filtered) {
      let best = 0;
      for (let i = 0; i < n; i++) {
        if (rotation[i] === 0 || !(weights[i] > 0)) continue;
        const cost = active[i];
        if (count === 0 || cost < best) {
          tied[0] = i;
          count = 1;
          best = cost;
        } else if (cost === best) {
          tied[count++] = i;
        }
      }
    } else {
      let bestCost = 0, bestWeight = 0;
      for (let i = 0; i < n; i++) {
        const weight = weights[i];
        if (!(weight > 0) || rotation[i] === 0 || (view.filtered && !view.eligible(i))) continue;
        const cost = active[i];
        if (count === 0 || cost * bestWeight < bestCost * weight) {
          tied[0] = i;
          count = 1;
          bestCost = cost;
          bestWeight = weight;
        } else if (cost * bestWeight === bestCost * weight) {
          tied[count++] = i;
        }
      }
    }
    return this.settleTie(view, count);
  }

  /**
   * `pickLeastActive` for a view that reports its changes, with equal weights and no filter: the members
   * of the lowest count's block are exactly the tied ones. Their smooth-WRR step does not depend on the order
   * they are visited in (each gains its own weight; the highest wins, the earliest on equal weights; the
   * total of equal weights is the same in any order), so the block's order does not matter.
   * With no penalty since the reset (`settled`), each ew is the common weight w: the step adds w to each
   * tied member and keeps the best in registers — the same sums in the same order as the general step.
   */
  pickFromBuckets(view: GroupView, buckets: ActiveBuckets): number {
    // no look at the view's size: least connections resets this step and rebuilds the buckets together, on every
    // change of membership, so the two are sized alike whenever the buckets can be read at all
    const count = buckets.tied();
    const members = buckets.members();
    if (count <= 1) return count === 1 ? members[0] : -1;
    const cw = this.cw;
    // `=== true`: the field is a boolean, and the test then one comparison instead of a full ToBoolean
    if (this.settled === true) {
      let i = members[0];
      const w = view.weightOf[i];
      let best = i;
      let bestCw = cw[i] + w;
      cw[i] = bestCw;
      let total = w;
      let k = 1;
      // four members a turn: the loop's every turn checks the arrays again, its body does not
      for (; k + 3 < count; k += 4) {
        i = members[k];
        let c = cw[i] + w;
        cw[i] = c;
        total += w;
        if (c > bestCw || (c === bestCw && i < best)) { best = i; bestCw = c; }
        i = members[k + 1];
        c = cw[i] + w;
        cw[i] = c;
        total += w;
        if (c > bestCw || (c === bestCw && i < best)) { best = i; bestCw = c; }
        i = members[k + 2];
        c = cw[i] + w;
        cw[i] = c;
        total += w;
        if (c > bestCw || (c === bestCw && i < best)) { best = i; bestCw = c; }
        i = members[k + 3];
        c = cw[i] + w;
        cw[i] = c;
        total += w;
        if (c > bestCw || (c === bestCw && i < best)) { best = i; bestCw = c; }
      }
      for (; k < count; k++) {
        i = members[k];
        const c = cw[i] + w;
        cw[i] = c;
        total += w;
        if (c > bestCw || (c === bestCw && i < best)) { best = i; bestCw = c; }
      }
      cw[best] = bestCw - total;
      return best;
    }
    const weights = view.weightOf;
    let best = -1;
    let total = 0;
    for (let k = 0; k < count; k++) {
      const i = members[k];
      total += this.add(i, weights[i]);
      if (best < 0 || cw[i] > cw[best] || (cw[i] === cw[best] && i < best)) best = i;
    }
    cw[best] -= total;
    return best;
  }

  /** The one lowest member, or one smooth-WRR step over the `count` tied ones (all usable). */
  private settleTie(view: GroupView, count: number): number {
    const tied = this.tied;
    if (count <= 1) return count === 1 ? tied[0] : -1;
    let best = -1;
    let total = 0;
    for (let k = 0; k < count; k++) {
      const i = tied[k];
      total += this.add(i, view.weightOf[i]);
      if (best < 0 || this.cw[i] > this.cw[best]) best = i;
    }
    this.cw[best] -= total;
    return best;
  }

  /** cw += ew; ew recovers by 1 toward the weight; returns the ew that counts toward the total. */
  private add(i: number, weight: number): number {
    const ew = this.ew[i];
    this.cw[i] += ew;
    if (ew < weight) this.ew[i] = Math.min(ew + 1, weight);
    return ew;
  }
}

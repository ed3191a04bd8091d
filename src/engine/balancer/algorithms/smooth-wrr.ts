/**
 * nginx smooth weighted round robin (`ngx_http_upstream_get_peer`, real-systems §1.3), kept in one
 * place: the default method, the least_conn / least_time tie-break over only the tied members, the
 * round-robin fallback of ip_hash, hash, ketama and random, and ketama's same-name peers all run it.
 * Simplifies: the effective weight (ew) is never lowered, because failures are the engine's business,
 * so its `ew += 1` recovery only guards fractional weights; weight 0 means "never picked".
 */
import type { GroupView } from '../algorithm.ts';

/** Member i can take this request: eligible, and weight above 0. */
export function usable(view: GroupView, i: number): boolean {
  return view.weight(i) > 0 && view.eligible(i);
}

/** Narrows which usable members take part in one smooth-WRR step. */
export interface MemberFilter {
  accepts(view: GroupView, i: number): boolean;
}

/** A per-member cost for `pickLowest`, compared as cost / weight. */
export interface MemberCost {
  cost(view: GroupView, i: number): number;
}

/** Per-member smooth-WRR state: current weight (cw) and effective weight (ew). */
export class SmoothWrr {
  private cw = new Float64Array(0);
  private ew = new Float64Array(0);
  private tieSource: MemberCost | null = null;
  private tieCost = 0;
  private tieWeight = 0;
  private readonly tied: MemberFilter = {
    accepts: (view, i) => this.tieSource!.cost(view, i) * this.tieWeight === this.tieCost * view.weight(i),
  };

  /** Fresh state, as after an nginx reload: cw = 0, ew = weight. */
  reset(view: GroupView): void {
    if (this.cw.length !== view.size) {
      this.cw = new Float64Array(view.size);
      this.ew = new Float64Array(view.size);
    }
    for (let i = 0; i < view.size; i++) {
      this.cw[i] = 0;
      this.ew[i] = view.weight(i);
    }
  }

  /** nginx round robin: a single member is returned when usable (`peers->single`), else one step. */
  pick(view: GroupView): number {
    if (view.size === 1) return usable(view, 0) ? 0 : -1;
    return this.step(view, 0, null);
  }

  /** One smooth-WRR step over the usable members from `from` on that `filter` accepts; -1 if none. */
  step(view: GroupView, from: number, filter: MemberFilter | null): number {
    if (this.cw.length !== view.size) this.reset(view);
    const cw = this.cw, ew = this.ew;
    let best = -1;
    let total = 0;
    for (let i = from; i < view.size; i++) {
      if (!usable(view, i) || (filter !== null && !filter.accepts(view, i))) continue;
      cw[i] += ew[i];
      total += ew[i];
      const weight = view.weight(i);
      if (ew[i] < weight) ew[i] = Math.min(ew[i] + 1, weight);
      if (best < 0 || cw[i] > cw[best]) best = i; // ties go to the earliest in configuration order
    }
    if (best >= 0) cw[best] -= total;
    return best;
  }

  /**
   * nginx least_conn selection: the usable member with the lowest cost/weight (by cross-multiplication);
   * when several tie, one smooth-WRR step over only the tied ones, starting at the first of them.
   */
  pickLowest(view: GroupView, source: MemberCost): number {
    let best = -1, bestCost = 0, bestWeight = 0;
    let many = false;
    for (let i = 0; i < view.size; i++) {
      if (!usable(view, i)) continue;
      const cost = source.cost(view, i), weight = view.weight(i);
      if (best < 0 || cost * bestWeight < bestCost * weight) {
        best = i;
        bestCost = cost;
        bestWeight = weight;
        many = false;
      } else if (cost * bestWeight === bestCost * weight) {
        many = true;
      }
    }
    if (!many) return best;
    this.tieSource = source;
    this.tieCost = bestCost;
    this.tieWeight = bestWeight;
    return this.step(view, best, this.tied);
  }
}

/**
 * The arrival rate over time: piecewise linear (constant stretches joined by ramps), built from the
 * scenario's base rate and `profile` points. Arrival times are found by inverting the integrated
 * rate Λ(t): the next arrival after t is where Λ has grown by E (E ~ Exp(1) for Poisson, E = 1 for
 * evenly spaced arrivals). That is exact for time-varying Poisson processes and draws one number per
 * arrival, so the arrival stream is unchanged by anything but the traffic settings.
 */

interface Segment {
  t0: number; // seconds
  t1: number; // seconds (Infinity for the last)
  r0: number; // rate at t0, per second
  slope: number; // per second per second
}

export class RateProfile {
  private segments: Segment[] = [];
  /** From this time on the rate is constant (`steadyRate`); NaN while the last stretch is a ramp. */
  steadyFromSec = NaN;
  steadyRate = 0;

  constructor(baseRatePerSec: number, points: readonly { atSec: number; ratePerSec: number; rampSec: number }[] = []) {
    this.rebuild(0, baseRatePerSec, points);
  }

  /** Replaces everything from `fromSec` on with a constant rate (a live change). */
  setConstantFrom(fromSec: number, ratePerSec: number): void {
    const kept = this.segments.filter((s) => s.t0 < fromSec).map((s) => ({ ...s }));
    if (kept.length > 0) kept[kept.length - 1].t1 = fromSec;
    kept.push({ t0: fromSec, t1: Infinity, r0: ratePerSec, slope: 0 });
    this.segments = kept;
    this.settle();
  }

  private settle(): void {
    const last = this.segments[this.segments.length - 1];
    this.steadyFromSec = last.slope === 0 ? last.t0 : NaN;
    this.steadyRate = last.r0;
  }

  /** Rate at time `tSec`, per second. */
  rateAt(tSec: number): number {
    const s = this.segmentAt(tSec);
    return s.r0 + s.slope * (tSec - s.t0);
  }

  /**
   * The time (seconds) at which the integrated rate has grown by `area` after `fromSec`;
   * Infinity when the rate stays at zero.
   */
  advance(fromSec: number, area: number): number {
    // the common case, a constant rate from here on: the same arithmetic as the loop below
    if (fromSec >= this.steadyFromSec) return this.steadyRate > 0 ? fromSec + area / this.steadyRate : Infinity;
    let i = this.indexAt(fromSec);
    let t = fromSec;
    let left = area;
    for (; i < this.segments.length; i++) {
      const s = this.segments[i];
      const r = s.r0 + s.slope * (t - s.t0);
      const span = s.t1 - t;
      if (s.slope === 0) {
        if (r > 0 && left <= r * span) return t + left / r;
        left -= r * span;
      } else {
        // ∫ r + slope·x dx from 0 to d = r·d + slope·d²/2
        const segArea = r * span + (s.slope * span * span) / 2;
        if (left <= segArea) {
          const disc = r * r + 2 * s.slope * left;
          const d = (-r + Math.sqrt(Math.max(0, disc))) / s.slope;
          return t + Math.min(Math.max(d, 0), span);
        }
        left -= segArea;
      }
      t = s.t1;
    }
    return Infinity;
  }

  private rebuild(startSec: number, base: number, points: readonly { atSec: number; ratePerSec: number; rampSec: number }[]): void {
    // Breakpoints of a piecewise-linear function, then segments between consecutive breakpoints.
    const knots: { t: number; r: number }[] = [{ t: startSec, r: base }];
    const rateAt = (t: number): number => {
      let prev = knots[0];
      for (const k of knots) {
        if (k.t > t) return prev.t === k.t ? k.r : prev.r + ((k.r - prev.r) * (t - prev.t)) / (k.t - prev.t);
        prev = k;
      }
      return prev.r;
    };
    for (const p of points) {
      const from = rateAt(p.atSec);
      while (knots.length > 0 && knots[knots.length - 1].t > p.atSec) knots.pop();
      knots.push({ t: p.atSec, r: from });
      knots.push({ t: p.atSec + p.rampSec, r: p.ratePerSec });
    }
    const segs: Segment[] = [];
    for (let i = 0; i < knots.length; i++) {
      const k = knots[i];
      const next = knots[i + 1];
      const t1 = next ? next.t : Infinity;
      if (t1 <= k.t) continue;
      const slope = next ? (next.r - k.r) / (t1 - k.t) : 0;
      segs.push({ t0: k.t, t1, r0: k.r, slope });
    }
    // A step (zero-length ramp) leaves a final constant at the last knot's rate.
    const last = knots[knots.length - 1];
    if (segs.length === 0 || segs[segs.length - 1].t1 !== Infinity) segs.push({ t0: last.t, t1: Infinity, r0: last.r, slope: 0 });
    this.segments = segs;
    this.settle();
  }

  private indexAt(tSec: number): number {
    const segs = this.segments;
    for (let i = segs.length - 1; i >= 0; i--) if (segs[i].t0 <= tSec) return i;
    return 0;
  }

  private segmentAt(tSec: number): Segment {
    return this.segments[this.indexAt(tSec)];
  }
}

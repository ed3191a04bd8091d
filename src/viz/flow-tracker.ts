/**
 * The dots in flight, kept between frames (each snapshot hands over only its new flow records).
 * Timing, in simulated ms, for a request that reached the balancer at `a` and finished at `e`, with one
 * visual hop lasting L (the engine accounts network time to a request's latency without scheduling it,
 * so the hops on screen get L each, a wall-clock constant converted by the playback rate — see flow-clock.ts):
 *   client → balancer  [a − L, a]      arrives at the balancer exactly when the engine says it did
 *   balancer → target  [a, a + L]
 *   waits at target    until r = max(e − L, a + L)
 *   target → balancer  [r, r + L]      back at the balancer at e when the request took ≥ 2L
 *   balancer → client  [r + L, r + 2L]
 * A failure stops where it happened — at the balancer (no target, no route) from `a`, or at the target
 * from max(e, a + L) — and shows a cross there for LINGER_HOPS × L.
 */
import { FLOW_DEPARTED, OUTCOME_OK, outcomeName } from '../engine/types.ts';
import { FLOW, FLOW_STRIDE } from '../sim/snapshot-decoder.ts';
import { pointOnLeg, type Point } from './curves.ts';
import type { BalancerDoor, TargetRoute } from './flow-routes.ts';
import { DOTS_PER_SECOND, keepsRequest, nextThin } from './flow-sampling.ts';

export const DOT_KINDS = ['pending', 'ok', 'slow', 'failed', 'rejected'] as const;
export type DotKind = (typeof DOT_KINDS)[number];
export const KIND_PENDING = 0;

/** Dots remembered at most (the rest are counted in `dropped`). */
export const MAX_TRACKED = 4000;
/** Dots drawn per frame at most. */
export const MAX_DRAWN = 1500;
/**
 * Dots drawn at once per edge, so that at speed they stay dots and never merge into a bar: moving along one
 * target's legs, on the shared hop from the clients, and waiting in one target's stack (a column, bottom up).
 */
export const MAX_PER_LEG = 10;
export const MAX_ON_SHARED_HOP = 40;
export const MAX_STACKED = 8;
export const LINGER_HOPS = 4;
/**
 * A dot still waiting for its final record after this long is forgotten: a safety net for records the
 * engine's bounded flow buffer overwrote at very high speed (hung targets hold requests up to their
 * timeout, 60 s by default, so this is well past that).
 */
export const PENDING_MAX_MS = 180_000;

interface Dot {
  id: number;
  target: number;
  a: number;
  leg: number;
  /** Outcome known: when the dot starts back (ok) or stops (failure). NaN while pending. */
  r: number;
  kind: number;
  stopped: boolean;
}

/** Which colour-and-shape class a finished request gets. */
export function dotKind(outcome: number, latencyMs: number, slowThresholdMs: number): DotKind {
  if (outcome === OUTCOME_OK) return latencyMs > slowThresholdMs ? 'slow' : 'ok';
  const name = outcomeName(outcome);
  // turned away without being worked on: queue full, nobody to send to, no route
  return name === 'rejected' || name === 'no-target' || name === 'no-route' ? 'rejected' : 'failed';
}

export interface IngestContext {
  /** Where the view clock is now (records arriving late start from here, never in the past). */
  viewMs: number;
  legMs: number;
  slowThresholdMs: number;
  wallMs: number;
}

/** Positions of the dots to draw this frame, in typed arrays reused between frames. */
export class DotFrame {
  readonly x = new Float32Array(MAX_DRAWN);
  readonly y = new Float32Array(MAX_DRAWN);
  readonly kind = new Uint8Array(MAX_DRAWN);
  /** The request id of each dot (a click explains that request). */
  readonly id = new Float64Array(MAX_DRAWN);
  count = 0;
}

/** The dot nearest to (x, y) within `radius` (layout px) in the last frame drawn, or null. */
export function dotAt(frame: DotFrame, x: number, y: number, radius: number): { id: number; kind: DotKind } | null {
  let best = -1;
  let bestD = radius * radius;
  for (let i = 0; i < frame.count; i++) {
    const d = (frame.x[i] - x) ** 2 + (frame.y[i] - y) ** 2;
    if (d <= bestD) {
      best = i;
      bestD = d;
    }
  }
  return best < 0 ? null : { id: frame.id[best], kind: DOT_KINDS[frame.kind[best]] };
}

export class FlowTracker {
  private readonly dots = new Map<number, Dot>();
  /** Per target this frame: dots moving on its legs, dots in its stack (reused between frames). */
  private moving = new Int32Array(0);
  private stacked = new Int32Array(0);
  private readonly recent: { wallMs: number; count: number }[] = [];
  /** The view's own thinning on top of the engine's sampling (1 = none). */
  thin = 1;
  /** Dots refused because MAX_TRACKED were alive. */
  dropped = 0;

  get size(): number {
    return this.dots.size;
  }

  reset(): void {
    this.dots.clear();
    this.recent.length = 0;
    this.thin = 1;
  }

  /** Takes one snapshot's flow records. */
  ingest(flows: Float64Array, ctx: IngestContext): void {
    let fresh = 0;
    for (let o = 0; o + FLOW_STRIDE <= flows.length; o += FLOW_STRIDE) {
      const id = flows[o + FLOW.id];
      const target = flows[o + FLOW.target];
      const a = flows[o + FLOW.arrivalMs];
      const outcome = flows[o + FLOW.outcome];
      let dot = this.dots.get(id);
      if (outcome === FLOW_DEPARTED || target < 0) fresh++;
      if (dot === undefined) {
        if (!keepsRequest(id, this.thin)) continue;
        if (this.dots.size >= MAX_TRACKED) {
          this.dropped++;
          continue;
        }
        dot = { id, target, a, leg: ctx.legMs, r: NaN, kind: KIND_PENDING, stopped: false };
        this.dots.set(id, dot);
      }
      if (outcome === FLOW_DEPARTED) continue;
      const e = flows[o + FLOW.endMs];
      const kind = dotKind(outcome, e - a, ctx.slowThresholdMs);
      dot.kind = DOT_KINDS.indexOf(kind);
      dot.stopped = kind === 'failed' || kind === 'rejected';
      const L = dot.leg;
      dot.r = target < 0 ? a : Math.max(dot.stopped ? e : e - L, a + L, ctx.viewMs);
    }
    this.adaptThin(fresh, ctx.wallMs);
  }

  private adaptThin(fresh: number, wallMs: number): void {
    const recent = this.recent;
    recent.push({ wallMs, count: fresh });
    while (recent.length > 1 && recent[0].wallMs < wallMs - 1000) recent.shift();
    const spanMs = Math.max(wallMs - recent[0].wallMs, 250);
    let total = 0;
    for (const r of recent) total += r.count;
    this.thin = nextThin(this.thin, (total * 1000) / spanMs / DOTS_PER_SECOND);
  }

  /** Fills `frame` with the dots visible at `viewMs` (at most MAX_DRAWN) and forgets finished ones. */
  positions(viewMs: number, routes: readonly (TargetRoute | null)[], door: BalancerDoor | null, frame: DotFrame): void {
    let n = 0;
    let shared = 0;
    if (this.moving.length < routes.length) {
      this.moving = new Int32Array(routes.length);
      this.stacked = new Int32Array(routes.length);
    } else {
      this.moving.fill(0);
      this.stacked.fill(0);
    }
    for (const [id, d] of this.dots) {
      const L = d.leg;
      const end = Number.isNaN(d.r) ? d.a + Math.max(PENDING_MAX_MS, 200 * L) : d.stopped ? d.r + LINGER_HOPS * L : d.r + 2 * L;
      if (viewMs > end) {
        this.dots.delete(id);
        continue;
      }
      if (viewMs < d.a - L || n >= MAX_DRAWN) continue;
      // a target the layout does not know (yet) has no route: its dots are not drawn
      const route = d.target >= 0 ? (routes[d.target] ?? null) : null;
      // the cap per edge: a leg that already shows its share of dots this frame skips the rest
      const leg = legOf(d, viewMs, route);
      if (leg === 'shared' && shared++ >= MAX_ON_SHARED_HOP) continue;
      if (leg === 'target' && this.moving[d.target]++ >= MAX_PER_LEG) continue;
      if (leg === 'stack' && this.stacked[d.target] >= MAX_STACKED) continue;
      const p = leg === 'stack' && route !== null ? stackSpot(this.stacked[d.target]++, route) : place(d, viewMs, route, door);
      if (p === null) continue;
      frame.x[n] = p.x;
      frame.y[n] = p.y;
      // the outcome shows from the moment it happens on screen: the answer leaving, or the failure
      frame.kind[n] = viewMs >= d.r ? d.kind : KIND_PENDING;
      frame.id[n] = d.id;
      n++;
    }
    frame.count = n;
  }
}

function place(d: Dot, t: number, route: TargetRoute | null, door: BalancerDoor | null): Point | null {
  const L = d.leg;
  if (route === null) {
    // fails at the balancer (or its target is not drawn): only the inbound hop to the balancer's door
    if (door === null || d.target >= 0) return null;
    if (t >= d.a) return door.point;
    return pointOnLeg(door.inbound, (t - (d.a - L)) / L);
  }
  if (t < d.a) return pointOnLeg(route.inbound, (t - (d.a - L)) / L);
  if (t < d.a + L) return pointOnLeg(route.outbound, (t - d.a) / L);
  if (Number.isNaN(d.r) || t < d.r || d.stopped) return stackSpot(0, route);
  if (t < d.r + L) return pointOnLeg(route.outbound, 1 - (t - d.r) / L);
  return pointOnLeg(route.inbound, 1 - (t - d.r - L) / L);
}

/** Which part of its path a dot is on: the clients' hop every request shares, its target's legs, or waiting there. */
function legOf(d: Dot, t: number, route: TargetRoute | null): 'shared' | 'target' | 'stack' {
  const L = d.leg;
  if (route === null || t < d.a) return 'shared';
  if (t < d.a + L) return 'target';
  if (Number.isNaN(d.r) || t < d.r || d.stopped) return 'stack';
  return t < d.r + L ? 'target' : 'shared';
}

/** The k-th place in a target's stack: a column in the strip beside it, filled from the bottom. */
function stackSpot(k: number, route: TargetRoute): Point {
  const r = route.dwell;
  const step = Math.min(10, r.height / MAX_STACKED);
  return { x: r.x + r.width / 2, y: r.y + r.height - step * (k + 0.5) };
}

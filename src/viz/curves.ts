/**
 * Edges of the topology picture as horizontal Bézier links (d3-shape's linkHorizontal), and points along
 * them so that moving dots follow exactly the curves the SVG draws.
 */
import { linkHorizontal } from 'd3-shape';

export interface Point {
  x: number;
  y: number;
}

/** A horizontal link from (x0, y0) to (x1, y1): control points at the middle x (d3's curveBumpX). */
export interface Curve {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const link = linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>();

/** SVG path data of a curve. */
export function curvePath(c: Curve): string {
  return link({ source: [c.x0, c.y0], target: [c.x1, c.y1] }) ?? '';
}

/** The point at parameter u (0..1) of a curve. */
export function pointOnCurve(c: Curve, u: number): Point {
  const v = 1 - u;
  const xm = (c.x0 + c.x1) / 2;
  // B(u) with P0 = (x0, y0), P1 = (xm, y0), P2 = (xm, y1), P3 = (x1, y1)
  const a = v * v * v;
  const b = 3 * v * v * u;
  const cc = 3 * v * u * u;
  const d = u * u * u;
  return { x: a * c.x0 + (b + cc) * xm + d * c.x1, y: (a + b) * c.y0 + (cc + d) * c.y1 };
}

/** Approximate length (chord plus a little for the bend), used to share a leg's time between its curves. */
export function curveLength(c: Curve): number {
  const dx = c.x1 - c.x0;
  const dy = c.y1 - c.y0;
  return Math.hypot(dx, dy) * 0.5 + (Math.abs(dx) + Math.abs(dy)) * 0.5;
}

/**
 * The point at fraction `u` (0..1) of a leg made of several curves travelled one after the other, each
 * taking time in proportion to its length; a gap between curves (crossing a node) takes no time.
 */
export function pointOnLeg(leg: readonly Curve[], u: number): Point {
  if (leg.length === 0) return { x: 0, y: 0 };
  if (leg.length === 1) return pointOnCurve(leg[0], clamp01(u));
  let total = 0;
  for (const c of leg) total += curveLength(c);
  let at = clamp01(u) * total;
  for (const c of leg) {
    const len = curveLength(c);
    if (at <= len || c === leg[leg.length - 1]) return pointOnCurve(c, len > 0 ? clamp01(at / len) : 1);
    at -= len;
  }
  return pointOnCurve(leg[leg.length - 1], 1);
}

function clamp01(u: number): number {
  return u < 0 ? 0 : u > 1 ? 1 : u;
}

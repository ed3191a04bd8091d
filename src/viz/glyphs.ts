/**
 * Shape glyphs centred on (0, 0): the second channel, besides colour, for every state and outcome. The
 * same shapes draw in SVG (`glyphPath` → `<path d>`) and on canvas (`traceGlyph` into a path being built,
 * so that many dots of one kind fill in one call).
 */

export const GLYPH_SHAPES = ['circle', 'ring', 'square', 'diamond', 'triangle', 'cross', 'hourglass', 'bar', 'check', 'plus', 'arrow-up'] as const;
export type GlyphShape = (typeof GLYPH_SHAPES)[number];

type Pt = readonly [number, number];

/** Polygon outlines for a unit radius (circle and ring are arcs). */
const POLYGONS: Record<Exclude<GlyphShape, 'circle' | 'ring'>, readonly Pt[]> = {
  square: [[-0.82, -0.82], [0.82, -0.82], [0.82, 0.82], [-0.82, 0.82]],
  diamond: [[0, -1], [1, 0], [0, 1], [-1, 0]],
  triangle: [[0, -1], [0.95, 0.75], [-0.95, 0.75]],
  cross: [[-0.78, -0.48], [-0.48, -0.78], [0, -0.3], [0.48, -0.78], [0.78, -0.48], [0.3, 0], [0.78, 0.48], [0.48, 0.78], [0, 0.3], [-0.48, 0.78], [-0.78, 0.48], [-0.3, 0]],
  hourglass: [[-0.8, -1], [0.8, -1], [0.16, 0], [0.8, 1], [-0.8, 1], [-0.16, 0]],
  bar: [[-1, -0.32], [1, -0.32], [1, 0.32], [-1, 0.32]],
  check: [[-0.9, 0], [-0.55, -0.35], [-0.2, 0.05], [0.6, -0.8], [0.95, -0.45], [-0.2, 0.8]],
  plus: [[-0.3, -0.9], [0.3, -0.9], [0.3, -0.3], [0.9, -0.3], [0.9, 0.3], [0.3, 0.3], [0.3, 0.9], [-0.3, 0.9], [-0.3, 0.3], [-0.9, 0.3], [-0.9, -0.3], [-0.3, -0.3]],
  'arrow-up': [[0, -1], [0.9, 0], [0.35, 0], [0.35, 1], [-0.35, 1], [-0.35, 0], [-0.9, 0]],
};

/** The ring's hole, as a share of its radius. */
const RING_HOLE = 0.45;

const f = (n: number): string => String(Math.round(n * 100) / 100);

function arcPath(r: number, sweep: 0 | 1): string {
  return `M${f(r)},0A${f(r)},${f(r)} 0 1,${sweep} ${f(-r)},0A${f(r)},${f(r)} 0 1,${sweep} ${f(r)},0Z`;
}

/** SVG path data of `shape` fitting a circle of radius `r` (the ring's hole is wound the other way). */
export function glyphPath(shape: GlyphShape, r: number): string {
  if (shape === 'circle') return arcPath(r, 1);
  if (shape === 'ring') return arcPath(r, 1) + arcPath(r * RING_HOLE, 0);
  return POLYGONS[shape].map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${f(x * r)},${f(y * r)}`).join('') + 'Z';
}

/** The part of a canvas path-building context that glyphs need. */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number, counterclockwise?: boolean): void;
  closePath(): void;
}

/** Adds `shape` at (x, y) with radius r to the path being built. */
export function traceGlyph(sink: PathSink, shape: GlyphShape, x: number, y: number, r: number): void {
  if (shape === 'circle' || shape === 'ring') {
    sink.moveTo(x + r, y);
    sink.arc(x, y, r, 0, 2 * Math.PI);
    if (shape === 'ring') {
      sink.moveTo(x + r * RING_HOLE, y);
      sink.arc(x, y, r * RING_HOLE, 0, 2 * Math.PI, true);
    }
    sink.closePath();
    return;
  }
  const pts = POLYGONS[shape];
  sink.moveTo(x + pts[0][0] * r, y + pts[0][1] * r);
  for (let i = 1; i < pts.length; i++) sink.lineTo(x + pts[i][0] * r, y + pts[i][1] * r);
  sink.closePath();
}

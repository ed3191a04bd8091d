/**
 * A line chart's geometry from its model and pixel size: d3 scales, line paths (gaps where values are
 * NaN), ticks, and which second a pointer position is nearest to.
 */
import { max } from 'd3-array';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { ChartModel, ChartUnit } from './chart-data.ts';
import { formatCompact, formatMs, formatPercent } from './number-format.ts';

/**
 * The plot's margins in px. The left one holds the widest y tick label at 12 px ("800 ms", six characters, about
 * 45 px) and its 5 px gap: at 46 px the first digit of "300 ms" was cut off the chart's left edge.
 */
export const CHART_MARGIN = { top: 8, right: 12, bottom: 22, left: 54 } as const;

export interface Tick {
  value: number;
  at: number;
  label: string;
  /** How the label hangs on its tick: centred, or kept inside the chart at its right edge. */
  anchor?: 'middle' | 'end';
}

export interface ChartGeometry {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  paths: string[];
  xTicks: Tick[];
  yTicks: Tick[];
  plotLeft: number;
  plotRight: number;
  plotTop: number;
  plotBottom: number;
}

/** A value written for a unit: '24/s', '120 ms', '5%'. */
export function formatValue(unit: ChartUnit, v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (unit === 'count') return formatCompact(v);
  return unit === 'ms' ? formatMs(v) : unit === 'share' ? formatPercent(v) : `${formatCompact(v)}/s`;
}

/** A y tick's label: "500 ms", "1.5 s", "20%", "1.2k". */
export function tickLabel(unit: ChartUnit, v: number): string {
  if (unit === 'ms') return v >= 1000 ? `${formatCompact(v / 1000)} s` : `${formatCompact(v)} ms`;
  return unit === 'share' ? formatPercent(v) : formatCompact(v);
}

/** Shaded spans for a model's breaches, in px, clipped to the plot. */
export function breachRects(m: ChartModel, g: Pick<ChartGeometry, 'x' | 'plotLeft' | 'plotRight'>): { key: string; x: number; width: number }[] {
  return (m.breaches ?? []).map((b) => {
    const x0 = Math.max(g.plotLeft, g.x(b.fromSec - 0.5));
    const x1 = Math.min(g.plotRight, g.x(b.toSec + 0.5));
    return { key: `${b.fromSec}`, x: x0, width: Math.max(0, x1 - x0) };
  });
}

/**
 * The time axis every time chart shares: simulated seconds `firstSec` … the last point, across the plot
 * area of a `width` px chart. The blind-window band uses it too, so its marks line up with the charts'.
 */
export function timeAxis(firstSec: number, count: number, width: number): { x: ScaleLinear<number, number>; plotLeft: number; plotRight: number; ticks: Tick[] } {
  const plotLeft = CHART_MARGIN.left;
  const plotRight = Math.max(plotLeft + 10, width - CHART_MARGIN.right);
  const x = scaleLinear().domain([firstSec, firstSec + Math.max(count - 1, 1)]).range([plotLeft, plotRight]);
  const ticks = x
    .ticks(Math.max(2, Math.floor((plotRight - plotLeft) / 70)))
    .filter(Number.isInteger)
    .map((v): Tick => ({ value: v, at: x(v), label: `${v} s`, anchor: x(v) + 16 <= plotRight + CHART_MARGIN.right ? 'middle' : 'end' }));
  return { x, plotLeft, plotRight, ticks };
}

export function chartGeometry(m: ChartModel, width: number, height: number): ChartGeometry {
  const { x, plotLeft, plotRight, ticks: xTicks } = timeAxis(m.firstSec, m.count, width);
  const plotTop = CHART_MARGIN.top;
  const plotBottom = Math.max(plotTop + 10, height - CHART_MARGIN.bottom);
  let top = 0;
  for (const l of m.lines) top = Math.max(top, max(Array.from(l.values), (v) => (Number.isFinite(v) ? v : 0)) ?? 0);
  // the floor is a sensible full scale (100 % utilisation): kept exact unless the data go past it
  const y = scaleLinear()
    .domain([0, top <= m.yMaxFloor ? m.yMaxFloor : top * 1.05])
    .range([plotBottom, plotTop]);
  if (top > m.yMaxFloor) y.nice(4);
  if (m.yMaxCap !== undefined && y.domain()[1] > m.yMaxCap) y.domain([0, m.yMaxCap]);
  const path = line<number>()
    .defined((v) => Number.isFinite(v))
    .x((_, i) => x(m.firstSec + i))
    .y((v) => y(v));
  const paths = m.lines.map((l) => path(Array.from(l.values)) ?? '');
  const yTicks = y.ticks(4).map((v) => ({ value: v, at: y(v), label: tickLabel(m.unit, v) }));
  return { x, y, paths, xTicks, yTicks, plotLeft, plotRight, plotTop, plotBottom };
}

/** The index of the second nearest to pixel `px` (clamped to the data), or -1 without data. */
export function nearestIndex(m: ChartModel, g: ChartGeometry, px: number): number {
  if (m.count === 0) return -1;
  const i = Math.round(g.x.invert(px) - m.firstSec);
  return Math.min(Math.max(i, 0), m.count - 1);
}

/**
 * The lab's charts as data: which lines each chart draws from the per-second series, over the most recent
 * window. A second with no finished request has no latency or error rate: those points are NaN (a gap),
 * not zero, so a quiet second does not look like a fast one.
 */
import type { Series, Topology } from '../engine/types.ts';
import { m } from '../i18n/paraglide/messages.js';
import { lineStyle, OKABE_ITO, type LineStyle } from './palette.ts';

export type ChartUnit = 'perSec' | 'ms' | 'share' | 'count';

export interface ChartLine {
  key: string;
  label: string;
  values: ArrayLike<number>;
  style: LineStyle;
}

type LineInput = Omit<ChartLine, 'style'> & { style?: LineStyle };

export interface ChartModel {
  name: string;
  title: string;
  unit: ChartUnit;
  /** Simulated second at the right end of the first point (points are whole seconds). */
  firstSec: number;
  count: number;
  lines: ChartLine[];
  /** The y axis reaches at least this far. */
  yMaxFloor: number;
  /** The y axis never goes past this (the error rate, a share that cannot pass 100 %); none: no limit. */
  yMaxCap?: number;
  /** A note under the legend, e.g. how many targets are summarised. */
  note: string;
  /** Runs of seconds (inclusive, as point seconds) to shade as breaches, e.g. CPU above its target. */
  breaches?: { fromSec: number; toSec: number }[];
}

/** Seconds shown by the time charts. */
export const CHART_WINDOW_SEC = 60;
/** Up to this many targets get a line each; more are summarised as mean and max. */
export const MAX_TARGET_LINES = 8;

/** The most recent `windowSec` points of a series `seconds` long that starts at `startSec`. */
export function chartWindow(series: { startSec: number; seconds: number }, windowSec: number): { from: number; count: number; firstSec: number } {
  const count = Math.min(series.seconds, windowSec);
  const from = series.seconds - count;
  return { from, count, firstSec: series.startSec + from + 1 };
}

function model(name: string, title: string, unit: ChartUnit, series: Series, windowSec: number, lines: LineInput[], yMaxFloor: number, note = ''): ChartModel {
  const w = chartWindow(series, windowSec);
  return { name, title, unit, firstSec: w.firstSec, count: w.count, lines: lines.map((l, i) => ({ ...l, style: l.style ?? lineStyle(i) })), yMaxFloor, note };
}

function map(n: number, f: (i: number) => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
}

/** Requests per second in (arrived) and out (answered: ok or failed). */
export function rateChart(series: Series, windowSec = CHART_WINDOW_SEC): ChartModel {
  const { from, count } = chartWindow(series, windowSec);
  return model('rate', m.chart_rate_title(), 'perSec', series, windowSec, [
    { key: 'in', label: m.chart_rate_in(), values: series.arrived.subarray(from, from + count) },
    { key: 'out', label: m.chart_rate_out(), values: map(count, (i) => series.ok[from + i] + series.failed[from + i]) },
  ], 1);
}

/** Queueing theory's prediction drawn over the measured lines (theory/overlay.ts), or null for none. */
export interface TheoryOverlay {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Utilisation λ / (cμ). */
  rho: number;
}

/** A constant line: theory's value at every point, dotted in the colour of the measured line it predicts. */
function theoryLine(key: string, label: string, count: number, value: number, colour: string): LineInput {
  return { key, label, values: new Float64Array(count).fill(value), style: { colour, dash: '1 4' } };
}

/** Latency percentiles per second, and Erlang C's percentiles when `theory` is given. */
export function latencyChart(series: Series, windowSec = CHART_WINDOW_SEC, theory: TheoryOverlay | null = null): ChartModel {
  const { from, count } = chartWindow(series, windowSec);
  const quiet = (i: number): boolean => series.ok[from + i] + series.failed[from + i] === 0;
  const pick = (src: Float64Array) => map(count, (i) => (quiet(i) ? NaN : src[from + i]));
  const lines: LineInput[] = [
    { key: 'p50', label: 'p50', values: pick(series.p50) },
    { key: 'p95', label: 'p95', values: pick(series.p95) },
    { key: 'p99', label: 'p99', values: pick(series.p99) },
  ];
  if (theory !== null) {
    lines.push(
      theoryLine('p50-theory', m.chart_theory_line({ percentile: 'p50' }), count, theory.p50Ms, lineStyle(0).colour),
      theoryLine('p95-theory', m.chart_theory_line({ percentile: 'p95' }), count, theory.p95Ms, lineStyle(1).colour),
      theoryLine('p99-theory', m.chart_theory_line({ percentile: 'p99' }), count, theory.p99Ms, lineStyle(2).colour),
    );
  }
  return model('latency', m.chart_latency_title(), 'ms', series, windowSec, lines, 10, theory === null ? '' : m.chart_latency_theory_note());
}

/** Failed answers as a share of all answers, per second. */
export function errorChart(series: Series, windowSec = CHART_WINDOW_SEC): ChartModel {
  const { from, count } = chartWindow(series, windowSec);
  const values = map(count, (i) => {
    const done = series.ok[from + i] + series.failed[from + i];
    return done === 0 ? NaN : series.failed[from + i] / done;
  });
  // every request failing is 100 %: the axis stops there instead of rounding 105 % up to 120 %
  return { ...model('errors', m.chart_errors_title(), 'share', series, windowSec, [{ key: 'errors', label: m.chart_errors_line(), values, style: { colour: OKABE_ITO.vermillion, dash: '' } }], 0.05), yMaxCap: 1 };
}

/** Utilisation of each registered target per second (mean and max when there are many), and ρ when `theory` is given. */
export function utilizationChart(series: Series, topology: Topology, windowSec = CHART_WINDOW_SEC, theory: TheoryOverlay | null = null): ChartModel {
  const { from, count } = chartWindow(series, windowSec);
  const n = series.seconds;
  const shown = topology.targets.map((t, i) => ({ t, i })).filter(({ t, i }) => t.registered && i < series.targetCount);
  const of = (t: number) => series.targetUtilization.subarray(t * n + from, t * n + from + count);
  const rho = theory === null ? [] : [theoryLine('rho-theory', 'ρ = λ/cμ', count, theory.rho, OKABE_ITO.black)];
  const rhoNote = theory === null ? '' : m.chart_util_rho_note();
  if (shown.length <= MAX_TARGET_LINES) {
    return model('utilization', m.chart_util_title(), 'share', series, windowSec, [...shown.map(({ t, i }) => ({ key: t.id, label: t.id, values: of(i) })), ...rho], 1, rhoNote);
  }
  const mean = map(count, (k) => shown.reduce((s, { i }) => s + series.targetUtilization[i * n + from + k], 0) / shown.length);
  const top = map(count, (k) => shown.reduce((m, { i }) => Math.max(m, series.targetUtilization[i * n + from + k]), 0));
  return model('utilization', m.chart_util_title(), 'share', series, windowSec, [
    { key: 'mean', label: m.chart_util_mean(), values: mean },
    { key: 'max', label: m.chart_util_busiest(), values: top },
    ...rho,
  ], 1, [m.chart_util_summary({ count: shown.length }), rhoNote].filter((x) => x !== '').join('; '));
}

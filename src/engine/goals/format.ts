/** Small helpers shared by the goal kinds: bounds and how numbers are shown to the learner. */
import type { Bound, ConditionResult } from './types.ts';

export function within(value: number, b: Bound): boolean {
  if (Number.isNaN(value)) return false;
  return (b.atMost === undefined || value <= b.atMost) && (b.atLeast === undefined || value >= b.atLeast);
}

/** A bound in words ("≥ 2 and ≤ 5 %"), each number shown with `unit` or by `shown` when given. */
export function describeBound(b: Bound, unit = '', shown: (x: number) => string = (x) => show(x, unit)): string {
  const parts: string[] = [];
  if (b.atLeast !== undefined) parts.push(`≥ ${shown(b.atLeast)}`);
  if (b.atMost !== undefined) parts.push(`≤ ${shown(b.atMost)}`);
  return parts.join(' and ');
}

export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return String(x);
  return Math.abs(x) >= 10 ? x.toFixed(1) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(3);
}

/** Milliseconds as seconds with one decimal, without a trailing .0: 45001 → "45", 1501 → "1.5". */
export function secs(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

/**
 * A moment of the run for a goal's words: "45 s" below an hour, else a clock from the run's start, "18:10:00"
 * (a day-long world's goal reads "from 18:00:00 to 18:10:00", not "from 64800 s to 65400 s").
 */
export function moment(sec: number): string {
  if (sec < 3600 || !Number.isInteger(sec)) return `${sec} s`;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${Math.floor(sec / 3600)}:${two(Math.floor(sec / 60) % 60)}:${two(sec % 60)}`;
}

export const result = (met: boolean, detail: string, value: number | null = null): ConditionResult => ({ met, detail, value });

/** A metric's value with its unit: shares as percentages (0.0123 → "1.2 %"). */
export function show(x: number, unit: string): string {
  // fmt keeps three significant figures below 1: rounding to thousandths first read a bound of 0.0075 as "0.00800"
  if (unit !== '%') return `${fmt(Math.abs(x) >= 100 ? Math.round(x) : x)}${unit}`;
  const pct = x * 100;
  return `${pct >= 10 || Number.isInteger(pct) ? Math.round(pct * 10) / 10 : pct.toPrecision(2)} %`;
}

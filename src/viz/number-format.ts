/**
 * The page's one number formatter: every number from the simulation is written on screen through here —
 * short, with units always shown, '—' when there is no value yet.
 */

const one = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** 0.4 → '0.4', 24 → '24', 1234 → '1.2k', 2500000 → '2.5M'. */
export function formatCompact(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const a = Math.abs(n);
  if (a >= 1e6) return `${one.format(n / 1e6)}M`;
  if (a >= 1e4) return `${whole.format(n / 1e3)}k`;
  if (a >= 1e3) return `${one.format(n / 1e3)}k`;
  return a < 10 ? one.format(n) : whole.format(n);
}

/** Requests per second: '24/s'. */
export function formatRate(perSec: number): string {
  return Number.isFinite(perSec) ? `${formatCompact(perSec)}/s` : '—';
}

/** A share in 0..1: '34%' (one decimal below 10 %). */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return '—';
  const p = share * 100;
  return `${p > 0 && p < 10 ? one.format(p) : whole.format(p)}%`;
}

/** Milliseconds: '4.2 ms', '420 ms', '4.2 s'. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 10_000) return `${whole.format(ms / 1000)} s`;
  if (ms >= 1000) return `${one.format(ms / 1000)} s`;
  return ms < 10 ? `${one.format(ms)} ms` : `${whole.format(ms)} ms`;
}

/** Simulated time as seconds: '12.4 s'. */
export function formatSeconds(ms: number): string {
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '—';
}

/** A whole count with thousands separators: '1,234'. */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? whole.format(n) : '—';
}

/** Requests per second written out, for headline figures: '1,234 req/s'. */
export function formatRequestRate(perSec: number): string {
  return Number.isFinite(perSec) ? `${whole.format(perSec)} req/s` : '—';
}

/** Simulated time with milliseconds, for stepping event by event: '12.345 s'. */
export function formatSecondsPrecise(ms: number): string {
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(3)} s` : '—';
}

/** A share in 0..1 as a whole percentage, for tables: '34%'. */
export function formatShare(x: number): string {
  return Number.isFinite(x) ? `${Math.round(x * 100)}%` : '—';
}

/** A count too large to read digit by digit, in words: '86.4 billion', '2.5 million', else '1,234'. */
export function formatLargeCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (Math.abs(n) >= 1e9) return `${one.format(n / 1e9)} billion`;
  if (Math.abs(n) >= 1e6) return `${one.format(n / 1e6)} million`;
  return whole.format(n);
}

/** A wall-clock duration for people: '40 s', '12 min', '3.5 hours', '2.1 days'. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const sec = ms / 1000;
  if (sec < 90) return `${Math.max(1, Math.round(sec))} s`;
  if (sec < 5400) return `${Math.round(sec / 60)} min`;
  if (sec < 172_800) return `${one.format(sec / 3600)} hours`;
  return `${one.format(sec / 86_400)} days`;
}

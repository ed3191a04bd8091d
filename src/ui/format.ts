/** How numbers from the simulation are written on screen: units always shown, "—" when there is no value yet. */
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export function formatCount(n: number): string {
  return Number.isFinite(n) ? whole.format(n) : '—';
}

export function formatSimTime(ms: number): string {
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '—';
}

/** Simulated time with milliseconds, for stepping event by event. */
export function formatSimTimePrecise(ms: number): string {
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(3)} s` : '—';
}

export function formatLatency(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${whole.format(ms)} ms`;
}

/** A share in 0..1 as a whole percentage. */
export function formatShare(x: number): string {
  return Number.isFinite(x) ? `${Math.round(x * 100)}%` : '—';
}

export function formatRate(perSec: number): string {
  return Number.isFinite(perSec) ? `${whole.format(perSec)} req/s` : '—';
}

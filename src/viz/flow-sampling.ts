/**
 * How many requests one dot stands for. The engine already draws one in `flowSampleEvery` requests; when
 * even that is more than the eye (and the main thread) can follow — high speed, heavy traffic — the view
 * thins further, keeping one in `thin` of the engine's flows chosen by a hash of the request id, so a
 * request's departure and its final record are kept or dropped together. `thin` moves in 1-2-5 steps with
 * hysteresis so that the on-screen label does not flicker.
 */
import { m } from '../i18n/paraglide/messages.js';

/** New dots per wall-clock second the view aims for at most. */
export const DOTS_PER_SECOND = 300;

const STEPS = [1, 2, 5];

/** The smallest 1-2-5 step ≥ x (x ≥ 1). */
export function niceStepAtLeast(x: number): number {
  if (!(x > 1)) return 1;
  for (let decade = 1; ; decade *= 10) {
    for (const s of STEPS) if (s * decade >= x) return s * decade;
  }
}

/** The next thinning factor given the current one and the wanted one (new flows per wall second ÷ budget). */
export function nextThin(current: number, wanted: number): number {
  const up = niceStepAtLeast(wanted);
  if (up >= current) return up;
  // only come down when clearly below the current step, so the label stays put near a boundary
  return wanted * 1.5 < current ? up : current;
}

/** A stable 32-bit hash of a request id (integer mix). */
export function hashId(id: number): number {
  let h = Math.imul(id ^ (id >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Whether the view keeps request `id` when thinning by `thin`. */
export function keepsRequest(id: number, thin: number): boolean {
  return thin <= 1 || hashId(id) % thin === 0;
}

/** A count rounded for a label: whole numbers below 100, then two significant digits. */
export function roundForLabel(n: number): number {
  if (n < 100) return Math.round(n);
  const p = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / p) * p;
}

/** The on-screen sampling note: '1 dot = 1 request' or '1 dot ≈ 40 requests (every request is simulated)'. */
export function samplingLabel(requestsPerDot: number): string {
  if (!(requestsPerDot > 1)) return m.sampling_one();
  // the dots are a sample; the numbers and charts count every request, which the worker simulates one by one
  return m.sampling_many({ count: roundForLabel(requestsPerDot).toLocaleString('en-GB') });
}

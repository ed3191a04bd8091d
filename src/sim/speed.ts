/**
 * Playback speed: simulated seconds per wall-clock second, on a logarithmic scale from 0.1× to 1000×,
 * or 'max' (as fast as the worker can simulate). A slider position is log10(speed), from -1 to 3.
 */
import { m } from '../i18n/paraglide/messages.js';
import { localizeNumberText } from '../viz/number-format.ts';

export type Speed = number | 'max';

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 1000;

/** The speeds that + and − step through. */
export const SPEED_STEPS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] as const;

/** Rounds to two significant digits, so a slider gives 1.3× rather than 1.2589254×. */
function tidy(speed: number): number {
  return Number(speed.toPrecision(2));
}

export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}

/** The speed at a slider position (log10 scale). */
export function speedAt(position: number): number {
  return tidy(clampSpeed(10 ** position));
}

/** The slider position of a speed ('max' sits at the right end). */
export function positionOf(speed: Speed): number {
  return speed === 'max' ? Math.log10(MAX_SPEED) : Math.log10(clampSpeed(speed));
}

/** The next step up ('max' after 1000×). */
export function faster(speed: Speed): Speed {
  if (speed === 'max') return 'max';
  const next = SPEED_STEPS.find((s) => s > speed * 1.0001);
  return next ?? 'max';
}

/** The next step down ('max' goes to 1000×). */
export function slower(speed: Speed): Speed {
  if (speed === 'max') return MAX_SPEED;
  const lower = SPEED_STEPS.filter((s) => s < speed * 0.9999);
  return lower.length > 0 ? lower[lower.length - 1] : MIN_SPEED;
}

/** The speed in words for the slider's value text, in the page's language: '0.5×', 'as fast as possible'. */
export function formatSpeed(speed: Speed): string {
  return speed === 'max' ? m.speed_as_fast() : `${localizeNumberText(String(speed))}×`;
}

/** A measured rate (simulated per wall second) in words: '0.62×', '37×' (two significant digits). */
export function formatReached(rate: number): string {
  return `${localizeNumberText(String(tidy(rate)))}×`;
}

/**
 * A sensible speed to start a scenario at: its whole run plays in about a minute and a half of wall time
 * (never slower than 1×), rounded up to a step of the ladder — so that Black Friday's spike at 300 s is not
 * five real minutes away, and a one-minute scenario still plays in real time.
 */
export function startingSpeed(durationSec: number | undefined): number {
  if (durationSec === undefined || !Number.isFinite(durationSec)) return 1;
  const wanted = durationSec / 90;
  return SPEED_STEPS.find((s) => s >= wanted * 0.9999 && s >= 1) ?? MAX_SPEED;
}

/**
 * The blind-window band: one bar per blind window (a target failed for real but still in rotation), on the
 * time axis of the charts above it, from the failure to the moment the balancer took the target out (or it
 * recovered unnoticed); a window still open runs to now. Bars that would overlap go on separate lanes;
 * past the last lane they are counted, not drawn. Each bar carries its words for hover, focus and screen
 * readers: who failed, how, how long until it was detected (and by what), how many requests failed.
 */
import type { BlindWindow } from '../engine/types.ts';
import { formatMs, formatSeconds } from './number-format.ts';
import { fitText } from './text-fit.ts';

export interface BandBar {
  key: string;
  target: string;
  cause: string;
  failedAtMs: number;
  /** Left edge and width in px (at least MIN_BAR_PX wide so that a short window still shows). */
  x: number;
  width: number;
  lane: number;
  /** Still open: the balancer has not noticed yet. */
  open: boolean;
  /** Began before the left edge of the axis. */
  clippedStart: boolean;
  /** Never detected: it ended because the target recovered. */
  undetected: boolean;
  /** Label drawn inside the bar ('' when the bar is too narrow). */
  label: string;
  /** The whole story in words. */
  text: string;
}

export interface BandModel {
  bars: BandBar[];
  /** Lanes in use (at least 1). */
  lanes: number;
  /** Windows in the time range that did not fit in the lanes. */
  hidden: number;
}

export const MIN_BAR_PX = 4;
const LABEL_FONT_PX = 12;
const LANE_GAP_PX = 3;

/** One window in words. `nowMs` closes an open window for the "still undetected after" figure. */
export function describeWindow(w: BlindWindow, nowMs: number): string {
  const head = `${w.target} ${w.cause} at ${formatSeconds(w.failedAtMs)}`;
  const failed = `${w.failedRequests} request${w.failedRequests === 1 ? '' : 's'} failed`;
  if (w.endedAtMs === null) return `${head}: still in rotation, undetected after ${formatMs(Math.max(0, nowMs - w.failedAtMs))}; ${failed} so far`;
  if (w.detectMs === null) return `${head}: never detected, it recovered after ${formatMs(w.endedAtMs - w.failedAtMs)}; ${failed}`;
  return `${head}: detected after ${formatMs(w.detectMs)} by ${w.detectedBy ?? 'the balancer'}; ${failed}`;
}

/**
 * Bars for the windows that overlap the axis [fromSec, toSec], given `x` (seconds → px), the plot's right
 * edge, `nowMs`, and the number of lanes allowed.
 */
export function blindWindowBand(windows: readonly BlindWindow[], axis: { fromSec: number; toSec: number; x: (sec: number) => number; plotLeft: number; plotRight: number }, nowMs: number, maxLanes = 3): BandModel {
  const inRange = windows
    .filter((w) => (w.endedAtMs ?? nowMs) / 1000 >= axis.fromSec && w.failedAtMs / 1000 <= axis.toSec)
    .sort((a, b) => a.failedAtMs - b.failedAtMs || a.target.localeCompare(b.target));
  const laneEnds: number[] = [];
  const bars: BandBar[] = [];
  let hidden = 0;
  for (const w of inRange) {
    const startSec = w.failedAtMs / 1000;
    const endSec = (w.endedAtMs ?? nowMs) / 1000;
    const left = Math.max(axis.plotLeft, axis.x(startSec));
    const right = Math.min(axis.plotRight, Math.max(axis.x(endSec), left + MIN_BAR_PX));
    const x = Math.min(left, right - MIN_BAR_PX);
    const width = right - x;
    let lane = laneEnds.findIndex((end) => end + LANE_GAP_PX <= x);
    if (lane < 0 && laneEnds.length < maxLanes) lane = laneEnds.push(-Infinity) - 1;
    if (lane < 0) {
      hidden++;
      continue;
    }
    laneEnds[lane] = x + width;
    const label = fitText(`${w.target} · ${w.cause}`, width - 8, LABEL_FONT_PX);
    bars.push({
      key: `${w.target}:${w.failedAtMs}`,
      target: w.target,
      cause: w.cause,
      failedAtMs: w.failedAtMs,
      x,
      width,
      lane,
      open: w.endedAtMs === null,
      clippedStart: axis.x(startSec) < axis.plotLeft,
      undetected: w.endedAtMs !== null && w.detectMs === null,
      label: width - 8 >= LABEL_FONT_PX * 0.6 * 3 ? label : '',
      text: describeWindow(w, nowMs),
    });
  }
  return { bars, lanes: Math.max(1, laneEnds.length), hidden };
}

/**
 * The blind-window band: one bar per blind window (a target failed for real but still in rotation), on the
 * time axis of the charts above it, from the failure to the moment the balancer took the target out (or it
 * recovered unnoticed); a window still open runs to now. Bars that would overlap go on separate lanes;
 * past the last lane they are counted, not drawn. Each bar carries its words for hover, focus and screen
 * readers: who failed, how, how long until it was detected (and by what), how many requests failed — in the
 * page's language (the engine's cause and detector words are read back, as the event log does).
 */
import type { BlindWindow } from '../engine/types.ts';
import { m } from '../i18n/paraglide/messages.js';
import { detectorWords } from './event-words.ts';
import { formatMs, formatSeconds, localizeNumberText } from './number-format.ts';
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

/** The engine's causes (backend/lifecycle.ts), as a past event in the page's language ('crashed', 'se cayó'). */
const CAUSES: [RegExp, (g: Record<string, string>) => string][] = [
  [/^crashed$/, () => m.band_cause_crashed()],
  [/^hung$/, () => m.band_cause_hung()],
  [/^lost its database connection$/, () => m.band_cause_db()],
  [/^started failing (?<p>\d+) % of requests$/, (g) => m.band_cause_failing({ percent: localizeNumberText(g.p) })],
];

/** What happened to a window's target, in the page's language; a cause no pattern knows as the engine wrote it. */
export function causeWords(cause: string): string {
  for (const [re, words] of CAUSES) {
    const found = re.exec(cause);
    if (found) return words(found.groups ?? {});
  }
  return cause;
}

/** One window in words, in the page's language. `nowMs` closes an open window for the "still undetected after" figure. */
export function describeWindow(w: BlindWindow, nowMs: number): string {
  const head = m.band_window_head({ target: w.target, cause: causeWords(w.cause), time: formatSeconds(w.failedAtMs) });
  const failed = (w.failedRequests === 1 ? m.band_window_failed_one : m.band_window_failed_many)({ count: localizeNumberText(String(w.failedRequests)) });
  if (w.endedAtMs === null) return m.band_window_open({ head, duration: formatMs(Math.max(0, nowMs - w.failedAtMs)), failed });
  if (w.detectMs === null) return m.band_window_never({ head, duration: formatMs(w.endedAtMs - w.failedAtMs), failed });
  const by = w.detectedBy === null ? m.band_detector_unknown() : detectorWords(w.detectedBy);
  return m.band_window_detected({ head, duration: formatMs(w.detectMs), by, failed });
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
    const label = fitText(`${w.target} · ${causeWords(w.cause)}`, width - 8, LABEL_FONT_PX);
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

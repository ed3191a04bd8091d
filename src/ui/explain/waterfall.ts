/**
 * A journey as a small waterfall: one row per step, on a time axis from the request's arrival to its
 * end. Phases that last (queued, in service, session store, database) are bars; instants (a DNS answer,
 * a choice, a retry, the outcome) are ticks. Pure: the component only draws what this returns.
 */
import type { Journey, StepKind } from '../../engine/explain/index.ts';
import { OKABE_ITO, INK_SOFT } from '../../viz/palette.ts';

export interface WaterfallRow {
  /** Left edge and width as shares of the axis (0..1). */
  x: number;
  w: number;
  /** A bar (a lasting phase) or a tick (an instant). */
  bar: boolean;
  kind: StepKind;
  colour: string;
  label: string;
  /** Offset from arrival, ms (and the phase's length when it is a bar). */
  startMs: number;
  lengthMs: number;
}

/** Colours by kind (Okabe–Ito; every row also has its words, so colour is never the only cue). */
const COLOUR: Partial<Record<StepKind, string>> = {
  queue: OKABE_ITO.orange,
  service: OKABE_ITO.blue,
  'session-store': OKABE_ITO.reddishPurple,
  database: OKABE_ITO.bluishGreen,
  timeout: OKABE_ITO.vermillion,
  retry: OKABE_ITO.vermillion,
  outcome: OKABE_ITO.black,
};

export function waterfallRows(j: Journey): { rows: WaterfallRow[]; spanMs: number } {
  const start = j.arrivalMs;
  const end = Math.max(start + (j.latencyMs ?? 0), ...j.steps.map((s) => s.untilMs ?? s.atMs));
  const spanMs = Math.max(end - start, 1e-9);
  const rows = j.steps.map((s) => {
    const bar = s.untilMs !== undefined;
    const from = s.atMs - start;
    const length = bar ? s.untilMs! - s.atMs : 0;
    return { x: from / spanMs, w: length / spanMs, bar, kind: s.kind, colour: COLOUR[s.kind] ?? INK_SOFT, label: s.what, startMs: from, lengthMs: length };
  });
  return { rows, spanMs: end - start };
}

/**
 * Compare mode explains itself: the largest difference between runs A and B (failed requests or p95
 * latency) in one sentence, and its likely cause when the runs show one — above all, how each run treated
 * a target while it was failing (requests sent to it in that window, from the per-second series).
 */
import type { Series, SimEvent, Snapshot, Topology } from '../engine/types.ts';
import { m } from '../i18n/paraglide/messages.js';
import { formatCount, formatMs, formatPercent, formatSeconds } from './number-format.ts';

export interface CompareRun {
  label: string;
  snapshot: Snapshot;
  series: Series | null;
  events: readonly SimEvent[];
}

const FAILING = new Set(['crash', 'hang', 'degrade']);
/** Algorithms that pick by how busy a target looks: a target failing at once looks free. */
const LOAD_AWARE = /least|ewma|response|two-choices|p2c/;

/** A target's failure windows, from the event log: [start, end] in ms (end: its recovery, or now). */
export function failureWindows(events: readonly SimEvent[], nowMs: number): { target: string; cause: string; fromMs: number; toMs: number }[] {
  const open = new Map<string, { cause: string; fromMs: number }>();
  const out: { target: string; cause: string; fromMs: number; toMs: number }[] = [];
  for (const e of events) {
    if (FAILING.has(e.kind) && !open.has(e.subject)) open.set(e.subject, { cause: e.kind === 'crash' ? m.compare_cause_crashed() : e.kind === 'hang' ? m.compare_cause_hung() : m.compare_cause_degraded(), fromMs: e.timeMs });
    else if (e.kind === 'recover' && open.has(e.subject)) {
      const w = open.get(e.subject)!;
      out.push({ target: e.subject, cause: w.cause, fromMs: w.fromMs, toMs: e.timeMs });
      open.delete(e.subject);
    }
  }
  for (const [target, w] of open) out.push({ target, cause: w.cause, fromMs: w.fromMs, toMs: nowMs });
  return out;
}

/** Share of all requests sent to targets between two seconds that went to target `index`. */
function shareIn(series: Series, index: number, fromSec: number, toSec: number): number {
  const { seconds, startSec, targetCount, targetRequests } = series;
  let mine = 0;
  let all = 0;
  for (let s = Math.max(0, Math.floor(fromSec - startSec)); s < Math.min(seconds, Math.ceil(toSec - startSec)); s++) {
    for (let t = 0; t < targetCount; t++) {
      const n = targetRequests[t * seconds + s];
      all += n;
      if (t === index) mine += n;
    }
  }
  return all > 0 ? mine / all : NaN;
}

/** One sentence on the largest difference and its cause, or null while the runs agree (or have too little to say). */
export function compareNote(a: CompareRun, b: CompareRun, topology: Topology): string | null {
  const fa = a.snapshot.totals.failed;
  const fb = b.snapshot.totals.failed;
  const failedGap = Math.abs(fa - fb) / Math.max(1, Math.min(fa, fb));
  const pa = a.snapshot.latencyMs.p95;
  const pb = b.snapshot.latencyMs.p95;
  const latencyGap = a.snapshot.totals.ok > 0 && b.snapshot.totals.ok > 0 ? Math.abs(pa - pb) / Math.max(1, Math.min(pa, pb)) : 0;
  if (Math.max(fa, fb) >= 10 && failedGap >= 0.2 && failedGap >= latencyGap) {
    const [worse, better] = fb > fa ? [b, a] : [a, b];
    const head = m.compare_note_failed({ worse: worse.label, gap: formatCount(Math.abs(fb - fa)), better: better.label, worseCount: formatCount(worse.snapshot.totals.failed), betterCount: formatCount(better.snapshot.totals.failed) });
    return head + failureCause(worse, better, topology);
  }
  if (latencyGap >= 0.2) {
    const [slower, faster] = pb > pa ? [b, a] : [a, b];
    return m.compare_note_latency({ slower: slower.label, slowMs: formatMs(Math.max(pa, pb)), fastMs: formatMs(Math.min(pa, pb)), faster: faster.label });
  }
  return null;
}

function failureCause(worse: CompareRun, better: CompareRun, topology: Topology): string {
  if (worse.series === null || better.series === null) return '';
  for (const w of failureWindows(worse.events, worse.snapshot.timeMs)) {
    const index = topology.targets.findIndex((t) => t.id === w.target);
    if (index < 0) continue;
    const sw = shareIn(worse.series, index, w.fromMs / 1000, w.toMs / 1000);
    const sb = shareIn(better.series, index, w.fromMs / 1000, w.toMs / 1000);
    if (!(sw > sb * 1.2)) continue;
    const why = LOAD_AWARE.test(worse.label) ? m.compare_note_looks_free() : m.compare_note_nothing_told();
    return m.compare_note_cause({ target: w.target, cause: w.cause, from: formatSeconds(w.fromMs), to: formatSeconds(w.toMs), worse: worse.label, worseShare: formatPercent(sw), better: better.label, betterShare: formatPercent(sb), why });
  }
  return '';
}

/** A failure or recovery marker's words: `web-1 crash`. */
function markerWords(kind: string, id: string): string {
  if (kind === 'crash') return m.compare_marker_crash({ id });
  if (kind === 'hang') return m.compare_marker_hang({ id });
  if (kind === 'degrade') return m.compare_marker_degrade({ id });
  return m.compare_marker_recover({ id });
}

/** Markers for the compare charts: failures and recoveries (both runs share them), and each run's detections. */
export function chartMarkers(a: readonly SimEvent[], b: readonly SimEvent[]): { sec: number; label: string; run: 'both' | 'a' | 'b' }[] {
  const shared = a.filter((e) => FAILING.has(e.kind) || e.kind === 'recover').map((e) => ({ sec: e.timeMs / 1000, label: markerWords(e.kind, e.subject), run: 'both' as const }));
  const detected = (events: readonly SimEvent[], run: 'a' | 'b') => events.filter((e) => e.kind === 'detected').map((e) => ({ sec: e.timeMs / 1000, label: m.compare_marker_out({ run: run.toUpperCase(), id: e.subject }), run }));
  return [...shared, ...detected(a, 'a'), ...detected(b, 'b')].slice(0, 24);
}

/**
 * Compare mode explains itself: the largest difference between runs A and B (failed requests or p95
 * latency) in one sentence, and its likely cause when the runs show one — above all, how each run treated
 * a target while it was failing (requests sent to it in that window, from the per-second series).
 */
import type { Series, SimEvent, Snapshot, Topology } from '../engine/types.ts';
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
    if (FAILING.has(e.kind) && !open.has(e.subject)) open.set(e.subject, { cause: e.kind === 'crash' ? 'crashed' : e.kind === 'hang' ? 'hung' : 'degraded', fromMs: e.timeMs });
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
    const head = `${worse.label} failed ${formatCount(Math.abs(fb - fa))} more requests than ${better.label} (${formatCount(worse.snapshot.totals.failed)} against ${formatCount(better.snapshot.totals.failed)}).`;
    return head + failureCause(worse, better, topology);
  }
  if (latencyGap >= 0.2) {
    const [slower, faster] = pb > pa ? [b, a] : [a, b];
    return `${slower.label}'s p95 latency is ${formatMs(Math.max(pa, pb))} against ${formatMs(Math.min(pa, pb))} for ${faster.label}: its requests waited longer in target queues.`;
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
    const why = LOAD_AWARE.test(worse.label) ? ' (it answers at once, so it looks the least busy)' : ' (nothing told the balancer it had failed)';
    return ` While ${w.target} was ${w.cause} (${formatSeconds(w.fromMs)} to ${formatSeconds(w.toMs)}), ${worse.label} sent it ${formatPercent(sw)} of requests, ${better.label} ${formatPercent(sb)}: ${worse.label} favoured a target that fails instantly${why}.`;
  }
  return '';
}

/** Markers for the compare charts: failures and recoveries (both runs share them), and each run's detections. */
export function chartMarkers(a: readonly SimEvent[], b: readonly SimEvent[]): { sec: number; label: string; run: 'both' | 'a' | 'b' }[] {
  const shared = a.filter((e) => FAILING.has(e.kind) || e.kind === 'recover').map((e) => ({ sec: e.timeMs / 1000, label: `${e.subject} ${e.kind}`, run: 'both' as const }));
  const detected = (events: readonly SimEvent[], run: 'a' | 'b') => events.filter((e) => e.kind === 'detected').map((e) => ({ sec: e.timeMs / 1000, label: `${run.toUpperCase()}: ${e.subject} out`, run }));
  return [...shared, ...detected(a, 'a'), ...detected(b, 'b')].slice(0, 24);
}

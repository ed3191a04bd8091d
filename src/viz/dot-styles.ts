/**
 * How a request's dot looks, by what became of it — colour and shape, so either alone tells them apart.
 * 'slow' is an ok request whose latency is above the run's p95 so far (the engine's whole-run latency
 * summary): "slower than 95 % of what this run has answered". Nothing is slow before MIN_FOR_SLOW
 * requests have finished, so the first few answers of a run are not judged.
 */
import { m } from '../i18n/paraglide/messages.js';
import type { Snapshot } from '../engine/types.ts';
import type { DotKind } from './flow-tracker.ts';
import type { GlyphShape } from './glyphs.ts';
import { OKABE_ITO } from './palette.ts';

export interface DotStyle {
  label: string;
  fill: string;
  glyph: GlyphShape;
}

export const DOT_STYLES: Record<DotKind, DotStyle> = {
  pending: { get label() { return m.dot_in_flight(); }, fill: OKABE_ITO.blue, glyph: 'ring' },
  ok: { get label() { return m.dot_ok(); }, fill: OKABE_ITO.bluishGreen, glyph: 'circle' },
  slow: { get label() { return m.dot_slow_above_p95(); }, fill: OKABE_ITO.orange, glyph: 'diamond' },
  failed: { get label() { return m.dot_failed(); }, fill: OKABE_ITO.vermillion, glyph: 'cross' },
  rejected: { get label() { return m.dot_rejected(); }, fill: OKABE_ITO.reddishPurple, glyph: 'square' },
};

export const MIN_FOR_SLOW = 20;

/** Latency above which an ok request is drawn as slow. */
export function slowThresholdMs(snapshot: Pick<Snapshot, 'totals' | 'latencyMs'>): number {
  const finished = snapshot.totals.ok + snapshot.totals.failed;
  const p95 = snapshot.latencyMs.p95;
  return finished >= MIN_FOR_SLOW && Number.isFinite(p95) && p95 > 0 ? p95 : Infinity;
}

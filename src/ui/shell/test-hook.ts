/**
 * A test-only handle on the lab, installed as `window.__lab` only when the page's address has `?test`:
 * end-to-end specs jump simulated time with it instead of sleeping, and read the numbers behind the view.
 */
import { decodeTargets, targetCount, type TargetView } from '../../sim/snapshot-decoder.ts';
import type { Change } from '../../scenario/schema.ts';
import type { MetricsReport } from '../../engine/types.ts';
import type { Lab } from './lab.svelte.ts';

export interface LabTestHook {
  status(): string;
  play(): void;
  pause(): void;
  setSpeed(speed: number | 'max'): void;
  /** The simulated time on screen. */
  timeMs(): number;
  /** The simulated time of the newest answer (the screen shows it within a fifth of a second while playing). */
  reachedMs(): number;
  /** Pauses, then runs on by `ms` of simulated time (across a lesson step's stop). */
  advance(ms: number): Promise<number>;
  /** Seeks through the playback machine, like the scrubber. */
  seek(timeMs: number): void;
  targets(): TargetView[];
  changes(): { atMs: number; change: Change }[];
  apply(change: Change): Promise<boolean>;
  /** Counters of the snapshot on screen. */
  totals(): { arrived: number; ok: number; failed: number };
  /** The metrics report on screen (null before the first one). */
  metrics(): MetricsReport | null;
}

export function installTestHook(lab: Lab): void {
  if (!new URLSearchParams(location.search).has('test')) return;
  const session = lab.session;
  const hook: LabTestHook = {
    status: () => lab.playback.status,
    play: () => lab.playback.send({ type: 'playback.play' }),
    pause: () => lab.playback.send({ type: 'playback.pause' }),
    setSpeed: (speed) => lab.playback.send({ type: 'playback.speed', speed }),
    timeMs: () => session.timeMs,
    reachedMs: () => session.reachedMs,
    async advance(ms) {
      lab.playback.send({ type: 'playback.pause' });
      const to = Math.min(session.reachedMs + ms, session.durationMs);
      // a lesson step's stop ends a jump at its moment (sim-session.svelte.ts): the hook runs on across it
      for (let from = -1; session.reachedMs < to && session.reachedMs > from; ) {
        from = session.reachedMs;
        await session.forward(to - from);
      }
      return session.timeMs;
    },
    seek: (timeMs) => lab.playback.send({ type: 'playback.seek', timeMs }),
    targets: () => (session.snapshot && session.topology ? decodeTargets(session.snapshot, session.topology).slice(0, targetCount(session.snapshot)) : []),
    changes: () => session.changes.map((c) => ({ atMs: c.atMs, change: c.change })),
    apply: (change) => lab.apply(change),
    totals: () => {
      const t = session.snapshot?.totals;
      return { arrived: t?.arrived ?? 0, ok: t?.ok ?? 0, failed: t?.failed ?? 0 };
    },
    metrics: () => session.metrics,
  };
  (window as unknown as { __lab: LabTestHook }).__lab = hook;
}

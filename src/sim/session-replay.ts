/**
 * A long restore (a share link's moment) replayed a bit at a time in the worker, so that progress shows and
 * Cancel answers at once: each question replays at most REPLAY_BIT_MS of wall time of the deferred change log
 * (sim-session.svelte.ts opens with `deferReplay` and then calls this).
 */
import type { ValidationError } from '../scenario/validate.ts';
import type { SessionId } from '../../workers/sim-api.ts';
import type { SimWorker } from './sim-worker.ts';

/** A long restore replayed a bit at a time: its progress, and a way to stop it. */
export interface ReplayControl {
  onProgress: (doneMs: number, totalMs: number) => void;
  /** Asked between bits: true stops the replay where it got to. */
  cancelled: () => boolean;
}

/** Wall ms of replay per question to the worker: short enough for progress and Cancel to feel immediate. */
const REPLAY_BIT_MS = 100;

/** Replays session `id`'s deferred change log to `totalMs`, a bit at a time; the first refused change (the session is then closed), or null. */
export async function replayInBits(worker: SimWorker, id: SessionId, totalMs: number, control: ReplayControl): Promise<ValidationError | null> {
  for (;;) {
    const bit = await worker.ask((api) => api.replay(id, totalMs, REPLAY_BIT_MS));
    if (bit.error !== null) {
      void worker.ask((api) => api.close(id)).catch(() => {});
      return bit.error;
    }
    control.onProgress(bit.timeMs, totalMs);
    if (bit.timeMs >= totalMs || control.cancelled()) return null;
  }
}

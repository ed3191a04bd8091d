/**
 * Where the playback machine meets the simulation: its placeholders are supplied here with `.provide()` —
 * the frame loop, the per-frame pull, and the session calls of a PlaybackTarget (one run, or a compare
 * pair). The machine's snapshot is mirrored in `$state.raw`, updated only when its state or context
 * changes (not on every frame event).
 */
import { createActor, fromCallback, fromPromise, type Actor, type SnapshotFrom } from 'xstate';
import { playbackMachine, type Loaded, type PlaybackEvent, type Progress, type Speed } from '../../machines/playback.machine.ts';
import { startFrameLoop } from '../../sim/frame-loop.ts';
import type { PlaybackTarget } from '../../sim/playback-target.ts';
import type { SimWorker } from '../../sim/sim-worker.ts';

export type PlaybackStatus = 'empty' | 'loading' | 'paused' | 'playing' | 'stepping' | 'rewinding' | 'resetting' | 'ended' | 'crashed' | 'restarting';
type PlaybackSnapshot = SnapshotFrom<typeof playbackMachine>;

export interface PlaybackOptions {
  /** Opens a document; errors are the caller's to show. Without it, loading is not offered. */
  load?: (request: unknown) => Promise<Loaded>;
  /** After a crash, once the worker is fresh: opens the scenario again (default: the target's reopen). */
  reopen?: () => Promise<unknown>;
  speed?: Speed;
}

export class Playback {
  state: PlaybackSnapshot;
  readonly #actor: Actor<typeof playbackMachine>;
  readonly #stopCrashWatch: () => void;
  readonly #target: PlaybackTarget;

  constructor(target: PlaybackTarget, worker: SimWorker, options: PlaybackOptions = {}) {
    this.#target = target;
    const progress = (): Progress => ({ ended: target.ended, stopped: target.stopped });
    const machine = playbackMachine.provide({
      actions: {
        settle: () => void target.settle().catch(() => {}),
        pull: (_, { wallMs, speed }) => {
          target.tick(wallMs, speed).then(
            (behind) => {
              if (target.ended) this.send({ type: 'playback.ended' });
              // the run's stop (a lesson step's moment): it pauses exactly there, at any speed
              else if (target.stopped) this.send({ type: 'playback.pause' });
              // the worker fell behind: it works on at once, while the page draws (ignored once paused)
              else if (behind) this.send({ type: 'playback.frame', wallMs: 0 });
            },
            () => {}, // a crash is reported by the worker's listener
          );
        },
      },
      actors: {
        frames: fromCallback<PlaybackEvent>(({ sendBack }) => startFrameLoop((wallMs) => sendBack({ type: 'playback.frame', wallMs }))),
        load: fromPromise<Loaded, { request: unknown }>(async ({ input }) => {
          if (worker.crashed) worker.restart();
          return options.load ? options.load(input.request) : { ok: false, ended: false };
        }),
        step: fromPromise<Progress, { byMs: number | null }>(async ({ input }) => {
          await (input.byMs === null ? target.step() : target.forward(input.byMs));
          return progress();
        }),
        seek: fromPromise<Progress, { timeMs: number }>(async ({ input }) => {
          await target.seek(input.timeMs);
          return progress();
        }),
        reset: fromPromise<Progress, { seed: number | undefined; keep: boolean }>(async ({ input }) => {
          await target.reset(input.seed, input.keep);
          return progress();
        }),
        restart: fromPromise<Progress, void>(async () => {
          worker.restart();
          await (options.reopen ? options.reopen() : target.reopen());
          return progress();
        }),
      },
    });
    this.#actor = createActor(machine, { input: { speed: options.speed } });
    this.state = $state.raw(this.#actor.getSnapshot());
    this.#actor.subscribe((next) => {
      if (next.value !== this.state.value || next.context !== this.state.context) this.state = next;
    });
    this.#stopCrashWatch = worker.onCrash((reason) => this.send({ type: 'playback.crashed', reason }));
    this.#actor.start();
  }

  get status(): PlaybackStatus {
    return this.state.value as PlaybackStatus;
  }

  /** Simulated time of the run it drives. */
  get timeMs(): number {
    return this.#target.timeMs;
  }

  /** Simulated time of the newest answer from the worker (ahead of `timeMs` by less than a fifth of a second while playing). */
  get reachedMs(): number {
    return this.#target.reachedMs;
  }

  get speed(): Speed {
    return this.state.context.speed;
  }

  /**
   * Whether there is a run to control (not before the first load, not while crashed). Controls are disabled only
   * when they cannot work, never just while the worker is busy: a disabled button would drop the keyboard focus.
   */
  get live(): boolean {
    return !['empty', 'loading', 'crashed', 'restarting'].includes(this.status) || (this.status === 'loading' && this.state.context.hasRun);
  }

  /** Whether the run is busy with a time jump or a load (time controls wait). */
  get busy(): boolean {
    return ['loading', 'stepping', 'rewinding', 'resetting', 'restarting'].includes(this.status);
  }

  send(event: PlaybackEvent): void {
    this.#actor.send(event);
  }

  dispose(): void {
    this.#stopCrashWatch();
    this.#actor.stop();
  }
}

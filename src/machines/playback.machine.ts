/**
 * Playback: what happens next when the learner plays, pauses, steps, scrubs, resets, or when the run
 * ends or the worker dies. UI-free: the frame loop, the session calls and the per-frame pull are
 * placeholders here, supplied with `.provide()` where the app is assembled (tests supply fakes).
 * While the worker is busy (stepping, rewinding, resetting, loading) other time controls wait; a scrub
 * that arrives during a rewind is kept and done next, so dragging the scrubber never queues up replays.
 */
import { assign, fromCallback, fromPromise, setup } from 'xstate';
import type { Speed } from '../sim/speed.ts';

export type { Speed };

/** Where a session call left the run. */
export interface Progress {
  ended: boolean;
  /** It arrived at the run's stop (a lesson step's moment) from short of it: playing pauses there. */
  stopped?: boolean;
}

/** The outcome of loading a document: refused documents leave the previous run as it was. */
export interface Loaded extends Progress {
  ok: boolean;
}

export type PlaybackEvent =
  | { type: 'playback.load'; request: unknown }
  | { type: 'playback.play' }
  | { type: 'playback.pause' }
  | { type: 'playback.toggle' }
  | { type: 'playback.step' }
  | { type: 'playback.forward'; ms: number }
  | { type: 'playback.seek'; timeMs: number }
  | { type: 'playback.speed'; speed: Speed }
  /** Back to time 0: `keep` (the default) replays the live changes from the start ("Restart run"); false drops them. */
  | { type: 'playback.reset'; keep?: boolean }
  | { type: 'playback.reseed'; seed: number }
  | { type: 'playback.frame'; wallMs: number }
  | { type: 'playback.ended' }
  | { type: 'playback.crashed'; reason: string }
  | { type: 'playback.restart' };

export interface PlaybackContext {
  speed: Speed;
  /** Play on after the current operation (a scrub while playing, a restart after a crash while playing). */
  resume: boolean;
  /** Whether a run has ever loaded (a refused first document leaves nothing to go back to). */
  hasRun: boolean;
  loadRequest: unknown;
  stepByMs: number | null;
  seekToMs: number;
  /** A scrub that arrived while rewinding. */
  pendingSeekMs: number | null;
  seed: number | undefined;
  /** The reset under way keeps the live changes (applied from time 0). */
  keepChanges: boolean;
  crashReason: string | null;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const playbackMachine = setup({
  types: {
    context: {} as PlaybackContext,
    events: {} as PlaybackEvent,
    input: {} as { speed?: Speed } | undefined,
  },
  actions: {
    clearCrash: assign({ crashReason: null }),
    /** After the operation, play on (it began while playing) or stay paused. */
    playOn: assign({ resume: true }),
    stayPaused: assign({ resume: false }),
    noteError: assign({ crashReason: ({ context, event }) => context.crashReason ?? errorText((event as { error?: unknown }).error) }),
    noteStep: assign({ stepByMs: ({ event }) => (event.type === 'playback.forward' ? event.ms : null) }),
    noteSeek: assign({ seekToMs: ({ context, event }) => (event.type === 'playback.seek' ? event.timeMs : context.seekToMs) }),
    noteSeed: assign({
      seed: ({ event }) => (event.type === 'playback.reseed' ? event.seed : undefined),
      keepChanges: ({ event }) => !(event.type === 'playback.reset' && event.keep === false),
    }),
    /** Bring everything on screen up to the moment (the charts lag a little while playing); supplied by the app. */
    settle: () => {},
    /** Pull one frame of simulated time; supplied by the app. */
    pull: (_, _params: { wallMs: number; speed: Speed }) => {},
  },
  actors: {
    /** Sends 'playback.frame' with the wall time since the previous frame, once per animation frame. */
    frames: fromCallback<PlaybackEvent>(() => () => {}),
    load: fromPromise<Loaded, { request: unknown }>(async () => ({ ok: true, ended: false })),
    /** To the next event (byMs null) or by that much simulated time. */
    step: fromPromise<Progress, { byMs: number | null }>(async () => ({ ended: false })),
    seek: fromPromise<Progress, { timeMs: number }>(async () => ({ ended: false })),
    /** From time 0 (with another seed if given), keeping the live changes (moved to time 0) or not. */
    reset: fromPromise<Progress, { seed: number | undefined; keep: boolean }>(async () => ({ ended: false })),
    /** After a crash: a fresh worker, the scenario again from time 0. */
    restart: fromPromise<Progress, void>(async () => ({ ended: false })),
  },
  guards: {
    resume: ({ context }) => context.resume,
    pendingSeek: ({ context }) => context.pendingSeekMs !== null,
    ended: (_, output: Progress) => output.ended,
    stopped: (_, output: Progress) => output.stopped === true,
  },
}).createMachine({
  id: 'playback',
  context: ({ input }) => ({
    speed: input?.speed ?? 1,
    resume: false,
    hasRun: false,
    loadRequest: null,
    stepByMs: null,
    seekToMs: 0,
    pendingSeekMs: null,
    seed: undefined,
    keepChanges: true,
    crashReason: null,
  }),
  initial: 'empty',
  on: {
    'playback.speed': { actions: assign({ speed: ({ event }) => event.speed }) },
    'playback.load': { target: '.loading', actions: assign({ loadRequest: ({ event }) => event.request, resume: false }) },
    'playback.crashed': { target: '.crashed', actions: assign({ crashReason: ({ event }) => event.reason, resume: false }) },
  },
  states: {
    empty: {},
    loading: {
      invoke: {
        src: 'load',
        input: ({ context }) => ({ request: context.loadRequest }),
        onDone: [
          { guard: ({ context, event }) => !event.output.ok && !context.hasRun, target: 'empty' },
          { guard: ({ event }) => !event.output.ok, target: 'paused' },
          { guard: ({ event }) => event.output.ended, target: 'ended', actions: assign({ hasRun: true }) },
          { target: 'paused', actions: assign({ hasRun: true }) },
        ],
        onError: { target: 'crashed', actions: 'noteError' },
      },
    },
    paused: {
      entry: 'clearCrash',
      on: {
        // a jump made outside the machine (a lesson's "run to the moment") reached the end
        'playback.ended': 'ended',
        'playback.play': 'playing',
        'playback.toggle': 'playing',
        'playback.step': { target: 'stepping', actions: 'noteStep' },
        'playback.forward': { target: 'stepping', actions: 'noteStep' },
        'playback.seek': { target: 'rewinding', actions: ['noteSeek', 'stayPaused'] },
        'playback.reset': { target: 'resetting', actions: ['noteSeed', 'stayPaused'] },
        'playback.reseed': { target: 'resetting', actions: ['noteSeed', 'stayPaused'] },
      },
    },
    playing: {
      entry: 'clearCrash',
      exit: 'settle',
      invoke: { src: 'frames' },
      on: {
        'playback.pause': 'paused',
        'playback.toggle': 'paused',
        'playback.frame': { actions: { type: 'pull', params: ({ context, event }) => ({ wallMs: event.wallMs, speed: context.speed }) } },
        'playback.ended': 'ended',
        'playback.step': { target: 'stepping', actions: 'noteStep' },
        'playback.forward': { target: 'stepping', actions: 'noteStep' },
        'playback.seek': { target: 'rewinding', actions: ['noteSeek', 'playOn'] },
        'playback.reset': { target: 'resetting', actions: ['noteSeed', 'playOn'] },
        'playback.reseed': { target: 'resetting', actions: ['noteSeed', 'playOn'] },
        'playback.crashed': { target: 'crashed', actions: [assign({ crashReason: ({ event }) => event.reason }), 'playOn'] },
      },
    },
    stepping: {
      invoke: {
        src: 'step',
        input: ({ context }) => ({ byMs: context.stepByMs }),
        onDone: [{ guard: { type: 'ended', params: ({ event }) => event.output }, target: 'ended' }, { target: 'paused' }],
        onError: { target: 'crashed', actions: 'noteError' },
      },
    },
    rewinding: {
      on: { 'playback.seek': { actions: assign({ pendingSeekMs: ({ event }) => event.timeMs }) } },
      invoke: {
        src: 'seek',
        input: ({ context }) => ({ timeMs: context.seekToMs }),
        onDone: [
          {
            guard: 'pendingSeek',
            target: 'rewinding',
            reenter: true,
            actions: assign({ seekToMs: ({ context }) => context.pendingSeekMs ?? context.seekToMs, pendingSeekMs: null }),
          },
          { guard: { type: 'ended', params: ({ event }) => event.output }, target: 'ended' },
          // a scrub forward while playing that the stop cut short pauses there, as playing into it does
          { guard: { type: 'stopped', params: ({ event }) => event.output }, target: 'paused' },
          { guard: 'resume', target: 'playing' },
          { target: 'paused' },
        ],
        onError: { target: 'crashed', actions: 'noteError' },
      },
    },
    resetting: {
      invoke: {
        src: 'reset',
        input: ({ context }) => ({ seed: context.seed, keep: context.keepChanges }),
        onDone: [{ guard: 'resume', target: 'playing' }, { target: 'paused' }],
        onError: { target: 'crashed', actions: 'noteError' },
      },
    },
    ended: {
      entry: 'clearCrash',
      on: {
        // "Play again": from the start with the learner's changes, playing (Restart run, below, waits paused).
        'playback.play': { target: 'resetting', actions: ['noteSeed', 'playOn'] },
        'playback.toggle': { target: 'resetting', actions: ['noteSeed', 'playOn'] },
        'playback.seek': { target: 'rewinding', actions: ['noteSeek', 'stayPaused'] },
        'playback.reset': { target: 'resetting', actions: ['noteSeed', 'stayPaused'] },
        'playback.reseed': { target: 'resetting', actions: ['noteSeed', 'stayPaused'] },
      },
    },
    crashed: {
      on: {
        'playback.restart': 'restarting',
        // A crash while crashed (a late report) changes nothing.
        'playback.crashed': {},
      },
    },
    restarting: {
      invoke: {
        src: 'restart',
        onDone: [{ guard: 'resume', target: 'playing' }, { target: 'paused' }],
        onError: { target: 'crashed', actions: 'noteError' },
      },
    },
  },
});

import { describe, expect, it } from 'vitest';
import { createActor, fromCallback, fromPromise, waitFor } from 'xstate';
import { playbackMachine, type Loaded, type PlaybackEvent, type Progress, type Speed } from '../../../src/machines/playback.machine.ts';

/**
 * A fake run: records what the machine asked for; `endAtMs` decides when the run is over. With `stopAtMs` (a lesson
 * step's moment), a seek forward from short of it ends there and says so, as SimSession's does.
 */
function fakeRun(endAtMs = 60_000, stopAtMs: number | null = null) {
  const calls: string[] = [];
  const pulls: { wallMs: number; speed: Speed }[] = [];
  let timeMs = 0;
  let stopped = false;
  let frameSender: ((e: PlaybackEvent) => void) | null = null;
  const progress = (): Progress => ({ ended: timeMs >= endAtMs, stopped });
  const machine = playbackMachine.provide({
    actions: { pull: (_, params) => void pulls.push(params) },
    actors: {
      frames: fromCallback<PlaybackEvent>(({ sendBack }) => {
        calls.push('frames:start');
        frameSender = sendBack;
        return () => {
          calls.push('frames:stop');
          frameSender = null;
        };
      }),
      load: fromPromise<Loaded, { request: unknown }>(async ({ input }) => {
        calls.push(`load:${String(input.request)}`);
        if (input.request === 'bad') return { ok: false, ended: false };
        timeMs = 0;
        return { ok: true, ended: false };
      }),
      step: fromPromise<Progress, { byMs: number | null }>(async ({ input }) => {
        calls.push(`step:${input.byMs ?? 'event'}`);
        timeMs = Math.min(endAtMs, timeMs + (input.byMs ?? 7));
        return progress();
      }),
      seek: fromPromise<Progress, { timeMs: number }>(async ({ input }) => {
        calls.push(`seek:${input.timeMs}`);
        const cut = stopAtMs !== null && timeMs < stopAtMs && input.timeMs >= stopAtMs;
        timeMs = cut ? (stopAtMs as number) : input.timeMs;
        stopped = cut;
        return progress();
      }),
      reset: fromPromise<Progress, { seed: number | undefined; keep: boolean }>(async ({ input }) => {
        calls.push(`reset:${input.seed ?? 'same'}${input.keep ? '' : ':drop'}`);
        timeMs = 0;
        return progress();
      }),
      restart: fromPromise<Progress, void>(async () => {
        calls.push('restart');
        timeMs = 0;
        return progress();
      }),
    },
  });
  const actor = createActor(machine, { input: {} }).start();
  return { actor, calls, pulls, frame: (wallMs: number) => frameSender?.({ type: 'playback.frame', wallMs }) };
}

async function loaded(stopAtMs: number | null = null) {
  const run = fakeRun(60_000, stopAtMs);
  run.actor.send({ type: 'playback.load', request: 'three-servers' });
  await waitFor(run.actor, (s) => s.matches('paused'));
  return run;
}

describe('playback machine', () => {
  it('starts empty, loads a run, and waits paused', async () => {
    const run = fakeRun();
    expect(run.actor.getSnapshot().value).toBe('empty');
    run.actor.send({ type: 'playback.play' });
    expect(run.actor.getSnapshot().value).toBe('empty');
    await loaded();
  });

  it('pulls one frame at the current speed per animation frame, only while playing', async () => {
    const { actor, pulls, frame, calls } = await loaded();
    actor.send({ type: 'playback.play' });
    expect(actor.getSnapshot().value).toBe('playing');
    frame(16);
    actor.send({ type: 'playback.speed', speed: 10 });
    frame(17);
    actor.send({ type: 'playback.speed', speed: 'max' });
    frame(15);
    expect(pulls).toEqual([
      { wallMs: 16, speed: 1 },
      { wallMs: 17, speed: 10 },
      { wallMs: 15, speed: 'max' },
    ]);
    actor.send({ type: 'playback.toggle' });
    expect(actor.getSnapshot().value).toBe('paused');
    frame(16);
    expect(pulls).toHaveLength(3);
    expect(calls.filter((c) => c.startsWith('frames'))).toEqual(['frames:start', 'frames:stop']);
  });

  it('steps to the next event or by a second, and pauses after', async () => {
    const { actor, calls } = await loaded();
    actor.send({ type: 'playback.play' });
    actor.send({ type: 'playback.step' });
    await waitFor(actor, (s) => s.matches('paused'));
    actor.send({ type: 'playback.forward', ms: 1000 });
    expect(actor.getSnapshot().value).toBe('stepping');
    actor.send({ type: 'playback.play' }); // ignored while the worker is busy
    await waitFor(actor, (s) => s.matches('paused'));
    expect(calls.filter((c) => c.startsWith('step'))).toEqual(['step:event', 'step:1000']);
  });

  it('rewinds and plays on if it was playing; a scrub during a rewind is done next, only the latest', async () => {
    const { actor, calls } = await loaded();
    actor.send({ type: 'playback.play' });
    actor.send({ type: 'playback.seek', timeMs: 5000 });
    expect(actor.getSnapshot().value).toBe('rewinding');
    actor.send({ type: 'playback.seek', timeMs: 4000 });
    actor.send({ type: 'playback.seek', timeMs: 3000 });
    await waitFor(actor, (s) => s.matches('playing'));
    expect(calls.filter((c) => c.startsWith('seek'))).toEqual(['seek:5000', 'seek:3000']);

    actor.send({ type: 'playback.pause' });
    actor.send({ type: 'playback.seek', timeMs: 1000 });
    await waitFor(actor, (s) => s.matches('paused'));
  });

  it('ends at the end of the run; play then runs it again from the start', async () => {
    const { actor, calls } = await loaded();
    actor.send({ type: 'playback.play' });
    actor.send({ type: 'playback.ended' });
    expect(actor.getSnapshot().value).toBe('ended');
    actor.send({ type: 'playback.play' });
    await waitFor(actor, (s) => s.matches('playing'));
    expect(calls).toContain('reset:same');
  });

  it('a scrub forward while playing that the stop cuts short pauses at the stop; one short of it plays on', async () => {
    const { actor, calls } = await loaded(20_000);
    actor.send({ type: 'playback.play' });
    actor.send({ type: 'playback.seek', timeMs: 10_000 });
    await waitFor(actor, (s) => s.matches('playing'));
    actor.send({ type: 'playback.seek', timeMs: 45_000 });
    await waitFor(actor, (s) => s.matches('paused'));
    expect(calls.filter((c) => c.startsWith('seek'))).toEqual(['seek:10000', 'seek:45000']);
    // past the stop, a scrub while playing plays on again
    actor.send({ type: 'playback.play' });
    actor.send({ type: 'playback.seek', timeMs: 30_000 });
    await waitFor(actor, (s) => s.matches('playing'));
  });

  it('a seek to the end leaves the run ended; a seek back from the end pauses', async () => {
    const { actor } = await loaded();
    actor.send({ type: 'playback.seek', timeMs: 60_000 });
    await waitFor(actor, (s) => s.matches('ended'));
    actor.send({ type: 'playback.seek', timeMs: 10_000 });
    await waitFor(actor, (s) => s.matches('paused'));
  });

  it('reset and reseed start again, keeping play or pause as it was', async () => {
    const { actor, calls } = await loaded();
    actor.send({ type: 'playback.reseed', seed: 42 });
    await waitFor(actor, (s) => s.matches('paused'));
    actor.send({ type: 'playback.play' });
    actor.send({ type: 'playback.reset' });
    await waitFor(actor, (s) => s.matches('playing'));
    expect(calls.filter((c) => c.startsWith('reset'))).toEqual(['reset:42', 'reset:same']);
  });

  it('a crash while playing is reported with its reason; restarting plays on', async () => {
    const { actor } = await loaded();
    actor.send({ type: 'playback.play' });
    actor.send({ type: 'playback.crashed', reason: 'the simulation did not answer within 5 s' });
    expect(actor.getSnapshot().value).toBe('crashed');
    expect(actor.getSnapshot().context.crashReason).toBe('the simulation did not answer within 5 s');
    actor.send({ type: 'playback.crashed', reason: 'a late second report' });
    expect(actor.getSnapshot().context.crashReason).toBe('the simulation did not answer within 5 s');
    actor.send({ type: 'playback.play' });
    expect(actor.getSnapshot().value).toBe('crashed');
    actor.send({ type: 'playback.restart' });
    await waitFor(actor, (s) => s.matches('playing'));
    expect(actor.getSnapshot().context.crashReason).toBeNull();
  });

  it('a crash while paused restarts paused', async () => {
    const { actor } = await loaded();
    actor.send({ type: 'playback.crashed', reason: 'boom' });
    actor.send({ type: 'playback.restart' });
    await waitFor(actor, (s) => s.matches('paused'));
  });

  it('a refused document keeps the previous run; a refused first document leaves it empty', async () => {
    const first = fakeRun();
    first.actor.send({ type: 'playback.load', request: 'bad' });
    await waitFor(first.actor, (s) => s.matches('empty'));

    const { actor, calls } = await loaded();
    actor.send({ type: 'playback.play' });
    actor.send({ type: 'playback.load', request: 'bad' });
    await waitFor(actor, (s) => s.matches('paused'));
    expect(calls.filter((c) => c.startsWith('load'))).toEqual(['load:three-servers', 'load:bad']);
  });

  it('a session call that fails puts the machine in crashed with the error', async () => {
    const machine = playbackMachine.provide({
      actors: {
        load: fromPromise<Loaded, { request: unknown }>(async () => ({ ok: true, ended: false })),
        step: fromPromise<Progress, { byMs: number | null }>(async () => {
          throw new Error('no simulation session 3');
        }),
      },
    });
    const actor = createActor(machine, { input: {} }).start();
    actor.send({ type: 'playback.load', request: 'x' });
    await waitFor(actor, (s) => s.matches('paused'));
    actor.send({ type: 'playback.step' });
    await waitFor(actor, (s) => s.matches('crashed'));
    expect(actor.getSnapshot().context.crashReason).toBe('no simulation session 3');
  });
});

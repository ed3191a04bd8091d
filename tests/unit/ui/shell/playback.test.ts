import { afterEach, describe, expect, it, vi } from 'vitest';
import { Playback } from '../../../../src/ui/shell/playback.svelte.ts';
import { SimWorker } from '../../../../src/sim/sim-worker.ts';
import type { PlaybackTarget } from '../../../../src/sim/playback-target.ts';
import type { Speed } from '../../../../src/sim/speed.ts';

/** A run whose worker falls behind on the first `behindTimes` questions (and arrives at its stop on question `stopAt`, 1-based). */
function fakeTarget(behindTimes: number, stopAt = 0): PlaybackTarget & { asked: number[]; stopped: boolean } {
  let behind = behindTimes;
  const asked: number[] = [];
  return {
    asked,
    timeMs: 0,
    reachedMs: 0,
    ended: false,
    stopped: false,
    async tick(wallMs: number, _speed: Speed) {
      asked.push(wallMs);
      this.stopped = asked.length === stopAt;
      return behind-- > 0;
    },
    settle: async () => {},
    step: async () => {},
    forward: async () => {},
    seek: async () => {},
    reset: async () => {},
    reopen: async () => {},
  };
}

/** Animation frames run by hand. */
function manualFrames(): () => void {
  let queued: FrameRequestCallback[] = [];
  vi.spyOn(performance, 'now').mockReturnValue(1_000);
  let now = 1_000;
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => queued.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => (queued = []));
  return () => {
    const due = queued;
    queued = [];
    now += 16;
    due.forEach((cb) => cb(now));
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

/** A playback of `target`, loaded and just told to play. */
async function playing(target: PlaybackTarget): Promise<Playback> {
  const playback = new Playback(target, new SimWorker({ createWorker: () => ({}) as Worker }), { load: async () => ({ ok: true, ended: false }) });
  playback.send({ type: 'playback.load', request: null });
  await settle();
  playback.send({ type: 'playback.play' });
  return playback;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('Playback', () => {
  it('asks again at once while the worker is behind, so that it keeps working while the page draws', async () => {
    const frame = manualFrames();
    const target = fakeTarget(3);
    const playback = await playing(target);
    frame();
    await settle();
    // one animation frame, then three questions asked on the answers alone
    expect(target.asked).toEqual([16, 0, 0, 0]);
    frame();
    await settle();
    expect(target.asked).toEqual([16, 0, 0, 0, 16]);
    playback.dispose();
  });

  it('stops asking once paused, even when the last answer came back behind', async () => {
    const frame = manualFrames();
    const target = fakeTarget(100);
    const playback = await playing(target);
    frame();
    playback.send({ type: 'playback.pause' });
    await settle();
    expect(target.asked).toEqual([16]);
    playback.dispose();
  });

  it('pauses when a tick arrives at the run’s stop (a lesson’s moment), even while the worker is behind', async () => {
    const frame = manualFrames();
    const target = fakeTarget(100, 2);
    const playback = await playing(target);
    frame();
    await settle();
    // the second answer arrived at the stop: paused there, not asked again although behind
    expect(playback.status).toBe('paused');
    expect(target.asked).toEqual([16, 0]);
    frame();
    await settle();
    expect(target.asked).toEqual([16, 0]);
    // played on, it goes on
    playback.send({ type: 'playback.play' });
    frame();
    await settle();
    expect(playback.status).toBe('playing');
    expect(target.asked.length).toBeGreaterThan(2);
    playback.dispose();
  });
});

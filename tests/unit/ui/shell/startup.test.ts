import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The page's frames and idle moments, run by hand. */
function browserClock() {
  const frames: (() => void)[] = [];
  const idles: (() => void)[] = [];
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => frames.push(run));
  vi.stubGlobal('requestIdleCallback', (run: () => void) => idles.push(run));
  vi.stubGlobal('cancelIdleCallback', () => {});
  return {
    frame: () => frames.splice(0).forEach((run) => run()),
    idle: () => idles.splice(0).forEach((run) => run()),
    waiting: () => ({ frames: frames.length, idles: idles.length }),
  };
}

/** A fresh copy of the module: its "start-up over" is once per page. */
const load = async () => {
  vi.resetModules();
  return import('../../../../src/ui/shell/startup.ts');
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('after start-up', () => {
  it('work that waits for start-up runs in the first idle moment after the first run opened, not before', async () => {
    const clock = browserClock();
    const { afterStartup, startupSettled } = await load();
    const run = vi.fn();
    afterStartup(run);
    await vi.advanceTimersByTimeAsync(1000);
    clock.idle();
    expect(run).not.toHaveBeenCalled();
    startupSettled();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).not.toHaveBeenCalled();
    clock.idle();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('with delayMs, it waits that long after the first run opened before looking for an idle moment', async () => {
    const clock = browserClock();
    const { afterStartup, startupSettled } = await load();
    const run = vi.fn();
    afterStartup(run, { delayMs: 5000 });
    startupSettled();
    await vi.advanceTimersByTimeAsync(4999);
    expect(clock.waiting().idles).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).not.toHaveBeenCalled();
    clock.idle();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('cancelled during its delay, it never runs', async () => {
    const clock = browserClock();
    const { afterStartup, startupSettled } = await load();
    const run = vi.fn();
    const cancel = afterStartup(run, { delayMs: 5000 });
    startupSettled();
    await vi.advanceTimersByTimeAsync(1000);
    cancel();
    await vi.advanceTimersByTimeAsync(10_000);
    clock.idle();
    expect(clock.waiting().idles).toBe(0);
    expect(run).not.toHaveBeenCalled();
  });

  it('on a page that opens no run, start-up is over after maxMs', async () => {
    const clock = browserClock();
    const { afterStartup } = await load();
    const run = vi.fn();
    afterStartup(run, { maxMs: 3000 });
    await vi.advanceTimersByTimeAsync(2999);
    expect(clock.waiting().idles).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    clock.idle();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('cancelled before start-up is over, it never runs', async () => {
    const clock = browserClock();
    const { afterStartup, startupSettled } = await load();
    const run = vi.fn();
    afterStartup(run)();
    startupSettled();
    await vi.advanceTimersByTimeAsync(10_000);
    clock.idle();
    expect(run).not.toHaveBeenCalled();
  });
});

describe('painted and idle', () => {
  it('resolves after the next frame is painted and the main thread is then idle', async () => {
    const clock = browserClock();
    const { paintedAndIdle } = await load();
    let resolved = false;
    void paintedAndIdle().then(() => (resolved = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(clock.waiting()).toEqual({ frames: 1, idles: 0 });
    clock.frame();
    // the idle callback is asked for in a task after the frame (the frame paints first)
    await vi.advanceTimersByTimeAsync(0);
    expect(resolved).toBe(false);
    clock.idle();
    await vi.advanceTimersByTimeAsync(0);
    expect(resolved).toBe(true);
  });

  it('resolves after its timeout when no frame is painted (a hidden page)', async () => {
    browserClock();
    const { paintedAndIdle } = await load();
    let resolved = false;
    void paintedAndIdle(500).then(() => (resolved = true));
    await vi.advanceTimersByTimeAsync(499);
    expect(resolved).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(resolved).toBe(true);
  });
});

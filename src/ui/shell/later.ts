/**
 * Work put off until the page has painted: each call runs in a task of its own after `frames` animation
 * frames, so that drawing a page at first is many short tasks rather than one long one (a task over 50 ms
 * is a page that does not answer).
 */

/** Runs `run` in its own task after `frames` animation frames; returns the cancel function. */
export function afterFrames(frames: number, run: () => void): () => void {
  let raf = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wait = (left: number) => {
    raf = requestAnimationFrame(() => {
      if (left > 1) wait(left - 1);
      // a timer, not the frame callback itself: the frame paints first, and each caller gets its own task
      else timer = setTimeout(run);
    });
  };
  wait(Math.max(1, frames));
  return () => {
    cancelAnimationFrame(raf);
    clearTimeout(timer);
  };
}

/** Runs `run` in a task of its own soon (after the tasks already queued), without waiting for a frame. */
export function nextTask(run: () => void): () => void {
  const timer = setTimeout(run);
  return () => clearTimeout(timer);
}

/**
 * Resolves in a task of its own: code that has just been loaded (its module evaluated in this task) runs its
 * work in the next one, so that loading and running are two short tasks. `scheduler.yield()` where the browser
 * has it (it keeps the work ahead of other queued tasks), else a timer.
 */
export function yieldTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
}

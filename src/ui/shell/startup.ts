/**
 * The page's start-up, for work that can wait. The simulation worker starts once the page has painted the frame
 * after its first question and the main thread is idle (`paintedAndIdle`): mounting the page and drawing its
 * first frame then have the cores to themselves (2-core machine, perf:ui: fewer start-up tasks over 50 ms of
 * wall time, the run open about as soon). The end of start-up: the service worker's first install fetches
 * every file of the site and compiles its scripts (in a trace of the perf:ui sandbox on a 2-core machine:
 * ~250–300 ms of CPU on its thread and ~100 ms more in the browser's process, while the page drew its first
 * run), so it waits until the first screen is up: the first run open (or refused), or `maxMs` on pages that
 * open none, and then an idle moment of the main thread (the diagram is drawn in many short tasks after the run
 * opens; an idle callback comes after them).
 */

let settle: () => void = () => {};
const settled = new Promise<void>((resolve) => (settle = resolve));

/** Says that the first screen is up: the first run opened or was refused. Later calls change nothing. */
export function startupSettled(): void {
  settle();
}

export interface AfterStartupOptions {
  /** Wall ms after which start-up counts as over even if no run has opened (a page without one). */
  maxMs?: number;
  /** Wall ms to wait for an idle moment once start-up is over (a page that never idles runs it then). */
  idleTimeoutMs?: number;
}

/** Runs `run` once, in an idle moment after start-up is over; returns the cancel function. */
export function afterStartup(run: () => void, { maxMs = 6000, idleTimeoutMs = 2000 }: AfterStartupOptions = {}): () => void {
  let cancelled = false;
  let cancelIdle = () => {};
  const timer = setTimeout(settle, maxMs);
  void settled.then(() => {
    clearTimeout(timer);
    if (!cancelled) cancelIdle = whenIdle(run, idleTimeoutMs, 1000);
  });
  return () => {
    cancelled = true;
    clearTimeout(timer);
    cancelIdle();
  };
}

/** Runs `run` when the main thread is idle (requestIdleCallback), or after `timeoutMs`; after `fallbackMs` where there is no idle callback (Safari). */
function whenIdle(run: () => void, timeoutMs: number, fallbackMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => run(), { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, fallbackMs);
  return () => clearTimeout(id);
}

/**
 * Resolves once the page has painted its next frame and the main thread is then idle, or after `timeoutMs`
 * whatever happens (a hidden page paints no frames; a busy one may never idle).
 */
export function paintedAndIdle(timeoutMs = 500): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, timeoutMs);
    if (typeof requestAnimationFrame !== 'function') return resolve();
    // a timer after the frame callback: the frame is painted first
    requestAnimationFrame(() => setTimeout(() => whenIdle(resolve, timeoutMs, 0)));
  });
}

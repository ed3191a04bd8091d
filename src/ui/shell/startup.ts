/**
 * The page's start-up, for work that can wait. The simulation worker starts once the page has painted the frame
 * after its first question and the main thread is idle (`paintedAndIdle`): mounting the page and drawing its
 * first frame then have the cores to themselves (2-core machine, perf:ui: fewer start-up tasks over 50 ms of
 * wall time, the run open about as soon). The end of start-up: the service worker's first install fetches
 * every file of the site and compiles its scripts (in a trace of the perf:ui sandbox on a 2-core machine:
 * ~250–300 ms of CPU on its thread and ~100 ms more in the browser's process, while the page drew its first
 * run), so it waits until the first screen is up: the first run open (or refused), or `maxMs` on pages that
 * open none, then `delayMs` more (the picture's last parts, the charts and the side column are drawn in many
 * short tasks over the next second or two, and on a 2-core machine a busy service worker thread stretched
 * them past 50 ms of wall time), and then an idle moment of the main thread.
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
  /** Wall ms to wait once start-up is over, before looking for an idle moment (the picture's last parts and charts are drawn then). */
  delayMs?: number;
  /** Wall ms to wait for an idle moment once start-up is over (a page that never idles runs it then). */
  idleTimeoutMs?: number;
}

/** Runs `run` once, in an idle moment after start-up is over; returns the cancel function. */
export function afterStartup(run: () => void, { maxMs = 6000, delayMs = 0, idleTimeoutMs = 2000 }: AfterStartupOptions = {}): () => void {
  let cancelled = false;
  let cancelIdle = () => {};
  let delay: ReturnType<typeof setTimeout> | undefined;
  const timer = setTimeout(settle, maxMs);
  void settled.then(() => {
    clearTimeout(timer);
    const idle = () => {
      if (!cancelled) cancelIdle = whenIdle(run, idleTimeoutMs, 1000);
    };
    if (delayMs > 0) delay = setTimeout(idle, delayMs);
    else idle();
  });
  return () => {
    cancelled = true;
    clearTimeout(timer);
    clearTimeout(delay);
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

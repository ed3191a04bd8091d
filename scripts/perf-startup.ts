// One first visit of the page for `npm run perf:ui`, measured from its first byte until it has been still for
// `quietMs` after its run opened (or 6 s after the navigation on a page that opens none): the long tasks the page itself records (PerformanceObserver 'longtask', before
// any tool of Playwright's is injected into it), when the run opened ("Paused") and when the diagram's last part
// was drawn, and a Chromium trace of it all (each task's wall and CPU time, and who else had a core meanwhile).
// A fresh browser context each time: no HTTP cache, no code cache, no service worker from an earlier visit.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { COMPILE_CATEGORY, summariseTrace, type TraceSummary } from './perf-trace.ts';

/**
 * Trace categories: top-level tasks and the timeline's events, each with its thread CPU time; user timing for the
 * navigation's start; V8's parsing and compiling (on which thread, how much).
 */
export const TRACE = { categories: ['blink.user_timing', 'toplevel', 'devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline', COMPILE_CATEGORY] };

/** Wall ms given to a browser just launched (and its first tab) to finish its own start-up before the page is opened. */
const BROWSER_SETTLE_MS = 2000;

export interface Startup {
  page: Page;
  context: BrowserContext;
  /** Long tasks (API) after the document was parsed: the page's own start-up, ms. */
  longTasks: number[];
  /** Long tasks over before the document was parsed: the browser loading it, none of the page's scripts. */
  loading: number[];
  /**
   * The long animation frames (over 50 ms) after the document was parsed, with the scripts that ran in them: what a
   * long task was doing, without a trace (the Long Animation Frames API; each script of 5 ms or more).
   */
  frames: LongFrame[];
  /** ms from the navigation until the run was open and paused (seen by a 16 ms poll). */
  runOpenMs: number | null;
  /** ms from the navigation until the diagram's last part was drawn (its text count last grew; the same poll). */
  pictureMs: number | null;
  /** ms from the navigation until the document was parsed (domInteractive). */
  parsedAtMs: number;
  /** The page's scripts fetched (the worker's too): file name, ms from the navigation until it arrived, its bytes (uncompressed). */
  scripts: { file: string; atMs: number; bytes: number }[];
  /** The trace's summary; null for a start-up measured without one. */
  trace: TraceSummary | null;
  traceBytes: Buffer | null;
}

/** A long animation frame: when, how long, its rendering's share, and its scripts of 5 ms or more. */
export interface LongFrame {
  atMs: number;
  durationMs: number;
  /** ms of style and layout at the frame's end (its rendering), 0 if it did not render. */
  renderMs: number;
  /** `file` and `position` (a character offset in it, -1 if unknown): where the script's entry point is in the build. */
  scripts: { what: string; ms: number; layoutMs: number; file: string; position: number }[];
}

/**
 * Opens `url` in a fresh context and measures its start-up; the page stays open for what comes next. `traced`:
 * record a Chromium trace too. The trace costs the renderer's main thread time of its own (every task and
 * timeline event is instrumented), which lengthens the page's tasks: 8 start-ups of the sandbox with the
 * helpers' processes stopped had long tasks in 4 when traced and in 2 when not (2026-12-03). So long tasks
 * are counted on untraced start-ups, and a traced one explains where the time goes.
 */
export async function measureStartup(browser: Browser, url: string, quietMs: number, onError: (text: string) => void, traced = true): Promise<Startup> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  // A learner's browser is already up when they open the page; a browser just launched is still starting
  // (headless Chromium's full browser preloads its omnibox popup, a WebUI renderer of ~500 ms of main-thread
  // and ~300 ms of thread-pool CPU, seen in traces as "WebUI Top Renderer" while the page started on 2 cores).
  // So the page is opened once that is over, in the tab it will be measured in.
  await page.waitForTimeout(BROWSER_SETTLE_MS);
  page.on('console', (m) => m.type() === 'error' && onError(m.text()));
  page.on('pageerror', (e) => onError(e.message));
  const startupDone = page.waitForEvent('console', { predicate: (m) => m.text() === 'perf:startup-done', timeout: 60_000 });
  await page.addInitScript((quiet: number) => {
    type Frame = { atMs: number; durationMs: number; renderMs: number; scripts: { what: string; ms: number; layoutMs: number; file: string; position: number }[] };
    type Seen = { tasks: { startTime: number; duration: number }[]; frames: Frame[]; runOpenMs: number | null; pictureMs: number | null };
    const w = window as unknown as { __startup: Seen; __lab?: { status(): string } };
    const seen: Seen = { tasks: [], frames: [], runOpenMs: null, pictureMs: null };
    w.__startup = seen;
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.tasks.push({ startTime: e.startTime, duration: e.duration })));
    observer.observe({ type: 'longtask', buffered: true });
    // the Long Animation Frames API, where the browser has it: which scripts ran in a long frame, at no cost to the page
    type Script = { invoker: string; sourceURL: string; sourceFunctionName: string; sourceCharPosition: number; duration: number; forcedStyleAndLayoutDuration: number };
    type LoAF = PerformanceEntry & { renderStart: number; styleAndLayoutStart: number; scripts: Script[] };
    const frames = new PerformanceObserver((list) =>
      (list.getEntries() as LoAF[]).forEach((e) =>
        seen.frames.push({
          atMs: e.startTime,
          durationMs: e.duration,
          renderMs: e.styleAndLayoutStart > 0 ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
          scripts: e.scripts
            .filter((x) => x.duration >= 5)
            .map((x) => ({
              what: `${x.invoker}${x.sourceFunctionName ? ` ${x.sourceFunctionName}` : ''} (${x.sourceURL.replace(/^.*\//, '')})`,
              ms: x.duration,
              layoutMs: x.forcedStyleAndLayoutDuration,
              file: x.sourceURL.replace(/^.*\//, ''),
              position: x.sourceCharPosition ?? -1,
            })),
        }),
      ),
    );
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) frames.observe({ type: 'long-animation-frame', buffered: true });
    let texts = 0;
    let ending = false;
    const NO_RUN_MS = 6000;
    const poll = setInterval(() => {
      const drawn = document.querySelectorAll('[data-testid="topology-view"] text').length;
      if (drawn > texts) {
        texts = drawn;
        seen.pictureMs = performance.now();
      }
      // a page that opens no run (the home page) counts as started NO_RUN_MS after the navigation
      if (ending || (w.__lab?.status() !== 'paused' && performance.now() < NO_RUN_MS)) return;
      ending = true;
      if (w.__lab?.status() === 'paused') seen.runOpenMs = performance.now();
      setTimeout(() => {
        clearInterval(poll);
        observer.disconnect();
        frames.disconnect();
        console.log('perf:startup-done');
      }, quiet);
    }, 16);
  }, quietMs);
  if (traced) await browser.startTracing(page, TRACE);
  await page.goto(url);
  await startupDone;
  const traceBytes = traced ? await browser.stopTracing() : null;
  const { seen, parsedAt, scripts } = await page.evaluate(() => ({
    seen: (window as unknown as { __startup: { tasks: { startTime: number; duration: number }[]; frames: LongFrame[]; runOpenMs: number | null; pictureMs: number | null } }).__startup,
    parsedAt: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive,
    scripts: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => /\.js(\?|$)/.test(e.name))
      .map((e) => ({ file: e.name.replace(/^.*\//, ''), atMs: e.responseEnd, bytes: e.decodedBodySize })),
  }));
  // Tasks over before the document was parsed ran none of the page's scripts (they are modules, run after parsing).
  const loading = seen.tasks.filter((t) => t.startTime + t.duration <= parsedAt).map((t) => t.duration);
  const longTasks = seen.tasks.filter((t) => t.startTime + t.duration > parsedAt).map((t) => t.duration);
  const frames = seen.frames.filter((f) => f.atMs + f.durationMs > parsedAt);
  return { page, context, longTasks, loading, frames, runOpenMs: seen.runOpenMs, pictureMs: seen.pictureMs, parsedAtMs: parsedAt, scripts, trace: traceBytes === null ? null : summariseTrace(traceBytes), traceBytes };
}

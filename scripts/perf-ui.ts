// `npm run perf:ui [-- --build] [-- --seconds 10] [-- --speed 10] [-- --r3] [-- --widths] [-- --startups 1] [-- --traced-startups 1] [-- --dist dir] [-- --hash '#/lessons/…/1']`:
// measures the page, not the engine. Serves the built site (building it first if there is none, or with
// --build; or another build's folder with --dist, to compare two builds in the same conditions) on 127.0.0.1, opens
// the 50-target, 2,000 req/s template at 10× speed in headless Chromium through a share link — or, with
// --r3, the bench's Black Friday world at 1,000,000 req/s at real time (1×); or, with --hash, another page that
// opens a run, such as a lesson (its start-ups, then its own run played); --widths plays it with the picture's
// flow widths instead of moving dots (what the dots cost) — and records for ~10 s every
// frame's duration (requestAnimationFrame) and every long task (PerformanceObserver 'longtask'), untraced; then
// plays as long again with a trace, for where the CPU goes.
// Prints frame p50/p95/max, the start-up's long tasks (from the first byte until the page has been still
// for STARTUP_QUIET_MS after opening its run — recorded in the page itself, so that the tools Playwright
// injects to drive the page are not counted; --startups N measures N first visits without a trace, which
// lengthens tasks, scripts/perf-startup.ts), then --traced-startups K more with a trace: each long task's wall and CPU time, the tasks of 20 ms of CPU or more (which pass 50 ms of wall time
// as soon as they share a core), when the run opened and the picture was drawn, who else had
// a core meanwhile, the longest task while playing, the simulated speed reached,
// the initial JS gzipped, and the machine's load average (figures from a busy machine are not comparable).
// Not a test: nothing asserts on time. The server is stopped by its PID.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { availableParallelism, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { encodeRun } from '../src/sim/share-link.ts';
import { fleet } from '../src/ui/sandbox/fleet.ts';
import { BENCHES } from './bench-scenarios.ts';
import { validateScenario } from '../src/scenario/validate.ts';
import { summariseTrace, type ThreadWork } from './perf-trace.ts';
import { measureStartup, TRACE, type Startup } from './perf-startup.ts';
import { sourceAt } from './perf-source.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const r3 = args.includes('--r3');
const widths = args.includes('--widths');
const seconds = option('seconds', 10);
const speed = option('speed', r3 ? 1 : 10);
const port = option('port', 4391);
const startupRuns = Math.max(1, option('startups', 1));
const tracedRuns = Math.max(1, option('traced-startups', 1));
const hashAt = args.indexOf('--hash');
const root = new URL('../', import.meta.url).pathname;
const distAt = args.indexOf('--dist');
const dist = distAt >= 0 ? `${resolve(args[distAt + 1])}/` : `${root}dist/`;
/** Wall ms after the run opened during which the start-up's later work (the tabs, the charts) is still counted. */
const STARTUP_QUIET_MS = 2000;

if (distAt < 0 && (args.includes('--build') || !existsSync(`${dist}index.html`))) {
  console.log('building the site…');
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/** The scripts the page loads before anything else: index.html's module script and its preloads. */
function initialJsGzipKB(): { files: string[]; kb: number } {
  const html = readFileSync(`${dist}index.html`, 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(`${dist}${f}`), { level: 9 }).length, 0);
  return { files, kb: bytes / 1024 };
}

const f = (ms: number) => `${ms.toFixed(1)} ms`;
/** A long frame's script, where its entry point is in the source (from the build's maps). */
const at = (x: { file: string; position: number }) => {
  const source = sourceAt(dist, x.file, x.position);
  return source === null ? '' : ` at ${source}`;
};
const list = (ds: number[]) => (ds.length ? ` (${ds.map((d) => d.toFixed(0)).join(', ')} ms)` : '');

/**
 * One start-up's figures. The Long Tasks API's tasks are the criterion; the trace gives each task over 50 ms
 * of wall time with its CPU time (a long task with little CPU waited for a core), and the CPU of every thread
 * of every process meanwhile (who had the cores).
 */
function reportStartup(s: Startup, title: string): void {
  const trace = s.trace!;
  const main = trace.main;
  const wall = (main?.longTasksWall ?? []).filter((t) => t.atMs + t.wallMs > s.parsedAtMs);
  console.log(`${title}: long tasks (> 50 ms): ${s.longTasks.length}${list(s.longTasks)}; before the page's scripts (the browser loading the document): ${s.loading.length}${list(s.loading)}`);
  console.log(`  the same in the trace, wall/CPU ms: ${wall.length ? wall.map((t) => `${t.wallMs.toFixed(0)}/${t.cpuMs.toFixed(0)} at ${t.atMs.toFixed(0)}`).join(', ') : 'none'}; main thread CPU ${main ? f(main.cpuMs) : '?'}, tasks over 50 ms of CPU: ${main ? main.longTasksCpu.length + list(main.longTasksCpu) : '?'}`);
  const heavy = (main?.heavyTasks ?? []).filter((t) => t.atMs + t.wallMs > s.parsedAtMs);
  console.log(`  tasks of 20 ms of CPU or more (aim: none; wall/CPU ms): ${heavy.length}${heavy.length ? ` (${heavy.map((t) => `${t.wallMs.toFixed(0)}/${t.cpuMs.toFixed(0)} at ${t.atMs.toFixed(0)}`).join(', ')})` : ''}`);
  console.log(`  run open (Paused) at ${s.runOpenMs === null ? '?' : f(s.runOpenMs)}, picture drawn at ${s.pictureMs === null ? '?' : f(s.pictureMs)} (from the navigation; seen by a 16 ms poll)`);
  const c = trace.compileMs;
  const reparse = trace.sourcePositionsMs.filter((ms) => ms >= 1);
  console.log(`  V8 parse and compile, CPU ms: main thread ${c.main.toFixed(0)} (and reparsing for source positions, which only a DevTools session causes, of 1 ms or more: ${reparse.length ? reparse.map((ms) => ms.toFixed(0)).join(', ') : 'none'}), thread pool ${c.pool.toFixed(0)} (of its ${trace.pool ? trace.pool.cpuMs.toFixed(0) : '?'}), simulation worker ${c.worker.toFixed(0)}`);
  const before = s.pictureMs === null ? [] : s.scripts.filter((x) => x.atMs <= s.pictureMs!);
  console.log(`  scripts fetched before the picture was drawn: ${before.length}, ${(before.reduce((sum, x) => sum + x.bytes, 0) / 1024).toFixed(0)} KB uncompressed (${before.map((x) => x.file).join(', ')})`);
  console.log(`  CPU ms of the busiest threads in those ${(trace.windowMs / 1000).toFixed(1)} s: ${trace.everyone.slice(0, 8).map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', ')}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Waits up to a minute: on a busy machine the preview server takes a while to start. */
async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the preview server did not start at ${url}`);
}

const vite = `${root}node_modules/vite/bin/vite.js`;
// A server already answering on the port (another checkout's) would be measured in place of this build: our
// preview server, started with --strictPort, exits, and the wait below finds the other one.
const taken = await fetch(`http://127.0.0.1:${port}/`).then(
  () => true,
  () => false,
);
if (taken) {
  console.error(`port ${port} is taken by another server: choose another with --port <n>`);
  process.exit(1);
}
const server = spawn(process.execPath, [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], { cwd: root, stdio: 'ignore' });
const base = `http://127.0.0.1:${port}/`;
let exitCode = 0;
try {
  await waitForServer(base);
  const launch = () =>
    chromium.launch({
      executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
      // PERF_UI_JS_FLAGS passes V8 flags (e.g. --trace-deopt, printed with DEBUG=pw:browser) to every page and worker
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', ...(process.env.PERF_UI_JS_FLAGS ? [`--js-flags=${process.env.PERF_UI_JS_FLAGS}`] : [])],
    });
  const consoleErrors: string[] = [];
  const world = r3 ? BENCHES.find((b) => b.id === 'R3')!.scenario : fleet(50, 2000);
  const checked = validateScenario(world);
  if (!checked.ok) throw new Error('the perf:ui scenario is invalid');
  const link = encodeRun({ scenario: { ...checked.value, durationSec: 600 }, seed: 1, atMs: 0, changes: [] });
  const load = loadavg();
  // Each start-up a first visit in a browser of its own (a second context of one browser brought a busy
  // WebUI renderer into the traces): the untraced ones first (their long tasks are what a learner gets; a
  // trace lengthens tasks, see perf-startup.ts), then the traced ones, the last of which then plays.
  const startups: Startup[] = [];
  const traced: Startup[] = [];
  let browser = await launch();
  for (let i = 0; i < startupRuns + tracedRuns; i++) {
    if (i > 0) {
      await browser.close();
      browser = await launch();
    }
    const s = await measureStartup(browser, `${base}?test${hashAt >= 0 ? args[hashAt + 1] : `#/sandbox?s=${link}`}`, STARTUP_QUIET_MS, (text) => consoleErrors.push(text), i >= startupRuns);
    (i < startupRuns ? startups : traced).push(s);
  }
  const { page } = traced[traced.length - 1];
  if (widths) await page.getByRole('button', { name: 'Flow widths', exact: true }).click();
  if (process.env.PERF_TRACE_OUT) (await import('node:fs')).writeFileSync(process.env.PERF_TRACE_OUT, traced[traced.length - 1].traceBytes!);

  // Sent as text: the measuring code runs in the page exactly as written (no transpiler helpers).
  const measure = `(async () => {
    const lab = window.__lab;
    const reached = () => (lab.reachedMs ? lab.reachedMs() : lab.timeMs());
    lab.setSpeed(${speed});
    const playSim = reached();
    const playWall = performance.now();
    lab.play();
    await new Promise((r) => setTimeout(r, 1000)); // warm up
    const longTasks = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    observer.observe({ type: 'longtask' });
    const frames = [];
    console.timeStamp('perf:measure-start');
    const simStart = reached();
    const wallStart = performance.now();
    await new Promise((done) => {
      let last = performance.now();
      const frame = (now) => {
        frames.push(now - last);
        last = now;
        if (now - wallStart < ${seconds} * 1000) requestAnimationFrame(frame);
        else done();
      };
      requestAnimationFrame(frame);
    });
    observer.disconnect();
    const wallMs = performance.now() - wallStart;
    console.timeStamp('perf:measure-end');
    // also from the press of Play: the window above starts after a second's warm-up, whose lag the pacer may repay in it
    const sincePlay = (reached() - playSim) / (performance.now() - playWall);
    return { frames: frames.slice(1), longTasks, simSpeed: (reached() - simStart) / wallMs, sincePlay, status: lab.status() };
  })()`;
  type Played = { frames: number[]; longTasks: number[]; simSpeed: number; sincePlay: number; status: string };
  // played twice: untraced, what a learner gets from the start (with V8 still optimising the engine in its first
  // seconds: R3 reached 0.92× there, then 1.00× in the second play), then traced for where the CPU goes (tracing
  // instruments every task: the Long Tasks API's figures come from the untraced play)
  const result = (await page.evaluate(measure)) as Played;
  await browser.startTracing(page, TRACE);
  const tracedPlay = (await page.evaluate(measure)) as Played;
  const playBytes = await browser.stopTracing();
  if (process.env.PERF_PLAY_TRACE_OUT) (await import('node:fs')).writeFileSync(process.env.PERF_PLAY_TRACE_OUT, playBytes);
  const playTrace = summariseTrace(playBytes, { from: 'perf:measure-start', to: 'perf:measure-end' });
  await browser.close();

  const sorted = [...result.frames].sort((a, b) => a - b);
  const js = initialJsGzipKB();
  console.log(`scenario: ${hashAt >= 0 ? `the page ${args[hashAt + 1]}` : r3 ? 'R3, Black Friday at 1,000,000 req/s (100 targets × 100 slots)' : '50 targets, 2,000 req/s'}${widths ? ', drawn with flow widths' : ''}, asked ${speed}×, ${seconds} s measured in headless Chromium (1280×720)`);
  // a frame that took more than one and a half of the display's intervals (the median) missed a vsync: the
  // count that says whether the page kept up. The page's clock is coarsened to 0.1 ms with jitter (a page that is
  // not cross-origin isolated), so a frame on time at 60 Hz reads 16.6–16.8 ms: each frame is also counted in
  // whole display intervals, and p95 in those is the frame time the page kept
  const interval = percentile(sorted, 50);
  const missed = sorted.filter((d) => d > 1.5 * interval).length;
  const vsyncs = sorted.map((d) => Math.max(1, Math.round(d / interval)));
  const p95v = percentile(vsyncs, 95);
  console.log(`frames: ${sorted.length}  p50 ${f(interval)}  p95 ${f(percentile(sorted, 95))} (${p95v} display interval${p95v === 1 ? '' : 's'}: ${f(p95v * interval)})  max ${f(sorted[sorted.length - 1])}  missed a vsync: ${missed} (${((missed / Math.max(1, sorted.length)) * 100).toFixed(1)} %)`);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  startups.forEach((s, i) => {
    const title = startups.length > 1 ? `start-up ${i + 1}/${startups.length}` : 'start-up';
    console.log(`${title} (untraced): long tasks (> 50 ms): ${s.longTasks.length}${list(s.longTasks)}; before the page's scripts: ${s.loading.length}${list(s.loading)}; run open ${s.runOpenMs === null ? '?' : f(s.runOpenMs)}, picture ${s.pictureMs === null ? '?' : f(s.pictureMs)}`);
    for (const frame of s.frames) console.log(`  long frame at ${frame.atMs.toFixed(0)}, ${frame.durationMs.toFixed(0)} ms: ${frame.scripts.map((x) => `${x.what}${at(x)} ${x.ms.toFixed(0)} ms${x.layoutMs >= 1 ? ` (forced layout ${x.layoutMs.toFixed(0)})` : ''}`).join(', ') || 'no script of 5 ms'}; rendering ${frame.renderMs.toFixed(0)} ms`);
  });
  if (startups.length > 1) {
    const open = startups.map((s) => s.runOpenMs ?? NaN);
    const picture = startups.map((s) => s.pictureMs ?? NaN);
    console.log(`start-ups (${startups.length}, untraced), median: long tasks (API) ${median(startups.map((s) => s.longTasks.length))}, longest ${f(median(startups.map((s) => Math.max(0, ...s.longTasks))))}; run open ${f(median(open))}, picture ${f(median(picture))}; all long tasks: ${startups.map((s) => `[${s.longTasks.map((d) => d.toFixed(0)).join(' ')}]`).join(' ')}`);
  }
  traced.forEach((s, i) => reportStartup(s, traced.length > 1 ? `traced start-up ${i + 1}/${traced.length}` : 'traced start-up (the trace lengthens tasks; see its CPU times)'));
  if (traced.length > 1) {
    // by CPU time, which the machine's load does not inflate: each start-up's tasks of 20 ms of CPU or more, and its longest task's CPU
    const ownTasks = (s: Startup) => (s.trace!.main?.heavyTasks ?? []).filter((t) => t.atMs + t.wallMs > s.parsedAtMs);
    const longestCpu = (s: Startup) => Math.max(0, ...(s.trace!.main?.longTasksWall ?? []).filter((t) => t.atMs + t.wallMs > s.parsedAtMs).map((t) => t.cpuMs), ...ownTasks(s).map((t) => t.cpuMs));
    const compile = (pick: (s: Startup) => number) => f(median(traced.map(pick)));
    console.log(`traced start-ups (${traced.length}), V8 parse and compile CPU, median: main thread ${compile((s) => s.trace!.compileMs.main)}, thread pool ${compile((s) => s.trace!.compileMs.pool)} (the pool's CPU ${compile((s) => s.trace!.pool?.cpuMs ?? NaN)}), worker ${compile((s) => s.trace!.compileMs.worker)}; scripts before the picture ${compile((s) => (s.pictureMs === null ? NaN : s.scripts.filter((x) => x.atMs <= s.pictureMs!).reduce((sum, x) => sum + x.bytes, 0) / 1024)).replace(' ms', ' KB')}`);
    console.log(`  by CPU, median: tasks of 20 ms or more ${median(traced.map((s) => ownTasks(s).length))}, longest task's CPU (of those over 50 ms wall or 20 ms CPU) ${f(median(traced.map(longestCpu)))}; all: ${traced.map((s) => `[${ownTasks(s).map((t) => t.cpuMs.toFixed(0)).join(' ')}]`).join(' ')}`);
  }
  console.log(`long tasks (> 50 ms) while playing: ${result.longTasks.length}  longest ${result.longTasks.length ? f(Math.max(...result.longTasks)) : 'none'}`);
  console.log(`simulated speed reached: ${result.simSpeed.toFixed(2)}× (status: ${result.status}), ${result.sincePlay.toFixed(2)}× from the press of Play; while traced (below): ${tracedPlay.simSpeed.toFixed(2)}×`);
  // The same in CPU time (the thread's own clock, which others' work on the machine does not inflate).
  const cpuList = (w: ThreadWork | null) => (w === null ? 'not traced' : `${w.longTasksCpu.length}${list(w.longTasksCpu)}`);
  console.log(`CPU time (what an idle core would take) while playing, from a second, traced play of ${seconds} s: tasks over 50 ms of CPU: ${cpuList(playTrace.main)}`);
  const heaviest = [...(playTrace.main?.heavyTasks ?? []), ...(playTrace.main?.longTasksWall ?? [])].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 3);
  console.log(`  the main thread's heaviest tasks while playing (over 50 ms of wall or 20 ms of CPU; wall/CPU ms): ${heaviest.length ? heaviest.map((t) => `${t.wallMs.toFixed(0)}/${t.cpuMs.toFixed(0)}`).join(', ') : 'none'}`);
  const perSec = (w: ThreadWork | null) => (w === null ? 'not traced' : `CPU ${((w.cpuMs / playTrace.windowMs) * 1000).toFixed(0)} ms, busy ${((w.busyMs / playTrace.windowMs) * 1000).toFixed(0)} ms (wall)`);
  console.log(`per wall second while playing: main thread ${perSec(playTrace.main)}; worker ${perSec(playTrace.worker)}`);
  if (playTrace.worker && playTrace.worker.cpuMs > 0) {
    // simulated ms per CPU ms of the worker: the speed it would keep with a core of its own, never idle
    const simMs = tracedPlay.simSpeed * playTrace.windowMs;
    console.log(`simulated per CPU second of the worker: ${(simMs / playTrace.worker.cpuMs).toFixed(2)}× (the speed it would keep with a core of its own, never idle; low while its code is still being optimised)`);
  }
  // the page's work is per frame, not per simulated second: its CPU per frame drawn says whether 60 frames a second fit a core
  if (playTrace.main && tracedPlay.frames.length > 0) console.log(`main thread CPU per frame drawn: ${f(playTrace.main.cpuMs / tracedPlay.frames.length)}`);
  const top = (w: ThreadWork | null) => (w === null ? '' : w.byName.slice(0, 10).map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', '));
  console.log(`CPU ms by kind while playing — main: ${top(playTrace.main)}\n  worker: ${top(playTrace.worker)}\n  the page's thread pool (raster, V8's background work): ${top(playTrace.pool)}`);
  console.log(`CPU ms per wall second of the busiest threads while playing: ${playTrace.everyone.slice(0, 10).map(([n, ms]) => `${n} ${((ms / playTrace.windowMs) * 1000).toFixed(0)}`).join(', ')}`);
  console.log(`initial JS gzipped: ${js.kb.toFixed(1)} KB (${js.files.join(', ')})`);
  const after = loadavg();
  console.log(`load average (1 min) on this ${availableParallelism()}-core machine: ${load[0].toFixed(2)} before, ${after[0].toFixed(2)} after`);
  if (consoleErrors.length > 0) {
    console.log(`console errors:\n  ${consoleErrors.join('\n  ')}`);
    exitCode = 1;
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  if (server.pid !== undefined) process.kill(server.pid);
}
process.exit(exitCode);

// `npx tsx scripts/perf-coverage.ts [--dist dir] [--port N]`: which chunks each first visit fetches and runs as it
// starts, and how much of each it calls — the facts behind scripts/vite-compile-hints.ts, which should mark a chunk
// for eager compiling only if a start-up calls most of it (V8 then compiles every function of it, on a background
// thread that shares the cores with the main thread). For each route (the perf:ui sandbox's share link, the plain
// sandbox, a lesson, the home page), in a fresh browser: every script fetched until the page has been still for
// 2 s after its first screen, when it arrived, its size, whether it carries the hint, and the share of its bytes
// and functions called (V8's block coverage). Coverage slows V8 down: the times here are not start-up times
// (npm run perf:ui measures those). Not a test; the server is stopped by its PID.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { encodeRun } from '../src/sim/share-link.ts';
import { fleet } from '../src/ui/sandbox/fleet.ts';
import { validateScenario } from '../src/scenario/validate.ts';
import { summariseCoverage, type ScriptCoverage } from './perf-coverage-summary.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = new URL('../', import.meta.url).pathname;
const dist = `${resolve(option('dist') ?? `${root}dist`)}/`;
const port = Number(option('port') ?? 4392);
if (!existsSync(`${dist}index.html`)) throw new Error(`no build in ${dist}: npm run build first`);

const world = validateScenario(fleet(50, 2000));
if (!world.ok) throw new Error('the perf:ui scenario is invalid');
const link = encodeRun({ scenario: { ...world.value, durationSec: 600 }, seed: 1, atMs: 0, changes: [] });
const ROUTES: [string, string][] = [
  ['sandbox (perf:ui share link)', `#/sandbox?s=${link}`],
  ['sandbox', '#/sandbox'],
  ['lesson 1', '#/lessons/one-server-is-not-enough/1'],
  ['home', '#/'],
];

const server = spawn(process.execPath, [`${root}node_modules/vite/bin/vite.js`, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], { cwd: root, stdio: 'ignore' });
const base = `http://127.0.0.1:${port}/`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
let exitCode = 0;
try {
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error(`the preview server did not start at ${base}`);
    if (await fetch(base).then((r) => r.ok).catch(() => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const [title, hash] of ROUTES) {
    const browser = await chromium.launch({
      executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await page.coverage.startJSCoverage({ resetOnNavigation: false });
    await page.goto(`${base}?test${hash}`);
    // the first screen: a run open (sandbox, lesson) or, on a page without one, 4 s; then 2 s for its last parts
    await page.waitForFunction(() => (window as unknown as { __lab?: { status(): string } }).__lab?.status() === 'paused', undefined, { timeout: 4000 }).catch(() => {});
    await page.waitForTimeout(2000);
    const fetched = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => /\.js(\?|$)/.test(e.name)).map((e) => ({ url: e.name, atMs: e.responseEnd })),
    );
    const coverage = (await page.coverage.stopJSCoverage()) as ScriptCoverage[];
    await browser.close();
    const scripts = coverage.filter((c) => c.url.startsWith(`${base}assets/`));
    console.log(`\n${title} (${hash.length > 40 ? `${hash.slice(0, 40)}…` : hash}): ${scripts.length} scripts run, ${kb(scripts.reduce((s, c) => s + c.source!.length, 0))}`);
    const rows = scripts.map((c) => ({ c, s: summariseCoverage(c), atMs: fetched.find((f) => f.url === c.url)?.atMs }));
    for (const { c, s, atMs } of rows.sort((a, b) => (a.atMs ?? 0) - (b.atMs ?? 0))) {
      const file = c.url.slice(`${base}assets/`.length);
      const hinted = c.source!.startsWith('//# allFunctionsCalledOnLoad') ? 'hinted' : '      ';
      console.log(`  ${file.padEnd(42)} ${hinted} ${kb(s.bytes).padStart(9)}  called ${(s.usedShare * 100).toFixed(0).padStart(3)} % of bytes, ${String(s.calledFunctions).padStart(5)} of ${String(s.functions).padStart(5)} functions${atMs === undefined ? '' : `, arrived at ${atMs.toFixed(0)} ms`}`);
    }
    const workers = fetched.filter((f) => /worker/.test(f.url)).map((f) => `${f.url.slice(`${base}assets/`.length)} at ${f.atMs.toFixed(0)} ms`);
    if (workers.length > 0) console.log(`  workers fetched (their coverage is not read): ${workers.join(', ')}`);
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  if (server.pid !== undefined) process.kill(server.pid);
}
process.exit(exitCode);

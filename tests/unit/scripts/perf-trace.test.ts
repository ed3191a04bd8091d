import { describe, expect, it } from 'vitest';
import { summariseTrace } from '../../../scripts/perf-trace.ts';

const TASK = 'ThreadControllerImpl::RunTask';
const name = (pid: number, tid: number, thread: string) => ({ ph: 'M', name: 'thread_name', pid, tid, ts: 0, args: { name: thread } });
/** A task: start and wall duration in ms, CPU in ms. */
const task = (pid: number, tid: number, atMs: number, wallMs: number, cpuMs: number, label = TASK) => ({ ph: 'X', name: label, pid, tid, ts: atMs * 1000, dur: wallMs * 1000, tdur: cpuMs * 1000 });

/**
 * Two renderers: 7 navigated to the page at 100 ms (its main thread's work is small), 9 is another renderer
 * whose main thread worked more. The page's main thread ran a task of 80 ms wall / 12 ms CPU (it waited for a
 * core) and one of 30/25; its worker and a browser thread ran meanwhile.
 */
const trace = {
  traceEvents: [
    { ph: 'M', name: 'process_name', pid: 7, tid: 0, ts: 0, args: { name: 'Renderer' } },
    { ph: 'M', name: 'process_name', pid: 1, tid: 0, ts: 0, args: { name: 'Browser' } },
    name(7, 70, 'CrRendererMain'),
    name(7, 71, 'DedicatedWorker thread'),
    name(9, 90, 'CrRendererMain'),
    name(1, 10, 'CrBrowserMain'),
    { ph: 'R', name: 'navigationStart', pid: 7, tid: 70, ts: 100_000, args: { data: { documentLoaderURL: 'http://127.0.0.1/?test' } } },
    task(7, 70, 300, 80, 12),
    task(7, 70, 390, 30, 25),
    task(7, 71, 300, 60, 55),
    task(9, 90, 200, 400, 300),
    task(1, 10, 310, 20, 9),
  ],
};

describe('perf trace summary', () => {
  it("reads the renderer that navigated to the page, and lists each task over 50 ms of wall time with its CPU, timed from the page's navigation", () => {
    const summary = summariseTrace(Buffer.from(JSON.stringify(trace)));
    expect(summary.main?.longTasksWall).toEqual([{ atMs: 200, wallMs: 80, cpuMs: 12 }]);
    // CPU over 50 ms: none of the page's main-thread tasks (the other renderer's 300 ms is not the page's)
    expect(summary.main?.longTasksCpu).toEqual([]);
    expect(summary.main?.cpuMs).toBe(37);
    expect(summary.worker?.cpuMs).toBe(55);
  });

  it('lists each task of 20 ms of CPU or more, however short its wall time: the 30/25 task, not the 80/12 one', () => {
    const summary = summariseTrace(Buffer.from(JSON.stringify(trace)));
    expect(summary.main?.heavyTasks).toEqual([{ atMs: 290, wallMs: 30, cpuMs: 25 }]);
    expect(summariseTrace(Buffer.from(JSON.stringify(trace)), {}, 50, 10).main?.heavyTasks.map((t) => t.cpuMs)).toEqual([12, 25]);
  });

  it('counts every thread of every process in the window, the largest first: who else had a core', () => {
    const summary = summariseTrace(Buffer.from(JSON.stringify(trace)));
    expect(summary.everyone).toEqual([
      ['9: CrRendererMain', 300],
      ['page: DedicatedWorker thread', 55],
      ['page: CrRendererMain', 37],
      ['Browser: CrBrowserMain', 9],
    ]);
  });

  it("sums V8's parsing and compiling per thread, apart from the reparses for source positions and from Maglev", () => {
    // nested events of one thread: a start-up task of the main thread lazily compiles a function (3 ms: 1 parse,
    // 2 compile) and reparses a script for a stack trace (16 ms, of which 15 in ParseProgram); two pool threads
    // compile in the background (4 + 5 ms) and one optimises with Maglev (7 ms, not counted)
    const event = (tid: number, label: string, atMs: number, wallMs: number, cpuMs: number) => task(7, tid, atMs, wallMs, cpuMs, label);
    const compiling = {
      traceEvents: [
        ...trace.traceEvents,
        name(7, 72, 'ThreadPoolForegroundWorker'),
        name(7, 73, 'ThreadPoolForegroundWorker'),
        event(70, 'V8.ParseFunction', 395, 1, 1),
        event(70, 'V8.CompileIgnition', 396, 2, 2),
        event(70, 'V8.CollectSourcePositions', 400, 16, 16),
        event(70, 'V8.ParseProgram', 400.5, 15, 15),
        event(72, 'ThreadPool_RunTask', 300, 10, 9),
        event(72, 'BackgroundCompileTask::Run', 300, 4, 4),
        event(72, 'V8.Maglev.GraphBuilding', 305, 5, 5),
        event(73, 'ThreadPool_RunTask', 300, 8, 7),
        event(73, 'V8.CompileIgnition', 300, 5, 5),
        event(72, 'V8.CompileCodeBackground', 320, 1, 1),
      ],
    };
    const summary = summariseTrace(Buffer.from(JSON.stringify(compiling)));
    expect(summary.compileMs.main).toBeCloseTo(3, 6);
    expect(summary.sourcePositionsMs).toEqual([16]);
    // 4 + 5; the CompileCodeBackground outside any pool task still counts (1): 10
    expect(summary.compileMs.pool).toBeCloseTo(10, 6);
    expect(summary.compileMs.worker).toBe(0);
    // the pool's CPU is its tasks' (9 + 7), both threads together
    expect(summary.pool?.cpuMs).toBe(16);
  });
});

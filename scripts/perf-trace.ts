// CPU time from a Chromium trace, for `npm run perf:ui`: on a machine shared by many people a task's wall time
// says more about the others' work than about ours, so the figures that matter are also given in the thread's own
// CPU time (a trace event's `tdur`), which a busy machine does not inflate (much: caches are shared). Reads the
// renderer's main thread ("CrRendererMain") and the simulation worker ("DedicatedWorker thread") of the page's
// process.

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { message?: string; documentLoaderURL?: string } };
}

/** One thread's work in a window: top-level tasks (wall and CPU ms) and CPU ms by the kind of work inside them. */
export interface ThreadWork {
  /** Wall ms the thread spent in tasks. */
  busyMs: number;
  /** CPU ms of those tasks. */
  cpuMs: number;
  /** CPU ms of each task longer than `longMs` of CPU. */
  longTasksCpu: number[];
  /**
   * Each task longer than `longMs` of wall time (what the Long Tasks API counts), with its CPU ms: a long task
   * with little CPU waited for a core (other threads and processes ran) rather than worked.
   */
  longTasksWall: { atMs: number; wallMs: number; cpuMs: number }[];
  /**
   * Each task of `heavyMs` of CPU or more, with its wall ms: the load-independent side of the criterion (a task
   * that needs 25 ms of CPU takes over 50 ms of wall time as soon as it gets half a core).
   */
  heavyTasks: { atMs: number; wallMs: number; cpuMs: number }[];
  /** CPU ms by event name, each event's own time (less the events nested in it), largest first. */
  byName: [string, number][];
}

export interface TraceSummary {
  windowMs: number;
  main: ThreadWork | null;
  worker: ThreadWork | null;
  /**
   * The page's thread pool (its "ThreadPoolForegroundWorker" threads together): V8's background parsing and
   * compiling (streamed scripts, and all of a script with an explicit compile hint), Maglev, GC helpers, raster.
   */
  pool: ThreadWork | null;
  /** CPU ms of V8 parsing and compiling to bytecode on the main thread, the thread pool and the worker (needs COMPILE_CATEGORY in the trace). */
  compileMs: { main: number; pool: number; worker: number };
  /** CPU ms of the main thread's reparses for source positions (SOURCE_POSITIONS), the longest first. */
  sourcePositionsMs: number[];
  /** CPU ms of every thread of every process in the window, by process and thread name, largest first: who else wanted a core. */
  everyone: [string, number][];
}

const TASK = 'ThreadControllerImpl::RunTask';
const POOL_TASK = 'ThreadPool_RunTask';
/** The trace category of V8's parse and compile events (V8.ParseFunction, V8.CompileIgnition, BackgroundCompileTask::Run…). */
export const COMPILE_CATEGORY = 'disabled-by-default-v8.compile';
/**
 * V8 compiles functions without their source positions and reparses a function when a stack trace needs them.
 * With a DevTools session's Runtime domain on (Playwright always has it), every Error created captures a detailed
 * stack trace: one created by a script's top level (Svelte's STALE_REACTION) reparses the whole script's top
 * level on the main thread. Users without DevTools never pay it; counted apart.
 */
const SOURCE_POSITIONS = 'V8.CollectSourcePositions';
/** V8's parsing and compiling to bytecode, each event's own time: not Maglev or Turbofan (optimising hot code), nor the reparses for source positions. */
const COMPILE = /^(V8\.(Parse|PreParse|Compile(?!.*(Maglev|Turbofan|TurboFan|Baseline|Sparkplug))|OffThreadFinalization|StreamingFinalization)|BackgroundCompileTask|v8\.(parseOnBackground|compile))/;
// wrappers around every task: they say nothing about what ran
const WRAPPERS = new Set([TASK, 'RunTask', 'Receive mojo message', 'SimpleWatcher::OnHandleReady', 'ThreadPool_RunTask']);

/** Summarises a trace (`browser.stopTracing()`'s bytes) between the TimeStamp marks `from` and `to` (the whole trace without them). */
export function summariseTrace(bytes: Buffer, marks: { from?: string; to?: string } = {}, longMs = 50, heavyMs = 20): TraceSummary {
  const parsed = JSON.parse(bytes.toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const mark = (message: string | undefined) => (message === undefined ? undefined : events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === message));
  const fromMark = mark(marks.from);
  const toMark = mark(marks.to);
  // the page's renderer: the one that stamped the marks, or that navigated to the page, or else the one whose main thread worked most
  const timed = events.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const navigations = events.filter((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith('http'));
  let pid = fromMark?.pid ?? navigations.pop()?.pid;
  if (pid === undefined) {
    const work = new Map<number, number>();
    for (const e of timed) if (e.name === TASK && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain') work.set(e.pid, (work.get(e.pid) ?? 0) + e.dur!);
    pid = [...work].sort((a, b) => b[1] - a[1])[0]?.[0];
  }
  const start = fromMark?.ts ?? Math.min(...timed.map((e) => e.ts));
  const end = toMark?.ts ?? Math.max(...timed.map((e) => e.ts + e.dur!));
  // times of tasks are given from the page's navigation (performance.now()'s zero) when the trace has it
  const navigation = events.filter((e) => e.name === 'navigationStart' && e.pid === pid && e.args?.data?.documentLoaderURL?.startsWith('http')).pop();
  const zero = navigation?.ts ?? start;
  const inWindow = timed.filter((e) => e.pid === pid && e.ts >= start && e.ts + e.dur! <= end);
  const thread = (name: string, taskName = TASK): ThreadWork | null => {
    const tids = new Set([...names].filter(([key, n]) => n === name && key.startsWith(`${pid}:`)).map(([key]) => Number(key.split(':')[1])));
    if (tids.size === 0) return null;
    const own = inWindow.filter((e) => tids.has(e.tid));
    const tasks = own.filter((e) => e.name === taskName);
    const byName = new Map<string, number>();
    // self time: an event's CPU less that of the events directly inside it (events nest on one thread)
    // (each thread's events nest apart from the others': the pool has several)
    const stack: { end: number; e: TraceEvent; inner: number }[] = [];
    const close = (top: { e: TraceEvent; inner: number }) => {
      // a reparse for source positions is counted as such, not as the parsing it is made of
      const reparse = stack.some((s) => s.e.name === SOURCE_POSITIONS);
      const name = reparse ? SOURCE_POSITIONS : WRAPPERS.has(top.e.name) ? '(between events)' : top.e.name;
      byName.set(name, (byName.get(name) ?? 0) + Math.max(0, (top.e.tdur ?? 0) - top.inner) / 1000);
      if (stack.length > 0) stack[stack.length - 1].inner += top.e.tdur ?? 0;
    };
    for (const tid of tids) {
      for (const e of own.filter((o) => o.tid === tid).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)) {
        while (stack.length > 0 && stack[stack.length - 1].end <= e.ts) close(stack.pop()!);
        stack.push({ end: e.ts + e.dur!, e, inner: 0 });
      }
      while (stack.length > 0) close(stack.pop()!);
    }
    return {
      busyMs: tasks.reduce((s, e) => s + e.dur!, 0) / 1000,
      cpuMs: tasks.reduce((s, e) => s + (e.tdur ?? 0), 0) / 1000,
      longTasksCpu: tasks.map((e) => (e.tdur ?? 0) / 1000).filter((ms) => ms > longMs),
      longTasksWall: tasks.filter((e) => e.dur! / 1000 > longMs).map((e) => ({ atMs: (e.ts - zero) / 1000, wallMs: e.dur! / 1000, cpuMs: (e.tdur ?? 0) / 1000 })),
      heavyTasks: tasks.filter((e) => (e.tdur ?? 0) / 1000 >= heavyMs).map((e) => ({ atMs: (e.ts - zero) / 1000, wallMs: e.dur! / 1000, cpuMs: (e.tdur ?? 0) / 1000 })),
      byName: [...byName].sort((a, b) => b[1] - a[1]),
    };
  };
  const processNames = new Map<number, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'process_name') processNames.set(e.pid, e.args?.name ?? '');
  const everyone = new Map<string, number>();
  for (const e of timed) {
    if (!WRAPPERS.has(e.name) || e.ts < start || e.ts + e.dur! > end) continue;
    // only the outermost wrapper of a task counts (a RunTask may hold a Receive mojo message)
    if (e.name !== TASK && e.name !== 'ThreadPool_RunTask') continue;
    const key = `${e.pid === pid ? 'page' : (processNames.get(e.pid) ?? e.pid)}: ${names.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
    everyone.set(key, (everyone.get(key) ?? 0) + (e.tdur ?? 0) / 1000);
  }
  const main = thread('CrRendererMain');
  const worker = thread('DedicatedWorker thread');
  const pool = thread('ThreadPoolForegroundWorker', POOL_TASK);
  const compile = (w: ThreadWork | null) => (w?.byName ?? []).reduce((sum, [name, ms]) => sum + (COMPILE.test(name) ? ms : 0), 0);
  return {
    windowMs: (end - start) / 1000,
    main,
    worker,
    pool,
    compileMs: { main: compile(main), pool: compile(pool), worker: compile(worker) },
    sourcePositionsMs: inWindow
      .filter((e) => e.name === SOURCE_POSITIONS && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain')
      .map((e) => (e.tdur ?? 0) / 1000)
      .sort((a, b) => b - a),
    everyone: [...everyone].sort((a, b) => b[1] - a[1]),
  };
}

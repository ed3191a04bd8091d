/**
 * Replayed traffic from a real access log: the requests' arrival times (ms after the first request), paths,
 * hosts, headers and IPv4 client addresses, in the `replay` arrival shape, bounded to MAX_REPLAY_REQUESTS. Lines
 * that cannot be read are skipped and reported as "line N: reason"; only a log with no readable line fails.
 */

/** The most requests one replay may hold. */
export const MAX_REPLAY_REQUESTS = 100_000;
/** How many skipped-line messages are kept (the count covers them all). */
export const MAX_REPORTED_LINES = 100;
/** The scenario format's longest path and header value. */
export const MAX_PATH_LENGTH = 256;
export const MAX_HEADER_VALUE_LENGTH = 256;

export interface ReplayRequest {
  atMs: number;
  path?: string;
  host?: string;
  headers?: Record<string, string>;
  /** The client's IPv4 address. */
  client?: string;
}

export interface ReplayTraffic {
  kind: 'replay';
  requests: ReplayRequest[];
}

export type ImportResult =
  | {
      ok: true;
      replay: ReplayTraffic;
      /** "line N: reason" for the first MAX_REPORTED_LINES lines skipped. */
      skipped: string[];
      skippedCount: number;
      /** Per request (same order): the server the real balancer chose, when the log says, else null. */
      upstreams: (string | null)[];
    }
  | { ok: false; errors: string[] };

/** One readable line: its absolute time (ms since the epoch) and what the replay keeps. */
export interface ParsedLine {
  timeMs: number;
  request: Omit<ReplayRequest, 'atMs'>;
  upstream: string | null;
}

/** A line parser: a parsed line, or the reason it cannot be read. */
export type LineParser = (line: string) => ParsedLine | string;

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** The address if it is a dotted IPv4 address. */
export function ipv4(address: string): string | undefined {
  return IPV4.test(address) ? address : undefined;
}

/** Headers worth replaying, with values cut to the scenario's limit; undefined when there are none. */
export function headers(entries: [string, string | undefined][]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [name, value] of entries) if (value !== undefined && value !== '' && value !== '-') out[name] = value.slice(0, MAX_HEADER_VALUE_LENGTH);
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Reads a whole log with `parse`, line by line: bounded, sorted by time, times relative to the earliest. */
export function readLog(text: string, parse: LineParser, what: string): ImportResult {
  const parsed: ParsedLine[] = [];
  const skipped: string[] = [];
  let skippedCount = 0;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const r = parse(line);
    if (typeof r === 'string') {
      skippedCount++;
      if (skipped.length < MAX_REPORTED_LINES) skipped.push(`line ${i + 1}: ${r}`);
      continue;
    }
    if (parsed.length === MAX_REPLAY_REQUESTS) {
      return { ok: false, errors: [`line ${i + 1}: the log has more than ${MAX_REPLAY_REQUESTS.toLocaleString('en-US')} requests; a replay holds at most ${MAX_REPLAY_REQUESTS.toLocaleString('en-US')} (cut the log, for example with head -n ${MAX_REPLAY_REQUESTS})`] };
    }
    parsed.push(r);
  }
  if (parsed.length === 0) {
    const reason = skippedCount === 0 ? [`the ${what} is empty`] : [`no line of the ${what} could be read`, ...skipped];
    return { ok: false, errors: reason };
  }
  const order = parsed.map((_, i) => i).sort((a, b) => parsed[a].timeMs - parsed[b].timeMs || a - b);
  const start = parsed[order[0]].timeMs;
  const requests = order.map((i) => ({ atMs: Math.round((parsed[i].timeMs - start) * 1000) / 1000, ...parsed[i].request }));
  return { ok: true, replay: { kind: 'replay', requests }, skipped, skippedCount, upstreams: order.map((i) => parsed[i].upstream) };
}

/** Splits a request target into path and host: "/a?b" or an absolute "http://host:port/a?b". */
export function splitTarget(target: string): { path: string; host?: string } | string {
  if (target.startsWith('/')) return target.length > MAX_PATH_LENGTH ? `the path is longer than ${MAX_PATH_LENGTH} characters` : { path: target };
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return `"${target.slice(0, 60)}" is neither a path nor a URL`;
  }
  const path = `${url.pathname}${url.search}`;
  if (path.length > MAX_PATH_LENGTH) return `the path is longer than ${MAX_PATH_LENGTH} characters`;
  return url.hostname ? { path, host: url.hostname } : { path };
}

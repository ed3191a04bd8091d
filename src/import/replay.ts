/**
 * Replayed traffic from a real access log: the requests' arrival times (ms after the first request), paths,
 * hosts, headers and IPv4 client addresses, in the `replay` arrival shape, bounded to MAX_REPLAY_REQUESTS. Lines
 * that cannot be read are skipped and reported at "line N" with the reason; only a log with no readable line
 * fails. Each reason carries a code and values (scenario/error-codes.ts), so the page words it in its language.
 */
import { coded } from '../scenario/error-codes.ts';
import type { ValidationError } from '../scenario/validated.ts';

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
      /** The first MAX_REPORTED_LINES lines skipped: at "line N", why. */
      skipped: ValidationError[];
      skippedCount: number;
      /** Per request (same order): the server the real balancer chose, when the log says, else null. */
      upstreams: (string | null)[];
    }
  | { ok: false; errors: ValidationError[] };

/** One readable line: its absolute time (ms since the epoch) and what the replay keeps. */
export interface ParsedLine {
  timeMs: number;
  request: Omit<ReplayRequest, 'atMs'>;
  upstream: string | null;
}

/** Why a line cannot be read (coded; its path, the line, is set by readLog). */
export type LineError = ValidationError;

/** A line parser: a parsed line, or the reason it cannot be read. */
export type LineParser = (line: string) => ParsedLine | LineError;

/** The logs readLog reads, as its messages name them ({log} of val_import_empty and val_import_unreadable). */
export type LogName = 'nginx access log' | 'ALB access log';

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

/** A problem as one English line: "line N: reason", or the reason alone for the log as a whole (path "log"). */
export function importLine(e: ValidationError): string {
  return e.path === 'log' ? e.message : `${e.path}: ${e.message}`;
}

/** Reads a whole log with `parse`, line by line: bounded, sorted by time, times relative to the earliest. */
export function readLog(text: string, parse: LineParser, what: LogName): ImportResult {
  const parsed: ParsedLine[] = [];
  const skipped: ValidationError[] = [];
  let skippedCount = 0;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const r = parse(line);
    if ('message' in r) {
      skippedCount++;
      if (skipped.length < MAX_REPORTED_LINES) skipped.push({ ...r, path: `line ${i + 1}` });
      continue;
    }
    if (parsed.length === MAX_REPLAY_REQUESTS) {
      const params = { maxText: MAX_REPLAY_REQUESTS.toLocaleString('en-US'), lines: String(MAX_REPLAY_REQUESTS) };
      return { ok: false, errors: [coded(`line ${i + 1}`, 'val_import_too_many', params)] };
    }
    parsed.push(r);
  }
  if (parsed.length === 0) {
    const reason = skippedCount === 0 ? [coded('log', 'val_import_empty', { log: what })] : [coded('log', 'val_import_unreadable', { log: what }), ...skipped];
    return { ok: false, errors: reason };
  }
  const order = parsed.map((_, i) => i).sort((a, b) => parsed[a].timeMs - parsed[b].timeMs || a - b);
  const start = parsed[order[0]].timeMs;
  const requests = order.map((i) => ({ atMs: Math.round((parsed[i].timeMs - start) * 1000) / 1000, ...parsed[i].request }));
  return { ok: true, replay: { kind: 'replay', requests }, skipped, skippedCount, upstreams: order.map((i) => parsed[i].upstream) };
}

/** Splits a request target into path and host: "/a?b" or an absolute "http://host:port/a?b". */
export function splitTarget(target: string): { path: string; host?: string } | LineError {
  if (target.startsWith('/')) return target.length > MAX_PATH_LENGTH ? coded('', 'val_import_path_long', { max: MAX_PATH_LENGTH }) : { path: target };
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return coded('', 'val_import_not_target', { target: target.slice(0, 60) });
  }
  const path = `${url.pathname}${url.search}`;
  if (path.length > MAX_PATH_LENGTH) return coded('', 'val_import_path_long', { max: MAX_PATH_LENGTH });
  return url.hostname ? { path, host: url.hostname } : { path };
}

/**
 * Real logs in: an nginx access log (combined, optionally with $upstream_addr) or an AWS ALB access log as
 * replayed traffic. Pure text in, plain data out; bounded and validated line by line.
 */
import { looksLikeAlb, parseAlbLine } from './alb-log.ts';
import { parseNginxLine } from './nginx-log.ts';
import { readLog, type ImportResult } from './replay.ts';

export { MAX_REPLAY_REQUESTS, importLine, type ImportResult, type ReplayRequest, type ReplayTraffic } from './replay.ts';

export type LogFormat = 'nginx' | 'alb';

/** Which format the first non-empty line is in. */
export function detectLogFormat(text: string): LogFormat {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return looksLikeAlb(first) ? 'alb' : 'nginx';
}

/** Reads an access log as replayed traffic; `format` defaults to detecting it from the first line. */
export function importAccessLog(text: string, format: LogFormat | 'auto' = 'auto'): ImportResult {
  const f = format === 'auto' ? detectLogFormat(text) : format;
  return f === 'alb' ? readLog(text, parseAlbLine, 'ALB access log') : readLog(text, parseNginxLine, 'nginx access log');
}

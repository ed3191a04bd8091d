/**
 * AWS Application Load Balancer access logs (fields as documented in "Access logs for your Application Load
 * Balancer", space-separated, some double-quoted): type time elb client:port target:port request_processing_time
 * target_processing_time response_processing_time elb_status_code target_status_code received_bytes sent_bytes
 * "request" "user_agent" ssl_cipher ssl_protocol target_group_arn "trace_id" "domain_name" "chosen_cert_arn"
 * matched_rule_priority request_creation_time … The arrival time is request_creation_time (microseconds); older
 * logs without it use `time` less the three processing times.
 */
import { headers, ipv4, splitTarget, type LineError, type ParsedLine } from './replay.ts';
import { coded } from '../scenario/error-codes.ts';

const TOKEN = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/;
const TYPES = new Set(['http', 'https', 'h2', 'grpcs', 'ws', 'wss']);

/** An ALB timestamp (2018-07-02T22:23:00.186641Z) as ms since the epoch, keeping the microseconds. */
export function parseAlbTime(text: string): number | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return Number.isFinite(ms) ? ms + (m[7] ? Number(m[7]) * 1000 : 0) : null;
}

function fields(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(TOKEN)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]);
  return out;
}

/** Does the line look like an ALB log line (for format detection)? */
export function looksLikeAlb(line: string): boolean {
  const f = line.split(' ', 2);
  return TYPES.has(f[0]) && ISO.test(f[1] ?? '');
}

/** One line of an ALB access log. */
export function parseAlbLine(line: string): ParsedLine | LineError {
  const f = fields(line);
  if (f.length < 14) return coded('', 'val_import_alb_fields', { count: f.length });
  if (!TYPES.has(f[0])) return coded('', 'val_import_alb_type', { type: f[0].slice(0, 20), types: { list: [...TYPES], sep: 'comma' } });
  let timeMs = f.length > 21 ? parseAlbTime(f[21]) : null;
  if (timeMs === null) {
    const end = parseAlbTime(f[1]);
    if (end === null) return coded('', 'val_import_alb_time', { time: f[1].slice(0, 40) });
    const spent = [f[5], f[6], f[7]].map(Number).filter((x) => Number.isFinite(x) && x > 0).reduce((a, b) => a + b, 0);
    timeMs = end - spent * 1000;
  }
  const request = f[12];
  const parts = request.split(' ');
  if (parts.length !== 3 || parts[0] === '-') return coded('', 'val_import_alb_request', { request: request.slice(0, 60) });
  const target = splitTarget(parts[1]);
  if ('message' in target) return target;
  const colon = f[3].lastIndexOf(':');
  const client = ipv4(colon > 0 ? f[3].slice(0, colon) : f[3]);
  return {
    timeMs,
    request: {
      path: target.path,
      ...(target.host ? { host: target.host } : {}),
      ...(client ? { client } : {}),
      ...((h) => (h ? { headers: h } : {}))(headers([['user-agent', f[13]]])),
    },
    upstream: f[4] === '-' ? null : f[4],
  };
}

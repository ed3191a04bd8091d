/**
 * nginx access logs in the `combined` format (nginx 1.x, ngx_http_log_module), optionally followed by
 * `$upstream_addr` (as Balancer Lab's nginx export logs them):
 *   $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" [$upstream_addr]
 * Simplifies: $time_local has whole seconds, so requests of one second arrive together, and it is written when
 * the request ends (nginx has no arrival time in this format); the host is known only from an absolute URL.
 */
import { headers, ipv4, splitTarget, type LineError, type ParsedLine } from './replay.ts';
import { coded } from '../scenario/error-codes.ts';

const COMBINED = /^(\S+) \S+ (\S+) \[([^\]]+)\] "((?:[^"\\]|\\.)*)" (\d{3}) (\d+|-) "((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)"(?:\s+(.*))?$/;
const TIME_LOCAL = /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** nginx writes `"`, `\` and control characters in logged strings as \xHH. */
function unescape(s: string): string {
  return s.replace(/\\x([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\\(["\\])/g, '$1');
}

/** `10/Oct/2000:13:55:36 -0700` as ms since the epoch, or null. */
export function parseTimeLocal(text: string): number | null {
  const m = TIME_LOCAL.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]);
  if (month < 0) return null;
  const offsetMin = (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
  const ms = Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6])) - offsetMin * 60_000;
  return Number.isFinite(ms) ? ms : null;
}

/** The server that answered: the last address of $upstream_addr ("a, b" after retries, "a : b" after redirects). */
function lastUpstream(field: string | undefined): string | null {
  if (field === undefined) return null;
  const v = field.trim().replace(/^"(.*)"$/, '$1');
  if (v === '' || v === '-') return null;
  const parts = v.split(/\s*[,:]\s+/);
  const last = parts[parts.length - 1].trim();
  return last === '-' ? null : last;
}

/** One line of a combined-format log. */
export function parseNginxLine(line: string): ParsedLine | LineError {
  const m = COMBINED.exec(line);
  if (!m) return coded('', 'val_import_nginx_format');
  const timeMs = parseTimeLocal(m[3]);
  if (timeMs === null) return coded('', 'val_import_nginx_time', { time: m[3] });
  const request = unescape(m[4]);
  const parts = request.split(' ');
  if (parts.length !== 3 || !/^[A-Z]+$/.test(parts[0]) || !/^HTTP\/\d(\.\d)?$/.test(parts[2])) return coded('', 'val_import_nginx_request', { request: request.slice(0, 60) });
  const target = splitTarget(parts[1]);
  if ('message' in target) return target;
  const client = ipv4(m[1]);
  return {
    timeMs,
    request: {
      path: target.path,
      ...(target.host ? { host: target.host } : {}),
      ...(client ? { client } : {}),
      ...((h) => (h ? { headers: h } : {}))(headers([['referer', unescape(m[7])], ['user-agent', unescape(m[8])]])),
    },
    upstream: lastUpstream(m[9]),
  };
}

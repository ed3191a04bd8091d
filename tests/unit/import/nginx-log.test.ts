// nginx access logs (combined format, optionally with $upstream_addr) read back as replayed traffic.
import { describe, expect, it } from 'vitest';
import { importLine, importAccessLog } from '../../../src/import/index.ts';
import { parseTimeLocal } from '../../../src/import/nginx-log.ts';

const LOG = [
  '203.0.113.7 - - [02/Dec/2026:10:15:30 +0100] "GET /products?page=2 HTTP/1.1" 200 5120 "https://shop.example.com/" "Mozilla/5.0 (X11; Linux x86_64)" 10.1.0.1:80',
  '198.51.100.23 - alice [02/Dec/2026:10:15:31 +0100] "POST /cart/add HTTP/1.1" 302 0 "-" "curl/8.5.0" 10.1.0.2:80, 10.1.0.3:80',
  '\\x16\\x03\\x01\\x00\\xa5\\x01 garbage that is not a log line',
  '2001:db8::1 - - [02/Dec/2026:10:15:33 +0100] "GET /health HTTP/1.1" 200 2 "-" "kube-probe/1.29" -',
  '192.0.2.1 - - [02/Dec/2026:10:15:34 +0100] "\\x16\\x03\\x01" 400 157 "-" "-" -',
  '192.0.2.9 - - [02/Dec/2026:10:15:35 +0100] "GET http://api.example.com:8080/v1/users HTTP/1.1" 200 99 "-" "say \\x22hi\\x22"',
  '',
].join('\n');

describe('nginx combined log import', () => {
  it('reads $time_local with its offset: 10:15:30 +0100 is 09:15:30 UTC', () => {
    expect(parseTimeLocal('02/Dec/2026:10:15:30 +0100')).toBe(Date.UTC(2026, 11, 2, 9, 15, 30));
    expect(parseTimeLocal('10/Oct/2000:13:55:36 -0700')).toBe(Date.UTC(2000, 9, 10, 20, 55, 36));
    expect(parseTimeLocal('32/Foo/2000:13:55:36 -0700')).toBeNull();
  });

  it('turns each readable line into a request at its second after the first line', () => {
    const r = importAccessLog(LOG, 'nginx');
    if (!r.ok) throw new Error(r.errors.map(importLine).join('\n'));
    expect(r.replay.kind).toBe('replay');
    expect(r.replay.requests.map((q) => q.atMs)).toEqual([0, 1000, 3000, 5000]);
    expect(r.replay.requests[0]).toEqual({
      atMs: 0,
      path: '/products?page=2',
      client: '203.0.113.7',
      headers: { referer: 'https://shop.example.com/', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64)' },
    });
    expect(r.replay.requests[1]).toEqual({ atMs: 1000, path: '/cart/add', client: '198.51.100.23', headers: { 'user-agent': 'curl/8.5.0' } });
  });

  it('keeps a request from an IPv6 client, without a client address (the replay takes IPv4)', () => {
    const r = importAccessLog(LOG, 'nginx');
    if (!r.ok) throw new Error('not ok');
    expect(r.replay.requests[2]).toEqual({ atMs: 3000, path: '/health', headers: { 'user-agent': 'kube-probe/1.29' } });
  });

  it('takes the host from an absolute URL and unescapes nginx\'s \\xHH', () => {
    const r = importAccessLog(LOG, 'nginx');
    if (!r.ok) throw new Error('not ok');
    expect(r.replay.requests[3]).toMatchObject({ path: '/v1/users', host: 'api.example.com', headers: { 'user-agent': 'say "hi"' } });
  });

  it('reports the server that answered from $upstream_addr (the last one after a retry), null when absent', () => {
    const r = importAccessLog(LOG, 'nginx');
    if (!r.ok) throw new Error('not ok');
    expect(r.upstreams).toEqual(['10.1.0.1:80', '10.1.0.3:80', null, null]);
  });

  it('skips unreadable lines and says which and why', () => {
    const r = importAccessLog(LOG, 'nginx');
    if (!r.ok) throw new Error('not ok');
    expect(r.skippedCount).toBe(2);
    expect(importLine(r.skipped[0])).toMatch(/^line 3: not in the combined log format/);
    expect(importLine(r.skipped[1])).toMatch(/^line 5: the request "\x16\x03\x01" is not "METHOD target HTTP\/x.y"/);
  });

  it('sorts lines written out of order and counts time from the earliest', () => {
    const r = importAccessLog(
      ['10.0.0.2 - - [02/Dec/2026:10:00:05 +0000] "GET /b HTTP/1.1" 200 1 "-" "-"', '10.0.0.1 - - [02/Dec/2026:10:00:03 +0000] "GET /a HTTP/1.1" 200 1 "-" "-"'].join('\n'),
    );
    if (!r.ok) throw new Error('not ok');
    expect(r.replay.requests.map((q) => [q.path, q.atMs])).toEqual([['/a', 0], ['/b', 2000]]);
  });

  it('fails when no line is readable, listing the lines', () => {
    const r = importAccessLog('hello\nworld\n', 'nginx');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(importLine(r.errors[0])).toBe('no line of the nginx access log could be read');
    expect(r.errors.slice(1).map((e) => importLine(e).slice(0, 7))).toEqual(['line 1:', 'line 2:']);
    const empty = importAccessLog('\n\n', 'nginx');
    expect(empty.ok ? [] : empty.errors.map(importLine)).toEqual(['the nginx access log is empty']);
  });
});

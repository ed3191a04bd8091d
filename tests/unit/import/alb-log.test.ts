// AWS ALB access logs read back as replayed traffic: arrival at request_creation_time, to the microsecond.
import { describe, expect, it } from 'vitest';
import { importLine, detectLogFormat, importAccessLog } from '../../../src/import/index.ts';
import { parseAlbTime } from '../../../src/import/alb-log.ts';

// the first line is the example of the AWS documentation; the others vary it
const LOG = [
  'http 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.46.0" - - arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "Root=1-58337262-36d228ad5d99923122bbe354" "-" "-" 0 2018-07-02T22:22:48.364000Z "forward" "-" "-" "10.0.0.1:80" "200" "-" "-"',
  'https 2018-07-02T22:23:00.300000Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.40:2818 10.0.0.2:80 0.001 0.020 0.000 200 200 120 800 "GET https://shop.example.com:443/search?q=lb HTTP/1.1" "Mozilla/5.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "Root=1-58337262-36d228ad5d99923122bbe355" "shop.example.com" "arn:aws:acm:us-east-2:123456789012:certificate/12345678-1234-1234-1234-123456789012" 1 2018-07-02T22:22:48.364250Z "forward" "-" "-" "10.0.0.2:80" "200" "-" "-"',
  'h2 2018-07-02T22:23:01.000000Z app/my-loadbalancer/50dc6c495c0c9188 [2001:db8::1]:443 - -1 -1 -1 400 - 0 0 "- - - " "-" - - - "-" "-" "-" - 2018-07-02T22:23:01.000000Z "-" "-" "-" "-" "-" "-" "-"',
  'http 2018-07-02T22:23:02.500000Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.41:2900 10.0.0.1:80 0.000 0.500 0.000 200 200 34 366 "GET http://www.example.com:80/slow HTTP/1.1" "curl/7.46.0"',
].join('\n');

describe('ALB access log import', () => {
  it('reads timestamps to the microsecond', () => {
    expect(parseAlbTime('2018-07-02T22:22:48.364250Z')).toBe(Date.UTC(2018, 6, 2, 22, 22, 48) + 364.25);
    expect(parseAlbTime('yesterday')).toBeNull();
  });

  it('is recognised by its first line', () => {
    expect(detectLogFormat(LOG)).toBe('alb');
    expect(detectLogFormat('127.0.0.1 - - [02/Dec/2026:10:15:30 +0100] "GET / HTTP/1.1" 200 1 "-" "-"')).toBe('nginx');
  });

  it('places each request at its request_creation_time, relative to the earliest', () => {
    const r = importAccessLog(LOG);
    if (!r.ok) throw new Error(r.errors.map(importLine).join('\n'));
    // 48.364000 and 48.364250: a quarter of a millisecond apart
    expect(r.replay.requests.slice(0, 2).map((q) => q.atMs)).toEqual([0, 0.25]);
  });

  it('takes path (with its query), host, client address and user agent from the line', () => {
    const r = importAccessLog(LOG);
    if (!r.ok) throw new Error('not ok');
    expect(r.replay.requests[0]).toEqual({ atMs: 0, path: '/', host: 'www.example.com', client: '192.168.131.39', headers: { 'user-agent': 'curl/7.46.0' } });
    expect(r.replay.requests[1]).toMatchObject({ path: '/search?q=lb', host: 'shop.example.com', client: '192.168.131.40', headers: { 'user-agent': 'Mozilla/5.0' } });
  });

  it('without request_creation_time (older logs), arrival is time less the processing times', () => {
    const r = importAccessLog(LOG);
    if (!r.ok) throw new Error('not ok');
    // 22:23:02.500 − 0.5 s = 22:23:02.000, which is 13,636 ms after 22:22:48.364
    expect(r.replay.requests[2]).toMatchObject({ path: '/slow', atMs: 13_636 });
  });

  it('reports the target that answered, and skips a line without a request', () => {
    const r = importAccessLog(LOG);
    if (!r.ok) throw new Error('not ok');
    expect(r.upstreams).toEqual(['10.0.0.1:80', '10.0.0.2:80', '10.0.0.1:80']);
    expect(r.skipped.map(importLine)).toEqual(['line 3: the request "- - - " is not "METHOD URL HTTP/x.y"']);
  });

  it('skips a truncated line with the number of fields it has', () => {
    const r = importAccessLog(`${LOG.split('\n')[0]}\nhttp 2018-07-02T22:23:00.186641Z app/x 1.2.3.4:5`);
    if (!r.ok) throw new Error('not ok');
    expect(r.skipped.map(importLine)).toEqual(['line 2: an ALB log line has at least 14 fields up to "user_agent", this one has 4']);
  });
});

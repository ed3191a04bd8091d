// The nginx export's structure, derived from real-systems.md §1 and docs/scenario-format.md rather than copied
// from its output: which directive each algorithm becomes, what the server lines carry, and what is listed as
// not exported.
import { describe, expect, it } from 'vitest';
import { exportConfig } from '../../../src/export/index.ts';
import { ALGORITHM_NAMES } from '../../../src/scenario/algorithm-names.ts';
import { allScenarios, everyLayer4Setting, everyLayer7Setting, repositoryScenarios } from './support/fixtures.ts';

/** The lines of `upstream <name> { … }`, comments stripped. */
function upstream(text: string, name: string): string[] {
  const start = text.indexOf(`upstream ${name} {`);
  const body = text.slice(start, text.indexOf('\n  }', start));
  return body.split('\n').slice(1).map((l) => l.replace(/\s+#.*$/, '').trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

describe('nginx export', () => {
  it('every line that is not a comment, a brace or blank names its lab setting (or why it is there) in a comment', () => {
    for (const [name, s] of allScenarios()) {
      for (const b of s.balancers) {
        const lines = exportConfig(s, 'nginx', { balancer: b.id }).text.split('\n');
        const bare = lines.filter((l) => l.trim() !== '' && !l.trim().startsWith('#') && !/^\s*[{}]\s*$/.test(l) && !/^(default|"(?:[^"\\]|\\.)*"|[\d.]+%|\*)\s.*;$/.test(l.trim()) && !l.includes(' # '));
        expect(bare, `${name}/${b.id}`).toEqual([]);
      }
    }
  });

  it('maps each algorithm to its nearest nginx method (real-systems §1.3–1.9; no least_time or Maglev in open source)', () => {
    const text = exportConfig(everyLayer7Setting(), 'nginx').text;
    const method = Object.fromEntries(ALGORITHM_NAMES.map((a) => [a, upstream(text, `g-${a}`).find((l) => !l.startsWith('zone') && !l.startsWith('server')) ?? '(default)']));
    expect(method).toEqual({
      'round-robin': '(default)',
      'weighted-round-robin': '(default)',
      'least-connections': 'least_conn;',
      'least-outstanding-requests': 'least_conn;',
      random: 'random;',
      'power-of-two-choices': 'random two least_conn;',
      'peak-ewma': 'random two least_conn;',
      'least-response-time': 'least_conn;',
      'ip-hash': 'ip_hash;',
      hash: 'hash $http_x_user;',
      'consistent-hash': 'hash $cookie_session_id consistent;',
      maglev: 'hash $arg_user consistent;',
      'flow-hash': 'random;',
      // HAProxy's algorithms have no exact nginx twin: the nearest method, with a note
      'haproxy-roundrobin': '(default)',
      'haproxy-static-rr': '(default)',
      'haproxy-leastconn': 'least_conn;',
      'haproxy-first': 'least_conn;',
      'haproxy-source': 'ip_hash;',
      'haproxy-hash': 'hash $uri;',
    });
  });

  it('weights 2.5 : 1 become weight=5 and weight 2 (same ratio); round robin and least outstanding requests drop weights; weight 0 is down', () => {
    const text = exportConfig(everyLayer7Setting(), 'nginx').text;
    // group 1 has the HAProxy check preset (fall 3, rise 2 × inter 2 s), approximated by max_fails=3 fail_timeout=4s
    expect(upstream(text, 'g-weighted-round-robin').filter((l) => l.startsWith('server'))).toEqual(['server 10.1.1.1:80 weight=5 max_fails=3 fail_timeout=4s;', 'server 10.1.1.2:80 weight=2 max_fails=3 fail_timeout=4s;', 'server 10.1.1.3:80 weight=2 max_fails=3 fail_timeout=4s;']);
    // group 0 has nginx passive health (3 failures in 20 s); its third target has weight 0
    expect(upstream(text, 'g-round-robin').filter((l) => l.startsWith('server'))).toEqual(['server 10.1.0.1:80 max_fails=3 fail_timeout=20s;', 'server 10.1.0.2:80 max_fails=3 fail_timeout=20s;', 'server 10.1.0.3:80 down max_fails=3 fail_timeout=20s;']);
    // group 3: no passive nginx health, an NLB check (2 failures; back after 5 passes × 30 s) approximates it
    expect(upstream(text, 'g-least-outstanding-requests').filter((l) => l.startsWith('server'))[0]).toBe('server 10.1.3.1:80 max_fails=2 fail_timeout=150s;');
  });

  it('three servers: default round robin, no failure accounting and no retries, as in the lab', () => {
    const s = repositoryScenarios().find(([n]) => n === 'scenarios/three-servers.json')![1];
    const text = exportConfig(s, 'nginx').text;
    // the zone: 64 KB plus 1 KB per server
    expect(upstream(text, 'web')).toEqual(['zone web 67k;', 'server 10.1.0.1:80 max_fails=0;', 'server 10.1.0.2:80 max_fails=0;', 'server 10.1.0.3:80 max_fails=0;']);
    expect(text).toMatch(/listen 80;/);
    expect(text).toMatch(/proxy_pass http:\/\/web;/);
    expect(text).toMatch(/proxy_next_upstream off;/);
    expect(text).toMatch(/proxy_read_timeout 60s;/);
  });

  it('rules become regex maps tried in order, the rate limit a limit_req zone whose burst counts beyond the first request', () => {
    const text = exportConfig(everyLayer7Setting(), 'nginx').text;
    expect(text).toMatch(/map "\$lab_443_r0_path\$lab_443_r1_host.*" \$lab_443_group \{/);
    expect(text).toMatch(/"~\^1" g-weighted-round-robin;\s+# balancers\[0\]\.listeners\[0\]\.rules\[0\]\.forward/);
    expect(text).toMatch(/"~\^01" g-least-connections;/);
    // 2.5 requests per second is 150 per minute; a bucket of 20 lets 20 through at once: nginx burst=19
    expect(text).toMatch(/limit_req_zone \$binary_remote_addr zone=lab_rate:10m rate=150r\/m;/);
    expect(text).toMatch(/limit_req zone=lab_rate burst=19 nodelay;/);
    // 3 : 1 : 0 weighted default action
    expect(text).toMatch(/split_clients \$request_id \$lab_80_weighted \{.*\n\s+75% g-round-robin;.*\n\s+\* g-weighted-round-robin;/);
  });

  it('lists what nginx open source cannot do, with the setting and the reason', () => {
    const r = exportConfig(everyLayer7Setting(), 'nginx');
    for (const expected of ['targetGroups[0].slowStart: `slow_start=` is NGINX Plus only', 'balancers[0].waf: nginx has no web application firewall', 'targetGroups[1].circuitBreaker: nginx has no circuit breaker']) {
      expect(r.notExported.some((n) => n.startsWith(expected)), expected).toBe(true);
    }
    for (const n of r.notExported) expect(r.text).toContain(`#   - ${n}`);
  });

  it('layer 4 goes to a stream block: ip_hash becomes hash $remote_addr, idle timeout proxy_timeout, UDP listen … udp', () => {
    const text = exportConfig(everyLayer4Setting(), 'nginx').text;
    expect(text).toMatch(/^load_module \/usr\/lib\/nginx\/modules\/ngx_stream_module\.so;/m);
    expect(text).toMatch(/^stream \{/m);
    expect(upstream(text, 'iphash')[1]).toBe('hash $remote_addr;');
    expect(text).toMatch(/listen 5353 udp;/);
    expect(text).toMatch(/proxy_timeout 120s;/);
  });
});

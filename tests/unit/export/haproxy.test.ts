// The HAProxy export's structure, derived from real-systems.md §2: balance per algorithm, check parameters
// from the resolved health check, retries with redispatch, stickiness, and the rules as ACLs in order.
import { describe, expect, it } from 'vitest';
import { exportConfig } from '../../../src/export/index.ts';
import { ALGORITHM_NAMES } from '../../../src/scenario/algorithm-names.ts';
import { statusRegex } from '../../../src/export/haproxy/quote.ts';
import { allScenarios, everyLayer4Setting, everyLayer7Setting } from './support/fixtures.ts';
import { world } from '../engine/support/haproxy.ts';
import { checked } from '../engine/support/scenarios.ts';

/** The lines of a section (`backend x`, `frontend y`), comments stripped. */
function section(text: string, header: string): string[] {
  const start = text.indexOf(`\n${header} `) + 1;
  const rest = text.slice(start).split('\n');
  const end = rest.findIndex((l, i) => i > 0 && (l === '' || /^\S/.test(l)));
  return rest.slice(1, end).map((l) => l.replace(/\s+#.*$/, '').trim());
}

describe('HAProxy export', () => {
  it('every line that is not a comment or blank names its lab setting (or why it is there)', () => {
    for (const [name, s] of allScenarios()) {
      for (const b of s.balancers) {
        const bare = exportConfig(s, 'haproxy', { balancer: b.id }).text.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#') && !l.includes(' # '));
        expect(bare, `${name}/${b.id}`).toEqual([]);
      }
    }
  });

  it('maps each algorithm to its nearest balance (real-systems §2.3–2.8)', () => {
    const text = exportConfig(everyLayer7Setting(), 'haproxy').text;
    const balance = Object.fromEntries(ALGORITHM_NAMES.map((a) => [a, section(text, `backend g-${a}`).filter((l) => l.startsWith('balance') || l.startsWith('hash-type')).join('; ')]));
    expect(balance).toEqual({
      'round-robin': 'balance roundrobin',
      'weighted-round-robin': 'balance roundrobin',
      'least-connections': 'balance leastconn',
      'least-outstanding-requests': 'balance leastconn',
      random: 'balance random(1)',
      'power-of-two-choices': 'balance random(2)',
      'peak-ewma': 'balance random(2)',
      'least-response-time': 'balance leastconn',
      'ip-hash': 'balance source; hash-type map-based',
      hash: 'balance hdr(x-user); hash-type map-based',
      'consistent-hash': 'balance hash req.cook(session_id); hash-type consistent',
      maglev: 'balance url_param user; hash-type consistent',
      'flow-hash': 'balance random(1)',
      // HAProxy's own algorithms export as themselves
      'haproxy-roundrobin': 'balance roundrobin',
      'haproxy-static-rr': 'balance static-rr',
      'haproxy-leastconn': 'balance leastconn',
      'haproxy-first': 'balance first',
      // no hashType set: HAProxy's default, map-based, needs no hash-type line
      'haproxy-source': 'balance source',
      'haproxy-hash': 'balance uri path-only',
    });
  });

  it('the HAProxy preset becomes check inter 2s rise 2 fall 3, with fastinter and downinter; retries 2 tries → retries 1 with redispatch', () => {
    const text = exportConfig(everyLayer7Setting(), 'haproxy').text;
    const g1 = section(text, 'backend g-weighted-round-robin');
    expect(g1).toContain('option httpchk GET /');
    expect(g1).toContain(`http-check expect rstatus '${statusRegex('200-399')}'`);
    expect(g1.find((l) => l.startsWith('server'))).toBe('server weighted-round-robin-1 10.1.1.1:80 weight 5 check inter 2s fastinter 500ms downinter 5s rise 2 fall 3 observe layer7 error-limit 3 on-error mark-down slowstart 30s cookie weighted-round-robin-1');
    const g0 = section(text, 'backend g-round-robin');
    expect(g0).toEqual(expect.arrayContaining(['retries 1', 'option redispatch 1', 'retry-on conn-failure empty-response response-timeout 503', 'timeout server 2500ms', 'cookie LABSERVER insert indirect nocache maxidle 3600s']));
  });

  it('HAProxy-style retries and haproxy-cookie are written as HAProxy spells them', () => {
    const doc = world({
      algorithm: 'haproxy-roundrobin',
      group: { retries: { style: 'haproxy', retries: 2, redispatch: -1, connectTimeoutMs: 300, on: ['conn-failure', '503'] }, stickiness: { kind: 'haproxy-cookie', name: 'SRV' } },
      requests: [{ atMs: 0 }],
    });
    const g = section(exportConfig(checked(doc), 'haproxy').text, 'backend bk');
    expect(g).toEqual(expect.arrayContaining(['retries 2', 'option redispatch', 'timeout connect 300ms', 'retry-on conn-failure 503', 'cookie SRV insert indirect nocache']));
    expect(g.find((l) => l.startsWith('server a '))).toMatch(/ cookie a$/);
    const off = world({ algorithm: 'haproxy-roundrobin', group: { retries: { style: 'haproxy' } }, requests: [{ atMs: 0 }] });
    expect(section(exportConfig(checked(off), 'haproxy').text, 'backend bk').some((l) => l.startsWith('option redispatch'))).toBe(false);
  });

  it('a status matcher becomes the tightest regex: 200-399 → 2xx or 3xx', () => {
    expect(statusRegex('200-399')).toBe('^(2[0-9][0-9]|3[0-9][0-9])$');
    expect(statusRegex('200-299,302')).toBe('^(2[0-9][0-9]|302)$');
    expect(statusRegex('201-212')).toBe('^(201|202|203|204|205|206|207|208|209|21[0-9])$'.replace('21[0-9]', '210|211|212'));
  });

  it('rules become ACLs and use_backend lines in list order; the weighted default one draw per request', () => {
    const text = exportConfig(everyLayer7Setting(), 'haproxy').text;
    const fe = section(text, 'frontend edge_443');
    expect(fe.filter((l) => l.startsWith('use_backend')).slice(0, 2)).toEqual(['use_backend g-weighted-round-robin if lab_r0_path', 'use_backend g-least-connections if lab_r1_host']);
    expect(fe).toContain("acl lab_r0_path path_beg '/r0/a.b+c'");
    expect(fe).toContain("acl lab_r3_cookie req.fhdr(cookie) -m reg '(^|;\\s*)ab test=v\"3'\\''(;|$)'");
    const weighted = section(text, 'frontend edge_80');
    expect(weighted).toEqual(expect.arrayContaining(['http-request set-var(txn.lab_draw) rand(4)', 'use_backend g-round-robin if { var(txn.lab_draw) -m int lt 3 }', 'default_backend g-weighted-round-robin']));
    expect(section(text, 'frontend edge_8080')).toContain('default_backend lab_no_route');
  });

  it('layer 4: mode tcp, balance source for a hash group, stick on src for source-IP stickiness', () => {
    const text = exportConfig(everyLayer4Setting(), 'haproxy').text;
    expect(section(text, 'backend hashed')).toEqual(expect.arrayContaining(['mode tcp', 'balance source', 'hash-type consistent']));
    expect(section(text, 'backend sticky')).toEqual(expect.arrayContaining(['stick-table type ip size 1m', 'stick on src']));
  });
});

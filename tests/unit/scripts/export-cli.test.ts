// `npm run export` as a user runs it: a child process, its stdout, stderr and exit code.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;

function exportCli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/export.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run export', () => {
  it('prints the configuration of each format on stdout', () => {
    for (const [format, first] of [['nginx', '# nginx configuration'], ['haproxy', '# HAProxy configuration'], ['envoy', '# Envoy bootstrap'], ['terraform', '# Terraform for AWS']]) {
      const r = exportCli('scenarios/three-servers.json', '--format', format);
      expect(r.code, r.err).toBe(0);
      expect(r.err).toBe('');
      expect(r.out.startsWith(first)).toBe(true);
    }
  });

  it('--balancer chooses the balancer of a configuration for one machine', () => {
    const r = exportCli('scenarios/two-regions-dns-failover.json', '--format', 'haproxy', '--balancer', 'alb-west');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^frontend alb-west_443/m);
    expect(r.out).toMatch(/balancers\[0\] "alb-east": one HAProxy configuration describes one balancer machine; export this one separately \(--balancer alb-east\)/);
  });

  it('an invalid scenario: the validator\'s messages with their JSON paths, exit 1, nothing on stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-cli-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, name: 'bad', traffic: { arrival: { kind: 'poisson', ratePerSec: 1 } }, balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }], targetGroups: [{ id: 'web', algorithm: 'round-robin', targets: [{ id: 'a', wieght: 2, serviceTimeMs: { dist: 'constant', valueMs: 1 } }] }] }));
    const r = exportCli(file, '--format', 'nginx');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(`${file}: invalid scenario\ntargetGroups[0].targets[0]: unknown field "wieght" (check the spelling; see docs/scenario-format.md)\n`);
  });

  it('bad arguments: the usage line, exit 2', () => {
    for (const args of [[], ['scenarios/three-servers.json'], ['scenarios/three-servers.json', '--format', 'caddy'], ['scenarios/three-servers.json', '--format', 'nginx', '--verbose'], ['nope.json', '--format', 'nginx'], ['scenarios/three-servers.json', '--format', 'nginx', '--balancer', 'zz']]) {
      const r = exportCli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/usage: npm run --silent export -- <scenario\.json> --format nginx\|haproxy\|envoy\|terraform/);
    }
  });
});

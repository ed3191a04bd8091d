// Every exported nginx configuration passes `nginx -t` and every exported HAProxy configuration passes
// `haproxy -c`, for every balancer of every example, lesson and hand-made scenario. The files go to a temp
// directory with a throw-away self-signed certificate for the TLS listeners; nothing needs root paths.
import { beforeAll, describe, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportConfig } from '../../../src/export/index.ts';
import { itWith } from './support/binaries.ts';
import { allScenarios } from './support/fixtures.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';

const scenarios = allScenarios();
const balancerIds = [...new Set(scenarios.flatMap(([, s]) => s.balancers.map((b) => b.id)))];
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lab-export-check-'));
  mkdirSync(join(dir, 'certs'));
  // one throw-away certificate, copied under each balancer's name (the exports expect <certDir>/<balancer>.pem)
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=balancer-lab.test', '-days', '2', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const pem = readFileSync(join(dir, 'cert.pem'), 'utf8') + readFileSync(join(dir, 'key.pem'), 'utf8');
  for (const id of balancerIds) writeFileSync(join(dir, 'certs', `${id}.pem`), pem);
});

function check(kind: 'nginx' | 'haproxy', name: string, balancer: string, text: string): void {
  const file = join(dir, `${name.replace(/[^a-z0-9]+/gi, '_')}-${balancer}.${kind === 'nginx' ? 'conf' : 'cfg'}`);
  writeFileSync(file, text);
  const r =
    kind === 'nginx'
      ? spawnSync('nginx', ['-t', '-p', dir, '-c', file, '-e', join(dir, 'error.log'), '-g', `pid ${join(dir, 'nginx.pid')};`], { encoding: 'utf8' })
      : spawnSync('haproxy', ['-c', '-f', file], { encoding: 'utf8' });
  expect(r.status, `${kind} rejected ${file}:\n${r.stdout}${r.stderr}`).toBe(0);
}

describe('nginx -t accepts every exported nginx configuration', () => {
  for (const [name, s] of scenarios) {
    itWith({ nginx: true })(name, () => {
      for (const b of s.balancers) check('nginx', name, b.id, exportConfig(s, 'nginx', { balancer: b.id, paths: { certDir: join(dir, 'certs'), logDir: dir } }).text);
    });
  }
});

describe('haproxy -c accepts every exported HAProxy configuration', () => {
  for (const [name, s] of scenarios) {
    itWith({ haproxy: true })(name, () => {
      for (const b of s.balancers) check('haproxy', name, b.id, exportConfig(s, 'haproxy', { balancer: b.id, paths: { certDir: join(dir, 'certs') } }).text);
    });
  }
});

describe('the largest group the format allows', () => {
  const v = validateScenario({
    schemaVersion: 1,
    name: '10,000 targets',
    traffic: { arrival: { kind: 'poisson', ratePerSec: 1 } },
    balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
    targetGroups: [{ id: 'web', algorithm: 'consistent-hash', targets: Array.from({ length: 10_000 }, (_, i) => ({ id: `t${i}`, serviceTimeMs: { dist: 'constant', valueMs: 1 } })) }],
  });
  if (!v.ok) throw new Error('invalid');
  // nginx keeps an upstream's servers in its shared-memory zone, which must grow with them
  itWith({ nginx: true })('nginx: 10,000 servers fit in the upstream zone', () => check('nginx', 'big', 'lb', exportConfig(v.value, 'nginx', { paths: { logDir: dir } }).text));
  itWith({ haproxy: true })('HAProxy: 10,000 servers in one backend', () => check('haproxy', 'big', 'lb', exportConfig(v.value, 'haproxy').text));
});

// The strongest proof that the lab teaches what real balancers do: the exported nginx and HAProxy configurations
// run for real on 127.0.0.1 in front of three tiny backends (a, b, c), take a sequence of sequential requests,
// and pick the same backends, in the same order, as the simulator does for the same sequence.
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import { exportConfig } from '../../../src/export/index.ts';
import { importAccessLog } from '../../../src/import/index.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateScenario } from '../../../src/scenario/validate.ts';
import type { Scenario } from '../../../src/scenario/schema.ts';
import { itWith } from './support/binaries.ts';
import { freePort, get, sequential, startBackend, startHaproxy, startNginx, stopBackend, type Backend, type RunningBalancer } from './support/real-servers.ts';

let backends: Backend[] = [];
const running = new Set<RunningBalancer>();

beforeAll(async () => {
  backends = await Promise.all(['a', 'b', 'c'].map(startBackend));
});

afterAll(async () => {
  await Promise.all([...running].map((r) => r.stop()));
  await Promise.all(backends.map(stopBackend));
});

interface Lab {
  algorithm: string;
  weights?: number[];
  hashKey?: string;
  /** Requests, one per simulated second (constant arrivals, far apart, 1 ms of service). */
  requests?: number;
  clients?: { count: number; ipBase: string };
  headers?: Record<string, string>;
}

/** A scenario whose one group's targets are the running backends, listening on `port`. */
function scenario(lab: Lab, port: number): Scenario {
  const n = lab.requests ?? 1;
  const v = validateScenario({
    schemaVersion: 1,
    name: `real pick order: ${lab.algorithm}`,
    durationSec: n + 0.5,
    traffic: {
      arrival: { kind: 'constant', ratePerSec: 1 },
      clients: lab.clients ?? { count: 1, ipBase: '127.0.0.1' },
      mix: [{ name: 'only', headers: lab.headers ?? {}, share: 1 }],
    },
    balancers: [{ id: 'lb', listeners: [{ port, defaultForward: 'web' }] }],
    targetGroups: [
      {
        id: 'web',
        algorithm: lab.algorithm,
        hashKey: lab.hashKey ?? 'client-ip',
        targets: backends.map((b, i) => ({ id: b.name, weight: lab.weights?.[i] ?? 1, concurrency: 4, serviceTimeMs: { dist: 'constant', valueMs: 1 }, address: `127.0.0.1:${b.port}` })),
      },
    ],
  });
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

/** The simulator's picks, in arrival order. */
function simulatedPicks(s: Scenario): string[] {
  const picks: { id: number; target: string | null }[] = [];
  const sim = createSimulation(s, { onRequestDone: (r) => picks.push({ id: r.id, target: r.target }) });
  sim.runUntil(s.durationSec * 1000);
  return picks.sort((x, y) => x.id - y.id).map((p) => p.target ?? '-');
}

async function withBalancer<T>(kind: 'nginx' | 'haproxy', s: Scenario, port: number, body: (lb: RunningBalancer) => Promise<T>): Promise<T> {
  const config = (dir: string) => exportConfig(s, kind, { paths: { logDir: dir, certDir: dir } }).text;
  const lb = kind === 'nginx' ? await startNginx(config, port) : await startHaproxy(config, port);
  running.add(lb);
  try {
    return await body(lb);
  } finally {
    await lb.stop();
    running.delete(lb);
  }
}

/** Runs the same requests through the simulator and through the real balancer. */
async function both(kind: 'nginx' | 'haproxy', lab: Lab): Promise<{ simulated: string[]; real: string[] }> {
  const port = await freePort();
  const s = scenario(lab, port);
  const simulated = simulatedPicks(s);
  const real = await withBalancer(kind, s, port, () => sequential(simulated, () => get(port, { headers: lab.headers })));
  return { simulated, real };
}

describe('exported nginx picks what the simulator picks', () => {
  itWith({ nginx: true })('smooth weighted round robin 5-1-1: a a b a c a a, twice (real-systems NGX-SWRR-1)', async () => {
    const { simulated, real } = await both('nginx', { algorithm: 'weighted-round-robin', weights: [5, 1, 1], requests: 14 });
    expect(simulated.join(' ')).toBe('a a b a c a a a a b a c a a');
    expect(real).toEqual(simulated);
  });

  itWith({ nginx: true })('its access log, imported back, replays the same requests and names the same servers', async () => {
    const port = await freePort();
    const s = scenario({ algorithm: 'weighted-round-robin', weights: [5, 1, 1], requests: 7 }, port);
    const { real, log } = await withBalancer('nginx', s, port, async (lb) => {
      const picks = await sequential([1, 2, 3, 4, 5, 6, 7], (i) => get(port, { path: `/item/${i}` }));
      await lb.stop();
      return { real: picks, log: readFileSync(join(lb.dir, 'balancer-lab-lb.access.log'), 'utf8') };
    });
    const imported = importAccessLog(log, 'nginx');
    if (!imported.ok) throw new Error(imported.errors.join('\n'));
    expect(imported.skippedCount).toBe(0);
    expect(imported.replay.requests.map((r) => [r.path, r.client])).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => [`/item/${i}`, '127.0.0.1']));
    const byAddress = new Map(backends.map((b) => [`127.0.0.1:${b.port}`, b.name]));
    expect(imported.upstreams.map((u) => byAddress.get(u ?? ''))).toEqual(real);
    expect(real.join(' ')).toBe('a a b a c a a');
  });

  itWith({ nginx: true })('least_conn with one request at a time breaks every tie by smooth WRR, so 5-1-1 gives the same order', async () => {
    const { simulated, real } = await both('nginx', { algorithm: 'least-connections', weights: [5, 1, 1], requests: 7 });
    expect(simulated.join(' ')).toBe('a a b a c a a');
    expect(real).toEqual(simulated);
  });

  itWith({ nginx: true })('round robin: strict rotation a b c', async () => {
    const { simulated, real } = await both('nginx', { algorithm: 'round-robin', requests: 6 });
    expect(simulated.join(' ')).toBe('a b c a b c');
    expect(real).toEqual(simulated);
  });

  // ip_hash reads $remote_addr: the client connects from 127.x.y.z (all of 127/8 is loopback on Linux)
  const ips = ['127.0.0.1', '127.0.1.5', '127.0.2.9', '127.1.0.1', '127.5.6.7', '127.200.3.4'];
  for (const [weights, expected] of [
    [[1, 1, 1], 'c a b b a c'],
    [[5, 1, 1], 'a a a a b b'],
  ] as const) {
    itWith({ nginx: true })(`ip_hash with weights ${weights.join('-')}: each client address goes where the simulator sends it (real-systems NGX-IPHASH-1)`, async () => {
      const port = await freePort();
      const simulated = ips.map((ip) => simulatedPicks(scenario({ algorithm: 'ip-hash', weights: [...weights], clients: { count: 1, ipBase: ip } }, port))[0]);
      expect(simulated.join(' ')).toBe(expected);
      const s = scenario({ algorithm: 'ip-hash', weights: [...weights] }, port);
      const real = await withBalancer('nginx', s, port, () => sequential(ips, (ip) => get(port, { localAddress: ip })));
      expect(real).toEqual(simulated);
    });
  }

  // `hash $http_x_key [consistent]`: the lab's hashKey "header:x-key"
  const keys = ['user1', 'user2', 'user3', 'alice', 'bob', 'carol', '/img/1.png', '/img/2.png', 'session-42', 'x'];
  for (const algorithm of ['hash', 'consistent-hash']) {
    itWith({ nginx: true })(`${algorithm === 'hash' ? 'hash $http_x_key' : 'hash $http_x_key consistent'}: every key goes where the simulator sends it`, async () => {
      const port = await freePort();
      const simulated = keys.map((k) => simulatedPicks(scenario({ algorithm, hashKey: 'header:x-key', headers: { 'x-key': k } }, port))[0]);
      // the modulo hash does not depend on the servers' addresses: real-systems NGX-HASH-1 gives it exactly
      if (algorithm === 'hash') expect(simulated.join(' ')).toBe('a b b b c a c b c b');
      const s = scenario({ algorithm, hashKey: 'header:x-key' }, port);
      const real = await withBalancer('nginx', s, port, () => sequential(keys, (k) => get(port, { headers: { 'x-key': k } })));
      expect(real).toEqual(simulated);
    });
  }
});

describe('exported HAProxy picks what the simulator picks', () => {
  itWith({ haproxy: true })('roundrobin with equal weights: a b c a b c a b c', async () => {
    const { simulated, real } = await both('haproxy', { algorithm: 'round-robin', requests: 9 });
    expect(simulated.join(' ')).toBe('a b c a b c a b c');
    expect(real).toEqual(simulated);
  });

  itWith({ haproxy: true })('leastconn (ALB least outstanding requests) with one request at a time: idle servers take turns', async () => {
    const { simulated, real } = await both('haproxy', { algorithm: 'least-outstanding-requests', requests: 6 });
    expect(simulated.join(' ')).toBe('a b c a b c');
    expect(real).toEqual(simulated);
  });
});

// Listener rules: the lab routes like an ALB (first matching rule; host and header patterns case-insensitive with
// wildcards; path prefixes and cookie values exact). Each probe is simulated alone, then sent to the real balancer.
interface Probe {
  path: string;
  host: string;
  headers?: Record<string, string>;
  cookie?: [string, string];
}
const probes: Probe[] = [
  { path: '/api/orders', host: 'shop.example.com' },
  { path: '/api/orders', host: 'example.org' },
  { path: '/API/orders', host: 'shop.example.com' },
  { path: '/', host: 'x.test', headers: { 'x-team': 'BLUE-7' } },
  { path: '/api', host: 'SHOP.EXAMPLE.COM', headers: { 'x-team': 'blue' } },
  { path: '/', host: 'x.test', cookie: ['ab', 'b'] },
  { path: '/', host: 'x.test', cookie: ['ab', 'bb'] },
];

function routedScenario(port: number, probe: Probe): Scenario {
  const v = validateScenario({
    schemaVersion: 1,
    name: 'real routing',
    durationSec: 1.5,
    traffic: {
      arrival: { kind: 'constant', ratePerSec: 1 },
      clients: { count: 1, ipBase: '127.0.0.1', ...(probe.cookie ? { cookies: [{ name: probe.cookie[0], values: [{ value: probe.cookie[1], share: 1 }] }] } : {}) },
      mix: [{ name: 'probe', path: probe.path, host: probe.host, headers: probe.headers ?? {}, share: 1 }],
    },
    balancers: [
      {
        id: 'lb',
        listeners: [
          {
            port,
            rules: [
              { match: { pathPrefix: '/api', host: '*.example.com' }, forward: 'ga' },
              { match: { header: { name: 'X-Team', value: 'blue*' } }, forward: 'gb' },
              { match: { cookie: { name: 'ab', value: 'b' } }, forward: 'ga' },
            ],
            defaultForward: 'gc',
          },
        ],
      },
    ],
    targetGroups: backends.map((b) => ({ id: `g${b.name}`, algorithm: 'round-robin', targets: [{ id: b.name, serviceTimeMs: { dist: 'constant', valueMs: 1 }, address: `127.0.0.1:${b.port}` }] })),
  });
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

describe('exported listener rules route like the simulator', () => {
  for (const kind of ['nginx', 'haproxy'] as const) {
    itWith({ [kind]: true })(`${kind}: path prefix and host, header and cookie rules, first match wins, else the default`, async () => {
      const port = await freePort();
      const simulated = probes.map((p) => simulatedPicks(routedScenario(port, p))[0]);
      // derived from the rules: /api + *.example.com → a; other hosts or /API → default c; X-Team blue* → b; ab=b → a
      expect(simulated.join(' ')).toBe('a c c b a a c');
      const real = await withBalancer(kind, routedScenario(port, probes[0]), port, () =>
        sequential(probes, (p) => get(port, { path: p.path, headers: { host: p.host, ...(p.headers ?? {}), ...(p.cookie ? { cookie: `x=1; ${p.cookie[0]}=${p.cookie[1]}` } : {}) } })),
      );
      expect(real).toEqual(simulated);
    });
  }
});

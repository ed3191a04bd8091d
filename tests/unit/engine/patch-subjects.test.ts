// Every subject of a scenario can be patched mid-run: for each, a patch at 20 s of an example world is
// accepted, the scenario on record is the patched one, and the run goes on consistently (every request
// counted once: arrived = ok + failed + in flight), with the patch's effect visible where it can be seen.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../../src/engine/index.ts';
import type { Change } from '../../../src/scenario/schema.ts';
import { checked } from './support/scenarios.ts';

const example = (name: string) => checked(JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8')));

function consistent(sim: Simulation): void {
  const m = sim.metrics();
  expect(m.requests.total).toBe(m.requests.ok + m.requests.failed + m.requests.inFlight);
  const byTarget = Object.values(m.targets).reduce((n, t) => n + t.inFlight, 0);
  expect(byTarget).toBeLessThanOrEqual(m.requests.inFlight);
}

type Case = [subject: string, world: string, change: Change, check: (sim: Simulation) => void];

const cases: Case[] = [
  ['a listener\'s TLS and the balancer\'s CPU', 'three-servers', { action: 'patch', patches: [
    { op: 'replace', path: '/balancers/0/listeners/0/protocol', value: 'https' },
    { op: 'add', path: '/balancers/0/listeners/0/tls', value: { mode: 'terminate' } },
    { op: 'add', path: '/balancers/0/capacity', value: { cpuCores: 0.02, routeCpuMs: 0.5 } },
  ] }, (sim) => expect(sim.metrics().failures['lb-overloaded']).toBeGreaterThan(0)],
  ['rate limiting and a WAF', 'three-servers', { action: 'patch', patches: [
    { op: 'add', path: '/balancers/0/rateLimit', value: { ratePerSec: 0.01, burst: 1 } },
    { op: 'add', path: '/balancers/0/waf', value: {} },
  ] }, (sim) => expect(sim.metrics().failures['rate-limited']).toBeGreaterThan(0)],
  ['cross-zone balancing off', 'health-check-blind-window', { action: 'patch', op: 'add', path: '/balancers/0/crossZone', value: false }, (sim) => expect(sim.scenario.balancers[0].crossZone).toBe(false)],
  ['a second balancer and the entry point', 'three-servers', { action: 'patch', patches: [
    { op: 'add', path: '/balancers/-', value: { id: 'lb2', listeners: [{ port: 80, defaultForward: 'web' }] } },
    { op: 'add', path: '/traffic/balancer', value: 'lb2' },
  ] }, (sim) => expect(sim.snapshot().infra.balancers.map((b) => b.id)).toEqual(['lb', 'lb2'])],
  ['the DNS TTL', 'two-regions-dns-failover', { action: 'patch', path: '/dns/ttlSec', value: 5 }, (sim) => expect(sim.scenario.dns!.ttlSec).toBe(5)],
  ['the DNS routing policy and its records', 'two-regions-dns-failover', { action: 'patch', patches: [
    { op: 'replace', path: '/dns/policy', value: 'weighted' },
    { op: 'replace', path: '/dns/records', value: [{ id: 'east', balancer: 'alb-east', weight: 1 }, { id: 'west', balancer: 'alb-west', weight: 1 }] },
  ] }, (sim) => expect(sim.snapshot().infra.dns.map((r) => r.id)).toEqual(['east', 'west'])],
  ['a database proxy and pool sizes', 'black-friday-autoscaling', { action: 'patch', patches: [
    { op: 'add', path: '/databases/0/proxy', value: true },
    { op: 'replace', path: '/targetGroups/0/database/poolSize', value: 5 },
  ] }, (sim) => expect(sim.snapshot().infra.databases[0].proxy).toBe(true)],
  ['a new database', 'three-servers', { action: 'patch', patches: [
    { op: 'add', path: '/databases', value: [{ id: 'db', maxConnections: 1, queryTimeMs: { dist: 'constant', valueMs: 1 } }] },
    { op: 'add', path: '/targetGroups/0/database', value: { id: 'db', poolSize: 1 } },
  ] }, (sim) => expect(sim.snapshot().infra.databases[0].starved).toBe(1)],
  ['a scaling group\'s bounds and a new policy', 'black-friday-autoscaling', { action: 'patch', patches: [
    { op: 'replace', path: '/scalingGroups/0/max', value: 4 },
    { op: 'add', path: '/scalingGroups/0/policies/-', value: { kind: 'scheduled', actions: [{ atSec: 25, desired: 4 }] } },
  ] }, (sim) => expect(sim.scaling()[0].max).toBe(4)],
  ['removing a scaling group', 'black-friday-autoscaling', { action: 'patch', op: 'remove', path: '/scalingGroups/0' }, (sim) => expect(sim.scaling().length).toBe(1)],
  ['a deployment', 'three-servers', { action: 'patch', patches: [
    { op: 'add', path: '/targetGroups/-', value: { id: 'green', algorithm: 'round-robin', targets: [{ id: 'g1', concurrency: 4, serviceTimeMs: 100 }] } },
    { op: 'add', path: '/deployments', value: [{ id: 'release', balancer: 'lb', from: 'web', to: 'green', kind: 'canary', atSec: 25, steps: [{ percent: 50, holdSec: 10 }] }] },
  ] }, (sim) => expect(sim.snapshot().infra.deployments[0]).toMatchObject({ state: 'done', percent: 50 })],
  ['request classes and service times per class', 'three-servers', { action: 'patch', patches: [
    { op: 'add', path: '/traffic/mix', value: [{ name: 'page', path: '/', share: 1 }, { name: 'search', path: '/search', share: 1 }] },
    { op: 'add', path: '/targetGroups/0/targets/0/serviceTimeByClass', value: { search: 1000 } },
  ] }, (sim) => expect(sim.metrics().targets.a.meanLatencyMs).toBeGreaterThan(sim.metrics().targets.b.meanLatencyMs)],
  ['clients, NAT and cookies', 'sticky-vs-shared-sessions', { action: 'patch', patches: [
    { op: 'replace', path: '/traffic/clients/count', value: 5000 },
    { op: 'add', path: '/traffic/clients/nat', value: { share: 0.5, addresses: 2 } },
  ] }, (sim) => expect(sim.scenario.traffic.clients.count).toBe(5000)],
  ['the rate and its profile', 'rush-hour', { action: 'patch', patches: [
    { op: 'replace', path: '/traffic/arrival/ratePerSec', value: 5 },
    { op: 'remove', path: '/traffic/profile' },
  ] }, (sim) => expect(sim.series().arrived.at(-1)!).toBeLessThan(20)],
  ['a DDoS wave', 'three-servers', { action: 'patch', op: 'add', path: '/traffic/attacks/-', value: { atSec: 22, durationSec: 5, ratePerSec: 100, bots: 10 } }, (sim) => expect(sim.metrics().edge.attackRequests).toBeGreaterThan(300)],
  ['closed-loop users and think time', 'closed-loop-users', { action: 'patch', path: '/traffic/arrival/users', value: 3 }, (sim) => expect(sim.scenario.traffic.arrival.kind === 'closed' && sim.scenario.traffic.arrival.users).toBe(3)],
  ['stickiness and the session store', 'sticky-vs-shared-sessions', { action: 'patch', patches: [
    { op: 'remove', path: '/targetGroups/0/stickiness' },
    { op: 'replace', path: '/targetGroups/0/sessionStore', value: { kind: 'replicated', costPerWriteMs: 2 } },
  ] }, (sim) => expect(sim.scenario.targetGroups[0].sessionStore.kind).toBe('replicated')],
  ['passive health, a circuit breaker, slow start and the timeout', 'three-servers', { action: 'patch', patches: [
    { op: 'add', path: '/targetGroups/0/passiveHealth', value: { kind: 'nginx', maxFails: 1, failTimeoutSec: 10 } },
    { op: 'add', path: '/targetGroups/0/circuitBreaker', value: {} },
    { op: 'add', path: '/targetGroups/0/slowStart', value: { kind: 'linear', durationSec: 30 } },
    { op: 'replace', path: '/targetGroups/0/requestTimeoutMs', value: 50 },
  ] }, (sim) => expect(sim.metrics().failures.timeout).toBeGreaterThan(0)],
  ['a target\'s slots, weight, zone and instance type', 'health-check-blind-window', { action: 'patch', patches: [
    { op: 'replace', path: '/targetGroups/0/targets/0/concurrency', value: 1 },
    { op: 'replace', path: '/targetGroups/0/targets/0/weight', value: 3 },
    { op: 'add', path: '/targetGroups/0/targets/0/instanceType', value: 'c5.large' },
  ] }, (sim) => expect(sim.topology().targets[0].instanceType).toBe('c5.large')],
  ['removing a target and a group', 'two-regions-dns-failover', { action: 'patch', op: 'remove', path: '/targetGroups/1/targets/0' }, (sim) => expect(sim.topology().targets.filter((t) => t.registered).length).toBe(sim.scenario.targetGroups.flatMap((g) => g.targets).length)],
];

describe('every part of a scenario can change while it runs', () => {
  it.each(cases)('%s', (_subject, world, change, check) => {
    const sim = createSimulation(example(world));
    sim.runUntil(20_000);
    consistent(sim);
    expect(sim.apply(change)).toBeNull();
    sim.runUntil(40_000);
    consistent(sim);
    check(sim);
    // and a fresh run replaying the same change at the same time gives the same result (rewind, share links)
    const again = createSimulation(example(world));
    again.runUntil(20_000);
    again.apply(change);
    again.runUntil(40_000);
    expect(again.metrics()).toEqual(sim.metrics());
  });
});

// Releasing versions: weighted target groups, canaries that roll back on errors, blue/green, A/B by cookie.
import { describe, expect, it } from 'vitest';
import { createSimulation, type TraceRecord } from '../../../src/engine/index.ts';
import { checked } from './support/scenarios.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';

const svc = { dist: 'constant' as const, valueMs: 10 };

function release(kind: 'canary' | 'blue-green', greenErrorShare: number): ScenarioInput {
  return {
    schemaVersion: 1,
    name: 'release',
    traffic: { arrival: { kind: 'poisson', ratePerSec: 50 } },
    balancers: [{ id: 'alb', listeners: [{ port: 443, protocol: 'https', defaultForward: 'blue' }] }],
    targetGroups: [
      { id: 'blue', algorithm: 'round-robin', targets: [{ id: 'blue-1', concurrency: 20, serviceTimeMs: svc }] },
      { id: 'green', algorithm: 'round-robin', targets: [{ id: 'green-1', concurrency: 20, serviceTimeMs: svc, errorShare: greenErrorShare }] },
    ],
    deployments: [{ id: 'v2', kind, atSec: 10, balancer: 'alb', from: 'blue', to: 'green', steps: [{ percent: 10, holdSec: 60 }, { percent: 50, holdSec: 60 }, { percent: 100, holdSec: 60 }], rollback: { errorRatePercent: 5, minRequests: 20 } }],
  };
}

describe('canary', () => {
  it('a bad version (20 % errors) is rolled back after the first 10 % step', () => {
    const out: TraceRecord[] = [];
    const s = createSimulation(checked(release('canary', 0.2)), { onRequestDone: (r) => out.push(r) });
    s.runUntil(300_000);
    const rolled = s.events().find((e) => e.kind === 'deploy' && /rolled back/.test(e.message));
    expect(rolled?.timeMs).toBe(70_000);
    expect(rolled?.message).toMatch(/v2 rolled back: green failed \d+\.\d % of \d+ requests \(limit 5 %\)/);
    // during the step about a tenth went to green; afterwards none
    const during = out.filter((r) => r.arrivalMs >= 10_000 && r.arrivalMs < 70_000);
    const share = during.filter((r) => r.target === 'green-1').length / during.length;
    expect(share).toBeGreaterThan(0.07);
    expect(share).toBeLessThan(0.13);
    expect(out.filter((r) => r.arrivalMs > 70_001).some((r) => r.target === 'green-1')).toBe(false);
    // the blast radius: only the canary's share of users saw errors
    expect(s.metrics().failures.error).toBeLessThan(100);
  });

  it('a good version walks through every step and ends with all traffic', () => {
    const s = createSimulation(checked(release('canary', 0)));
    s.runUntil(300_000);
    const log = s.events().filter((e) => e.kind === 'deploy').map((e) => e.message);
    expect(log).toEqual([
      'v2: 10 % of requests to green, watched for 60 s',
      'v2: 50 % of requests to green, watched for 60 s',
      'v2: 100 % of requests to green, watched for 60 s',
      'v2 finished: green takes 100 % of the traffic',
    ]);
    const before = s.metrics().targets['blue-1'].requests;
    s.runUntil(400_000);
    expect(s.metrics().targets['blue-1'].requests).toBe(before);
  });
});

describe('blue/green', () => {
  it('switches everything at once, and a bad green is switched back after one watch period', () => {
    const s = createSimulation(checked(release('blue-green', 0.2)));
    s.runUntil(9_000);
    expect(s.metrics().targets['green-1'].requests).toBe(0);
    s.runUntil(69_000);
    const mid = s.metrics();
    expect(mid.targets['blue-1'].requests).toBeLessThan(600);
    expect(mid.targets['green-1'].requests).toBeGreaterThan(2500);
    s.runUntil(200_000);
    expect(s.events().some((e) => /rolled back/.test(e.message))).toBe(true);
    // a whole-fleet switch exposes everyone: many more errors than the canary
    expect(s.metrics().failures.error).toBeGreaterThan(400);
  });
});

describe('A/B routing and weights', () => {
  it('a cookie rule sends the B bucket to its own group', () => {
    const doc: ScenarioInput = {
      schemaVersion: 1,
      name: 'ab',
      traffic: { arrival: { kind: 'poisson', ratePerSec: 100 }, clients: { count: 1000, cookies: [{ name: 'ab', values: [{ value: 'A', share: 0.8 }, { value: 'B', share: 0.2 }] }] } },
      balancers: [{ id: 'alb', listeners: [{ port: 80, rules: [{ match: { cookie: { name: 'ab', value: 'B' } }, forward: 'b' }], defaultForward: 'a' }] }],
      targetGroups: ['a', 'b'].map((g) => ({ id: g, algorithm: 'round-robin' as const, targets: [{ id: `${g}-1`, concurrency: 20, serviceTimeMs: svc }] })),
    };
    const out: TraceRecord[] = [];
    const s = createSimulation(checked(doc), { onRequestDone: (r) => out.push(r) });
    s.runUntil(60_000);
    expect(s.metrics().targets['b-1'].requests / s.metrics().requests.total).toBeCloseTo(0.2, 1);
    // a client always lands on the same side
    const side = new Map<number, string | null>();
    for (const r of out) {
      if (side.has(r.client)) expect(side.get(r.client)).toBe(r.target);
      side.set(r.client, r.target);
    }
  });

  it('weights set live split the traffic by weight', () => {
    const s = createSimulation(checked(release('canary', 0)));
    s.apply({ action: 'set-forward-weights', balancer: 'alb', weights: [{ group: 'blue', weight: 3 }, { group: 'green', weight: 1 }] });
    s.runUntil(9_000);
    const m = s.metrics().targets;
    expect(m['green-1'].requests / (m['green-1'].requests + m['blue-1'].requests)).toBeCloseTo(0.25, 1);
  });
});

describe('what the view can show', () => {
  it('a snapshot carries the live weights and the deployment step', () => {
    const s = createSimulation(checked(release('canary', 0)));
    s.runUntil(80_000);
    const infra = s.snapshot().infra;
    expect(infra.forwards).toEqual([{ balancer: 'alb', port: 443, weights: [{ group: 'blue', weight: 50 }, { group: 'green', weight: 50 }] }]);
    expect(infra.deployments).toEqual([{ id: 'v2', from: 'blue', to: 'green', state: 'running', percent: 50 }]);
  });
});

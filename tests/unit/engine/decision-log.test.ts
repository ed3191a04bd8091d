// Decisions in the event log carry the numbers behind them (engine/decisions.ts), and the UI's sentence
// (viz/decision-words.ts) says them. Each expected value is derived in the comment beside it from the
// documented rules, not copied from a run.
import { describe, expect, it } from 'vitest';
import { createSimulation, type SimEvent, type Simulation } from '../../../src/engine/index.ts';
import { checked } from './support/scenarios.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';
import { decisionWords } from '../../../src/viz/decision-words.ts';

const svc = { dist: 'constant' as const, valueMs: 20 };

function world(extras: Record<string, unknown>, targets: number, ratePerSec: number, events: unknown[]): Simulation {
  const doc: ScenarioInput = {
    schemaVersion: 1,
    name: 'decisions',
    traffic: { arrival: { kind: 'constant', ratePerSec } },
    balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
    targetGroups: [{ id: 'web', algorithm: 'round-robin', targets: Array.from({ length: targets }, (_, i) => ({ id: String.fromCharCode(97 + i), concurrency: 10, serviceTimeMs: svc })), ...extras }],
    events: events as ScenarioInput['events'],
  };
  return createSimulation(checked(doc));
}

const find = (s: Simulation, kind: string, subject?: string): SimEvent[] => s.events().filter((e) => e.kind === kind && (subject === undefined || e.subject === subject));

describe('health transitions carry the check results that crossed the threshold', () => {
  it('ALB: b crashes at 45 s; probes at 70 s and 100 s are refused → 2 fails of unhealthy threshold 2', () => {
    const s = world({ healthCheck: { preset: 'aws-alb' } }, 3, 30, [{ atSec: 45, action: 'crash', target: 'b' }, { atSec: 110, action: 'recover', target: 'b' }]);
    s.runUntil(260_000);
    const down = find(s, 'unhealthy', 'b')[0];
    expect(down.timeMs).toBe(100_001);
    expect(down.decision).toEqual({ kind: 'health-check', to: 'unhealthy', model: 'consecutive', results: [false, false], threshold: 2, lastFailure: 'connection refused', immediate: false });
    expect(decisionWords(down.decision!)).toBe('last 2 checks: fail, fail — 2 of unhealthy threshold 2 reached; last failure: connection refused');
    // recovered at 110 s: passes at 130, 160, 190, 220 and 250 s (5 ms each) reach healthy threshold 5
    const up = find(s, 'healthy', 'b')[0];
    expect(up.timeMs).toBe(250_005);
    expect(up.decision).toEqual({ kind: 'health-check', to: 'healthy', model: 'consecutive', results: [true, true, true, true, true], threshold: 5, lastFailure: null, immediate: false });
  });

  it('Envoy: a 500 from the check marks it unhealthy at once (1 result, threshold 3 not needed)', () => {
    const s = world({ healthCheck: { preset: 'envoy', deep: true } }, 2, 10, [{ atSec: 3, action: 'break-dependency', target: 'a' }]);
    s.runUntil(20_000);
    const down = find(s, 'unhealthy', 'a')[0];
    expect(down.decision).toMatchObject({ kind: 'health-check', to: 'unhealthy', results: [false], threshold: 3, immediate: true, lastFailure: 'answered HTTP 500' });
    expect(decisionWords(down.decision!)).toBe('check results fail: answered HTTP 500 marks it unhealthy at once (unhealthy threshold 3 not needed)');
  });
});

describe('ejections and circuits carry their counts', () => {
  it('Envoy outlier detection: 5 consecutive errors eject a for 30 s, then 2 × 30 = 60 s; at most max(1, ⌊5 × 10 %⌋) = 1 ejected', () => {
    const s = world({ passiveHealth: { kind: 'envoy-outlier' } }, 5, 50, [{ atSec: 10, action: 'errors', target: 'a', share: 1 }]);
    s.runUntil(120_000);
    const [first, second] = find(s, 'ejected', 'a');
    expect(first.decision).toEqual({ kind: 'ejection', consecutiveErrors: 5, threshold: 5, ejections: 1, baseEjectionSec: 30, ejectionSec: 30, ejectedNow: 1, maxEjected: 1 });
    expect(second.decision).toMatchObject({ ejections: 2, ejectionSec: 60 });
    expect(decisionWords(second.decision!)).toBe('5 consecutive errors reached consecutive_5xx 5; ejected 1 of at most 1; time 30 s × ejection 2 = 60 s');
  });

  it('a circuit opens at the first failure that makes failures ≥ 50 % of the window: as many failures as successes before them', () => {
    const cb = { errorRatePercent: 50, minRequests: 10, windowSec: 10, openSec: 30, halfOpenRequests: 3 };
    const s = world({ circuitBreaker: cb }, 2, 20, [{ atSec: 5, action: 'errors', target: 'a', share: 1 }, { atSec: 20, action: 'recover', target: 'a' }]);
    s.runUntil(5_000);
    // every answer a gave in its first 5 s was a success, all inside the 10 s window
    const okBefore = s.metrics().targets.a.ok;
    s.runUntil(60_000);
    const [opened, half, closed] = find(s, 'circuit', 'a');
    expect(opened.decision).toEqual({ kind: 'circuit', to: 'open', failed: okBefore, seen: 2 * okBefore, errorRatePercent: 50, minRequests: 10, windowSec: 10, probes: 3, openSec: 30 });
    expect(decisionWords(opened.decision!)).toBe(`${okBefore} of ${2 * okBefore} requests in the last 10 s failed = 50 % ≥ 50 % (at least 10 seen) → open for 30 s`);
    expect(half.decision).toMatchObject({ to: 'half-open', probes: 3 });
    expect(closed.decision).toMatchObject({ to: 'closed', probes: 3 });
    expect(decisionWords(closed.decision!)).toBe('all 3 probe requests succeeded → closed');
  });

  it('nginx max_fails: 1 failure within 10 s disables the target for 10 s', () => {
    const s = world({ passiveHealth: { kind: 'nginx', maxFails: 1, failTimeoutSec: 10 } }, 2, 10, [{ atSec: 2, action: 'crash', target: 'b' }]);
    s.runUntil(4_000);
    const e = find(s, 'passive', 'b')[0];
    expect(e.decision).toEqual({ kind: 'max-fails', failures: 1, maxFails: 1, failTimeoutSec: 10 });
  });
});

describe("Route 53's checkers vote", () => {
  it('8 checkers, 30 s, 3 in a row: after a region outage at 100 s the record fails when 1 of 8 (12.5 % ≤ 18 %) says healthy', () => {
    const doc: ScenarioInput = {
      schemaVersion: 1,
      name: 'regions',
      traffic: { arrival: { kind: 'poisson', ratePerSec: 20 }, clients: { count: 200 } },
      balancers: [
        { id: 'east', region: 'us-east-1', listeners: [{ port: 80, defaultForward: 'east-web' }] },
        { id: 'west', region: 'us-west-2', listeners: [{ port: 80, defaultForward: 'west-web' }] },
      ],
      targetGroups: ['east', 'west'].map((r) => ({ id: `${r}-web`, algorithm: 'round-robin' as const, targets: [{ id: `${r}1`, concurrency: 50, serviceTimeMs: svc }] })),
      dns: {
        policy: 'failover',
        ttlSec: 60,
        records: [
          { id: 'primary', balancer: 'east', failover: 'primary' as const },
          { id: 'secondary', balancer: 'west', failover: 'secondary' as const },
        ],
        healthChecks: { intervalSec: 30, failureThreshold: 3, checkers: 8 },
      },
      events: [{ atSec: 100, action: 'region-outage', region: 'us-east-1' }],
    };
    const s = createSimulation(checked(doc));
    s.runUntil(300_000);
    const e = find(s, 'dns-unhealthy', 'primary')[0];
    // probes every 30 / 8 = 3.75 s, probe n by checker n mod 8; the first after 100 s is n = 27 (101.25 s).
    // Checkers flip at their 3rd failed probe, 16 probes (60 s) after their first: the 7th to flip (first
    // failed probe n = 33) does so at probe 49 = 183.75 s, leaving 1 of 8 healthy.
    expect(e.timeMs).toBe(183_750);
    expect(e.decision).toEqual({ kind: 'dns-vote', record: 'primary', healthy: false, healthyCheckers: 1, checkers: 8, thresholdPercent: 18, failureThreshold: 3, intervalSec: 30 });
    expect(decisionWords(e.decision!)).toBe('1 of 8 Route 53 checkers say healthy (12.5 %), not more than 18 %: unhealthy; each checker probes every 30 s and changes its mind after 3 results in a row');
  });
});

describe('scaling decisions in a run', () => {
  it('the event names the policy, the alarm and the formula; desired moves as the formula says', () => {
    const doc = {
      schemaVersion: 1,
      name: 'scaling',
      traffic: { arrival: { kind: 'constant', ratePerSec: 35 } },
      balancers: [{ id: 'alb', listeners: [{ port: 80, defaultForward: 'web' }] }],
      targetGroups: [{ id: 'web', algorithm: 'round-robin', targets: ['web-1', 'web-2'].map((id) => ({ id, concurrency: 2, instanceType: 'm5.large', serviceTimeMs: { dist: 'constant', valueMs: 100 } })) }],
      scalingGroups: [{ id: 'asg', targetGroup: 'web', min: 1, max: 20, bootSec: 60, warmupSec: 120, policies: [{ kind: 'target-tracking', metric: 'CPUUtilization', targetValue: 50 }] }],
    } as unknown as ScenarioInput;
    const s = createSimulation(checked(doc));
    s.runUntil(600_000);
    const e = find(s, 'scaling', 'asg')[0];
    expect(e).toBeDefined();
    const d = e.decision!;
    if (d.kind !== 'scaling' || d.formula?.kind !== 'target-tracking' || d.alarm === null) throw new Error(`unexpected decision ${JSON.stringify(d)}`);
    // 35 req/s × 100 ms = 3.5 busy slots of 2 × 2 = 4: CPU 87.5 % > 50 for 3 of 3 minutes → ceil(2 × 87.5 / 50)
    // = ceil(3.5) = 4 (a load of exactly 75 % would land on ceil(3.000…02) = 4 through float sums: see the report)
    expect(d.alarm.breaching).toBe(3);
    expect(d.alarm.needed).toBe(3);
    expect(d.formula.base).toBe(2);
    expect(d.formula.result).toBe(Math.ceil((2 * d.formula.metric) / 50));
    expect(d.from).toBe(2);
    expect(d.to).toBe(d.formula.result);
    expect(d.formula.metric).toBeCloseTo(87.5, 1);
    expect(d.to).toBe(4);
    expect(decisionWords(d)).toMatch(/^target CPUUtilization 50: 3 of 3 one-minute datapoints of CPUUtilization \(Average\) above 50: 87\.\d+, 87\.5, 87\.5; 3 needed → ALARM; ceil\(2 × 87\.5 \/ 50\) = ceil\(3\.5\) = 4; desired 2 → 4$/);
  });
});

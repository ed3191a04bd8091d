// Health checks as processes over time. Expected times are derived from the documented rules: probes of
// target i (of n) start at interval × i / n and repeat every interval; a refused connection answers in
// 1 ms, a shallow HTTP check in 5 ms, a hung target at the timeout.
import { describe, expect, it } from 'vitest';
import { createSimulation, HEALTH_STATES, TF, TARGET_STRIDE, type Simulation } from '../../../../src/engine/index.ts';
import { checked } from '../support/scenarios.ts';
import type { ScenarioInput } from '../../../../src/scenario/schema.ts';
import { validateChange, validateScenario } from '../../../../src/scenario/validate.ts';

type GroupExtras = Record<string, unknown>;

function world(extras: GroupExtras, o: { targets?: number; ratePerSec?: number; serviceMs?: number; algorithm?: string; events?: unknown[] } = {}): ScenarioInput {
  const n = o.targets ?? 3;
  return {
    schemaVersion: 1,
    name: 'health',
    traffic: { arrival: { kind: 'constant', ratePerSec: o.ratePerSec ?? 30 } },
    balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
    targetGroups: [
      {
        id: 'web',
        algorithm: (o.algorithm ?? 'round-robin') as 'round-robin',
        targets: Array.from({ length: n }, (_, i) => ({ id: String.fromCharCode(97 + i), concurrency: 10, serviceTimeMs: { dist: 'constant' as const, valueMs: o.serviceMs ?? 20 } })),
        ...extras,
      },
    ],
    events: (o.events ?? []) as ScenarioInput['events'],
  };
}

function sim(doc: ScenarioInput): Simulation {
  return createSimulation(checked(doc));
}

function health(s: Simulation, index: number): string {
  return HEALTH_STATES[s.snapshot().targets[index * TARGET_STRIDE + TF.health]];
}

function eventTime(s: Simulation, kind: string, subject: string): number | undefined {
  return s.events().find((e) => e.kind === kind && e.subject === subject)?.timeMs;
}

describe('active health checks with ALB defaults (HTTP, 30 s, timeout 5 s, healthy 5, unhealthy 2)', () => {
  const alb = { healthCheck: { preset: 'aws-alb' } };

  it('a target that crashes at 45 s leaves rotation at its second failed check: probes at 70 s and 100 s', () => {
    const s = sim(world(alb, { events: [{ atSec: 45, action: 'crash', target: 'b' }] }));
    s.runUntil(100_000);
    expect(health(s, 1)).toBe('healthy');
    s.runUntil(100_001);
    expect(health(s, 1)).toBe('unhealthy');
    expect(eventTime(s, 'unhealthy', 'b')).toBe(100_001);
    expect(s.events().find((e) => e.kind === 'unhealthy')?.message).toBe('b marked unhealthy: 2 consecutive checks failed (connection refused)');
    const w = s.health().windows[0];
    expect(w).toMatchObject({ target: 'b', cause: 'crashed', failedAtMs: 45_000, detectMs: 55_001, detectedBy: 'active health check' });
    // round robin sent b a third of 30 req/s for 55 s: every one of them failed
    expect(w.failedRequests).toBe(s.metrics().targets.b.failed);
    expect(w.failedRequests).toBeGreaterThan(540);
    // after detection no request reaches b
    const sent = s.metrics().targets.b.requests;
    s.runUntil(150_000);
    expect(s.metrics().targets.b.requests).toBe(sent);
  });

  it('a hung target is caught by timeouts: results arrive 5 s after the probes at 70 s and 100 s', () => {
    const s = sim(world(alb, { events: [{ atSec: 45, action: 'hang', target: 'b' }] }));
    s.runUntil(200_000);
    expect(eventTime(s, 'unhealthy', 'b')).toBe(105_000);
    expect(s.events().find((e) => e.kind === 'unhealthy')?.message).toMatch(/timed out after 5 s/);
  });

  it('a recovered target needs 5 consecutive passes: recovered at 110 s → healthy at 250.005 s', () => {
    const s = sim(world(alb, { events: [{ atSec: 45, action: 'crash', target: 'b' }, { atSec: 110, action: 'recover', target: 'b' }] }));
    s.runUntil(250_004);
    expect(health(s, 1)).toBe('unhealthy');
    s.runUntil(250_005);
    expect(health(s, 1)).toBe('healthy');
    expect(s.events().find((e) => e.kind === 'healthy')?.message).toBe('b marked healthy: 5 consecutive checks passed');
  });

  it('a TCP check (NLB) does not notice a hang, an HTTP check does', () => {
    const tcp = sim(world({ healthCheck: { preset: 'aws-nlb' } }, { events: [{ atSec: 45, action: 'hang', target: 'b' }] }));
    tcp.runUntil(300_000);
    expect(health(tcp, 1)).toBe('healthy');
    expect(tcp.health().windows[0]).toMatchObject({ target: 'b', cause: 'hung', endedAtMs: null, detectedBy: null });
  });

  it('a shallow check lies when a dependency breaks; a deep check catches it', () => {
    const events = [{ atSec: 45, action: 'break-dependency', target: 'b' }];
    const shallow = sim(world(alb, { events }));
    const deep = sim(world({ healthCheck: { preset: 'aws-alb', deep: true } }, { events }));
    shallow.runUntil(200_000);
    deep.runUntil(200_000);
    expect(health(shallow, 1)).toBe('healthy');
    expect(shallow.metrics().targets.b.failures.error).toBeGreaterThan(1500);
    expect(health(deep, 1)).toBe('unhealthy');
    expect(eventTime(deep, 'unhealthy', 'b')).toBe(100_020);
  });

  it('a slow target is marked unhealthy once its answers exceed the timeout, and counted as a false alarm only when it was fine', () => {
    // an ALB's shortest timeout is 2 s: a shallow probe's 5 ms answer × 500 = 2.5 s exceeds it
    const s = sim(world({ healthCheck: { preset: 'aws-alb', timeoutSec: 2, intervalSec: 5, unhealthyThreshold: 2 } }, { events: [{ atSec: 20, action: 'slow', target: 'b', factor: 500 }] }));
    s.runUntil(60_000);
    expect(health(s, 1)).toBe('unhealthy');
    expect(s.health().targets.b.falseRemovals).toBe(0);
  });
});

describe("HAProxy's rise/fall counter (inter 2 s, rise 2, fall 3)", () => {
  const hap = { healthCheck: { preset: 'haproxy', protocol: 'http' } };

  it('at start-up (health = rise) a single failed check marks a server DOWN', () => {
    // b is first probed at 2/3 s; it crashes at 0.5 s, so that very first check fails
    const s = sim(world(hap, { events: [{ atSec: 0.5, action: 'crash', target: 'b' }] }));
    s.runUntil(668);
    expect(health(s, 1)).toBe('unhealthy');
    expect(eventTime(s, 'unhealthy', 'b')).toBeCloseTo(666.67 + 1, 0);
  });

  it('one pass after start-up is not yet fully UP: two failures then take it DOWN', () => {
    // pass at 0.667 s (health 3 of 4), crash at 1 s, failures at 2.667 s (2, still UP) and 4.667 s (1 → 0)
    const s = sim(world(hap, { events: [{ atSec: 1, action: 'crash', target: 'b' }] }));
    s.runUntil(10_000);
    expect(eventTime(s, 'unhealthy', 'b')).toBeCloseTo(4666.67 + 1, 0);
  });

  it('from fully UP it takes three failures; back from DOWN it takes two passes', () => {
    // first let b reach fully UP (health 4): two passes after start-up
    const s = sim(world(hap, { events: [{ atSec: 10.1, action: 'crash', target: 'b' }, { atSec: 20.1, action: 'recover', target: 'b' }] }));
    s.runUntil(40_000);
    const marks = s.events().filter((e) => e.subject === 'b' && (e.kind === 'unhealthy' || e.kind === 'healthy'));
    // probes of b at 0.667 + 2k s: failures at 10.667, 12.667, 14.667 → DOWN at the third
    expect(marks[0]).toMatchObject({ kind: 'unhealthy', timeMs: expect.closeTo(14_667.67, 0) });
    // passes at 20.667 and 22.667 → UP at the second (5 ms answers)
    expect(marks[1]).toMatchObject({ kind: 'healthy', timeMs: expect.closeTo(22_671.67, 0) });
  });
});

describe('when nothing is healthy', () => {
  const allDown = [0, 1, 2].map((i) => ({ atSec: 5, action: 'crash', target: String.fromCharCode(97 + i) }));
  const fast = { preset: 'aws-alb', intervalSec: 5, timeoutSec: 2 };

  it('fail-open (AWS) keeps sending to every target; refuse (nginx, HAProxy) answers 503 at the balancer', () => {
    const open = sim(world({ healthCheck: fast, whenAllUnhealthy: 'fail-open' }, { events: allDown }));
    const refuse = sim(world({ healthCheck: fast, whenAllUnhealthy: 'refuse' }, { events: allDown }));
    open.runUntil(60_000);
    refuse.runUntil(60_000);
    expect(open.health().groups.web.mode).toBe('fail-open');
    expect(refuse.health().groups.web.mode).toBe('refuse');
    // fail-open: requests still go to the dead targets and are refused there
    expect(open.metrics().failures['no-target']).toBe(0);
    expect(open.metrics().failures.refused).toBeGreaterThan(1500);
    // refuse: once all are out, the balancer itself answers 503
    expect(refuse.metrics().failures['no-target']).toBeGreaterThan(1000);
    expect(refuse.events().some((e) => e.kind === 'group-mode' && /refuses requests with 503/.test(e.message))).toBe(true);
  });

  it("Envoy's panic threshold: below 50 % healthy, the group sends to all its targets", () => {
    const two = [0, 1].map((i) => ({ atSec: 5, action: 'crash', target: String.fromCharCode(97 + i) }));
    const s = sim(world({ healthCheck: fast, whenAllUnhealthy: 'panic', panicThresholdPercent: 50 }, { targets: 3, events: two }));
    s.runUntil(60_000);
    expect(s.health().groups.web.mode).toBe('panic');
    const before = s.metrics().targets.a.requests;
    s.runUntil(70_000);
    // a is crashed and unhealthy, yet in panic it still gets its third of the traffic
    expect(s.metrics().targets.a.requests - before).toBeGreaterThan(90);
  });
});

describe('nginx passive health and retries (NGX-FAIL-1)', () => {
  it('A refused: request 1 is retried on b; then b c b c; A back after fail_timeout ramps in by effective weight', () => {
    // requests 1–4 at 1–4 s, a pause, then requests 5–25 from 20.5 s, more than fail_timeout (10 s) later
    const doc: ScenarioInput = {
      schemaVersion: 1,
      name: 'NGX-FAIL-1',
      traffic: { arrival: { kind: 'constant', ratePerSec: 1 }, profile: [{ atSec: 4.5, ratePerSec: 0 }, { atSec: 20, ratePerSec: 1 }] },
      balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'up' }] }],
      targetGroups: [
        {
          id: 'up',
          algorithm: 'weighted-round-robin',
          passiveHealth: { kind: 'nginx', maxFails: 1, failTimeoutSec: 10 },
          retries: { maxTries: 0, on: ['error', 'timeout'] },
          targets: [
            { id: 'A', weight: 5, serviceTimeMs: { dist: 'constant', valueMs: 10 } },
            { id: 'b', serviceTimeMs: { dist: 'constant', valueMs: 10 } },
            { id: 'c', serviceTimeMs: { dist: 'constant', valueMs: 10 } },
          ],
        },
      ],
      events: [
        { atSec: 0, action: 'crash', target: 'A' },
        { atSec: 10, action: 'recover', target: 'A' },
      ],
    };
    const order: string[] = [];
    const s = createSimulation(checked(doc), { onRequestDone: (r) => order.push(`${r.target}:${r.outcome}`) });
    s.runUntil(41_000);
    expect(order.slice(0, 4)).toEqual(['b:ok', 'c:ok', 'b:ok', 'c:ok']);
    expect(order.slice(4, 25).map((x) => x.split(':')[0]).join(' ')).toBe('b c b A A c A A b A A A c A A b A A A c A');
    // request 1's first attempt went to A and was refused; the user never saw it
    expect(s.metrics().targets.A.failures.refused).toBe(1);
    expect(s.metrics().requests.failed).toBe(0);
    expect(s.events().some((e) => e.kind === 'passive' && /A temporarily disabled/.test(e.message))).toBe(true);
  });
});

describe('Envoy outlier detection', () => {
  it('at most 10 % of hosts are ejected, but always at least one', () => {
    const events = [{ atSec: 10, action: 'errors', target: 'a', share: 1 }, { atSec: 10, action: 'errors', target: 'b', share: 1 }];
    const s = sim(world({ passiveHealth: { kind: 'envoy-outlier' } }, { targets: 5, ratePerSec: 50, events }));
    s.runUntil(20_000);
    const ejected = s.events().filter((e) => e.kind === 'ejected');
    expect(ejected).toHaveLength(1);
    expect(ejected[0].message).toMatch(/ejected for 30 s: 5 consecutive errors/);
  });

  it('an ejected host gets nothing for 30 s, returns at a sweep, and a second ejection lasts 60 s', () => {
    const s = sim(world({ passiveHealth: { kind: 'envoy-outlier' } }, { targets: 5, ratePerSec: 50, events: [{ atSec: 10, action: 'errors', target: 'a', share: 1 }] }));
    s.runUntil(12_000);
    const first = s.events().find((e) => e.kind === 'ejected');
    expect(first?.subject).toBe('a');
    const before = s.metrics().targets.a.requests;
    s.runUntil(first!.timeMs + 29_000);
    expect(s.metrics().targets.a.requests).toBe(before);
    // sweeps run every 10 s from 10 s: the first at or after the 30 s is when it returns
    s.runUntil(120_000);
    const back = s.events().find((e) => e.kind === 'unejected');
    expect(back!.timeMs).toBe(Math.ceil((first!.timeMs + 30_000) / 10_000) * 10_000);
    const again = s.events().filter((e) => e.kind === 'ejected');
    expect(again[1].message).toMatch(/ejected for 60 s/);
  });
});

describe('circuit breaker', () => {
  it('opens on a high error rate, lets probes through when half-open, and closes when they succeed', () => {
    const events = [{ atSec: 5, action: 'errors', target: 'a', share: 1 }, { atSec: 20, action: 'recover', target: 'a' }];
    const s = sim(world({ circuitBreaker: { errorRatePercent: 50, minRequests: 10, windowSec: 10, openSec: 30, halfOpenRequests: 3 } }, { targets: 2, ratePerSec: 20, events }));
    s.runUntil(10_000);
    const opened = s.events().find((e) => e.kind === 'circuit' && /opened/.test(e.message));
    expect(opened).toBeDefined();
    expect(s.snapshot().targets[TF.circuit]).toBe(1);
    s.runUntil(60_000);
    const messages = s.events().filter((e) => e.kind === 'circuit').map((e) => e.message);
    expect(messages.some((m) => /half-open/.test(m))).toBe(true);
    expect(messages.some((m) => /closed: 3 probe requests succeeded/.test(m))).toBe(true);
    expect(s.snapshot().targets[TF.circuit]).toBe(0);
  });
});

describe('slow start', () => {
  it('ALB linear slow start: a re-registered target takes a growing share over the duration', () => {
    const s = sim(world({ slowStart: { kind: 'linear', durationSec: 100 } }, { targets: 2, ratePerSec: 100 }));
    s.apply({ action: 'deregister', target: 'b' });
    s.runUntil(10_000);
    s.apply({ action: 'register', target: 'b' });
    const share = (from: number, to: number): number => {
      s.runUntil(from);
      const m0 = s.metrics().targets;
      s.runUntil(to);
      const m1 = s.metrics().targets;
      const b = m1.b.requests - m0.b.requests;
      return b / (b + m1.a.requests - m0.a.requests);
    };
    const early = share(10_000, 30_000);
    const late = share(80_000, 110_000);
    const after = share(120_000, 140_000);
    expect(early).toBeLessThan(0.2);
    expect(late).toBeGreaterThan(early + 0.2);
    expect(after).toBeCloseTo(0.5, 1);
  });
});

describe('bad health-check settings get precise errors', () => {
  it.each([
    [{ preset: 'aws-alb', timeoutSec: 30 }, 'targetGroups[0].healthCheck.timeoutSec', /timeout \(30 s\) must be shorter than the interval \(30 s\)/],
    [{ intervalSec: 5, timeoutSec: 10 }, 'targetGroups[0].healthCheck.timeoutSec', /must be shorter than the interval/],
    [{ healthyThreshold: 0 }, 'targetGroups[0].healthCheck.healthyThreshold', /≥ 1, got number 0/],
    [{ unhealthyThreshold: 0 }, 'targetGroups[0].healthCheck.unhealthyThreshold', /≥ 1, got number 0/],
    [{ successCodes: '2xx' }, 'targetGroups[0].healthCheck.successCodes', /status like "200"/],
    [{ preset: 'nginx' }, 'targetGroups[0].healthCheck.preset', /must be "aws-alb" or/],
  ])('%o', (hc, path, reason) => {
    const r = validateScenario(world({ healthCheck: hc }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors.find((x) => x.path === path);
    expect(e, JSON.stringify(r.errors)).toBeDefined();
    expect(e!.message).toMatch(reason);
  });

  it('a live change to a bad health check is refused with the same reason', () => {
    const scenario = checked(world({ healthCheck: { preset: 'aws-alb' } }));
    const bad = validateChange({ action: 'set-health-check', group: 'web', healthCheck: { intervalSec: 10, timeoutSec: 10 } }, scenario);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatchObject({ path: '(change).healthCheck.timeoutSec', message: 'the timeout (10 s) must be shorter than the interval (10 s), or checks would overlap' });
    expect(validateChange({ action: 'set-health-check', group: 'web', healthCheck: { intervalSec: 10, timeoutSec: 5 } }, scenario).ok).toBe(true);
  });
});

describe('availability over the last 60 whole seconds', () => {
  it('is unknown (null) until a request has finished in a closed second, not 100 %', () => {
    const s = sim(world({}));
    s.runUntil(500);
    expect(s.metrics().requests.ok).toBeGreaterThan(0); // requests finished, but no second has closed
    expect(s.health().availabilityLast60s).toBeNull();
    s.runUntil(10_000);
    expect(s.health().availabilityLast60s).toBe(1);
  });

  it('counts the failures of a target that is down and never checked: one request in three under round robin', () => {
    // constant 30 req/s over three targets in turn, b crashed from the start and no health check to remove it
    const s = sim(world({}, { events: [{ atSec: 0, action: 'crash', target: 'b' }] }));
    s.runUntil(30_000);
    expect(s.health().availabilityLast60s).toBeCloseTo(2 / 3, 2);
  });
});

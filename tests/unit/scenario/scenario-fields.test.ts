import { describe, expect, it } from 'vitest';
import { formatErrors, validateChange, validateScenario } from '../../../src/scenario/validate.ts';
import { resolveHealthCheck } from '../../../src/scenario/health-presets.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';

const base = (patch: Partial<ScenarioInput> = {}): ScenarioInput => ({
  schemaVersion: 1,
  name: 'fields',
  traffic: { arrival: { kind: 'poisson', ratePerSec: 10 } },
  balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
  targetGroups: [{ id: 'web', algorithm: 'haproxy-roundrobin', targets: [{ id: 'a', serviceTimeMs: 10 }] }],
  ...patch,
});
const errorsOf = (doc: unknown) => {
  const r = validateScenario(doc);
  // the English sentence and its path (the code and values for the page are checked in tests/unit/i18n)
  return r.ok ? [] : r.errors.map(({ path, message }) => ({ path, message }));
};

describe('distributions of milliseconds', () => {
  it('a plain number means a constant, in every field that takes a distribution', () => {
    const r = validateScenario(
      base({
        traffic: { arrival: { kind: 'closed', users: 5, thinkTimeMs: 0 }, mix: [{ name: 'ws', share: 1, longLivedMs: 30_000 }] },
        targetGroups: [{ id: 'web', algorithm: 'round-robin', targets: [{ id: 'a', serviceTimeMs: 12.5, serviceTimeByClass: { ws: 3 } }] }],
        databases: [{ id: 'db', queryTimeMs: 4 }],
      }),
    );
    expect(r.ok ? 'ok' : formatErrors(r.errors)).toBe('ok');
    if (!r.ok || r.value.traffic.arrival.kind !== 'closed') return;
    expect(r.value.traffic.arrival.thinkTimeMs).toEqual({ dist: 'constant', valueMs: 0 });
    expect(r.value.traffic.mix?.[0].longLivedMs).toEqual({ dist: 'constant', valueMs: 30_000 });
    expect(r.value.targetGroups[0].targets[0].serviceTimeMs).toEqual({ dist: 'constant', valueMs: 12.5 });
    expect(r.value.targetGroups[0].targets[0].serviceTimeByClass.ws).toEqual({ dist: 'constant', valueMs: 3 });
    expect(r.value.databases[0].queryTimeMs).toEqual({ dist: 'constant', valueMs: 4 });
  });

  it('a bad number or object still gets a precise error', () => {
    const target = (serviceTimeMs: unknown) => base({ targetGroups: [{ id: 'web', algorithm: 'round-robin', targets: [{ id: 'a', serviceTimeMs } as never] }] });
    expect(errorsOf(target(-3))).toEqual([{ path: 'targetGroups[0].targets[0].serviceTimeMs', message: 'must be ≥ 0, got number -3' }]);
    expect(errorsOf(target('fast'))).toEqual([{ path: 'targetGroups[0].targets[0].serviceTimeMs', message: 'must be number or object, got the text "fast"' }]);
    expect(errorsOf(target({ dist: 'pareto' }))).toEqual([{ path: 'targetGroups[0].targets[0].serviceTimeMs.dist', message: 'the text "pareto" is not known; use one of "constant", "exponential", "lognormal", "uniform"' }]);
    expect(errorsOf(target({ dist: 'exponential', meanMs: 0 }))).toEqual([{ path: 'targetGroups[0].targets[0].serviceTimeMs.meanMs', message: 'must be > 0, got number 0' }]);
  });
});

describe('the haproxy health-check preset', () => {
  it('takes its timeout from the interval unless set, as HAProxy does without `timeout check`', () => {
    expect(resolveHealthCheck({ preset: 'haproxy', intervalSec: 1 }).timeoutSec).toBe(1);
    expect(resolveHealthCheck({ preset: 'haproxy', intervalSec: 5 }).timeoutSec).toBe(5);
    expect(resolveHealthCheck({ preset: 'haproxy' }).timeoutSec).toBe(2);
    expect(resolveHealthCheck({ preset: 'haproxy', intervalSec: 5, timeoutSec: 1 }).timeoutSec).toBe(1);
    expect(resolveHealthCheck({ preset: 'aws-alb', intervalSec: 10 }).timeoutSec).toBe(5);
  });

  it('{"preset":"haproxy","intervalSec":1} is accepted; a timeout above the interval is not', () => {
    const group = (healthCheck: object) => base({ targetGroups: [{ id: 'web', algorithm: 'round-robin', healthCheck, targets: [{ id: 'a', serviceTimeMs: 1 }] }] });
    expect(errorsOf(group({ preset: 'haproxy', intervalSec: 1 }))).toEqual([]);
    expect(errorsOf(group({ preset: 'haproxy', intervalSec: 1, timeoutSec: 2 }))).toEqual([
      { path: 'targetGroups[0].healthCheck.timeoutSec', message: 'the timeout (2 s) must be at most the interval (1 s), or checks would overlap' },
    ]);
  });
});

describe('set-admin-state (HAProxy set server … state)', () => {
  const scenario = (() => {
    const r = validateScenario(base());
    if (!r.ok) throw new Error('invalid');
    return r.value;
  })();

  it('accepts ready, drain and maint for a target that exists', () => {
    for (const state of ['ready', 'drain', 'maint']) expect(validateChange({ action: 'set-admin-state', target: 'a', state }, scenario)).toEqual({ ok: true, value: { action: 'set-admin-state', target: 'a', state } });
  });

  it('refuses an unknown state or target with the path and reason', () => {
    expect(validateChange({ action: 'set-admin-state', target: 'a', state: 'down' }, scenario)).toMatchObject({ ok: false, errors: [{ path: 'state', message: 'must be "ready" or "drain" or "maint", got the text "down"' }] });
    expect(validateChange({ action: 'set-admin-state', target: 'zz', state: 'maint' }, scenario)).toMatchObject({ ok: false, errors: [{ path: '(change).target', message: 'no target with id "zz"' }] });
  });
});

import { describe, expect, it } from 'vitest';
import { formatErrors, validateChange, validateScenario } from '../../../src/scenario/validate.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';

type Replay = Extract<ScenarioInput['traffic']['arrival'], { kind: 'replay' }>;

function scenario(requests: Replay['requests'], traffic: Partial<ScenarioInput['traffic']> = {}, durationSec = 10): ScenarioInput {
  return {
    schemaVersion: 1,
    name: 'replay',
    durationSec,
    traffic: { arrival: { kind: 'replay', requests }, mix: [{ name: 'page', share: 1 }, { name: 'api', path: '/api', share: 1 }], ...traffic },
    balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
    targetGroups: [{ id: 'web', algorithm: 'haproxy-roundrobin', targets: [{ id: 'a', serviceTimeMs: 5 }] }],
  };
}
const errorsOf = (doc: unknown) => {
  const r = validateScenario(doc);
  // the English sentence and its path (the code and values for the page are checked in tests/unit/i18n)
  return r.ok ? [] : r.errors.map(({ path, message }) => ({ path, message }));
};

describe('replayed requests', () => {
  it('accepts requests in time order with their fields, and derives nothing from them', () => {
    const doc = scenario([
      { atMs: 0 },
      { atMs: 0, path: '/cart?id=7', host: 'shop.example', headers: { 'X-User': 'u1' }, client: '192.0.2.7', class: 'api' },
      { atMs: 4000, client: '192.0.2.8' },
    ]);
    const r = validateScenario(doc);
    expect(r.ok ? 'ok' : formatErrors(r.errors)).toBe('ok');
    if (!r.ok || r.value.traffic.arrival.kind !== 'replay') return;
    expect(r.value.traffic.arrival.requests[1]).toEqual({ atMs: 0, path: '/cart?id=7', host: 'shop.example', headers: { 'X-User': 'u1' }, client: '192.0.2.7', class: 'api' });
    expect(Object.keys(r.value.traffic.arrival)).toEqual(['kind', 'requests']);
  });

  it('refuses times out of order, naming the first request that goes back in time', () => {
    expect(errorsOf(scenario([{ atMs: 10 }, { atMs: 20 }, { atMs: 15 }, { atMs: 5 }]))).toEqual([
      { path: 'traffic.arrival.requests[2].atMs', message: '15 ms is earlier than the request before it (20 ms); list requests in time order' },
    ]);
  });

  it('refuses times at or after the end of the run, and negative times', () => {
    expect(errorsOf(scenario([{ atMs: 9999 }, { atMs: 10000 }]))).toEqual([
      { path: 'traffic.arrival.requests[1].atMs', message: '10000 ms is not before the end of the run (durationSec 10 = 10000 ms)' },
    ]);
    expect(errorsOf(scenario([{ atMs: -1 }]))).toEqual([{ path: 'traffic.arrival.requests[0].atMs', message: 'must be ≥ 0, got number -1' }]);
  });

  it('refuses fields out of their limits', () => {
    const headers = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`X-H${i}`, 'v']));
    expect(errorsOf(scenario([{ atMs: 0, path: 'cart' }]))).toEqual([{ path: 'traffic.arrival.requests[0].path', message: 'must start with "/"' }]);
    expect(errorsOf(scenario([{ atMs: 0, client: '10.0.0.300' }]))).toEqual([{ path: 'traffic.arrival.requests[0].client', message: 'must be a dotted IPv4 address' }]);
    expect(errorsOf(scenario([{ atMs: 0, headers }]))).toEqual([{ path: 'traffic.arrival.requests[0].headers', message: 'at most 20 headers' }]);
    expect(errorsOf(scenario([{ atMs: 0, class: 'checkout' }]))).toEqual([{ path: 'traffic.arrival.requests[0].class', message: 'no request class "checkout" in traffic.mix' }]);
    expect(errorsOf(scenario([]))).toEqual([{ path: 'traffic.arrival.requests', message: 'needs at least 1 item' }]);
    expect(errorsOf(scenario(Array.from({ length: 100_001 }, () => ({ atMs: 0 }))))).toEqual([{ path: 'traffic.arrival.requests', message: 'has too many items (at most 100000)' }]);
  });

  it('accepts 100,000 requests', () => {
    const requests = Array.from({ length: 100_000 }, (_, i) => ({ atMs: i / 20 }));
    expect(errorsOf(scenario(requests))).toEqual([]);
  });

  it('a replay has no rate: no rate profile, no set-rate', () => {
    expect(errorsOf(scenario([{ atMs: 0 }], { profile: [{ atSec: 0, ratePerSec: 5 }] }))).toEqual([
      { path: 'traffic.profile', message: 'a rate profile applies to poisson or constant arrivals; a replay sends exactly its listed requests' },
    ]);
    const r = validateScenario(scenario([{ atMs: 0 }]));
    if (!r.ok) throw new Error('invalid');
    expect(validateChange({ action: 'set-rate', ratePerSec: 5 }, r.value)).toMatchObject({ ok: false, errors: [{ path: '(change).action', message: 'set-rate needs poisson or constant arrivals; a replay sends exactly its listed requests' }] });
  });

  it('a file with thousands of bad requests gives 100 errors and a count of the rest', () => {
    const errors = errorsOf(scenario(Array.from({ length: 500 }, () => ({ atMs: 0, path: 'x' }))));
    expect(errors).toHaveLength(101);
    expect(errors[100]).toEqual({ path: '(root)', message: 'and 400 more errors' });
  });
});

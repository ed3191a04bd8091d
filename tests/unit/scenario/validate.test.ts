import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { formatErrors, parseScenarioText, validateChange, validateScenario } from '../../../src/scenario/validate.ts';
import { setAtPath } from '../../../src/scenario/overrides.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';

const base: ScenarioInput = {
  schemaVersion: 1,
  name: 'base',
  traffic: { arrival: { kind: 'poisson', ratePerSec: 10 } },
  balancers: [{ id: 'lb', listeners: [{ port: 80, rules: [{ match: { pathPrefix: '/api' }, forward: 'api' }], defaultForward: 'web' }] }],
  targetGroups: [
    { id: 'web', algorithm: 'round-robin', targets: [{ id: 'a', serviceTimeMs: { dist: 'constant', valueMs: 10 } }] },
    { id: 'api', algorithm: 'least-connections', targets: [{ id: 'b', serviceTimeMs: { dist: 'exponential', meanMs: 10 } }] },
  ],
};

function set(path: string, value: unknown): unknown {
  return setAtPath(structuredClone(base), path.split('.'), value);
}

describe('validateScenario', () => {
  it('accepts the base scenario and fills in documented defaults', () => {
    const r = validateScenario(base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.seed).toBe(1);
    expect(r.value.durationSec).toBe(60);
    expect(r.value.targetGroups[0].targets[0]).toMatchObject({ weight: 1, concurrency: 1, queueLimit: null });
    expect(r.value.targetGroups[0].requestTimeoutMs).toBe(60_000);
    expect(r.value.traffic.clients.count).toBe(1000);
    expect(r.value.balancers[0].layer).toBe(7);
  });

  it('accepts every example scenario in scenarios/', () => {
    const dir = new URL('../../../scenarios/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const r = parseScenarioText(readFileSync(new URL(f, dir), 'utf8'));
      expect(r.ok ? 'ok' : `${f}: ${formatErrors(r.errors)}`).toBe('ok');
    }
  });

  // Each broken document gets an error at the exact path, with a reason that says what is wrong.
  const broken: [string, unknown, string, RegExp][] = [
    ['not an object', [1, 2], '(root)', /must be a JSON object/],
    ['missing version', { ...base, schemaVersion: undefined }, 'schemaVersion', /required/],
    ['newer version', { ...base, schemaVersion: 99 }, 'schemaVersion', /newer than this app/],
    ['wrong type', set('traffic.arrival.ratePerSec', 'fast'), 'traffic.arrival.ratePerSec', /must be number, got the text "fast"/],
    ['negative rate', set('traffic.arrival.ratePerSec', -5), 'traffic.arrival.ratePerSec', /≥ 0, got number -5/],
    ['absurd rate', set('traffic.arrival.ratePerSec', 1e9), 'traffic.arrival.ratePerSec', /≤ 10000000, got number 1000000000/],
    ['zero targets', set('targetGroups.0.targets', []), 'targetGroups[0].targets', /at least 1 item/],
    ['negative weight', set('targetGroups.0.targets.0.weight', -1), 'targetGroups[0].targets[0].weight', /≥ 0/],
    ['all weights zero', set('targetGroups.0.targets.0.weight', 0), 'targetGroups[0].targets', /weight 0/],
    ['zero concurrency', set('targetGroups.0.targets.0.concurrency', 0), 'targetGroups[0].targets[0].concurrency', /≥ 1/],
    ['fractional concurrency', set('targetGroups.0.targets.0.concurrency', 2.5), 'targetGroups[0].targets[0].concurrency', /whole number, got number 2.5/],
    ['unknown algorithm', set('targetGroups.0.algorithm', 'fastest'), 'targetGroups[0].algorithm', /must be "round-robin" or .* got the text "fastest"/],
    ['unknown field', set('targetGroups.0.targets.0.wieght', 2), 'targetGroups[0].targets[0]', /unknown field "wieght"/],
    ['unknown arrival kind', set('traffic.arrival.kind', 'bursty'), 'traffic.arrival.kind', /"bursty" is not known; use one of "poisson", "constant", "closed"/],
    ['unknown distribution', set('targetGroups.0.targets.0.serviceTimeMs', { dist: 'pareto', alpha: 2 }), 'targetGroups[0].targets[0].serviceTimeMs.dist', /not known/],
    ['p99 below median', set('targetGroups.0.targets.0.serviceTimeMs', { dist: 'lognormal', medianMs: 100, p99Ms: 50 }), 'targetGroups[0].targets[0].serviceTimeMs.p99Ms', /at least medianMs/],
    ['duplicate target ids', set('targetGroups.1.targets.0.id', 'a'), 'targetGroups', /duplicate target id "a"/],
    ['duplicate group ids', set('targetGroups.1.id', 'web'), 'targetGroups', /duplicate target group id "web"/],
    ['rule to a missing group', set('balancers.0.listeners.0.rules.0.forward', 'nope'), 'balancers[0].listeners[0].rules[0].forward', /no target group with id "nope"/],
    ['default to a missing group', set('balancers.0.listeners.0.defaultForward', 'gone'), 'balancers[0].listeners[0].defaultForward', /no target group with id "gone"/],
    ['no balancers', set('balancers', []), 'balancers', /at least 1 item/],
    ['too many targets', set('targetGroups.0.targets', Array.from({ length: 10_001 }, (_, i) => ({ id: `t${i}`, serviceTimeMs: { dist: 'constant', valueMs: 1 } }))), 'targetGroups[0].targets', /too many items \(at most 10000\)/],
    ['layer 4 with rules', set('balancers.0.layer', 4), 'balancers[0].listeners[0].rules', /layer-4 balancer .* cannot have path/],
    ['bad ip base', set('traffic.clients', { count: 10, ipBase: '300.1.1.1' }), 'traffic.clients.ipBase', /dotted IPv4/],
    ['event for a missing target', set('events', [{ atSec: 1, action: 'crash', target: 'zz' }]), 'events[0].target', /no target with id "zz"/],
    ['unknown event action', set('events', [{ atSec: 1, action: 'explode', target: 'a' }]), 'events[0].action', /"explode" is not known/],
    ['bad hash key', set('targetGroups.0.hashKey', 'body'), 'targetGroups[0].hashKey', /client-ip/],
    ['hash key on a non-hash algorithm', set('targetGroups.0.hashKey', 'path'), 'targetGroups[0].hashKey', /only hash algorithms/],
    ['profile out of order', set('traffic.profile', [{ atSec: 10, ratePerSec: 1 }, { atSec: 5, ratePerSec: 2 }]), 'traffic.profile[1].atSec', /time order/],
    ['empty name', set('name', ''), 'name', /must not be empty/],
    ['infinite duration', set('durationSec', 1e12), 'durationSec', /≤/],
  ];

  it.each(broken)('%s → an error at the right path', (_label, doc, path, reason) => {
    const r = validateScenario(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const hit = r.errors.find((e) => e.path === path);
    expect(hit, `errors were:\n${formatErrors(r.errors)}`).toBeDefined();
    expect(hit!.message).toMatch(reason);
  });

  it('reports a JSON syntax error instead of throwing', () => {
    const r = parseScenarioText('{"schemaVersion": 1,');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toMatch(/not valid JSON/);
  });
});

describe('validateChange', () => {
  const scenario = (() => {
    const r = validateScenario(base);
    if (!r.ok) throw new Error('base invalid');
    return r.value;
  })();

  it('accepts a known change', () => {
    expect(validateChange({ action: 'set-weight', target: 'a', weight: 3 }, scenario).ok).toBe(true);
  });

  it.each([
    [{ action: 'set-weight', target: 'a', weight: -2 }, 'weight', /≥ 0/],
    [{ action: 'crash', target: 'nobody' }, '(change).target', /no target with id "nobody"/],
    [{ action: 'set-algorithm', group: 'web', algorithm: 'magic' }, 'algorithm', /must be/],
    [{ action: 'teleport' }, 'action', /not known/],
  ])('rejects %o with a precise error', (change, path, reason) => {
    const r = validateChange(change, scenario);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].path).toBe(path);
    expect(r.errors[0].message).toMatch(reason);
  });
});

describe('the published JSON Schema', () => {
  it('public/scenario.schema.json is up to date with the schema (run `npm run schema`)', async () => {
    const { scenarioJsonSchema } = await import('../../../src/scenario/json-schema.ts');
    const published = JSON.parse(readFileSync(new URL('../../../public/scenario.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
    expect(published.properties.targetGroups.items.properties.algorithm.enum).toContain('maglev');
    expect(published.additionalProperties).toBe(false);
  });
});

// The small rules every exporter shares: the lab's default target address, splitting host and port, whole-number
// weights with the same ratios, and ALB-style patterns as regexes.
import { describe, expect, it } from 'vitest';
import { defaultAddress, splitAddress } from '../../../src/export/address.ts';
import { integerWeights } from '../../../src/export/weights.ts';
import { cookieRegex, wildcardRegex } from '../../../src/export/patterns.ts';
import { createSimulation } from '../../../src/engine/index.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';

describe('shared export rules', () => {
  it('the default address is the engine\'s: 10.1.<group>.<n>:80, growing past 249 (docs/scenario-format.md 7.4)', () => {
    const v = validateScenario({
      schemaVersion: 1,
      name: 'addresses',
      traffic: { arrival: { kind: 'poisson', ratePerSec: 1 } },
      balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'g0' }] }],
      targetGroups: [0, 1].map((g) => ({ id: `g${g}`, algorithm: 'round-robin', targets: Array.from({ length: g === 0 ? 252 : 2 }, (_, i) => ({ id: `t${g}-${i}`, serviceTimeMs: { dist: 'constant', valueMs: 1 } })) })),
    });
    if (!v.ok) throw new Error('invalid');
    const engine = createSimulation(v.value).topology().targets.map((t) => t.address);
    const ours = v.value.targetGroups.flatMap((g, gi) => g.targets.map((_, ti) => defaultAddress(gi, ti)));
    expect(ours).toEqual(engine);
    expect(ours.slice(0, 2)).toEqual(['10.1.0.1:80', '10.1.0.2:80']);
  });

  it('splits host and port as nginx reads a server address; no port means 80', () => {
    expect(splitAddress('10.1.0.1:8080')).toEqual({ host: '10.1.0.1', port: 8080, portAssumed: false });
    expect(splitAddress('app-1')).toEqual({ host: 'app-1', port: 80, portAssumed: true });
    expect(splitAddress('[2001:db8::1]:443')).toEqual({ host: '2001:db8::1', port: 443, portAssumed: false });
  });

  it('weights keep their ratios as whole numbers, and are rounded only past a maximum', () => {
    expect(integerWeights([5, 1, 1])).toEqual({ weights: [5, 1, 1], exact: true });
    expect(integerWeights([2.5, 1, 0])).toEqual({ weights: [5, 2, 0], exact: true });
    expect(integerWeights([10, 20, 30])).toEqual({ weights: [1, 2, 3], exact: true });
    expect(integerWeights([1000, 1], 256)).toEqual({ weights: [256, 1], exact: false });
  });

  it('ALB wildcards become whole-string regexes; cookies are found among others', () => {
    expect(wildcardRegex('*.example.com')).toBe('^.*\\.example\\.com$');
    expect(new RegExp(wildcardRegex('api-?.example.com'), 'i').test('API-2.Example.com')).toBe(true);
    expect(new RegExp(cookieRegex('ab', 'b')).test('x=1; ab=b; y=2')).toBe(true);
    expect(new RegExp(cookieRegex('ab', 'b')).test('xab=b')).toBe(false);
  });
});

// The numbers inside a pick's explanation (issue 19): the lists of per-target numbers an algorithm compared are
// words as data too, so the page writes each number its locale's way — a decimal comma in Spanish — while the
// engine's English (the CLI's) is unchanged (tests/unit/engine/explain.test.ts holds it).
import { afterEach, describe, expect, it } from 'vitest';
import { explainRequest, type Journey } from '../../../src/engine/explain/index.ts';
import { stepWords } from '../../../src/ui/explain/journey-words.ts';
import { overwriteGetLocale } from '../../../src/i18n/paraglide/runtime.js';
import { checked } from '../engine/support/scenarios.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';

afterEach(() => overwriteGetLocale(() => 'en'));

/** Three targets a, b, c weighted 2.5, 1, 1 behind one balancer, one request every 100 ms. */
function weighted(algorithm: string) {
  return checked({
    schemaVersion: 1,
    name: 'pick numbers',
    seed: 3,
    durationSec: 20,
    traffic: { arrival: { kind: 'constant', ratePerSec: 10 }, clients: { count: 50 } },
    balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
    targetGroups: [{ id: 'web', algorithm, targets: [2.5, 1, 1].map((weight, i) => ({ id: 'abc'[i], weight, concurrency: 8, serviceTimeMs: { dist: 'constant', valueMs: 50 } })) }],
  } as unknown as ScenarioInput);
}

const pickOf = (j: Journey | null) => j!.steps.find((s) => s.kind === 'choose')!;

describe('numbers in a pick explanation', () => {
  it('smooth WRR with a weight of 2.5: the current + effective sums with a decimal comma in Spanish', () => {
    // nginx: cw starts at 0; pick 1: a 0+2.5=2.5, b 0+1=1, c 0+1=1 → a, which gives back the total 4.5 (→ 2.5 − 4.5 = −2)
    const step = pickOf(explainRequest(weighted('weighted-round-robin'), 0));
    expect(step.why).toContain('a 0+2.5=2.5, b 0+1=1, c 0+1=1 → a is highest; it gives back the total 4.5 (→ -2)');
    overwriteGetLocale(() => 'es');
    expect(stepWords(step).why).toContain('a 0+2,5=2,5, b 0+1=1, c 0+1=1 → a es el más alto; devuelve el total 4,5 (→ -2)');
  });

  it('least connections with unequal weights: each target\'s active count and weight, the weight with a decimal comma', () => {
    // request 0 finds every target idle: a 0/w2.5, b 0/w1, c 0/w1
    const step = pickOf(explainRequest(weighted('least-connections'), 0));
    expect(step.why).toContain('a 0/w2.5, b 0/w1, c 0/w1 active');
    overwriteGetLocale(() => 'es');
    expect(stepWords(step).why).toContain('a 0/p2,5, b 0/p1, c 0/p1 activas');
    expect(stepWords(step).why).not.toMatch(/\d\.\d/);
  });
});

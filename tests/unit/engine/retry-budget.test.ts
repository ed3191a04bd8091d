// Envoy's retry budget (src/engine/request/retry-budget.ts). Expectations follow from Envoy's rule
// max(budget_percent / 100 × active, min_retry_concurrency), truncated, and count < max.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import { RetryBudget, attemptOver } from '../../../src/engine/request/retry-budget.ts';
import { RequestPool } from '../../../src/engine/request/pool.ts';
import { checked } from './support/scenarios.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';

describe('RetryBudget.limit (Envoy RetryBudgetImpl::max)', () => {
  it.each([
    // [budgetPercent, minRetryConcurrency, active, limit]
    [20, 3, 0, 3], // nothing in flight: the floor of 3
    [20, 3, 15, 3], // 20 % of 15 = 3
    [20, 3, 19, 3], // 3.8 truncates to 3
    [20, 3, 20, 4], // 20 % of 20 = 4
    [20, 3, 100, 20],
    [25, 0, 7, 1], // 1.75 → 1
    [0, 2, 1000, 2], // a 0 % budget leaves only the floor
  ])('%d %% with a floor of %d and %d in flight allows %d', (budgetPercent, minRetryConcurrency, active, limit) => {
    const b = new RetryBudget({ budgetPercent, minRetryConcurrency });
    b.active = active;
    expect(b.limit()).toBe(limit);
  });

  it('allows while retries in flight are under the limit, and counts each refusal as an overflow', () => {
    const b = new RetryBudget({ budgetPercent: 20, minRetryConcurrency: 3 });
    b.active = 20; // limit 4
    b.retries = 3;
    expect(b.allows()).toBe(true);
    b.retries = 4;
    expect(b.allows()).toBe(false);
    expect(b.allows()).toBe(false);
    expect(b.overflows).toBe(2);
  });

  it('counts an attempt from sending to its end, a retry in both counts, and only once', () => {
    const pool = new RequestPool(4);
    const b = new RetryBudget({ budgetPercent: 20, minRetryConcurrency: 3 });
    const first = pool.alloc();
    const retry = pool.alloc();
    pool.attempt[retry] = 1;
    b.sent(pool, first);
    b.sent(pool, retry);
    expect([b.active, b.retries]).toEqual([2, 1]);
    attemptOver(pool, retry, b);
    attemptOver(pool, retry, b); // a second end of the same attempt changes nothing
    expect([b.active, b.retries]).toEqual([1, 0]);
    attemptOver(pool, first, null); // the budget was removed meanwhile: the flags are cleared
    attemptOver(pool, first, b);
    expect([b.active, b.retries]).toEqual([1, 0]);
  });
});

/**
 * `a` is crashed and stays in rotation (no health check): every first attempt is refused at once and
 * retried on the backup `b`, which serves it in exactly 250 ms. Requests arrive every 100 ms. The refused
 * first attempts are never held, so only the retries at `b` are in flight.
 */
function world(budget: Record<string, number> | undefined, seconds = 3): ScenarioInput {
  return {
    schemaVersion: 1,
    name: 'retry budget',
    durationSec: seconds,
    traffic: { arrival: { kind: 'constant', ratePerSec: 10 } },
    balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'dep' }] }],
    targetGroups: [
      {
        id: 'dep',
        algorithm: 'round-robin',
        retries: { maxTries: 2, on: ['error'], ...(budget ? { budget } : {}) },
        targets: [
          { id: 'a', concurrency: 100, serviceTimeMs: { dist: 'constant', valueMs: 250 } },
          { id: 'b', backup: true, concurrency: 100, serviceTimeMs: { dist: 'constant', valueMs: 250 } },
        ],
      },
    ],
    events: [{ atSec: 0, action: 'crash', target: 'a' }],
  };
}

function run(doc: ScenarioInput): { outcomes: string[]; sim: ReturnType<typeof createSimulation> } {
  const outcomes: string[] = [];
  const sim = createSimulation(checked(doc), { onRequestDone: (r) => outcomes.push(`${r.arrivalMs}:${r.outcome}`) });
  sim.runUntil(3_000);
  // requests that arrived by 2.5 s have all ended by 3 s (a retry takes 250 ms)
  const ended = outcomes.filter((o) => Number(o.split(':')[0]) <= 2_500);
  ended.sort((x, y) => Number(x.split(':')[0]) - Number(y.split(':')[0]));
  return { outcomes: ended.map((o) => o.split(':')[1]), sim };
}

describe('a retry budget in the engine', () => {
  it('without a budget every refused first attempt is retried and succeeds', () => {
    const { outcomes } = run(world(undefined));
    expect(outcomes.length).toBeGreaterThan(20);
    expect(outcomes.every((o) => o === 'ok')).toBe(true);
  });

  it('with a floor of 1 and 0 %, one retry in flight at a time: every third request gets through', () => {
    // a retry holds b for 250 ms; the next two arrivals (100 and 200 ms later) find it in flight and fail
    const { outcomes, sim } = run(world({ budgetPercent: 0, minRetryConcurrency: 1 }));
    const expected = outcomes.map((_, i) => (i % 3 === 0 ? 'ok' : 'refused'));
    expect(outcomes.length).toBeGreaterThan(20);
    expect(outcomes).toEqual(expected);
    // every refused request tried a once and b never
    expect(sim.metrics().targets.a.requests - sim.metrics().targets.b.requests).toBeGreaterThanOrEqual(expected.filter((o) => o === 'refused').length);
  });

  it('with a floor of 2, two retries in flight: two of every three requests get through', () => {
    // retries at 0 and 100 ms hold b until 250 and 350; the one at 200 finds two in flight; at 300 and 400 one each…
    const { outcomes } = run(world({ budgetPercent: 0, minRetryConcurrency: 2 }));
    expect(outcomes).toEqual(outcomes.map((_, i) => (i % 3 === 2 ? 'refused' : 'ok')));
  });

  it('Envoy defaults (20 %, 3): three retries in flight, so with 250 ms each at 10 per second none is refused', () => {
    // at most ceil(250 / 100) = 3 retries overlap, and the floor allows 3
    const { outcomes } = run(world({}));
    expect(outcomes.every((o) => o === 'ok')).toBe(true);
  });
});

describe('retries.budget validation', () => {
  it('fills in Envoy\'s defaults', () => {
    const r = validateScenario(world({}));
    expect(r.ok && r.value.targetGroups[0].retries).toMatchObject({ budget: { budgetPercent: 20, minRetryConcurrency: 3 } });
  });

  it.each([
    [{ budgetPercent: 120 }, 'targetGroups[0].retries.budget.budgetPercent'],
    [{ minRetryConcurrency: 1.5 }, 'targetGroups[0].retries.budget.minRetryConcurrency'],
    [{ percent: 10 }, 'targetGroups[0].retries.budget'],
  ])('rejects %o at %s', (budget, path) => {
    const r = validateScenario(world(budget));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain(path);
  });

  it('HAProxy-style retries have no budget', () => {
    const doc = world(undefined);
    doc.targetGroups[0].retries = { style: 'haproxy', retries: 1, budget: {} } as never;
    const r = validateScenario(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].path).toMatch(/^targetGroups\[0\]\.retries/);
  });
});

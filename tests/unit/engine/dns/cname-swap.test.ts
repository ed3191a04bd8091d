// Elastic Beanstalk blue/green by CNAME swap (commands/dns.ts): after `swap-cnames` Route 53 answers with the
// green environment's balancer at once, but every resolver that cached the blue answer keeps sending its
// clients to blue until its TTL runs out — the TTL tail — while ALB weighted target groups move every request
// the moment the weights change.
import { describe, expect, it } from 'vitest';
import { createSimulation, type TraceRecord } from '../../../../src/engine/index.ts';
import { validateScenario } from '../../../../src/scenario/validate.ts';
import type { ScenarioInput } from '../../../../src/scenario/schema.ts';
import { checked } from '../support/scenarios.ts';

const SWAP_MS = 30_000;
const TTL_SEC = 60;
const RESOLVERS = 100;

const group = (id: string) => ({ id, algorithm: 'round-robin', targets: [{ id: `${id}-1`, concurrency: 100, serviceTimeMs: 10 }, { id: `${id}-2`, concurrency: 100, serviceTimeMs: 10 }] });

/** Two Beanstalk environments, each with its own balancer; the DNS name points at blue; the swap at 30 s. */
function environments(resolvers: Record<string, unknown> = {}): ScenarioInput {
  return {
    schemaVersion: 1,
    name: 'cname swap',
    durationSec: 200,
    traffic: { arrival: { kind: 'constant', ratePerSec: 100 }, clients: { count: 1000 } },
    balancers: [
      { id: 'blue-env', listeners: [{ port: 80, defaultForward: 'blue' }] },
      { id: 'green-env', listeners: [{ port: 80, defaultForward: 'green' }] },
    ],
    targetGroups: [group('blue'), group('green')],
    dns: { name: 'shop.example.com', ttlSec: TTL_SEC, policy: 'simple', records: [{ id: 'www', balancer: 'blue-env' }], resolvers: { count: RESOLVERS, ...resolvers } },
    events: [{ atSec: SWAP_MS / 1000, action: 'swap-cnames', source: 'blue-env', destination: 'green-env' }],
  } as ScenarioInput;
}

function trace(doc: ScenarioInput, untilMs: number): TraceRecord[] {
  const out: TraceRecord[] = [];
  const s = createSimulation(checked(doc), { onRequestDone: (r) => out.push(r) });
  s.runUntil(untilMs);
  return out.sort((a, b) => a.id - b.id);
}

const env = (r: TraceRecord) => r.attempts[0].target.split('-')[0];

describe('CNAME swap', () => {
  it('each request goes where its resolver’s cached answer points: blue until the cache fetched before the swap expires', () => {
    const out = trace(environments(), 200_000);
    // the reference: resolver r = client mod 100 caches an answer for 60 s; its first answer was fetched before
    // the run so that it expires at (r + 1) / 100 × 60 s (staggered); a fetch after the swap says green
    const expiresAt = new Array<number>(RESOLVERS).fill(-1);
    const says = new Array<string>(RESOLVERS).fill('');
    const expected = out.map((r) => {
      const res = r.client % RESOLVERS;
      if (expiresAt[res] < 0) {
        const phaseEnd = (TTL_SEC * 1000 * (res + 1)) / RESOLVERS;
        expiresAt[res] = r.arrivalMs < phaseEnd ? phaseEnd : r.arrivalMs + TTL_SEC * 1000;
        says[res] = r.arrivalMs >= SWAP_MS ? 'green' : 'blue';
      } else if (r.arrivalMs >= expiresAt[res]) {
        expiresAt[res] = r.arrivalMs + TTL_SEC * 1000;
        says[res] = r.arrivalMs >= SWAP_MS ? 'green' : 'blue';
      }
      return says[res];
    });
    expect(out.map(env)).toEqual(expected);
    expect(out.every((r) => r.outcome === 'ok')).toBe(true);
    // the tail: blue still takes requests after the swap, and none once a TTL has passed
    const blueAfter = out.filter((r) => r.arrivalMs >= SWAP_MS && env(r) === 'blue');
    expect(blueAfter.length).toBeGreaterThan(1000);
    expect(Math.max(...blueAfter.map((r) => r.arrivalMs))).toBeLessThan(SWAP_MS + TTL_SEC * 1000);
    expect(out.filter((r) => r.arrivalMs < SWAP_MS).every((r) => env(r) === 'blue')).toBe(true);
  });

  it('resolvers that ignore the TTL keep clients on blue for up to 900 s more', () => {
    const out = trace({ ...environments({ ignoreTtlShare: 0.1 }), durationSec: 1100 } as ScenarioInput, 1_100_000);
    const lastBlue = Math.max(...out.filter((r) => env(r) === 'blue').map((r) => r.arrivalMs));
    expect(lastBlue).toBeGreaterThan(SWAP_MS + TTL_SEC * 1000);
    expect(lastBlue).toBeLessThan(SWAP_MS + (TTL_SEC + 900) * 1000);
  });

  it('contrast: ALB weighted target groups move every request at the moment the weights change', () => {
    const doc = {
      ...environments(),
      dns: undefined,
      balancers: [{ id: 'alb', listeners: [{ port: 80, weightedForward: [{ group: 'blue', weight: 1 }, { group: 'green', weight: 0 }] }] }],
      events: [{ atSec: SWAP_MS / 1000, action: 'set-forward-weights', balancer: 'alb', weights: [{ group: 'blue', weight: 0 }, { group: 'green', weight: 1 }] }],
    } as ScenarioInput;
    const out = trace(doc, 100_000);
    expect(out.map((r) => (r.arrivalMs < SWAP_MS ? 'blue' : 'green'))).toEqual(out.map(env));
  });

  it('refuses a swap without a DNS name or with an unknown balancer, with the JSON path', () => {
    const noDns = validateScenario({ ...environments(), dns: undefined });
    expect(noDns.ok).toBe(false);
    if (!noDns.ok) expect(noDns.errors).toContainEqual(expect.objectContaining({ path: 'events[0].action', message: 'swap-cnames swaps where the DNS name points: add a dns name' }));
    const unknown = validateScenario({ ...environments(), events: [{ atSec: 1, action: 'swap-cnames', source: 'blue-env', destination: 'nope' }] });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors).toContainEqual(expect.objectContaining({ path: 'events[0].destination', message: 'no balancer with id "nope"' }));
  });

  it('writes the swap back to the running scenario and logs it', () => {
    const s = createSimulation(checked(environments()));
    s.runUntil(40_000);
    expect(s.events().some((e) => e.message === 'shop.example.com: CNAMEs of blue-env and green-env swapped (1 record); resolvers keep their cached answers for up to 60 s')).toBe(true);
    expect(s.apply({ action: 'swap-cnames', source: 'green-env', destination: 'blue-env' })).toBeNull();
    expect(s.snapshot().infra.dns[0].target).toBe('blue-env');
    expect(s.topology().dns!.records[0].balancer).toBe('blue-env');
  });
});

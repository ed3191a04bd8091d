// Client locations are laid out over the ordinary clients only: the bots of an attack, numbered after them, do
// not move ordinary clients to other locations (this was a known issue in docs/scenario-format.md 4.3).
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../../src/engine/index.ts';
import { checked } from '../support/scenarios.ts';
import type { ScenarioInput } from '../../../../src/scenario/schema.ts';

/** 1,000 clients, the first 300 in the US and the other 700 in Germany; geolocation sends each to its region's balancer. */
function geo(attacks: ScenarioInput['traffic']['attacks']): ScenarioInput {
  return {
    schemaVersion: 1,
    name: 'geo',
    durationSec: 60,
    traffic: {
      arrival: { kind: 'poisson', ratePerSec: 50 },
      clients: { count: 1000, locations: [{ region: 'us-east-1', continent: 'NA', country: 'US', share: 3 }, { region: 'eu-central-1', continent: 'EU', country: 'DE', share: 7 }] },
      attacks,
    },
    dns: {
      name: 'shop.example.com',
      policy: 'geolocation',
      records: [
        { id: 'us', balancer: 'lb-us', location: { country: 'US' } },
        { id: 'eu', balancer: 'lb-eu', location: { continent: 'EU' } },
      ],
    },
    balancers: [
      { id: 'lb-us', region: 'us-east-1', listeners: [{ port: 80, defaultForward: 'web-us' }] },
      { id: 'lb-eu', region: 'eu-central-1', listeners: [{ port: 80, defaultForward: 'web-eu' }] },
    ],
    targetGroups: [
      { id: 'web-us', algorithm: 'round-robin', targets: [{ id: 'us-1', concurrency: 100, serviceTimeMs: 10 }] },
      { id: 'web-eu', algorithm: 'round-robin', targets: [{ id: 'eu-1', concurrency: 100, serviceTimeMs: 10 }] },
    ],
  };
}

function byClient(doc: ScenarioInput): Map<number, string | null> {
  const where = new Map<number, string | null>();
  const sim = createSimulation(checked(doc), { onRequestDone: (r) => where.set(r.client, r.target) });
  sim.runUntil(60_000);
  return where;
}

describe('client locations and bots', () => {
  it('an attack that never starts, with 5,000 bots, leaves every ordinary client where it was', () => {
    const plain = byClient(geo(undefined));
    const attacked = byClient(geo([{ atSec: 1_000, durationSec: 10, ratePerSec: 100, bots: 5_000 }]));
    expect(attacked).toEqual(plain);
    // clients 0–299 are in the US and 300–999 in Germany, attack or not
    for (const [c, t] of attacked) expect(t).toBe(c < 300 ? 'us-1' : 'eu-1');
    expect(attacked.size).toBeGreaterThan(900);
  });
});

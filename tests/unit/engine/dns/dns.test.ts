import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/engine/core/rng.ts';
import { Dns, withDnsDefaults, type DnsClientInfo, type DnsConfigInput, type LatencyTable } from '../../../../src/engine/infra/dns/index.ts';

const virginia: DnsClientInfo = { region: 'us-east-1', continent: 'NA', country: 'US' };
const paris: DnsClientInfo = { region: 'eu-west-3', continent: 'EU', country: 'FR' };
const latency: LatencyTable = {
  'us-east-1': { 'us-east-1': 8, 'eu-west-3': 85 },
  'eu-west-3': { 'us-east-1': 85, 'eu-west-3': 9 },
};

const activePassive: DnsConfigInput = {
  name: 'app.example.com',
  policy: 'failover',
  records: [
    { id: 'primary', target: 'lb-east', region: 'us-east-1', failover: 'primary' },
    { id: 'secondary', target: 'lb-west', region: 'us-west-2', failover: 'secondary' },
  ],
};

/** A Dns plus the set of endpoints that are down, with `at(ms)` running the health checks due. */
function world(input: DnsConfigInput, where: (clientId: number) => DnsClientInfo = () => virginia) {
  const down = new Set<string>();
  const dns = new Dns(withDnsDefaults(input), new Rng(1, 'dns'), where, latency);
  const at = (ms: number) => dns.runChecks(ms, (target) => !down.has(target));
  const lookup = (clientId: number, ms: number) => {
    at(ms);
    return dns.endpointFor(clientId, ms);
  };
  return { dns, down, at, lookup };
}

const oneChecker = { intervalSec: 30, failureThreshold: 3, checkers: 1 } as const;

describe('Dns failover (active-passive)', () => {
  it('a client whose resolver cached the dead primary keeps failing until its TTL ends, then gets the secondary', () => {
    const w = world({ ...activePassive, ttlSec: 60, healthChecks: oneChecker, resolvers: { count: 10 } });
    expect(w.lookup(1, 0)).toMatchObject({ target: 'lb-east', recordId: 'primary', recordIndex: 0, fromCache: false });
    w.at(45_000);
    w.down.add('lb-east');
    // Probes at 60 and 90 s fail, but the third is needed: Route 53 still answers the primary at 100 s.
    expect(w.lookup(1, 100_000)).toMatchObject({ target: 'lb-east', fromCache: false });
    expect(w.at(120_000)).toEqual([
      expect.objectContaining({ recordId: 'primary', healthy: false, atMs: 120_000, message: 'record primary marked unhealthy: 3 consecutive failed checks' }),
    ]);
    expect(w.lookup(2, 130_000)).toMatchObject({ target: 'lb-west', fromCache: false });
    expect(w.lookup(1, 130_000)).toMatchObject({ target: 'lb-east', fromCache: true });
    expect(w.lookup(1, 159_999)).toMatchObject({ target: 'lb-east', fromCache: true });
    expect(w.lookup(1, 160_000)).toMatchObject({ target: 'lb-west', fromCache: false });
  });

  it('a TTL-ignoring resolver keeps the dead primary ignoreTtlExtraSec longer', () => {
    const w = world({ ...activePassive, healthChecks: oneChecker, resolvers: { count: 10, ignoreTtlShare: 1, ignoreTtlExtraSec: 900 } });
    w.down.add('lb-east'); // probes at 0, 30 and 60 s fail
    expect(w.lookup(1, 50_000)).toMatchObject({ target: 'lb-east', fromCache: false });
    w.at(60_000);
    expect(w.dns.recordStates()[0].healthy).toBe(false);
    expect(w.lookup(2, 60_000).target).toBe('lb-west');
    // Fetched at 50 s: TTL ends at 110 s, but the resolver serves it until 110 + 900 = 1010 s.
    expect(w.lookup(1, 1_009_999)).toMatchObject({ target: 'lb-east', fromCache: true });
    expect(w.lookup(1, 1_010_000)).toMatchObject({ target: 'lb-west', fromCache: false });
  });

  it('worst-case failover is interval × threshold + TTL: 30 s × 3 + 60 s = 150 s with one checker', () => {
    const w = world({ ...activePassive, healthChecks: oneChecker });
    w.at(0);
    w.down.add('lb-east'); // just after the probe at 0: failed probes at 30, 60, 90 s
    expect(w.lookup(1, 89_999).target).toBe('lb-east'); // the last answer with the primary, cached 60 s
    expect(w.lookup(1, 149_998).target).toBe('lb-east');
    expect(w.lookup(1, 149_999).target).toBe('lb-west');
  });

  it('with 8 staggered checkers the worst case is a little shorter: unhealthy at 86.25 s, last client moves at 146.25 s', () => {
    const w = world(activePassive);
    w.at(0);
    w.down.add('lb-east');
    expect(w.at(86_249)).toEqual([]);
    expect(w.lookup(1, 86_249).target).toBe('lb-east');
    expect(w.at(86_250)).toEqual([expect.objectContaining({ message: 'record primary marked unhealthy: 3 consecutive failed checks at 7 of 8 checkers (healthy needs > 18 %)' })]);
    expect(w.lookup(1, 146_248).target).toBe('lb-east');
    expect(w.lookup(1, 146_249).target).toBe('lb-west');
  });

  it('across a population, failover is gradual, and clients of TTL-ignoring resolvers keep failing for minutes', () => {
    const w = world({ ...activePassive, resolvers: { count: 50, ignoreTtlShare: 0.2, ignoreTtlExtraSec: 900 } });
    const clients = 200;
    const movedAtSec = new Array<number>(clients).fill(NaN);
    for (let s = 0; s <= 1_300; s++) {
      if (s === 100) w.down.add('lb-east');
      for (let c = 0; c < clients; c++) {
        if (s < c % 60 || !Number.isNaN(movedAtSec[c])) continue;
        if (w.lookup(c, s * 1000).target === 'lb-west') movedAtSec[c] = s;
      }
    }
    // Dies at 100 s; the 7th checker to see 3 failures (checker 1, probes at 123.75, 153.75, 183.75 s) marks it unhealthy.
    const ignoring = (c: number): boolean => w.dns.resolvers.ignoresTtl(w.dns.resolvers.resolverOf(c));
    const respecting = movedAtSec.filter((_, c) => !ignoring(c));
    const stubborn = movedAtSec.filter((_, c) => ignoring(c));
    expect(stubborn).toHaveLength(40);
    expect(Math.min(...respecting)).toBe(184);
    expect(Math.max(...respecting)).toBeLessThanOrEqual(244);
    expect(new Set(respecting).size).toBeGreaterThan(10);
    expect(Math.min(...stubborn)).toBeGreaterThan(244);
    expect(Math.max(...stubborn)).toBeLessThanOrEqual(184 + 960);
  });

  it('a secondary without a health check is used whenever the primary is unhealthy, even if it is down too', () => {
    const input = { ...activePassive, healthChecks: oneChecker };
    input.records = [input.records[0], { ...input.records[1], healthCheck: false }];
    const w = world(input);
    w.down.add('lb-east');
    w.down.add('lb-west');
    expect(w.lookup(1, 90_000).target).toBe('lb-west');
    expect(w.dns.recordStates().map((r) => [r.id, r.healthCheck, r.healthy])).toEqual([
      ['primary', true, false],
      ['secondary', false, true],
    ]);
  });

  it('recovery is logged too, and new lookups return to the primary', () => {
    const w = world({ ...activePassive, healthChecks: oneChecker, ttlSec: 10 });
    w.down.add('lb-east');
    w.at(100_000);
    w.down.delete('lb-east');
    expect(w.at(200_000).map((t) => [t.atMs, t.message])).toEqual([[180_000, 'record primary marked healthy: 3 consecutive passed checks']]);
    expect(w.lookup(5, 200_000).target).toBe('lb-east');
  });
});

describe('Dns regions (active-active)', () => {
  const activeActive: DnsConfigInput = {
    name: 'app.example.com',
    policy: 'latency',
    healthChecks: oneChecker,
    resolvers: { count: 1 },
    records: [
      { id: 'us', target: 'lb-us', region: 'us-east-1' },
      { id: 'eu', target: 'lb-eu', region: 'eu-west-3' },
    ],
  };
  const where = (c: number): DnsClientInfo => (c % 2 === 0 ? paris : virginia);

  it('each client gets its nearest region, even through one shared resolver', () => {
    const w = world(activeActive, where);
    expect(w.lookup(0, 0).target).toBe('lb-eu');
    expect(w.lookup(1, 0).target).toBe('lb-us');
    expect(w.lookup(2, 1).target).toBe('lb-eu');
    expect(w.lookup(2, 1).fromCache).toBe(true);
  });

  it('a region outage moves its clients to the other region once detected and their TTL ends', () => {
    const w = world(activeActive, where);
    w.lookup(0, 0);
    w.at(10_000);
    w.down.add('lb-eu'); // probes fail at 30, 60, 90 s; Paris refetched at 60 s, still the EU record
    expect(w.lookup(0, 60_000)).toMatchObject({ target: 'lb-eu', fromCache: false });
    expect(w.lookup(0, 119_999).target).toBe('lb-eu');
    expect(w.lookup(0, 120_000).target).toBe('lb-us');
    expect(w.lookup(1, 120_000).target).toBe('lb-us');
  });

  it('multivalue answers keep a record without a health check even while its endpoint is down', () => {
    const w = world({
      name: 'app.example.com',
      policy: 'multivalue',
      healthChecks: oneChecker,
      records: [
        { id: 'a', target: 'lb-a' },
        { id: 'b', target: 'lb-b', healthCheck: false },
        { id: 'c', target: 'lb-c' },
      ],
    });
    w.down.add('lb-b');
    w.down.add('lb-c');
    w.at(90_000);
    expect(w.dns.query(0).sort()).toEqual([0, 1]);
  });
});

describe('Dns', () => {
  it('a simple record has no health checks: nothing is ever due', () => {
    const w = world({ name: 'app.example.com', policy: 'simple', records: activePassive.records });
    expect(w.dns.nextCheckMs()).toBe(Infinity);
    expect(w.dns.recordStates().every((r) => !r.healthCheck && r.healthy)).toBe(true);
  });

  it('the same seed gives the same answers', () => {
    const input: DnsConfigInput = { name: 'x', policy: 'weighted', ttlSec: 1, records: activePassive.records.map((r) => ({ ...r, weight: 1 })) };
    const a = world(input);
    const b = world(input);
    const seq = (w: typeof a) => Array.from({ length: 50 }, (_, k) => w.lookup(k, k * 1000).target);
    expect(seq(a)).toEqual(seq(b));
    expect(new Set(seq(a)).size).toBe(2);
  });

  it('flush makes every resolver ask again', () => {
    const w = world(activePassive);
    w.lookup(1, 0);
    w.dns.flush();
    expect(w.lookup(1, 1).fromCache).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/engine/core/rng.ts';
import { chooseRecords } from '../../../../src/engine/infra/dns/policies.ts';
import { withDnsDefaults, type DnsClientInfo, type DnsPolicy, type DnsRecordConfig, type LatencyTable } from '../../../../src/engine/infra/dns/types.ts';

const paris: DnsClientInfo = { region: 'eu-west-3', continent: 'EU', country: 'FR' };
const latency: LatencyTable = {
  'eu-west-3': { 'eu-west-3': 10, 'us-east-1': 80, 'ap-southeast-1': 160 },
};

function choose(policy: DnsPolicy, records: DnsRecordConfig[], down: number[] = [], client = paris, rng = new Rng(1, 'dns')): number[] {
  const config = withDnsDefaults({ name: 'app.example.com', policy, records });
  return chooseRecords(config, (i) => !down.includes(i), client, latency, rng);
}

function records(n: number, extra: (i: number) => Partial<DnsRecordConfig> = () => ({})): DnsRecordConfig[] {
  return Array.from({ length: n }, (_, i) => ({ id: `r${i}`, target: `lb-${i}`, ...extra(i) }));
}

/** Share of `draws` answers whose single record is each index. */
function shares(policy: DnsPolicy, recs: DnsRecordConfig[], down: number[] = [], draws = 20_000): number[] {
  const rng = new Rng(7, 'dns');
  const config = withDnsDefaults({ name: 'app.example.com', policy, records: recs });
  const healthy = (i: number): boolean => !down.includes(i);
  const counts = new Array(recs.length).fill(0);
  let singles = 0;
  for (let k = 0; k < draws; k++) {
    const answer = chooseRecords(config, healthy, paris, latency, rng);
    if (answer.length === 1) singles++;
    counts[answer[0]]++;
  }
  expect(singles).toBe(draws);
  return counts.map((c) => c / draws);
}

describe('simple', () => {
  it('answers every value, in random order, whatever the health', () => {
    const rng = new Rng(3, 'dns');
    const firsts = new Set<number>();
    for (let k = 0; k < 50; k++) {
      const answer = choose('simple', records(3), [0, 1, 2], paris, rng);
      expect([...answer].sort()).toEqual([0, 1, 2]);
      firsts.add(answer[0]);
    }
    expect(firsts).toEqual(new Set([0, 1, 2]));
  });
});

describe('multivalue', () => {
  it('answers at most 8 records, all healthy, differing between queries', () => {
    const rng = new Rng(3, 'dns');
    const seen = new Set<number>();
    for (let k = 0; k < 50; k++) {
      const answer = choose('multivalue', records(12), [0, 5], paris, rng);
      expect(answer).toHaveLength(8);
      expect(new Set(answer).size).toBe(8);
      expect(answer).not.toContain(0);
      expect(answer).not.toContain(5);
      answer.forEach((i) => seen.add(i));
    }
    expect(seen.size).toBe(10);
  });

  it('answers only the healthy ones when fewer than 8 are healthy', () => {
    expect(choose('multivalue', records(5), [1, 3]).sort()).toEqual([0, 2, 4]);
  });

  it('answers up to 8 unhealthy records when all are unhealthy', () => {
    const all = Array.from({ length: 10 }, (_, i) => i);
    expect(choose('multivalue', records(10), all)).toHaveLength(8);
    expect(choose('multivalue', records(3), [0, 1, 2]).sort()).toEqual([0, 1, 2]);
  });
});

describe('weighted', () => {
  it('shares traffic as weight / sum of weights', () => {
    const s = shares('weighted', records(3, (i) => ({ weight: [1, 3, 4][i] })));
    expect(Math.abs(s[0] - 0.125)).toBeLessThan(0.01);
    expect(Math.abs(s[1] - 0.375)).toBeLessThan(0.015);
    expect(Math.abs(s[2] - 0.5)).toBeLessThan(0.015);
  });

  it('a weight of 0 disables a record', () => {
    expect(shares('weighted', records(3, (i) => ({ weight: [0, 1, 1][i] })))[0]).toBe(0);
  });

  it('all weights 0 gives every record an equal share', () => {
    for (const s of shares('weighted', records(4, () => ({ weight: 0 })))) expect(Math.abs(s - 0.25)).toBeLessThan(0.015);
  });

  it('an unhealthy record is skipped and the rest keep their proportions', () => {
    const s = shares('weighted', records(3, (i) => ({ weight: [1, 1, 2][i] })), [2]);
    expect(s[2]).toBe(0);
    expect(Math.abs(s[0] - 0.5)).toBeLessThan(0.015);
  });

  it('zero-weighted records answer only when every non-zero record is unhealthy', () => {
    const recs = records(4, (i) => ({ weight: [5, 5, 0, 0][i] }));
    expect(shares('weighted', recs, [0])).toEqual([0, 1, 0, 0]);
    const s = shares('weighted', recs, [0, 1]);
    expect(s[0] + s[1]).toBe(0);
    expect(Math.abs(s[2] - 0.5)).toBeLessThan(0.015);
  });

  it('if none is healthy, all are treated as healthy', () => {
    const s = shares('weighted', records(3, (i) => ({ weight: [1, 3, 0][i] })), [0, 1, 2]);
    expect(Math.abs(s[0] - 0.25)).toBeLessThan(0.015);
    expect(s[2]).toBe(0);
  });
});

describe('latency', () => {
  const regions = records(3, (i) => ({ region: ['us-east-1', 'eu-west-3', 'ap-southeast-1'][i] }));

  it('answers the record in the region with the lowest latency to the client', () => {
    expect(choose('latency', regions)).toEqual([1]);
  });

  it('an unhealthy region gives way to the next-lowest latency', () => {
    expect(choose('latency', regions, [1])).toEqual([0]);
    expect(choose('latency', regions, [0, 1])).toEqual([2]);
  });

  it('if none is healthy, the lowest latency wins anyway', () => {
    expect(choose('latency', regions, [0, 1, 2])).toEqual([1]);
  });

  it('a client from an unmeasured region is spread over the healthy records', () => {
    const tokyo: DnsClientInfo = { region: 'ap-northeast-1', continent: 'AS', country: 'JP' };
    const rng = new Rng(5, 'dns');
    const seen = new Set<number>();
    for (let k = 0; k < 30; k++) seen.add(choose('latency', regions, [2], tokyo, rng)[0]);
    expect(seen).toEqual(new Set([0, 1]));
  });
});

describe('failover', () => {
  const pair = records(2, (i) => ({ failover: i === 0 ? 'primary' : 'secondary' }));

  it('primary healthy → primary', () => expect(choose('failover', pair)).toEqual([0]));
  it('primary unhealthy, secondary healthy → secondary', () => expect(choose('failover', pair, [0])).toEqual([1]));
  it('primary healthy, secondary unhealthy → primary', () => expect(choose('failover', pair, [1])).toEqual([0]));
  it('both unhealthy → primary', () => expect(choose('failover', pair, [0, 1])).toEqual([0]));

  it('roles follow the configuration, not the order; without roles the first record is primary', () => {
    const swapped = records(2, (i) => ({ failover: i === 0 ? 'secondary' : 'primary' }));
    expect(choose('failover', swapped)).toEqual([1]);
    expect(choose('failover', records(2), [0])).toEqual([1]);
  });
});

describe('geolocation', () => {
  const geo = records(4, (i) => ({ location: [{ continent: 'EU' }, { country: 'FR' }, 'default' as const, { country: 'DE' }][i] }));

  it('the most specific match wins: country over continent over default', () => {
    expect(choose('geolocation', geo)).toEqual([1]);
    expect(choose('geolocation', geo, [], { region: 'eu-central-1', continent: 'EU', country: 'AT' })).toEqual([0]);
    expect(choose('geolocation', geo, [], { region: 'us-east-1', continent: 'NA', country: 'US' })).toEqual([2]);
  });

  it('an unhealthy match gives way to the larger area', () => {
    expect(choose('geolocation', geo, [1])).toEqual([0]);
    expect(choose('geolocation', geo, [1, 0])).toEqual([2]);
  });

  it('if no matching record is healthy, the most specific answers anyway', () => {
    expect(choose('geolocation', geo, [0, 1, 2, 3])).toEqual([1]);
  });

  it('no match and no default record → NODATA (an empty answer)', () => {
    const noDefault = geo.filter((r) => r.location !== 'default');
    expect(choose('geolocation', noDefault, [], { region: 'us-east-1', continent: 'NA', country: 'US' })).toEqual([]);
  });
});

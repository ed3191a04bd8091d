import { describe, expect, it } from 'vitest';
import { CostMeter } from '../../../../src/engine/scaling/cost.ts';
import { DEFAULT_INSTANCE_TYPES, hourlyPriceUsd } from '../../../../src/engine/scaling/instance-types.ts';
import { HOUR, MIN } from './support.ts';

const price = (name: string, market: 'on-demand' | 'spot' = 'on-demand') => hourlyPriceUsd(DEFAULT_INSTANCE_TYPES[name], market);
const cents = (usd: number) => Math.round(usd * 100);

describe('CostMeter', () => {
  it('the cost of a known run equals instance-seconds × price / 3600, to the cent', () => {
    const m = new CostMeter();
    for (const id of [1, 2, 3]) m.start(id, 0, price('t3.small'));
    m.start(4, 30 * MIN, price('m5.large'));
    m.stop(4, HOUR);
    m.start(5, 0, price('c5.large', 'spot'));
    m.stop(5, 45 * MIN);
    const end = 2 * HOUR;
    expect(m.instanceSeconds(end)).toBe(3 * 7200 + 1800 + 2700);
    const expected = (3 * 7200 * 0.0208 + 1800 * 0.096 + 2700 * 0.085 * 0.3) / 3600;
    expect(cents(m.totalUsd(end))).toBe(cents(expected));
    expect(m.totalUsd(end)).toBeCloseTo(0.1248 + 0.048 + 0.019125, 12);
  });

  it('accrues per instance while running and stops at termination', () => {
    const m = new CostMeter();
    m.start(7, 1000, 0.36);
    expect(m.instance(7, 11_000)).toEqual({ id: 7, seconds: 10, usd: 0.001 });
    m.stop(7, 11_000);
    m.stop(7, 99_000);
    expect(m.instance(7, HOUR).usd).toBe(0.001);
    expect(m.instance(8, HOUR)).toEqual({ id: 8, seconds: 0, usd: 0 });
    expect(m.instances(HOUR).map((c) => c.id)).toEqual([7]);
  });

  it('a restarted instance accrues again at its new price', () => {
    const m = new CostMeter();
    m.start(1, 0, 3.6);
    m.start(1, 500, 99);
    m.stop(1, 1000);
    m.start(1, 2000, 7.2);
    expect(m.instance(1, 3000)).toEqual({ id: 1, seconds: 2, usd: 0.003 });
  });

  it('can bill a minimum of 60 s per launch, as EC2 does for Linux', () => {
    const m = new CostMeter(60);
    m.start(1, 0, 3.6);
    m.stop(1, 10_000);
    expect(m.instance(1, HOUR)).toEqual({ id: 1, seconds: 60, usd: 0.06 });
  });

  it('reports the cost per million good requests', () => {
    const m = new CostMeter();
    m.start(1, 0, 0.096);
    expect(m.costPerMillionGoodRequests(HOUR, 0)).toBeNull();
    expect(m.costPerMillionGoodRequests(HOUR, 360_000)).toBeCloseTo(0.2667, 4);
  });
});

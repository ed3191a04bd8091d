import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/engine/core/rng.ts';
import {
  DEFAULT_INSTANCE_TYPES,
  DEFAULT_SPOT_DISCOUNT,
  capacityPerSec,
  hourlyPriceUsd,
  instanceType,
  spotInterruptionDelayMs,
} from '../../../../src/engine/scaling/instance-types.ts';

describe('instance types', () => {
  it('has the default table from t3.micro to c5.2xlarge with vCPUs and approximate us-east-1 prices', () => {
    expect(Object.keys(DEFAULT_INSTANCE_TYPES)).toEqual(['t3.micro', 't3.small', 't3.medium', 't3.large', 'm5.large', 'm5.xlarge', 'c5.large', 'c5.xlarge', 'c5.2xlarge']);
    expect(DEFAULT_INSTANCE_TYPES['t3.small']).toEqual({ name: 't3.small', vcpu: 2, memoryGiB: 2, cpuSpeed: 1, onDemandHourlyUsd: 0.0208 });
    expect(DEFAULT_INSTANCE_TYPES['c5.2xlarge']).toMatchObject({ vcpu: 8, onDemandHourlyUsd: 0.34 });
    for (const t of Object.values(DEFAULT_INSTANCE_TYPES)) expect(t.onDemandHourlyUsd / t.vcpu).toBeLessThan(0.05);
  });

  it('looks types up with overrides first', () => {
    const custom = { 't3.small': { ...DEFAULT_INSTANCE_TYPES['t3.small'], onDemandHourlyUsd: 0.03 } };
    expect(instanceType('t3.small', custom)?.onDemandHourlyUsd).toBe(0.03);
    expect(instanceType('m5.large', custom)?.vcpu).toBe(2);
    expect(instanceType('x9.huge')).toBeUndefined();
  });

  it('spot costs 30 % of on-demand by default', () => {
    expect(DEFAULT_SPOT_DISCOUNT).toBe(0.7);
    expect(hourlyPriceUsd(DEFAULT_INSTANCE_TYPES['m5.large'])).toBe(0.096);
    expect(hourlyPriceUsd(DEFAULT_INSTANCE_TYPES['m5.large'], 'spot')).toBeCloseTo(0.0288, 10);
    expect(hourlyPriceUsd(DEFAULT_INSTANCE_TYPES['m5.large'], 'spot', 0.5)).toBeCloseTo(0.048, 10);
  });

  it('turns CPU per request into requests per second per instance', () => {
    expect(capacityPerSec(DEFAULT_INSTANCE_TYPES['m5.xlarge'], 20)).toBe(200);
    expect(capacityPerSec(DEFAULT_INSTANCE_TYPES['c5.xlarge'], 20)).toBeCloseTo(230, 10);
  });

  it('spot interruptions arrive at the configured rate per instance-hour, from the seeded stream', () => {
    expect(spotInterruptionDelayMs(new Rng(7, 'failures'))).toBe(spotInterruptionDelayMs(new Rng(7, 'failures')));
    expect(spotInterruptionDelayMs(new Rng(7), 0)).toBe(Infinity);
    const rng = new Rng(1, 'failures');
    const n = 20_000;
    let hours = 0;
    for (let i = 0; i < n; i++) hours += spotInterruptionDelayMs(rng, 0.5) / 3_600_000;
    expect(hours / n).toBeGreaterThan(1.9);
    expect(hours / n).toBeLessThan(2.1);
  });
});

/**
 * EC2 instance types for scaling groups: vCPUs (concurrent request slots), a relative CPU speed
 * (service time scales by 1 / cpuSpeed) and an on-demand hourly price. Prices are approximate 2024
 * us-east-1 Linux list prices; speeds are rough (c5 ≈ 15 % faster per vCPU than m5/t3). Spot capacity
 * costs (1 − spotDiscount) of on-demand and is interrupted at a Poisson rate per instance-hour, with a
 * 2-minute notice. Simplified: t3 CPU credits are not modelled (t3 runs at full speed, as in unlimited mode).
 */
export interface InstanceType {
  readonly name: string;
  /** Requests served at once at full speed (CPU utilization = busy slots / vCPU). */
  readonly vcpu: number;
  readonly memoryGiB: number;
  /** Relative speed of one vCPU; 1 = m5/t3. A request's CPU time is divided by it. */
  readonly cpuSpeed: number;
  /** On-demand price, USD per hour (approximate, 2024 list prices, us-east-1 Linux). */
  readonly onDemandHourlyUsd: number;
}

const type = (name: string, vcpu: number, memoryGiB: number, cpuSpeed: number, onDemandHourlyUsd: number): InstanceType => ({
  name,
  vcpu,
  memoryGiB,
  cpuSpeed,
  onDemandHourlyUsd,
});

/** The default table; scenarios may override or extend it. */
export const DEFAULT_INSTANCE_TYPES: Readonly<Record<string, InstanceType>> = {
  't3.micro': type('t3.micro', 2, 1, 1, 0.0104),
  't3.small': type('t3.small', 2, 2, 1, 0.0208),
  't3.medium': type('t3.medium', 2, 4, 1, 0.0416),
  't3.large': type('t3.large', 2, 8, 1, 0.0832),
  'm5.large': type('m5.large', 2, 8, 1, 0.096),
  'm5.xlarge': type('m5.xlarge', 4, 16, 1, 0.192),
  'c5.large': type('c5.large', 2, 4, 1.15, 0.085),
  'c5.xlarge': type('c5.xlarge', 4, 8, 1.15, 0.17),
  'c5.2xlarge': type('c5.2xlarge', 8, 16, 1.15, 0.34),
};

export type Market = 'on-demand' | 'spot';

/** Default share of the on-demand price saved on spot. */
export const DEFAULT_SPOT_DISCOUNT = 0.7;
/**
 * Default spot interruptions per instance-hour: deliberately high (real rates are mostly < 5 % per
 * month, per the Spot Instance Advisor) so a lesson of an hour or two sees some.
 */
export const DEFAULT_SPOT_INTERRUPTIONS_PER_HOUR = 0.05;
/** Warning an interrupted spot instance gets before it is reclaimed. */
export const SPOT_INTERRUPTION_NOTICE_SEC = 120;

/** The type called `name`: from `overrides` first, then the defaults; undefined if unknown. */
export function instanceType(name: string, overrides: Readonly<Record<string, InstanceType>> = {}): InstanceType | undefined {
  return overrides[name] ?? DEFAULT_INSTANCE_TYPES[name];
}

/** USD per hour for one instance of `type` in `market`. */
export function hourlyPriceUsd(type: InstanceType, market: Market = 'on-demand', spotDiscount = DEFAULT_SPOT_DISCOUNT): number {
  return market === 'spot' ? type.onDemandHourlyUsd * (1 - spotDiscount) : type.onDemandHourlyUsd;
}

/** Requests per second one instance sustains at 100 % CPU, for a request needing `cpuMsPerRequest` on an m5 vCPU. */
export function capacityPerSec(type: InstanceType, cpuMsPerRequest: number): number {
  return (type.vcpu * type.cpuSpeed * 1000) / cpuMsPerRequest;
}

/**
 * Time until a spot instance launched now receives its interruption notice: exponential with
 * `ratePerHour`, drawn from the passed stream (Infinity when the rate is 0).
 */
export function spotInterruptionDelayMs(rng: { next(): number }, ratePerHour = DEFAULT_SPOT_INTERRUPTIONS_PER_HOUR): number {
  if (ratePerHour <= 0) return Infinity;
  return (-Math.log(1 - rng.next()) / ratePerHour) * 3_600_000;
}

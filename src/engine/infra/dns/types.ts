/**
 * The shapes of a DNS name served the way Amazon Route 53 serves it: one name, one routing policy,
 * a set of records (each pointing at an endpoint such as a balancer), health checks on the records,
 * and the population of recursive resolvers that cache the answers. Plain data, so a scenario can
 * carry it; `withDnsDefaults` fills in what a scenario leaves out.
 */

/** Route 53 routing policies (geoproximity and IP-based are not modelled). */
export type DnsPolicy = 'simple' | 'multivalue' | 'weighted' | 'latency' | 'failover' | 'geolocation';

/** A geolocation record's area: a country (most specific), a continent, or the catch-all default. */
export type DnsLocation = { continent?: string; country?: string } | 'default';

/** One record of the name; its value is an endpoint id (a balancer, say). */
export interface DnsRecordConfig {
  id: string;
  /** The endpoint the record answers with, e.g. a balancer id. */
  target: string;
  /** The region the endpoint lives in (latency policy; also what a region outage takes down). */
  region?: string;
  /** Weighted policy: 0..255; 0 disables the record. Default 1. */
  weight?: number;
  /** Failover policy role. Default: the first record is primary, the others secondary. */
  failover?: 'primary' | 'secondary';
  /** Geolocation policy: the area this record serves. Without one, the record never matches. */
  location?: DnsLocation;
  /** Whether a health check is attached. Default true, except under 'simple' (never checked). */
  healthCheck?: boolean;
}

export interface DnsResolversConfig {
  /** How many recursive resolvers the clients share. Default 100. */
  count: number;
  /** Share (0..1) of resolvers that keep answers past their TTL. Default 0. */
  ignoreTtlShare: number;
  /** How long past the TTL a TTL-ignoring resolver keeps an answer, seconds. Default 900. */
  ignoreTtlExtraSec: number;
  /**
   * Whether the resolvers' caches start staggered across the TTL (a real population did not all resolve
   * at time 0): resolver r's first answer lives only until (r + 1) ÷ count × TTL. Default true.
   */
  staggered: boolean;
}

export interface DnsHealthCheckConfig {
  /** Seconds between one checker's requests: 30 (standard) or 10 (fast). Default 30. */
  intervalSec: 30 | 10;
  /** Consecutive checks that flip a checker's verdict either way, 1..10. Default 3. */
  failureThreshold: number;
  /** Checker locations, uncoordinated; the record is healthy iff > 18 % of them say so. Default 8. */
  checkers: number;
}

export interface DnsConfig {
  name: string;
  /** How long resolvers may cache an answer, seconds. Default 60 (Route 53's TTL for ELB aliases). */
  ttlSec: number;
  policy: DnsPolicy;
  records: DnsRecordConfig[];
  resolvers: DnsResolversConfig;
  healthChecks: DnsHealthCheckConfig;
}

/** Where a client is: its region (latency) and its continent and country (geolocation). */
export interface DnsClientInfo {
  region: string;
  continent: string;
  country: string;
}

/** Measured latency, `latencyMs[clientRegion][recordRegion]`; a missing entry counts as unreachable. */
export type LatencyTable = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** The only thing the module needs from a random stream: a uniform number in [0, 1). */
export interface RandomSource {
  next(): number;
}

/** Route 53 answers a multivalue query with at most this many records. */
export const MAX_MULTIVALUE_ANSWERS = 8;
/** A record is healthy iff more than this share of checkers report it healthy. */
export const HEALTHY_CHECKER_SHARE = 0.18;

export const DNS_DEFAULTS = {
  ttlSec: 60,
  resolvers: { count: 100, ignoreTtlShare: 0, ignoreTtlExtraSec: 900, staggered: true },
  healthChecks: { intervalSec: 30, failureThreshold: 3, checkers: 8 },
} as const satisfies Pick<DnsConfig, 'ttlSec' | 'resolvers' | 'healthChecks'>;

/** A config as a scenario may write it: everything but the name, policy and records is optional. */
export type DnsConfigInput = Pick<DnsConfig, 'name' | 'policy' | 'records'> & {
  ttlSec?: number;
  resolvers?: Partial<DnsResolversConfig>;
  healthChecks?: Partial<DnsHealthCheckConfig>;
};

/** Fills in the defaults above. */
export function withDnsDefaults(input: DnsConfigInput): DnsConfig {
  return {
    name: input.name,
    policy: input.policy,
    records: input.records,
    ttlSec: input.ttlSec ?? DNS_DEFAULTS.ttlSec,
    resolvers: {
      count: input.resolvers?.count ?? DNS_DEFAULTS.resolvers.count,
      ignoreTtlShare: input.resolvers?.ignoreTtlShare ?? DNS_DEFAULTS.resolvers.ignoreTtlShare,
      ignoreTtlExtraSec: input.resolvers?.ignoreTtlExtraSec ?? DNS_DEFAULTS.resolvers.ignoreTtlExtraSec,
      staggered: input.resolvers?.staggered ?? DNS_DEFAULTS.resolvers.staggered,
    },
    healthChecks: {
      intervalSec: input.healthChecks?.intervalSec ?? DNS_DEFAULTS.healthChecks.intervalSec,
      failureThreshold: input.healthChecks?.failureThreshold ?? DNS_DEFAULTS.healthChecks.failureThreshold,
      checkers: input.healthChecks?.checkers ?? DNS_DEFAULTS.healthChecks.checkers,
    },
  };
}

/** Whether record `i` has a health check attached under `config`'s policy. */
export function hasHealthCheck(config: DnsConfig, i: number): boolean {
  return config.policy !== 'simple' && (config.records[i].healthCheck ?? true);
}

/**
 * DNS in front of the balancers, with Route 53 semantics: routing policies, health checks, TTLs and
 * resolvers that cache (some past the TTL). The engine uses the `Dns` facade; the parts are exported
 * for tests and for views that explain a single answer.
 */
export { Dns, type DnsLookup, type DnsRecordState, type DnsTransition } from './dns.ts';
export { chooseRecords, type HealthView } from './policies.ts';
export { RecordHealth, type HealthTransition } from './health-checker.ts';
export { ResolverPool, pickAddress, type CachedAnswer } from './resolver-cache.ts';
export * from './types.ts';

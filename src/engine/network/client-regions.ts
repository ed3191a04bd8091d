/**
 * Where each client is: client locations by share (traffic.clients.locations), the first share of client
 * ids in the first location and so on; without locations every client is in region "default", which
 * means "the balancer's region". Attack bots have no location (index = number of locations).
 */
import type { Scenario } from '../../scenario/schema.ts';

export type ClientLocation = NonNullable<Scenario['traffic']['clients']['locations']>[number];

const DEFAULT_LOCATION: ClientLocation = { region: 'default', continent: 'NA', country: 'US', share: 1 };

/** The scenario's client locations (one "default" location when it names none). */
export function clientLocations(scenario: Scenario): ClientLocation[] {
  return scenario.traffic.clients.locations ?? [DEFAULT_LOCATION];
}

/** Upper client-id bound of each location, for `normal` ordinary clients. */
export function locationBounds(locations: readonly ClientLocation[], normal: number): number[] {
  const total = locations.reduce((a, l) => a + l.share, 0);
  const bounds: number[] = [];
  let acc = 0;
  for (const l of locations) bounds.push(Math.round(((acc += l.share) / total) * normal));
  return bounds;
}

/**
 * Where each location's clients end: clients below `upper[0]` are in location 0, below `upper[1]` in 1, and so
 * on; the last location's bound is `normal`, so every client at or past it is a bot (location index
 * locations.length). Locations are contiguous ranges of client ids, so a few numbers say what a table per
 * client would (at 200,000 clients a table costs a cache miss per request).
 */
export function locationUpperBounds(locations: readonly ClientLocation[], normal: number): Float64Array {
  const upper = Float64Array.from(locationBounds(locations, normal));
  if (upper.length > 0) upper[upper.length - 1] = normal;
  return upper;
}

/** The location index of client c (bots: the number of locations), given `locationUpperBounds`. */
export function locationOf(upper: Float64Array, c: number): number {
  let i = 0;
  while (i < upper.length && c >= upper[i]) i++;
  return i;
}

/**
 * Round trip from a client region to a balancer region: the measured `dns.latencyMs` entry when there is
 * one; the client round trip within a region ("default" on either side counts as the same region); the
 * client round trip plus the cross-region one otherwise.
 */
export function clientRttMs(clientRegion: string, balancerRegion: string, measured: Readonly<Record<string, Readonly<Record<string, number>>>>, sameRegionMs: number, crossRegionMs: number): number {
  const m = measured[clientRegion]?.[balancerRegion];
  if (m !== undefined) return m;
  if (clientRegion === balancerRegion || clientRegion === 'default' || balancerRegion === 'default') return sameRegionMs;
  return sameRegionMs + crossRegionMs;
}

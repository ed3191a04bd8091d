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

/** The location index of every client (bots: locations.length). */
export function locationOfClients(locations: readonly ClientLocation[], normal: number, count: number): Uint8Array {
  const bounds = locationBounds(locations, normal);
  const out = new Uint8Array(count);
  let i = 0;
  for (let c = 0; c < normal; c++) {
    while (i < bounds.length - 1 && c >= bounds[i]) i++;
    out[c] = i;
  }
  out.fill(locations.length, normal);
  return out;
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

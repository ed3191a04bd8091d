/**
 * Builds the infrastructure around the target groups: balancers with their nodes and listener routing,
 * availability zones (targets without a zone are spread over the zones of the balancer that forwards
 * to their group, in order), and the DNS name with its records and resolvers.
 */
import type { BalancerConfig } from '../scenario/schema.ts';
import type { Engine } from './simulation.ts';
import { BalancerRuntime } from './balancer/balancer-runtime.ts';
import { PER_REQUEST, groupsOf, routeClasses } from './balancer/router.ts';

/** groupOfClass value for a class routed per request (cookie rules, weighted forward). */
export const ROUTE_PER_REQUEST = -2;
import { Dns, withDnsDefaults, type DnsClientInfo } from './dns/index.ts';

function forwardsTo(b: BalancerConfig, groupId: string): boolean {
  return groupsOf(b).includes(groupId);
}

/** The zone a target gets when it names none: round robin over its group's balancer zones. */
export function defaultZone(e: Engine, t: number): number {
  const gid = e.groups[e.store.groupOf[t]].id;
  const b = e.scenario.balancers.find((x) => x.zones !== undefined && forwardsTo(x, gid));
  if (b === undefined) return -1;
  let position = 0;
  for (let u = 0; u < t; u++) if (e.store.groupOf[u] === e.store.groupOf[t]) position++;
  return e.zoneNames.indexOf(b.zones![position % b.zones!.length]);
}

export function buildWorld(e: Engine): { zoneNames: string[]; balancers: BalancerRuntime[]; dns: Dns | null } {
  const s = e.scenario;
  const zoneNames: string[] = [];
  const zoneIndex = (name: string): number => {
    const i = zoneNames.indexOf(name);
    return i >= 0 ? i : zoneNames.push(name) - 1;
  };
  const balancers = s.balancers.map((b, bi) => {
    const nodeZones = (b.zones ?? []).map(zoneIndex);
    const routes = routeClasses(b, e.mix.classes);
    const groupOfClass = Int32Array.from(routes.map((id) => (id === null ? -1 : id === PER_REQUEST ? ROUTE_PER_REQUEST : e.groups.findIndex((g) => g.id === id))));
    return new BalancerRuntime(b, bi, nodeZones.length > 0 ? nodeZones : [-1], groupOfClass, e.clients.count, e.mix.classes);
  });
  for (let t = 0; t < e.store.count; t++) {
    const zone = e.store.configs[t].zone;
    if (zone !== undefined) e.store.zoneOf[t] = zoneIndex(zone);
  }
  // zones named only by balancers are known now; place the targets that name none
  (e as { zoneNames: string[] }).zoneNames = zoneNames;
  for (let t = 0; t < e.store.count; t++) if (e.store.configs[t].zone === undefined) e.store.zoneOf[t] = defaultZone(e, t);

  let dns: Dns | null = null;
  if (s.dns !== undefined) {
    const d = s.dns;
    const regionOf = new Map(s.balancers.map((b) => [b.id, b.region]));
    const config = withDnsDefaults({
      name: d.name,
      policy: d.policy,
      ttlSec: d.ttlSec,
      resolvers: d.resolvers,
      healthChecks: d.healthChecks,
      records: d.records.map((r) => ({ id: r.id, target: r.balancer, region: regionOf.get(r.balancer), weight: r.weight, failover: r.failover, location: r.location, healthCheck: r.healthCheck })),
    });
    dns = new Dns(config, e.rng.dns, clientLocations(e), d.latencyMs);
  }
  return { zoneNames, balancers, dns };
}

/** Client locations by share: the first share of client ids in the first location, and so on. */
function clientLocations(e: Engine): (clientId: number) => DnsClientInfo {
  const locations = e.scenario.traffic.clients.locations ?? [{ region: 'default', continent: 'NA', country: 'US', share: 1 }];
  const total = locations.reduce((a, l) => a + l.share, 0);
  const bounds: number[] = [];
  let acc = 0;
  for (const l of locations) bounds.push(Math.round(((acc += l.share) / total) * e.clients.normal));
  return (clientId) => {
    let i = 0;
    while (i < bounds.length - 1 && clientId >= bounds[i]) i++;
    const l = locations[i];
    return { region: l.region, continent: l.continent, country: l.country };
  };
}

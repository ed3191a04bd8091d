/**
 * Builds the infrastructure around the target groups: balancers with their nodes and listener routing,
 * availability zones (targets without a zone are spread over the zones of the balancer that forwards
 * to their group, in order), and the DNS name with its records, resolvers and client locations.
 */
import type { BalancerConfig, Scenario } from '../../scenario/schema.ts';
import type { SimState } from '../state.ts';
import type { TargetStore } from '../backend/targets.ts';
import type { TargetGroup } from '../balancer/target-group.ts';
import type { RequestMix } from '../traffic/request-mix.ts';
import type { ClientPopulation } from '../traffic/clients.ts';
import type { Rng } from '../core/rng.ts';
import { Balancer, ROUTE_PER_REQUEST } from '../balancer/balancer.ts';
import { PER_REQUEST, groupsOf, routeClasses } from '../balancer/router.ts';
import { Dns, withDnsDefaults, type DnsClientInfo } from './dns/index.ts';

function forwardsTo(b: BalancerConfig, groupId: string): boolean {
  return groupsOf(b).includes(groupId);
}

/** The zone target t gets when it names none: round robin over its group's balancer zones (-1: none). */
function placeTarget(scenario: Scenario, groups: readonly TargetGroup[], store: TargetStore, zoneNames: readonly string[], t: number): number {
  const gid = groups[store.groupOf[t]].id;
  const b = scenario.balancers.find((x) => x.zones !== undefined && forwardsTo(x, gid));
  if (b === undefined) return -1;
  let position = 0;
  for (let u = 0; u < t; u++) if (store.groupOf[u] === store.groupOf[t]) position++;
  return zoneNames.indexOf(b.zones![position % b.zones!.length]);
}

/** The zone a target added live gets when it names none. */
export function defaultZone(s: SimState, t: number): number {
  return placeTarget(s.scenario, s.groups, s.store, s.zoneNames, t);
}

/** Balancers (with per-class routes) and zones; targets are placed in their zones. */
export function buildBalancers(scenario: Scenario, mix: RequestMix, clients: ClientPopulation, store: TargetStore, groups: readonly TargetGroup[]): { zoneNames: string[]; balancers: Balancer[] } {
  const zoneNames: string[] = [];
  const zoneIndex = (name: string): number => {
    const i = zoneNames.indexOf(name);
    return i >= 0 ? i : zoneNames.push(name) - 1;
  };
  const balancers = scenario.balancers.map((b, bi) => buildBalancer(b, bi, mix, clients, groups, zoneIndex));
  for (let t = 0; t < store.count; t++) {
    const zone = store.configs[t].zone;
    if (zone !== undefined) store.zoneOf[t] = zoneIndex(zone);
  }
  // zones named only by balancers are known now; place the targets that name none
  for (let t = 0; t < store.count; t++) if (store.configs[t].zone === undefined) store.zoneOf[t] = placeTarget(scenario, groups, store, zoneNames, t);
  return { zoneNames, balancers };
}

/** One balancer: its nodes (zones numbered by `zoneIndex`) and each request class's route to a group. */
export function buildBalancer(b: BalancerConfig, index: number, mix: RequestMix, clients: ClientPopulation, groups: readonly TargetGroup[], zoneIndex: (name: string) => number): Balancer {
  const nodeZones = (b.zones ?? []).map(zoneIndex);
  const routes = routeClasses(b, mix.forms);
  const groupOfClass = Int32Array.from(routes.map((id) => (id === null ? -1 : id === PER_REQUEST ? ROUTE_PER_REQUEST : groups.findIndex((g) => g.id === id && !g.retired))));
  return new Balancer(b, index, nodeZones.length > 0 ? nodeZones : [-1], groupOfClass, clients.count, mix.forms);
}

/** The index of zone `name`, numbering it when it is new. */
export function zoneIndexOf(s: SimState, name: string): number {
  const i = s.zoneNames.indexOf(name);
  return i >= 0 ? i : s.zoneNames.push(name) - 1;
}

/** Route 53 for the scenario's DNS name, or null when it has none. */
export function buildDns(scenario: Scenario, rng: Rng, clients: ClientPopulation): Dns | null {
  const d = scenario.dns;
  if (d === undefined) return null;
  const regionOf = new Map(scenario.balancers.map((b) => [b.id, b.region]));
  const config = withDnsDefaults({
    name: d.name,
    policy: d.policy,
    ttlSec: d.ttlSec,
    resolvers: d.resolvers,
    healthChecks: d.healthChecks,
    records: d.records.map((r) => ({ id: r.id, target: r.balancer, region: regionOf.get(r.balancer), weight: r.weight, failover: r.failover, location: r.location, healthCheck: r.healthCheck })),
  });
  return new Dns(config, rng, clientLocations(scenario, clients), d.latencyMs, 0, scenario.traffic.clients.triesNextAddressShare);
}

/** Client locations by share: the first share of client ids in the first location, and so on. */
function clientLocations(scenario: Scenario, clients: ClientPopulation): (clientId: number) => DnsClientInfo {
  const locations = scenario.traffic.clients.locations ?? [{ region: 'default', continent: 'NA', country: 'US', share: 1 }];
  const total = locations.reduce((a, l) => a + l.share, 0);
  const bounds: number[] = [];
  let acc = 0;
  for (const l of locations) bounds.push(Math.round(((acc += l.share) / total) * clients.normal));
  return (clientId) => {
    let i = 0;
    while (i < bounds.length - 1 && clientId >= bounds[i]) i++;
    const l = locations[i];
    return { region: l.region, continent: l.continent, country: l.country };
  };
}

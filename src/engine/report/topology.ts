/** The static structure of the simulated world for the view; changes only when targets, groups or balancers change. */
import type { SimState } from '../state.ts';
import type { Topology } from '../types.ts';
import { ruleLabel } from '../balancer/router.ts';

export function buildTopology(s: SimState): Topology {
  const store = s.store;
  const scenario = s.scenario;
  return {
    version: s.topologyVersion,
    balancers: scenario.balancers.map((b) => ({
      id: b.id,
      layer: b.layer,
      region: b.region,
      zones: b.zones ?? [],
      listeners: b.listeners.map((l) => ({
        port: l.port,
        protocol: l.protocol,
        rules: b.layer === 7 ? l.rules.map((r) => ({ label: ruleLabel(r.match), group: r.forward })) : [],
        defaultGroup: l.defaultForward ?? null,
      })),
      ...(b.inspection === undefined ? {} : { inspection: b.inspection.targetGroup }),
    })),
    groups: s.groups.filter((g) => !g.retired).map((g) => ({ id: g.id, algorithm: g.algorithmName, targets: [...g.members] })),
    targets: Array.from({ length: store.count }, (_, t) => ({
      id: store.ids[t],
      group: s.groups[store.groupOf[t]].id,
      address: store.addresses[t],
      registered: store.registered[t] === 1,
      zone: store.zoneOf[t] >= 0 ? s.zoneNames[store.zoneOf[t]] : null,
      instanceType: store.configs[t].instanceType,
    })),
    scalingGroups: scenario.scalingGroups.map((a) => ({ id: a.id, targetGroup: a.targetGroup })),
    databases: scenario.databases.map((d) => ({ id: d.id, groups: scenario.targetGroups.filter((g) => g.database?.id === d.id).map((g) => g.id), proxy: d.proxy, readReplicas: d.readReplicas })),
    dns: scenario.dns ? { name: scenario.dns.name, policy: scenario.dns.policy, records: scenario.dns.records.map((r) => ({ id: r.id, balancer: r.balancer })) } : null,
    zones: s.zoneNames,
  };
}

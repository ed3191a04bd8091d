/**
 * Targets left in a zone that their balancers no longer have. On AWS a registered target in an Availability
 * Zone that is not enabled for the load balancer receives no traffic: its health shows `unused`, reason
 * `Target.NotInUse`, "Target is in an Availability Zone that is not enabled for the load balancer" (Elastic
 * Load Balancing, "Target health status"). So when a patch removes a zone from every balancer forwarding to a
 * group, the group's targets placed in that zone leave rotation (they finish what they hold), cross-zone
 * balancing or not; when the zone comes back, so do they. A target with a `zone` of its own cannot be left
 * there (the validator refuses the zone's removal); this catches the targets the lab placed in zones itself.
 * Simplified: their health checks go on (AWS stops checking an unused target) and their health verdict stays.
 */
import type { SimState } from '../state.ts';
import { groupsOf } from '../balancer/router.ts';
import { recomputeRotation } from '../health/rotation.ts';

/** The zones of the live balancers that forward to each group and have zones; null where none has. */
function zonesOfGroups(s: SimState): (Set<number> | null)[] {
  const zones: (Set<number> | null)[] = s.groups.map(() => null);
  for (const b of s.balancers) {
    if (b.retired || b.cfg.zones === undefined) continue;
    for (const id of groupsOf(b.cfg)) {
      const g = s.groups.findIndex((x) => x.id === id && !x.retired);
      if (g < 0) continue;
      const set = (zones[g] ??= new Set());
      for (const z of b.nodeZones) set.add(z);
    }
  }
  return zones;
}

/** Takes out of rotation the targets whose zone their group's balancers no longer have, and brings back those whose zone returned. */
export function adoptZoneRotation(s: SimState): void {
  const zones = zonesOfGroups(s);
  const touched = new Set<number>();
  for (let t = 0; t < s.store.count; t++) {
    const g = s.store.groupOf[t];
    const z = s.store.zoneOf[t];
    const enabled = zones[g] ?? null;
    const off = z >= 0 && enabled !== null && !enabled.has(z);
    if (off === s.zoneOff.has(t)) continue;
    const id = s.store.ids[t];
    const group = s.groups[g].id;
    if (off) {
      s.zoneOff.add(t);
      s.log.add(s.nowMs, 'config', id, `${id} is in zone ${s.zoneNames[z]}, which no balancer forwarding to ${group} has any more: it leaves rotation and finishes what it holds (as ELB's Target.NotInUse)`);
    } else {
      s.zoneOff.delete(t);
      s.log.add(s.nowMs, 'config', id, `zone ${s.zoneNames[z]} is back for ${group}: ${id} returns to rotation`);
    }
    touched.add(g);
  }
  for (const g of touched) recomputeRotation(s, g, 'zone');
}

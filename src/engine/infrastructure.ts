/**
 * Failures above the targets: a balancer that crashes (and its standby taking over), an availability
 * zone or a whole region going dark, and Route 53 health checks deciding which DNS records stay in
 * the answers. Targets in a failed zone or region crash; balancer nodes there stop answering.
 */
import type { Change } from '../scenario/schema.ts';
import type { Engine } from './simulation.ts';
import { EV_DNS_CHECK, EV_LB_TAKEOVER } from './event-kinds.ts';
import { LC_IN_SERVICE, TARGET_CRASHED } from './backend/targets.ts';
import { HEALTHY } from './health/health-state.ts';
import { applyChange } from './changes.ts';
import { groupsOf } from './balancer/router.ts';

type InfraChange = Extract<Change, { action: 'crash-balancer' | 'recover-balancer' | 'zone-outage' | 'zone-recover' | 'region-outage' | 'region-recover' }>;

export function applyInfraChange(e: Engine, c: InfraChange): string | null {
  const now = e.nowMs;
  switch (c.action) {
    case 'crash-balancer':
    case 'recover-balancer': {
      const b = e.balancers.find((x) => x.id === c.balancer);
      if (!b) return `no balancer with id "${c.balancer}"`;
      if (c.action === 'recover-balancer') {
        if (!b.down) return null;
        b.down = false;
        b.takeoverAtMs = NaN;
        e.log.add(now, 'recover', b.id, `${b.id} is back`);
        return null;
      }
      if (b.down) return null;
      b.down = true;
      const sb = b.cfg.standby;
      if (sb) {
        const waitMs = sb.heartbeatIntervalSec * sb.missedHeartbeats * 1000;
        b.takeoverAtMs = now + waitMs;
        e.queue.push(b.takeoverAtMs, EV_LB_TAKEOVER, b.index, 0);
        e.log.add(now, 'crash', b.id, `${b.id} failed; its standby takes over after ${sb.missedHeartbeats} missed heartbeats (${waitMs / 1000} s)`);
      } else {
        b.takeoverAtMs = Infinity;
        e.log.add(now, 'crash', b.id, `${b.id} failed: it was a single point of failure, so every client that reaches it now fails`);
      }
      return null;
    }
    case 'zone-outage':
    case 'zone-recover': {
      const z = e.zoneNames.indexOf(c.zone);
      if (z < 0) return `no zone named "${c.zone}"`;
      const out = c.action === 'zone-outage';
      if (out) e.zoneDown.add(z);
      else e.zoneDown.delete(z);
      for (const b of e.balancers) b.nodeZones.forEach((nz, n) => nz === z && (b.nodeDown[n] = out));
      for (let t = 0; t < e.store.count; t++) {
        if (e.store.zoneOf[t] === z) applyChange(e, { action: out ? 'crash' : 'recover', target: e.store.ids[t] });
      }
      e.log.add(now, out ? 'outage' : 'recover', c.zone, out ? `zone ${c.zone} is down: its targets and balancer nodes stopped` : `zone ${c.zone} is back`);
      return null;
    }
    case 'region-outage':
    case 'region-recover': {
      const out = c.action === 'region-outage';
      const hit = e.balancers.filter((b) => b.region === c.region);
      if (hit.length === 0) return `no balancer in region "${c.region}"`;
      const groups = new Set<number>();
      for (const b of hit) {
        b.regionDown = out;
        for (const id of groupsOf(b.cfg)) groups.add(e.groupIndex(id));
      }
      for (let t = 0; t < e.store.count; t++) {
        if (groups.has(e.store.groupOf[t])) applyChange(e, { action: out ? 'crash' : 'recover', target: e.store.ids[t] });
      }
      e.log.add(now, out ? 'outage' : 'recover', c.region, out ? `region ${c.region} is down: ${hit.map((b) => b.id).join(', ')} and their targets stopped` : `region ${c.region} is back`);
      return null;
    }
  }
}

export function standbyTookOver(e: Engine, b: number): void {
  const lb = e.balancers[b];
  if (lb.down && lb.takeoverAtMs === e.nowMs) e.log.add(e.nowMs, 'takeover', lb.id, `the standby of ${lb.id} took over after missed heartbeats`);
}

/**
 * Route 53 alias health ("evaluate target health"): the balancer answers, and every target group it
 * forwards to that has registered targets has at least one healthy target in service.
 */
function endpointUp(e: Engine, balancerId: string): boolean {
  const b = e.balancers.find((x) => x.id === balancerId);
  if (!b || !b.available(e.nowMs)) return false;
  for (const g of groupsOf(b.cfg).map((id) => e.groupIndex(id))) {
    const members = e.groups[g].members;
    if (members.length === 0) continue;
    const ok = members.some((t) => e.store.lifecycle[t] === LC_IN_SERVICE && e.healthSys.health(t) === HEALTHY && e.store.state[t] !== TARGET_CRASHED);
    if (!ok) return false;
  }
  return true;
}

export function runDnsChecks(e: Engine): void {
  const dns = e.dns;
  if (dns === null) return;
  for (const tr of dns.runChecks(e.nowMs, (target) => endpointUp(e, target))) {
    e.log.add(tr.atMs, tr.healthy ? 'dns-healthy' : 'dns-unhealthy', tr.recordId, tr.message);
  }
  const next = dns.nextCheckMs();
  if (next < Infinity) e.queue.push(Math.max(next, e.nowMs), EV_DNS_CHECK, 0, 0);
}

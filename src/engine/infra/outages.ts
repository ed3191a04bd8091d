/**
 * Failures above the targets: a balancer that crashes (and its standby taking over after missed
 * heartbeats, keepalived/VRRP style), an availability zone or a whole region going dark. Targets in a
 * failed zone or region crash (and recover with it); balancer nodes there stop answering.
 */
import type { SimState } from '../state.ts';
import { EV_LB_TAKEOVER } from '../event-kinds.ts';
import { crashTarget, recoverTarget } from '../backend/lifecycle.ts';
import { reconcileDatabases } from './databases.ts';
import { groupsOf } from '../balancer/router.ts';
import { refuse, type Refusal } from '../refusal.ts';

/** Balancer `id` fails; with a standby, the standby takes over after its missed heartbeats. */
export function crashBalancer(s: SimState, id: string): Refusal | null {
  const b = s.balancers.find((x) => x.id === id);
  if (!b) return refuse('val_live_no_balancer', { id });
  if (b.down) return null;
  b.down = true;
  const sb = b.cfg.standby;
  if (sb) {
    const waitMs = sb.heartbeatIntervalSec * sb.missedHeartbeats * 1000;
    b.takeoverAtMs = s.nowMs + waitMs;
    s.queue.push(b.takeoverAtMs, EV_LB_TAKEOVER, b.index, 0);
    s.log.add(s.nowMs, 'crash', b.id, `${b.id} failed; its standby takes over after ${sb.missedHeartbeats} missed heartbeats (${waitMs / 1000} s)`);
  } else {
    b.takeoverAtMs = Infinity;
    s.log.add(s.nowMs, 'crash', b.id, `${b.id} failed: it was a single point of failure, so every client that reaches it now fails`);
  }
  return null;
}

/** Balancer `id` is back. */
export function recoverBalancer(s: SimState, id: string): Refusal | null {
  const b = s.balancers.find((x) => x.id === id);
  if (!b) return refuse('val_live_no_balancer', { id });
  if (!b.down) return null;
  b.down = false;
  b.takeoverAtMs = NaN;
  s.log.add(s.nowMs, 'recover', b.id, `${b.id} is back`);
  return null;
}

/** The standby of balancer b took over (if the primary is still down). */
export function onStandbyTakeover(s: SimState, b: number): void {
  const lb = s.balancers[b];
  if (lb.down && lb.takeoverAtMs === s.nowMs) s.log.add(s.nowMs, 'takeover', lb.id, `the standby of ${lb.id} took over after missed heartbeats`);
}

/** Zone `zone` goes dark (`out`) or comes back: its balancer nodes and targets with it. */
export function zoneOutage(s: SimState, zone: string, out: boolean): Refusal | null {
  const z = s.zoneNames.indexOf(zone);
  if (z < 0) return refuse('val_live_no_zone', { zone });
  if (out) s.zoneDown.add(z);
  else s.zoneDown.delete(z);
  for (const b of s.balancers) b.nodeZones.forEach((nz, n) => nz === z && (b.nodeDown[n] = out));
  for (let t = 0; t < s.store.count; t++) if (s.store.zoneOf[t] === z) crashOrRecover(s, t, out);
  s.log.add(s.nowMs, out ? 'outage' : 'recover', zone, out ? `zone ${zone} is down: its targets and balancer nodes stopped` : `zone ${zone} is back`);
  return null;
}

/** Region `region` goes dark (`out`) or comes back: its balancers and their targets with it. */
export function regionOutage(s: SimState, region: string, out: boolean): Refusal | null {
  const hit = s.balancers.filter((b) => b.region === region);
  if (hit.length === 0) return refuse('val_live_no_region', { region });
  const groups = new Set<number>();
  for (const b of hit) {
    b.regionDown = out;
    for (const id of groupsOf(b.cfg)) groups.add(s.groups.findIndex((g) => g.id === id));
  }
  for (let t = 0; t < s.store.count; t++) if (groups.has(s.store.groupOf[t])) crashOrRecover(s, t, out);
  s.log.add(s.nowMs, out ? 'outage' : 'recover', region, out ? `region ${region} is down: ${hit.map((b) => b.id).join(', ')} and their targets stopped` : `region ${region} is back`);
  return null;
}

/** One target of a failed (or recovered) zone or region; database pools follow each one. */
function crashOrRecover(s: SimState, t: number, out: boolean): void {
  if (out) crashTarget(s, t);
  else recoverTarget(s, t);
  reconcileDatabases(s);
}

/**
 * Adopting balancers live, matched by id. A balancer with new settings is rebuilt with its routes, nodes,
 * TLS and edge settings, and keeps what it knew where that still makes sense: being down (and a standby's
 * takeover), nodes down in a zone outage, clients' cached nodes while its zones are the same, layer-4
 * connections while it stays at layer 4, its CPU and edge state while their settings are unchanged, and
 * forwarding weights a deployment or a person set, unless the patch sets them. A new balancer joins; a
 * removed one answers no one. Targets that had no zone are placed when a balancer brings zones.
 */
import type { BalancerConfig, Scenario } from '../../scenario/schema.ts';
import type { SimState } from '../state.ts';
import type { Balancer } from '../balancer/balancer.ts';
import { buildBalancer, defaultZone, zoneIndexOf } from '../infra/world.ts';
import { setForwardWeights } from '../releases/forward-weights.ts';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function adoptBalancers(s: SimState, prev: Scenario, next: Scenario): void {
  // the balancers' per-class and per-client tables follow the mix and the client population
  const rebuildAll = !same(prev.traffic.mix, next.traffic.mix) || s.clients.count !== s.balancers[0].clientsSized;
  // routes name groups: rebuild every balancer whose groups changed index or existence
  const seen = new Set<number>();
  for (const cfg of next.balancers) {
    const i = s.balancers.findIndex((b) => b.id === cfg.id);
    if (i < 0) {
      const b = buildBalancer(cfg, s.balancers.length, s.mix, s.clients, s.groups, (z) => zoneIndexOf(s, z));
      s.balancers.push(b);
      seen.add(b.index);
      continue;
    }
    seen.add(i);
    const old = s.balancers[i];
    if (rebuildAll || old.retired || !same(old.cfg, cfg) || !same(prev.targetGroups.map((g) => g.id), next.targetGroups.map((g) => g.id))) {
      s.balancers[i] = rebuilt(s, old, cfg);
    }
  }
  for (const b of s.balancers) b.retired = !seen.has(b.index);
  s.balancerById.clear();
  for (const b of s.balancers) if (!b.retired) s.balancerById.set(b.id, b);
  s.entry = s.balancerById.get(next.traffic.balancer ?? '') ?? s.balancerById.get(next.balancers[0].id)!;
  // targets placed nowhere get a zone once some balancer forwarding to them has zones
  for (let t = 0; t < s.store.count; t++) if (s.store.zoneOf[t] < 0 && s.store.configs[t].zone === undefined) s.store.zoneOf[t] = defaultZone(s, t);
}

function rebuilt(s: SimState, old: Balancer, cfg: BalancerConfig): Balancer {
  const b = buildBalancer(cfg, old.index, s.mix, s.clients, s.groups, (z) => zoneIndexOf(s, z));
  b.down = old.down;
  b.regionDown = old.regionDown;
  b.takeoverAtMs = old.takeoverAtMs;
  b.nodeZones.forEach((z, n) => {
    const was = old.nodeZones.indexOf(z);
    b.nodeDown[n] = (z >= 0 && s.zoneDown.has(z)) || (was >= 0 && old.nodeDown[was]);
  });
  if (same(old.nodeZones, b.nodeZones) && b.clientNode !== null && old.clientNode !== null) {
    b.clientNode.set(old.clientNode.subarray(0, Math.min(old.clientNode.length, b.clientNode.length)));
    b.clientUntil!.set(old.clientUntil!.subarray(0, Math.min(old.clientUntil!.length, b.clientUntil!.length)));
  }
  if (b.l4 !== null && old.l4 !== null) {
    const n = Math.min(old.l4.target.length, b.l4.target.length);
    b.l4.target.set(old.l4.target.subarray(0, n));
    b.l4.lastUsedMs.set(old.l4.lastUsedMs.subarray(0, n));
    b.l4.remaining.set(old.l4.remaining.subarray(0, n));
    b.l4.node.set(old.l4.node.subarray(0, n));
  }
  if (same(old.cfg.capacity, cfg.capacity)) b.cpu = old.cpu;
  if (same(old.cfg.rateLimit, cfg.rateLimit) && same(old.cfg.waf, cfg.waf)) b.edge = old.edge;
  // weights set while running (a deployment, set-forward-weights) stay, unless the patch sets that listener's
  for (const [port, weights] of old.weights) {
    const before = old.cfg.listeners.find((l) => l.port === port);
    const now = cfg.listeners.find((l) => l.port === port);
    if (now === undefined || !same(before?.weightedForward, now.weightedForward)) continue;
    s.balancers[old.index] = b;
    setForwardWeights(s, b.id, port, weights);
  }
  return b;
}

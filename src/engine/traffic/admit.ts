/**
 * A client's request reaches the system: its class and size are drawn (from their own streams), its
 * client resolves the name (DNS) and reaches a balancer node, the balancer spends CPU on it and checks it
 * at the edge (WAF, rate limit), a listener rule picks the target group, and the group's choice sends it
 * on — or it fails there, with the reason.
 */
import type { Engine } from '../simulation.ts';
import { FAIL } from '../simulation.ts';
import { FLAG_ATTACK, FLAG_SAMPLED } from '../backend/requests.ts';
import { EDGE_BLOCKED, EDGE_RATE_LIMITED } from '../balancer/edge.ts';
import { choose } from '../balancer/choose.ts';
import { nodeServes, routePerRequest } from '../balancer/routing.ts';
import { ROUTE_PER_REQUEST } from '../world.ts';

const NO_TRIES: number[] = [];

/** A client's request reaches the balancer (`forcedClass` ≥ 0: an attack request of that class). */
export function admit(e: Engine, client: number, forcedClass: number): void {
  const pool = e.pool;
  const now = e.nowMs;
  const attack = forcedClass >= 0;
  const cls = attack ? forcedClass : e.mix.pick(e.rng.mix.next());
  const u = attack ? e.rng.attack.next() : e.rng.service.next();
  const slot = pool.alloc();
  pool.id[slot] = e.nextId++;
  pool.arrivalMs[slot] = now;
  pool.startMs[slot] = now;
  pool.serviceU[slot] = u;
  pool.client[slot] = client;
  pool.cls[slot] = cls;
  pool.target[slot] = -1;
  pool.flags[slot] = (e.flows.take() ? FLAG_SAMPLED : 0) | (attack ? FLAG_ATTACK : 0);
  pool.attempt[slot] = 0;
  pool.extraMs[slot] = 0;
  e.arrived++;
  e.secArrived++;

  pool.group[slot] = -1;
  pool.zone[slot] = -1;
  let b = e.entry;
  if (e.dns !== null) {
    const found = e.balancerById.get(e.dns.endpointFor(client, now).target ?? '');
    if (found === undefined) return e.fail(slot, FAIL.unreachable);
    b = found;
  }
  if (!b.available(now)) return e.fail(slot, FAIL.unreachable);
  const node = b.nodeFor(client, now, (n) => nodeServes(e, b, n, cls));
  if (node < 0) return e.fail(slot, FAIL.unreachable);
  if (b.cpu !== null && !b.cpu.admit(b.lbCostMs[cls], e.rng.edge.next())) return e.fail(slot, FAIL['lb-overloaded']);
  if (b.edge !== null) {
    const verdict = b.edge.check(e.clients.ip(client), e.mix.malicious[cls] === 1, now, e.rng.edge);
    if (verdict === EDGE_RATE_LIMITED) return e.fail(slot, FAIL['rate-limited']);
    if (verdict === EDGE_BLOCKED) return e.fail(slot, FAIL.blocked);
  }
  pool.extraMs[slot] = b.targetTlsMs[cls];
  let g = b.groupOfClass[cls];
  if (g === ROUTE_PER_REQUEST) g = routePerRequest(e, b, cls, client);
  pool.group[slot] = g;
  if (g < 0) return e.fail(slot, FAIL['no-route']);
  const group = e.groups[g];
  const zone = b.crossZone ? -1 : b.nodeZones[node];
  pool.zone[slot] = zone;
  group.zoneFilter = zone;
  const ip = e.clients.ip(client);
  let t: number;
  const l4 = b.l4;
  if (l4 !== null) {
    t = l4.target[client];
    if (t < 0 || l4.remaining[client] <= 0 || now - l4.lastUsedMs[client] > l4.idleMs || e.store.inRotation[t] === 0 || e.store.groupOf[t] !== g) {
      t = choose(e, group, ip, client, cls, NO_TRIES);
      l4.target[client] = t;
      l4.remaining[client] = l4.perConnection;
    }
    l4.remaining[client]--;
    l4.lastUsedMs[client] = now;
  } else {
    t = choose(e, group, ip, client, cls, NO_TRIES);
  }
  if (t < 0) return e.fail(slot, FAIL['no-target']);
  e.send(slot, t, group);
}

/**
 * The way in: the client resolves the name (Route 53, when there is one) to a balancer — trying the next
 * address of the answer when the first refuses the connection, as most HTTP clients do (a share may not,
 * `traffic.clients.triesNextAddressShare`) — and reaches one of its nodes — the node it resolved last while that answer lasts (ELB: 60 s), even if the node died —
 * the balancer spends CPU on the request and checks it at the edge (WAF, rate limit), and a listener
 * rule picks the target group. The request fails here when any step cannot go on, with the reason.
 */
import type { SimState } from '../state.ts';
import { NODE_NONE, ROUTE_PER_REQUEST, type Balancer } from '../balancer/balancer.ts';
import { weightedGroup } from '../balancer/router.ts';
import { EDGE_BLOCKED, EDGE_RATE_LIMITED } from '../balancer/edge.ts';
import { FAIL } from '../types.ts';
import { TARGET_CRASHED } from '../backend/targets.ts';
import { failUnsent } from './finish.ts';
import { inspect } from '../network/inspection.ts';

/**
 * Routes the request in `slot`: sets its target group and zone and returns the balancer that took it,
 * or null after failing it. `form` is what the listener sees of it (its class, or a replay's own form).
 */
export function route(s: SimState, slot: number, client: number, form: number): Balancer | null {
  const pool = s.pool;
  const now = s.nowMs;
  let b = s.entry;
  if (s.dns !== null) {
    const found = dnsEntry(s, client, form, now);
    if (found === null) return refuse(s, slot, FAIL.unreachable);
    b = found;
  }
  if (!b.available(now)) return refuse(s, slot, FAIL.unreachable);
  const node = b.nodeZones.length === 1 ? (b.nodeDown[0] ? NODE_NONE : 0) : nodeFor(s, b, client, form);
  if (node < 0) return refuse(s, slot, FAIL.unreachable);
  if (s.inspection !== null && s.inspection[b.index] !== null && inspect(s, s.inspection[b.index]!, slot, b.index, client, pool.cls[slot], b.nodeZones[node]) < 0) return refuse(s, slot, FAIL.unreachable);
  if (b.cpu !== null && !b.cpu.admit(b.lbCostMs[form], s.rng.edge.next())) return refuse(s, slot, FAIL['lb-overloaded']);
  if (b.edge !== null) {
    const verdict = b.edge.check(s.clients.ip(client), s.mix.malicious[pool.cls[slot]] === 1, now, s.rng.edge);
    if (verdict === EDGE_RATE_LIMITED) return refuse(s, slot, FAIL['rate-limited']);
    if (verdict === EDGE_BLOCKED) return refuse(s, slot, FAIL.blocked);
  }
  pool.extraMs[slot] = b.targetTlsMs[form];
  let g = b.groupOfClass[form];
  if (g === ROUTE_PER_REQUEST) g = routePerRequest(s, b, form, client);
  pool.group[slot] = g;
  if (g < 0) return refuse(s, slot, FAIL['no-route']);
  pool.zone[slot] = b.crossZone === true ? -1 : b.nodeZones[node];
  if (s.explain !== null) s.explain.routed(s, slot, b.index, node);
  return b;
}

/**
 * The balancer client c reaches through DNS: the address it tries first or, when that one refuses the
 * connection and the client tries the next address, the first of the others in answer order that does
 * not (the refused attempt costs no time: a reset comes back at once). All refusing: the first.
 */
function dnsEntry(s: SimState, c: number, form: number, now: number): Balancer | null {
  const dns = s.dns!;
  const look = dns.endpointFor(c, now);
  if (s.explain !== null) s.explain.dnsAnswered(s, c, look.recordIndex, look.fromCache);
  const first = s.balancerById.get(look.target ?? '');
  if (first === undefined) return null;
  const n = look.answer.length;
  if (n < 2 || !refuses(s, first, form, now)) return first;
  if (!dns.triesNext(c)) {
    if (s.explain !== null) s.explain.nextAddress(s, c, first.index, -1, false);
    return first;
  }
  for (let k = 1; k < n; k++) {
    const b = s.balancerById.get(look.targets[(look.position + k) % n]);
    if (b !== undefined && !refuses(s, b, form, now)) {
      if (s.explain !== null) s.explain.nextAddress(s, c, first.index, b.index, true);
      return b;
    }
  }
  if (s.explain !== null) s.explain.nextAddress(s, c, first.index, -1, true);
  return first;
}

/**
 * Does balancer b refuse a client's connection? When it is down, or when it is a layer-4 balancer (it
 * passes the connection through) and no target of its group is up to accept it: a crashed server's
 * address answers a connection attempt with a reset. A layer-7 balancer accepts the connection itself
 * and answers 502/503, which clients do not take as a refused address.
 */
function refuses(s: SimState, b: Balancer, form: number, now: number): boolean {
  if (!b.available(now)) return true;
  if (b.l4 === null) return false;
  const g = b.groupOfClass[form];
  if (g < 0) return false;
  for (const t of s.groups[g].members) if (s.store.state[t] !== TARGET_CRASHED) return false;
  return true;
}

/** Fails the request at the balancer: no target group, no zone (arrival leaves both unwritten until routing sets them). */
function refuse(s: SimState, slot: number, outcome: number): null {
  s.pool.group[slot] = -1;
  s.pool.zone[slot] = -1;
  failUnsent(s, slot, outcome);
  return null;
}

/**
 * The node of a multi-node balancer that client c talks to: its cached node while the cache lasts (even
 * if that node died), else a fresh resolution to its home node or the next live one DNS would hand out.
 */
function nodeFor(s: SimState, b: Balancer, c: number, form: number): number {
  const n = b.nodeZones.length;
  const nowMs = s.nowMs;
  const cached = b.clientNode![c];
  if (cached !== NODE_NONE && b.clientUntil![c] > nowMs) return b.nodeDown[cached] ? NODE_NONE : cached;
  for (let k = 0; k < n; k++) {
    const node = (c + k) % n;
    if (!b.nodeDown[node] && nodeServes(s, b, node, form)) {
      b.clientNode![c] = node;
      b.clientUntil![c] = nowMs + b.cfg.nodeTtlSec * 1000;
      return node;
    }
  }
  return NODE_NONE;
}

/**
 * Would DNS hand out balancer b's node n for a request of this form? A node is down in a zone
 * outage; with cross-zone off, a node whose zone has no target in rotation is left out too (as NLB
 * removes such a node's address from DNS).
 */
function nodeServes(s: SimState, b: Balancer, n: number, form: number): boolean {
  if (b.crossZone) return true;
  const g = b.groupOfClass[form];
  if (g < 0) return true; // per-request routes and 404s do not pin a zone
  const zone = b.nodeZones[n];
  for (const t of s.groups[g].members) if (s.store.zoneOf[t] === zone && s.store.inRotation[t] === 1) return true;
  return false;
}

/** Rules with cookies, or a weighted default action: the target group decided for this request. */
function routePerRequest(s: SimState, b: Balancer, form: number, client: number): number {
  for (const rule of b.cookieRules[form]) {
    if (rule.cookie !== null && s.cookies.value(rule.cookie.name, client) !== rule.cookie.value) continue;
    return groupIndex(s, rule.forward);
  }
  const listener = b.listenerOf[form];
  const weights = b.weights.get(listener.port);
  if (weights !== undefined) return groupIndex(s, weightedGroup(weights, s.rng.deploy.next()));
  return listener.defaultForward === undefined ? -1 : groupIndex(s, listener.defaultForward);
}

function groupIndex(s: SimState, id: string): number {
  return s.groups.findIndex((g) => g.id === id);
}

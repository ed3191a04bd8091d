/**
 * The way in: the client resolves the name (Route 53, when there is one) to a balancer and reaches one
 * of its nodes — the node it resolved last while that answer lasts (ELB: 60 s), even if the node died —
 * the balancer spends CPU on the request and checks it at the edge (WAF, rate limit), and a listener
 * rule picks the target group. The request fails here when any step cannot go on, with the reason.
 */
import type { SimState } from '../state.ts';
import { NODE_NONE, ROUTE_PER_REQUEST, type Balancer } from '../balancer/balancer.ts';
import { weightedGroup } from '../balancer/router.ts';
import { EDGE_BLOCKED, EDGE_RATE_LIMITED } from '../balancer/edge.ts';
import { FAIL } from '../types.ts';
import { fail } from './finish.ts';

/**
 * Routes the request in `slot`: sets its target group and zone and returns the balancer that took it,
 * or null after failing it. `form` is what the listener sees of it (its class, or a replay's own form).
 */
export function route(s: SimState, slot: number, client: number, form: number): Balancer | null {
  const pool = s.pool;
  const now = s.nowMs;
  pool.group[slot] = -1;
  pool.zone[slot] = -1;
  let b = s.entry;
  if (s.dns !== null) {
    const found = s.balancerById.get(s.dns.endpointFor(client, now).target ?? '');
    if (found === undefined) return refuse(s, slot, FAIL.unreachable);
    b = found;
  }
  if (!b.available(now)) return refuse(s, slot, FAIL.unreachable);
  const node = b.nodeZones.length === 1 ? (b.nodeDown[0] ? NODE_NONE : 0) : nodeFor(s, b, client, form);
  if (node < 0) return refuse(s, slot, FAIL.unreachable);
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
  pool.zone[slot] = b.crossZone ? -1 : b.nodeZones[node];
  return b;
}

function refuse(s: SimState, slot: number, outcome: number): null {
  fail(s, slot, outcome);
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

/**
 * Network time a request spends, accounted rather than scheduled so the hot path stays an addition
 * (pool.netMs; the recorded latency is the time at the balancer plus it):
 * - at arrival: one client round trip (request in, response out), the balancer's processing time, and on a
 *   new connection the handshakes — TCP 1 round trip, TLS full 1 (1.3) or 2 (1.2), resumed 1. At layer 7 the
 *   client's connection ends at the balancer; at layer 4 without TLS termination the handshakes go through
 *   to the target (client round trip + hop each), and a layer-4 TLS listener adds its own connection to the
 *   target (one hop). A layer-7 balancer opens a connection every k-th request of a class (k = the TLS
 *   listener's requestsPerConnection, else the balancer's) and resumes an even share of them; a layer-4 one
 *   follows each client's real connection.
 * - per attempt: the balancer–target hop, a same-zone or cross-zone round trip; data crossing zones from a
 *   layer-4 balancer is metered for its bill (ALB's is free).
 * Simplified: bandwidth and message sizes take no time; a layer-7 balancer's pooled connections to targets
 * cost no handshakes; the request starts being served at once and the network time is added to its latency.
 */
import type { SimState } from '../state.ts';
import type { Balancer } from '../balancer/balancer.ts';
import { locationOf } from './client-regions.ts';

/** The zone of the balancer node that client c reaches (-1: no zone). */
function nodeZone(b: Balancer, client: number): number {
  if (b.nodeZones.length === 1) return b.nodeZones[0];
  const node = b.clientNode![client];
  return node < 0 ? -1 : b.nodeZones[node];
}

/** Balancer–target round trip for the request in `slot` to target t; meters layer-4 bytes that cross zones. */
export function hopMs(s: SimState, slot: number, t: number): number {
  const net = s.network;
  const b = s.balancers[s.pool.lb[slot]];
  // a one-node balancer's zone without the request's client (nodeZone's first case, without reading the pool)
  const from = b.nodeZones.length === 1 ? b.nodeZones[0] : nodeZone(b, s.pool.client[slot]);
  const to = s.store.zoneOf[t];
  if (from < 0 || to < 0 || from === to) return net.sameZoneRttMs;
  if (b.l4 !== null) net.bills[b.index].crossZoneBytes += net.bytesPerRequest;
  return net.crossZoneRttMs;
}

/**
 * The request in `slot` from `client`, of class `cls`, reached balancer b, which chose target t; `opened`
 * says a layer-4 balancer opened a new connection for it. Sets its network time and bills the balancer.
 */
export function accountArrival(s: SimState, slot: number, b: Balancer, client: number, cls: number, t: number, opened: boolean): void {
  const network = s.network;
  const net = network.balancers[b.index];
  const rtt = net.clientRtt[locationOf(network.locationUpper, client)];
  let ms = rtt + net.processingMs;
  let isNew = opened;
  if (b.l4 === null) {
    const n = net.requests[cls]++;
    const k = net.perConnection[cls];
    isNew = Math.floor(n / k) > Math.floor((n - 1) / k);
  }
  if (isNew) {
    const c = net.connections[cls]++;
    const share = net.resumptionShare[cls];
    const resumed = share > 0 && Math.floor((c + 1) * share) > Math.floor(c * share);
    const rtts = net.tcpRtts[cls] + (resumed ? net.tlsResumedRtts[cls] : net.tlsFullRtts[cls]);
    const toTarget = net.handshakeToTarget[cls];
    if (toTarget === 0) ms += rtts * rtt;
    else {
      const hop = hopRtt(s, b, client, t);
      ms += toTarget === 1 ? rtts * (rtt + hop) : rtts * rtt + hop;
    }
  }
  s.pool.netMs[slot] += ms; // after any inspection's time (network/inspection.ts)
  network.bills[b.index].count(s.nowMs, isNew ? net.connectionWeight[cls] : 0, network.bytesPerRequest, net.billableRules[cls]);
}

/**
 * The balancer–target round trip of the attempt in `slot` at target t, without metering: what a latency-aware
 * algorithm measures on top of the target's time (nginx least_time times the upstream from its connect, tower's
 * peak-EWMA from dispatch to the answer; both include the network between them).
 */
export function targetRttMs(s: SimState, slot: number, t: number): number {
  return hopRtt(s, s.balancers[s.pool.lb[slot]], s.pool.client[slot], t);
}

/** Balancer–target round trip without metering (handshake packets). */
function hopRtt(s: SimState, b: Balancer, client: number, t: number): number {
  const from = nodeZone(b, client);
  const to = s.store.zoneOf[t];
  return from < 0 || to < 0 || from === to ? s.network.sameZoneRttMs : s.network.crossZoneRttMs;
}

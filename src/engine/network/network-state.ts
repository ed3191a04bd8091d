/**
 * The network's data for a run (schema/network.ts has the defaults and their sources): each client's
 * location, and per balancer the round trip from each location, the time it adds to a request, how a
 * request class opens connections (TCP and TLS handshakes, where they end) and its bill. Rebuilt when a
 * live patch changes the network, the balancers, the mix or the clients; the bills are kept.
 */
import type { NetworkConfig, Scenario } from '../../scenario/schema.ts';
import type { Balancer } from '../balancer/balancer.ts';
import type { ClientPopulation } from '../traffic/clients.ts';
import { ALB_RATES, BalancerBill, NLB_RATES, NLB_TLS_CONNECTIONS_PER_UNIT, type BillRates } from './balancer-bill.ts';
import { clientLocations, clientRttMs, locationUpperBounds } from './client-regions.ts';

/** Assumed per-request processing time, ms (AWS publishes none): terminate, parse and route at layer 7; forward at layer 4. */
export const PROCESSING_MS = { 7: 0.5, 4: 0.05 } as const;
/** The first 10 rules a request is checked against are free (ALB LCU). */
const FREE_RULES = 10;

/** TLS on an https or tls listener without a `tls` block: the schema's defaults. */
const IMPLIED_TLS = { mode: 'terminate', version: '1.3', resumptionShare: 0, requestsPerConnection: 10 } as const;

/** One balancer's network tables. */
export interface BalancerNet {
  /** Round trip from each client location (last: attack bots, at the balancer's region), ms. */
  readonly clientRtt: Float64Array;
  readonly processingMs: number;
  /** Per class: round trips of the TCP handshake (0 for UDP). */
  readonly tcpRtts: Uint8Array;
  /** Per class: round trips of a full TLS handshake (1.3: 1, 1.2: 2; 0 without TLS) and of a resumed one (1). */
  readonly tlsFullRtts: Uint8Array;
  readonly tlsResumedRtts: Uint8Array;
  readonly resumptionShare: Float64Array;
  /** Per class: requests per connection, for a layer-7 balancer (layer 4 follows each client's connection). */
  readonly perConnection: Float64Array;
  /**
   * Per class: 1 when the handshakes reach the target (layer 4 without TLS termination: the client's RTT plus
   * the balancer–target hop each round trip); 2 when a layer-4 balancer terminates TLS and opens its own
   * connection to the target (one hop more); 0 at layer 7 (pooled connections to the targets).
   */
  readonly handshakeToTarget: Uint8Array;
  /** Per class: billable rule evaluations per request (rules beyond the free 10). */
  readonly billableRules: Float64Array;
  /**
   * By class: what one new connection counts toward the connections dimension of the bill. 1, except on an
   * NLB listener that terminates TLS: an NLCU is 50 new TLS connections a second against 800 TCP flows, so a
   * TLS connection counts 800 / 50 = 16.
   */
  readonly connectionWeight: Float64Array;
  /** Per class: requests and connections so far (layer 7), to open every k-th and resume a share evenly. */
  readonly requests: Float64Array;
  readonly connections: Float64Array;
}

export interface NetworkState {
  readonly cfg: NetworkConfig;
  readonly sameZoneRttMs: number;
  readonly crossZoneRttMs: number;
  /** Request plus response, bytes. */
  readonly bytesPerRequest: number;
  /** Where each client location's ids end (client-regions.ts `locationOf`). */
  readonly locationUpper: Float64Array;
  /** By balancer index. */
  readonly balancers: BalancerNet[];
  /** By balancer index; kept across live patches. */
  readonly bills: BalancerBill[];
}

/**
 * Prices of a balancer: ALB at layer 7, NLB at layer 4, unless `pricing` overrides them; a hot standby runs a
 * second copy all the time, so the hourly price counts twice (capacity units once: the standby carries no traffic).
 */
export function billRates(b: Balancer): BillRates {
  const base = b.cfg.layer === 4 ? NLB_RATES : ALB_RATES;
  const p = b.cfg.pricing;
  const copies = b.cfg.standby === undefined ? 1 : 2;
  return { ...base, hourlyUsd: (p?.hourlyUsd ?? base.hourlyUsd) * copies, unitHourUsd: p?.capacityUnitHourUsd ?? base.unitHourUsd };
}

function balancerNet(b: Balancer, scenario: Scenario, cfg: NetworkConfig): BalancerNet {
  const locations = clientLocations(scenario);
  const measured = scenario.dns?.latencyMs ?? {};
  const clientRtt = new Float64Array(locations.length + 1);
  locations.forEach((l, i) => (clientRtt[i] = clientRttMs(l.region, b.region, measured, cfg.clientRttMs, cfg.crossRegionRttMs)));
  clientRtt[locations.length] = cfg.clientRttMs;
  const classes = b.listenerOf.length;
  const net: BalancerNet = {
    clientRtt,
    processingMs: b.cfg.processingMs ?? PROCESSING_MS[b.cfg.layer],
    tcpRtts: new Uint8Array(classes),
    tlsFullRtts: new Uint8Array(classes),
    tlsResumedRtts: new Uint8Array(classes),
    resumptionShare: new Float64Array(classes),
    perConnection: new Float64Array(classes),
    handshakeToTarget: new Uint8Array(classes),
    billableRules: new Float64Array(classes),
    connectionWeight: new Float64Array(classes),
    requests: new Float64Array(classes),
    connections: new Float64Array(classes),
  };
  b.listenerOf.forEach((l, c) => {
    // an https or tls listener speaks TLS even without CPU settings (then with the schema's defaults)
    const tls = l.tls ?? (l.protocol === 'https' || l.protocol === 'tls' ? IMPLIED_TLS : undefined);
    net.tcpRtts[c] = l.protocol === 'udp' ? 0 : 1;
    net.tlsFullRtts[c] = tls === undefined ? 0 : tls.version === '1.2' ? 2 : 1;
    net.tlsResumedRtts[c] = tls === undefined ? 0 : 1;
    net.resumptionShare[c] = tls?.resumptionShare ?? 0;
    net.perConnection[c] = tls?.requestsPerConnection ?? b.cfg.requestsPerConnection;
    net.handshakeToTarget[c] = b.l4 === null ? 0 : tls?.mode === 'terminate' ? 2 : 1;
    net.billableRules[c] = b.l4 === null ? Math.max(0, l.rules.length - FREE_RULES) : 0;
    net.connectionWeight[c] = b.l4 !== null && tls?.mode === 'terminate' ? NLB_RATES.connectionsPerUnit / NLB_TLS_CONNECTIONS_PER_UNIT : 1;
  });
  return net;
}

/** The network state for `balancers`; `old` (a live patch) hands over its bills. */
export function buildNetwork(scenario: Scenario, balancers: readonly Balancer[], clients: ClientPopulation, nowMs: number, old: NetworkState | null): NetworkState {
  const cfg = scenario.network;
  const bills = balancers.map((b) => {
    const kept = old?.bills[b.index];
    if (kept === undefined) return new BalancerBill(billRates(b), nowMs);
    kept.setRates(billRates(b), nowMs);
    if (b.retired && kept.stoppedMs === Infinity) kept.stoppedMs = nowMs;
    return kept;
  });
  return {
    cfg,
    sameZoneRttMs: cfg.sameZoneRttMs,
    crossZoneRttMs: cfg.crossZoneRttMs,
    bytesPerRequest: (cfg.requestKB + cfg.responseKB) * 1000,
    locationUpper: locationUpperBounds(clientLocations(scenario), clients.normal),
    balancers: balancers.map((b) => balancerNet(b, scenario, cfg)),
    bills,
  };
}

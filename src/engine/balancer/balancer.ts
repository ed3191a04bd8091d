/**
 * A balancer at run time: its listener routing per request class, its nodes (one per availability
 * zone, as ELB runs them), cross-zone balancing, per-connection state for layer 4, and its own
 * failure. A client resolves the balancer's name to one node and keeps that address for the DNS TTL
 * (ELB: 60 s), so when a node dies its clients keep failing until they resolve again. A single
 * balancer is a single point of failure; with a hot standby (keepalived/VRRP style) the standby
 * takes over after `missedHeartbeats` heartbeats go unanswered.
 */
import type { BalancerConfig, ListenerConfig } from '../../scenario/schema.ts';
import type { RequestClass } from '../traffic/request-mix.ts';
import { cookieRules, listenerFor, type CookieRule } from './router.ts';
import { Edge } from './edge.ts';
import { BalancerCpu, tlsCostMs } from './balancer-cpu.ts';

/** Per-connection state of a layer-4 balancer: each client's connection stays on one target. */
export interface L4Connections {
  target: Int32Array;
  lastUsedMs: Float64Array;
  remaining: Int32Array;
  /** The node each client's connection goes through: a connection is with one node (NLB: per-node flow state), so another node means a new one. */
  node: Int32Array;
  idleMs: number;
  perConnection: number;
  /** The last chooseOnConnection opened a new connection (network/ counts its handshakes). */
  opened: boolean;
}

export const NODE_NONE = -1;

/** Routing CPU per request: as configured, else 0.05 ms at layer 7 (parse and route) and 0.005 ms at layer 4 (forward); assumed, AWS publishes none. */
export function routeCpuMs(cfg: BalancerConfig): number {
  return cfg.capacity?.routeCpuMs ?? (cfg.layer === 4 ? 0.005 : 0.05);
}

/** groupOfClass value for a class routed per request (cookie rules, weighted forward). */
export const ROUTE_PER_REQUEST = -2;

export class Balancer {
  declare readonly id: string;
  declare readonly index: number;
  declare readonly cfg: BalancerConfig;
  declare readonly region: string;
  /** Global zone index of each node (zones of all balancers and targets are numbered together). */
  declare readonly nodeZones: number[];
  declare readonly crossZone: boolean;
  declare readonly groupOfClass: Int32Array;
  declare readonly l4: L4Connections | null;
  /** The primary failed (crash or region outage). */
  down = false;
  /** Taken out of the scenario by a live patch (its index stays). */
  retired = false;
  /** The region is out: even a standby cannot help. */
  regionDown = false;
  /** When the standby takes over after a failure (NaN: no takeover pending or done). */
  takeoverAtMs = NaN;
  declare readonly nodeDown: boolean[];
  /** Edge protection and the balancer's CPU; a live patch that leaves their settings as they were keeps them (with their state). */
  declare edge: Edge | null;
  declare cpu: BalancerCpu | null;
  /** Per request class: CPU ms the balancer spends on it (routing + TLS it terminates). */
  declare readonly lbCostMs: Float64Array;
  /** Per request class: CPU ms added to the target's work (TLS passed through). */
  declare readonly targetTlsMs: Float64Array;
  /** Per request class: the rules that match it but for cookies, for routing decided per request. */
  declare readonly cookieRules: CookieRule[][];
  /** Per request class: the listener it arrives on. */
  declare readonly listenerOf: ListenerConfig[];
  /** Live weights of each listener's weighted default action, by port (deployments shift them). */
  readonly weights = new Map<number, { group: string; weight: number }[]>();
  /** How many clients its per-client tables hold. */
  declare readonly clientsSized: number;
  /** Per client (multi-node balancers): the node it resolved and until when it keeps that address. */
  declare readonly clientNode: Int32Array | null;
  declare readonly clientUntil: Float64Array | null;

  constructor(cfg: BalancerConfig, index: number, nodeZones: number[], groupOfClass: Int32Array, clients: number, classes: readonly RequestClass[]) {
    this.id = cfg.id;
    this.index = index;
    this.cfg = cfg;
    this.region = cfg.region;
    this.nodeZones = nodeZones;
    this.crossZone = cfg.crossZone ?? cfg.layer === 7;
    this.groupOfClass = groupOfClass;
    this.nodeDown = nodeZones.map(() => false);
    this.edge = Edge.for(cfg);
    this.cpu = cfg.capacity ? new BalancerCpu(cfg.capacity) : null;
    this.lbCostMs = Float64Array.from(classes.map((c) => {
      const tls = listenerFor(cfg, c).tls;
      return (cfg.capacity === undefined ? 0 : routeCpuMs(cfg)) + (tls && tls.mode === 'terminate' ? tlsCostMs(tls) : 0);
    }));
    this.targetTlsMs = Float64Array.from(classes.map((c) => {
      const tls = listenerFor(cfg, c).tls;
      return tls && tls.mode === 'passthrough' ? tlsCostMs(tls) : 0;
    }));
    this.cookieRules = classes.map((c) => cookieRules(cfg, c));
    this.listenerOf = classes.map((c) => listenerFor(cfg, c));
    for (const l of cfg.listeners) if (l.weightedForward) this.weights.set(l.port, l.weightedForward.map((w) => ({ ...w })));
    this.l4 =
      cfg.layer === 4
        ? { target: new Int32Array(clients).fill(-1), lastUsedMs: new Float64Array(clients), remaining: new Int32Array(clients), node: new Int32Array(clients).fill(NODE_NONE), idleMs: cfg.idleTimeoutSec * 1000, perConnection: cfg.requestsPerConnection, opened: false }
        : null;
    this.clientsSized = clients;
    const multi = nodeZones.length > 1;
    this.clientNode = multi ? new Int32Array(clients).fill(NODE_NONE) : null;
    this.clientUntil = multi ? new Float64Array(clients) : null;
  }

  /** Does the balancer answer at all right now (primary up, or the standby has taken over)? */
  available(nowMs: number): boolean {
    if (this.regionDown) return false;
    return !this.down || (this.takeoverAtMs <= nowMs);
  }

  /** A short state for snapshots. */
  state(nowMs: number): 'up' | 'down' | 'standby' {
    if (!this.available(nowMs)) return 'down';
    return this.down ? 'standby' : 'up';
  }
}

/**
 * The contract between the engine and a balancing algorithm. The engine owns all state that is
 * physics (requests in flight, health, rotation); an algorithm owns only its own bookkeeping
 * (rotation pointers, smooth-WRR weights, rings, latency estimates) and answers "which member?".
 * Member indices are 0..size-1 in the target group's configuration order.
 */

/**
 * What an algorithm may see of its target group at the moment of a pick. The member-indexed arrays
 * are there for scans (least connections over 50 members reads them in one pass); they say the same
 * as the methods. A member is eligible when it is in rotation and, while `filtered` is true, also
 * `eligible(i)` (this request already tried it, its zone differs, passive health holds it back).
 */
export interface GroupView {
  /** Number of members (targets registered in the group, including ones out of rotation). */
  readonly size: number;
  /** Configured weight of each member. */
  readonly weightOf: Float64Array;
  /** Requests sent to each member and not answered yet. */
  readonly activeOf: Int32Array;
  /** 1 when the member is in the balancer's rotation. */
  readonly rotationOf: Uint8Array;
  /** True while eligibility is more than rotation, so scans must ask `eligible(i)`. */
  readonly filtered: boolean;
  /** Every member with a weight above 0 has the same weight (decided when membership or weights change). */
  readonly equalWeights: boolean;
  /** The view reports every change of activeOf and rotationOf to the algorithm (onActive, onRotation). */
  readonly reportsChanges: boolean;
  /** Current simulated time in milliseconds. */
  readonly nowMs: number;
  /** Configured weight of member i (≥ 0). */
  weight(i: number): number;
  /** Requests sent to member i that have not been answered yet (nginx `conns`, Envoy active requests). */
  active(i: number): number;
  /** Member i may take this request: in rotation, and not already tried for this request. */
  eligible(i: number): boolean;
  /** Server name as written in the config, e.g. "10.1.0.1:80", for algorithms that hash server names. */
  address(i: number): string;
  /** A uniform number in [0, 1) from the balancer-choice random stream. */
  random(): number;
  /** HAProxy server id (`id`, puid) of member i; absent: its position from 1. Consistent hashing places nodes by it, `first` fills in its order. */
  serverId?(i: number): number;
  /** Member i is a backup server (nginx / HAProxy `backup`): HAProxy algorithms use backups only when no primary is usable. Absent: no backups. */
  backup?(i: number): boolean;
  /** Requests member i serves at once (its slots), the stand-in for HAProxy `maxconn`; `first` fills members up to it. Absent: unlimited. */
  concurrency?(i: number): number;
}

/** What an algorithm may see of the request. */
export interface RequestKey {
  /** The client's IPv4 address as an unsigned 32-bit integer. */
  clientIp: number;
  /** The value of the group's hashKey for this request ("" when the request has none). */
  key: string;
  /**
   * HAProxy redispatch: the member the previous attempt used (HAProxy's `prev_srv`), passed over when another
   * member can take the request; -1 or absent: none. HAProxy algorithms treat `eligible` as "usable" (up, not in
   * maintenance or drain) and never exclude a member for being tried: a HAProxy retry goes to the same server.
   */
  avoid?: number;
}

export interface BalancingAlgorithm {
  /** Chooses a member for one request; returns -1 when no member is eligible. */
  pick(view: GroupView, request: RequestKey): number;
  /** Membership or weights changed: rebuild tables and reset per-member state. Called once before the first pick. */
  rebuild(view: GroupView): void;
  /** A request sent to member i was answered after latencyMs (used by latency-aware algorithms). */
  onResponse?(member: number, latencyMs: number, nowMs: number): void;
  /** nginx: a failed attempt lowers member i's effective weight by `amount` (weight / max_fails); it regrows by 1 per pick. */
  penalize?(member: number, amount: number): void;
  /** Member i now holds `active` requests (only from views that report changes). */
  onActive?(member: number, active: number): void;
  /** Member i entered (1) or left (0) the rotation (only from views that report changes). */
  onRotation?(member: number, inRotation: number): void;
  /** A copy of the algorithm's own bookkeeping, for explanations and the internals panel (never on the hot path). */
  inspect?(): AlgorithmInternals;
}

/** What an algorithm shows of its bookkeeping; each field is present only for the algorithms that keep it. Member-indexed arrays. */
export interface AlgorithmInternals {
  /** Smooth WRR (nginx): current weights (cw) and effective weights (ew). */
  current?: number[];
  effective?: number[];
  /** Rotation: the member the next scan starts at. */
  next?: number;
  /** Latency estimates per member, ms (peak-EWMA cost, nginx least_time rt). */
  costMs?: number[];
  /** Ketama ring: sorted point hashes and the member (first of its server name) at each. */
  ringHash?: Uint32Array;
  ringMember?: Int32Array;
  /** Maglev lookup table: the member at each slot. */
  table?: Int32Array;
  /**
   * HAProxy: its ebtrees in order, first = next candidate, each member with the key it is sorted by
   * (FWRR `curr`: the next position; `init`/`next`: the effective weight; leastconn: (inflight + 1) × 4096 / eweight).
   */
  trees?: { name: string; keyName: string; members: number[]; keys: number[] }[];
  /** HAProxy FWRR: the window's position and its total weight (a window is one full weighted round). */
  window?: { position: number; weight: number };
}

/** Tunables with defaults from the mirrored system; unknown options are ignored by an algorithm. */
export interface AlgorithmOptions {
  /** power-of-two-choices: how many random draws (Envoy `choice_count`, default 2). */
  choiceCount?: number;
  /** peak-ewma: decay time constant in ms (Finagle / linkerd default 10 s). */
  decayMs?: number;
  /** peak-ewma: the estimate for a member with no history yet, ms (linkerd EWMA_DEFAULT_RTT 30 ms). */
  defaultRttMs?: number;
  /** maglev: lookup table size, must be prime (Envoy default 65537). */
  tableSize?: number;
  /** haproxy-source / haproxy-hash: HAProxy `hash-type` (default "map-based"; "consistent" uses sdbm + avalanche). */
  hashType?: 'map-based' | 'consistent';
  /** haproxy-*: HAProxy `option allbackups`, balance over every usable backup instead of only the first (default false). */
  allBackups?: boolean;
  /** haproxy-hash: the group's hashKey ("path" = `balance uri`, "query:<name>" = `url_param`, "header:<name>" = `hdr(<name>)`). Default "path". */
  hashKey?: string;
}

export type AlgorithmFactory = (options?: AlgorithmOptions) => BalancingAlgorithm;

/**
 * A target group at run time: its registered members, its balancing algorithm, and the view the
 * algorithm sees — member-indexed weights, requests in flight and rotation, kept up to date as
 * requests are sent and answered — plus the request's hash key (client address, path, header,
 * cookie or query parameter) for hash-based algorithms. nginx backups: the primaries and the backups
 * each have their own algorithm instance (nginx's `peers` and `peers->next`); HAProxy's algorithms
 * see every member with its backup flag and server id and do their own backup logic.
 */
import type { AlgorithmOptions, BalancingAlgorithm, GroupView, RequestKey } from './algorithm.ts';
import { createAlgorithm } from './registry.ts';
import { HAPROXY_ALGORITHMS, type AlgorithmName } from '../../scenario/algorithm-names.ts';
import type { TargetGroupConfig } from '../../scenario/schema.ts';
import { ADMIN_DRAIN, type TargetStore } from '../backend/targets.ts';
import type { Rng } from '../core/rng.ts';
import { DeadlineQueue } from '../core/deadline-queue.ts';
import { formatIpv4 } from '../traffic/clients.ts';
import { pathOnly } from './router.ts';
import type { RequestClass } from '../traffic/request-mix.ts';
import { assignServerIds } from './server-ids.ts';
import { budgetFor, type RetryBudget } from '../request/retry-budget.ts';

const KEYED: readonly AlgorithmName[] = ['hash', 'consistent-hash', 'maglev', 'haproxy-hash'];

/** How many recent hash keys a group keeps for the internals panel. */
export const RECENT_KEYS = 256;

export class TargetGroup implements GroupView {
  /** The group's configuration now (a live patch replaces it). */
  declare cfg: TargetGroupConfig;
  declare readonly id: string;
  declare readonly index: number;
  timeoutMs = 0;
  deregistrationDelaySec = 0;
  /** Taken out of the scenario by a live patch: no members, no routes (its index stays, as every index does). */
  retired = false;
  readonly timeouts = new DeadlineQueue();
  declare algorithmName: AlgorithmName;
  /** The algorithm of the balancer (or of its node, when cross-zone balancing is on). */
  declare algorithm: BalancingAlgorithm;
  /**
   * With cross-zone balancing off each zone's balancer node balances on its own, with its own state
   * (rotation pointer, smooth-WRR weights…), as ELB nodes do: one instance per zone, made on first use.
   */
  private zoneAlgorithms: (BalancingAlgorithm | undefined)[] = [];
  /** Global target indices of the registered members, in configuration order. */
  members: number[] = [];
  memberIds = new Int32Array(0);
  weightOf = new Float64Array(0);
  activeOf = new Int32Array(0);
  rotationOf = new Uint8Array(0);
  equalWeights = true;
  /** Every change of activeOf and rotationOf goes through holding() and setInRotation(), which tell the algorithm. */
  readonly reportsChanges = true;
  nowMs = 0;
  /** Targets the current pick must avoid (already tried by this request, or passed over by slow start). */
  readonly excluded: number[] = [];
  /** Passive health / circuit check per pick, when the group has one. */
  allows: ((t: number) => boolean) | null = null;
  retries: NonNullable<TargetGroupConfig['retries']> | null = null;
  /** Envoy's retry budget (nginx-style retries with `budget`), else null. */
  retryBudget: RetryBudget | null = null;
  /** The group binds clients to targets (stickiness). */
  sticky = false;
  /** The group's stickiness is HAProxy's cookie, which the answer sets (sessions/haproxy-cookie.ts). */
  haproxyCookie = false;
  /** The group keeps passive health or a circuit breaker (health-data.ts), which hear of every success. */
  hearsSuccesses = false;
  /** The last sticky pick went where the client's binding said (HAProxy's SF_DIRECT); read right after choose(). */
  direct = false;
  /** True while a pick must also consult exclusions, the zone or passive health (kept off the common path). */
  filtered = false;
  /** With cross-zone balancing off: the zone of the balancer node making this pick; -1 for any zone. */
  zoneFilter = -1;
  /** HAProxy redispatch: the member the previous attempt used, passed over when possible (-1: none). */
  avoid = -1;
  /** The algorithm is HAProxy's: it follows state and weight changes itself, so only membership rebuilds it. */
  haproxy = false;
  /**
   * nginx backups (non-HAProxy algorithms): 1 per member that is a backup. The primaries' instance picks
   * with the backups ineligible; when it finds none, the backups' own instance picks (`tier` 1).
   */
  private backupOf = new Uint8Array(0);
  private backupAlgorithm: BalancingAlgorithm | null = null;
  private zoneBackupAlgorithms: (BalancingAlgorithm | undefined)[] = [];
  /** Which members a pick may use: -1 all (no nginx backups), 0 primaries, 1 backups. */
  private tier = -1;
  /** nginx backups: this request already went to a backup, so it stays on the backups (`peers->next`). */
  onBackups = false;
  /** Registered members that are not nginx `down`: nginx's try budget (`peer.tries`). */
  triesBudget = 0;
  private needsKey = false;
  private keyKind = '';
  private keyName = '';
  private classKeys: string[] = [];
  private readonly request: RequestKey = { clientIp: 0, key: '' };
  /** The last RECENT_KEYS hash keys picked by (a circular list; hash algorithms only), for "which keys move". */
  readonly recentKeys: string[] = [];
  private recentAt = 0;

  private declare readonly store: TargetStore;
  private declare readonly rng: Rng;

  constructor(cfg: TargetGroupConfig, index: number, store: TargetStore, rng: Rng, classes: readonly RequestClass[]) {
    this.store = store;
    this.rng = rng;
    this.cfg = cfg;
    this.id = cfg.id;
    this.index = index;
    this.algorithmName = cfg.algorithm;
    this.configure(cfg, classes);
  }

  /**
   * Takes the group's settings (at the start, or from a live patch): timeout, draining, retries,
   * stickiness and the hash key. The algorithm is the caller's business (setAlgorithm).
   */
  configure(cfg: TargetGroupConfig, classes: readonly RequestClass[]): void {
    this.cfg = cfg;
    this.timeoutMs = cfg.requestTimeoutMs;
    this.deregistrationDelaySec = cfg.deregistrationDelaySec;
    this.retries = cfg.retries ?? null;
    this.retryBudget = budgetFor(cfg.retries?.style === 'nginx' ? cfg.retries.budget : undefined, this.retryBudget);
    this.sticky = cfg.stickiness !== undefined;
    this.haproxyCookie = cfg.stickiness?.kind === 'haproxy-cookie';
    this.hearsSuccesses = cfg.passiveHealth !== undefined || cfg.circuitBreaker !== undefined;
    const colon = cfg.hashKey.indexOf(':');
    this.keyKind = colon < 0 ? cfg.hashKey : cfg.hashKey.slice(0, colon);
    this.keyName = colon < 0 ? '' : cfg.hashKey.slice(colon + 1);
    this.classKeys = classes.map((c) => this.staticKey(c));
  }

  get size(): number {
    return this.memberIds.length;
  }
  weight(i: number): number {
    return this.weightOf[i];
  }
  active(i: number): number {
    return this.activeOf[i];
  }
  eligible(i: number): boolean {
    if (this.rotationOf[i] !== 1) return false;
    return !this.filtered || ((this.tier < 0 || this.backupOf[i] === this.tier) && this.passes(this.memberIds[i]));
  }
  address(i: number): string {
    return this.store.addresses[this.memberIds[i]];
  }
  random(): number {
    return this.rng.next();
  }
  serverId(i: number): number {
    return this.store.serverId[this.memberIds[i]];
  }
  backup(i: number): boolean {
    return this.store.configs[this.memberIds[i]].backup === true;
  }
  concurrency(i: number): number {
    return this.store.concurrency[this.memberIds[i]];
  }

  /** May target t take this request (rotation, zone, exclusions, passive health)? For sticky bindings, which a drained target still takes. */
  canTake(t: number): boolean {
    return (this.store.inRotation[t] === 1 || this.store.admin[t] === ADMIN_DRAIN) && this.passes(t);
  }

  private passes(t: number): boolean {
    if (this.zoneFilter >= 0 && this.store.zoneOf[t] !== this.zoneFilter) return false;
    if (this.excluded.length > 0 && this.excluded.includes(t)) return false;
    return this.allows === null || this.allows(t);
  }

  /** Puts member target t in or out of the balancer's rotation. */
  setInRotation(t: number, value: number): void {
    this.store.inRotation[t] = value;
    const m = this.store.memberIndex[t];
    if (m >= 0 && this.rotationOf[m] !== value) {
      this.rotationOf[m] = value;
      this.algorithm.onRotation?.(m, value);
    }
  }

  /**
   * Target t of this group holds `delta` more requests (sent, queued or in service). Only the main
   * algorithm hears of it: a zone's own instance (cross-zone off) always picks with a filter, by scanning.
   */
  holding(t: number, delta: number): void {
    const m = this.store.memberIndex[t];
    if (m < 0 || delta === 0) return;
    const active = (this.activeOf[m] += delta);
    this.algorithm.onActive?.(m, active);
  }

  setAlgorithm(name: AlgorithmName): void {
    this.algorithmName = name;
    this.algorithm = createAlgorithm(name, this.options());
    this.zoneAlgorithms = [];
    this.backupAlgorithm = null;
    this.zoneBackupAlgorithms = [];
    this.needsKey = KEYED.includes(name);
    this.haproxy = HAPROXY_ALGORITHMS.includes(name);
    this.rebuild();
  }

  /** HAProxy's options from the group's settings (other algorithms ignore them). */
  private options(): AlgorithmOptions {
    return { hashType: this.cfg.hashType ?? 'map-based', allBackups: this.cfg.allBackups ?? false, hashKey: this.cfg.hashKey };
  }

  /**
   * Target t's weight changed. HAProxy's algorithms notice it at their next pick (as `set weight` does);
   * the others rebuild their per-target state.
   */
  reweight(t: number): void {
    const m = this.store.memberIndex[t];
    if (!this.haproxy || m < 0) return this.rebuild();
    this.weightOf[m] = this.store.weight[t];
    this.equalWeights = this.weightOf.every((w) => w === 0 || w === this.weightOf.find((x) => x > 0));
  }

  /** Re-reads the registered members from the store; call after membership or weights change. */
  rebuild(): void {
    const store = this.store;
    for (const t of this.members) store.memberIndex[t] = -1;
    this.members = [];
    for (let t = 0; t < store.count; t++) {
      if (store.groupOf[t] === this.index && store.registered[t] === 1) {
        store.memberIndex[t] = this.members.length;
        this.members.push(t);
      }
    }
    const n = this.members.length;
    assignServerIds(store, this.index, this.cfg.targets);
    this.memberIds = Int32Array.from(this.members);
    this.weightOf = new Float64Array(n);
    this.activeOf = new Int32Array(n);
    this.rotationOf = new Uint8Array(n);
    let first = 0;
    this.equalWeights = true;
    for (let m = 0; m < n; m++) {
      const t = this.members[m];
      const w = store.weight[t];
      this.weightOf[m] = w;
      this.activeOf[m] = store.busy[t] + store.queued[t] + store.connections[t];
      this.rotationOf[m] = store.inRotation[t];
      if (w > 0 && first === 0) first = w;
      else if (w > 0 && w !== first) this.equalWeights = false;
    }
    this.backupOf = new Uint8Array(n);
    this.triesBudget = 0;
    for (let m = 0; m < n; m++) {
      const cfg = store.configs[this.members[m]];
      if (cfg.backup === true && !this.haproxy) this.backupOf[m] = 1;
      if (cfg.down !== true) this.triesBudget++;
    }
    this.tier = this.backupOf.includes(1) ? 0 : -1;
    this.algorithm.rebuild(this);
    for (const a of this.zoneAlgorithms) a?.rebuild(this);
    if (this.tier >= 0) {
      this.backupAlgorithm ??= createAlgorithm(this.algorithmName, this.options());
      this.backupAlgorithm.rebuild(this);
      for (const a of this.zoneBackupAlgorithms) a?.rebuild(this);
    } else {
      this.backupAlgorithm = null;
      this.zoneBackupAlgorithms = [];
    }
  }

  private algorithmOfZone(zones: (BalancingAlgorithm | undefined)[], zone: number): BalancingAlgorithm {
    let a = zones[zone];
    if (a === undefined) {
      a = createAlgorithm(this.algorithmName, this.options());
      a.rebuild(this);
      zones[zone] = a;
    }
    return a;
  }

  /** nginx's effective-weight penalty, in every instance that keeps one. */
  penalize(member: number, amount: number): void {
    this.algorithm.penalize?.(member, amount);
    for (const a of this.zoneAlgorithms) a?.penalize?.(member, amount);
    this.backupAlgorithm?.penalize?.(member, amount);
    for (const a of this.zoneBackupAlgorithms) a?.penalize?.(member, amount);
  }

  /** The algorithm instance the next pick uses (the zone's own one with cross-zone off), for explanations. */
  algorithmInUse(): BalancingAlgorithm {
    return this.zoneFilter < 0 ? this.algorithm : this.algorithmOfZone(this.zoneAlgorithms, this.zoneFilter);
  }

  /** The hash key of the last pick ("" when the algorithm needs none). */
  get lastKey(): string {
    return this.request.key;
  }

  /** Is target t one of this group's nginx backups? */
  isBackup(t: number): boolean {
    const m = this.store.memberIndex[t];
    return this.tier >= 0 && m >= 0 && this.backupOf[m] === 1;
  }

  /**
   * Chooses a target (global index) for a request, or -1. With nginx backups, the primaries' instance
   * picks first; when it finds none (or `onBackups`), the backups' instance does.
   */
  pick(nowMs: number, clientIp: number, clientId: number, cls: number): number {
    this.nowMs = nowMs;
    this.filtered = this.allows !== null || this.excluded.length > 0 || this.zoneFilter >= 0 || this.tier >= 0;
    const r = this.request;
    r.clientIp = clientIp;
    if (this.needsKey) {
      r.key = this.keyFor(clientIp, clientId, cls);
      this.recentKeys[this.recentAt] = r.key;
      this.recentAt = (this.recentAt + 1) % RECENT_KEYS;
    } else r.key = '';
    r.avoid = this.avoid;
    if (this.tier < 0) {
      const m = (this.zoneFilter < 0 ? this.algorithm : this.algorithmOfZone(this.zoneAlgorithms, this.zoneFilter)).pick(this, r);
      return m < 0 ? -1 : this.memberIds[m];
    }
    let m = -1;
    if (!this.onBackups) m = (this.zoneFilter < 0 ? this.algorithm : this.algorithmOfZone(this.zoneAlgorithms, this.zoneFilter)).pick(this, r);
    if (m < 0) {
      // no primary can take it: nginx switches the request to the backup peers for the rest of its tries
      this.tier = 1;
      m = (this.zoneFilter < 0 ? this.backupAlgorithm! : this.algorithmOfZone(this.zoneBackupAlgorithms, this.zoneFilter)).pick(this, r);
      this.tier = 0;
    }
    return m < 0 ? -1 : this.memberIds[m];
  }

  /** Does the algorithm hear answers (latency-aware ones; HAProxy leastconn)? */
  get observesLatency(): boolean {
    return this.algorithm.onResponse !== undefined;
  }

  /** Tells latency-aware algorithms how long target `t` took (HAProxy leastconn: that a request ended). */
  observe(t: number, latencyMs: number, nowMs: number): void {
    if (this.algorithm.onResponse === undefined) return;
    const m = this.store.memberIndex[t];
    if (m < 0) return;
    this.algorithm.onResponse(m, latencyMs, nowMs);
    for (const a of this.zoneAlgorithms) a?.onResponse?.(m, latencyMs, nowMs);
    this.backupAlgorithm?.onResponse?.(m, latencyMs, nowMs);
    for (const a of this.zoneBackupAlgorithms) a?.onResponse?.(m, latencyMs, nowMs);
  }

  private keyFor(clientIp: number, clientId: number, cls: number): string {
    if (this.keyKind === 'client-ip') return formatIpv4(clientIp);
    if (this.keyKind === 'cookie') return `c${clientId}`;
    return this.classKeys[cls];
  }

  private staticKey(c: RequestClass): string {
    switch (this.keyKind) {
      case 'path':
        return pathOnly(c.path);
      case 'header':
        return c.headers[this.keyName.toLowerCase()] ?? '';
      case 'query': {
        const q = c.path.indexOf('?');
        if (q < 0) return '';
        return new URLSearchParams(c.path.slice(q + 1)).get(this.keyName) ?? '';
      }
      default:
        return '';
    }
  }
}

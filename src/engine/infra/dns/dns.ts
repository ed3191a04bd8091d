/**
 * One DNS name end to end, as Route 53 serves it: health checks decide which records are healthy,
 * the routing policy picks the answer, resolvers cache it (staggered across the TTL at the start), and
 * each client connects to one address — the next one of the answer when that refuses the connection, for
 * the share of clients that do (default all: browsers, curl, Java, Go and Python's urllib3 walk the
 * resolved list; the caller, request/route.ts, decides what refuses).
 * Pure and time-explicit: the engine calls `endpointFor` when a client looks the name up and
 * `runChecks` at `nextCheckMs()`. Active-passive regions are the failover policy; active-active are
 * weighted, latency or multivalue; a region outage is `endpointUp` saying no for that region's targets.
 */
import type { DnsClientInfo, DnsConfig, LatencyTable, RandomSource } from './types.ts';
import { hasHealthCheck } from './types.ts';
import { chooseRecords, type HealthView } from './policies.ts';
import { RecordHealth, type HealthTransition } from './health-checker.ts';
import { ResolverPool, firstPosition, triesNextAddress, type CachedAnswer } from './resolver-cache.ts';

/** What a client gets when it looks the name up; nulls mean NODATA. */
export interface DnsLookup {
  target: string | null;
  recordId: string | null;
  recordIndex: number;
  /** Served from the resolver's cache rather than fetched from Route 53. */
  fromCache: boolean;
  /** The whole answer (record indices) and the position in it of the address the client tried first. */
  answer: readonly number[];
  position: number;
  /** The endpoint of each address of the answer, as it was when the answer was fetched. */
  targets: readonly string[];
}

/** A record's health changed, with the reason in plain words for the event log. */
export interface DnsTransition extends HealthTransition {
  recordId: string;
  target: string;
  message: string;
}

/** One record as a snapshot shows it. */
export interface DnsRecordState {
  id: string;
  target: string;
  region: string | null;
  healthCheck: boolean;
  healthy: boolean;
  healthyCheckers: number;
  checkers: number;
}

export class Dns {
  readonly health: RecordHealth;
  readonly resolvers: ResolverPool;
  private readonly healthView: HealthView;
  /** Client location key → cache scope (latency and geolocation answers depend on where the client is). */
  private readonly scopes = new Map<string, number>();
  private readonly clientScope: number[] = [];
  /** The endpoint each record points at now (a CNAME swap changes it; answers already cached keep theirs). */
  private readonly current: string[];

  constructor(
    readonly config: DnsConfig,
    private readonly rng: RandomSource,
    private readonly clientInfo: (clientId: number) => DnsClientInfo,
    private readonly latency: LatencyTable,
    startMs = 0,
    /** Share of clients that try the next address of an answer when a connection is refused (most HTTP clients). */
    private readonly nextAddressShare = 1,
  ) {
    const checked = config.records.map((_, i) => hasHealthCheck(config, i));
    this.health = new RecordHealth(checked, config.healthChecks, startMs);
    this.resolvers = new ResolverPool(config.resolvers, config.ttlSec, rng);
    this.healthView = (i) => this.health.isHealthy(i);
    this.current = config.records.map((r) => r.target);
  }

  /** The endpoint client `clientId` connects to when it looks the name up at `nowMs`. */
  endpointFor(clientId: number, nowMs: number): DnsLookup {
    const scope = this.scopeOf(clientId);
    let entry = this.resolvers.cached(clientId, nowMs, scope);
    const fromCache = entry !== null;
    if (entry === null) {
      const answer = this.query(clientId);
      entry = this.resolvers.store(clientId, nowMs, answer, scope, answer.map((i) => this.current[i]));
    }
    const answer = entry.answer;
    const position = firstPosition(answer.length, clientId);
    const i = answer.length === 0 ? -1 : answer[position];
    const rec = i < 0 ? null : this.config.records[i];
    return { target: i < 0 ? null : entry.targets[position], recordId: rec?.id ?? null, recordIndex: i, fromCache, answer, position, targets: entry.targets };
  }

  /** The endpoint record i points at now (a balancer id). */
  targetOf(i: number): string {
    return this.current[i];
  }

  /**
   * Elastic Beanstalk's SwapEnvironmentCNAMEs: records pointing at `a` now point at `b` and the other way
   * round. Route 53 answers with the new endpoints at once; answers resolvers have cached keep the old ones
   * until they expire (or longer, for resolvers that ignore the TTL). Returns how many records moved.
   */
  swap(a: string, b: string): number {
    let n = 0;
    for (let i = 0; i < this.current.length; i++) {
      if (this.current[i] === a) this.current[i] = b;
      else if (this.current[i] === b) this.current[i] = a;
      else continue;
      n++;
    }
    return n;
  }

  /**
   * Whether client `clientId` tries the next address of its answer when a connection is refused: most
   * HTTP clients do (curl, browsers, Java, Go and Python's urllib3 walk the resolved list); a share may not.
   */
  triesNext(clientId: number): boolean {
    return triesNextAddress(clientId, this.nextAddressShare);
  }

  /** The answer the client's resolver holds at `nowMs` (for explanations), or null. */
  cachedFor(clientId: number, nowMs: number): CachedAnswer | null {
    return this.resolvers.cached(clientId, nowMs, this.scopeOf(clientId));
  }

  /** What Route 53 itself answers this client right now, bypassing every cache. */
  query(clientId: number): number[] {
    const policy = this.config.policy;
    const client = policy === 'latency' || policy === 'geolocation' ? this.clientInfo(clientId) : NOWHERE;
    return chooseRecords(this.config, this.healthView, client, this.latency, this.rng);
  }

  /** When the next health-check probe is due (Infinity when no record has a health check). */
  nextCheckMs(): number {
    let next = Infinity;
    for (let i = 0; i < this.health.size; i++) next = Math.min(next, this.health.nextCheckMs(i));
    return next;
  }

  /** Makes every probe due by `nowMs`, each at its own time, and returns the health changes. */
  runChecks(nowMs: number, endpointUp: (target: string) => boolean): DnsTransition[] {
    const out: DnsTransition[] = [];
    const h = this.health;
    for (let i = 0; i < h.size; i++) {
      const rec = this.config.records[i];
      for (let at = h.nextCheckMs(i); at <= nowMs; at = h.nextCheckMs(i)) {
        const t = h.observe(i, endpointUp(this.current[i]), at);
        if (t !== null) out.push({ ...t, recordId: rec.id, target: this.current[i], message: this.describe(t) });
      }
    }
    return out.sort((a, b) => a.atMs - b.atMs);
  }

  /** Every record with its health, for snapshots. */
  recordStates(): DnsRecordState[] {
    return this.config.records.map((r, i) => ({
      id: r.id,
      target: this.current[i],
      region: r.region ?? null,
      healthCheck: this.health.hasCheck(i),
      healthy: this.health.isHealthy(i),
      healthyCheckers: this.health.healthyCheckers(i),
      checkers: this.health.checkers,
    }));
  }

  /** A new TTL for answers fetched from now on (cached ones keep theirs). */
  setTtl(ttlSec: number): void {
    this.resolvers.ttlSec = ttlSec;
  }

  /** Empties every resolver's cache. */
  flush(): void {
    this.resolvers.flush();
  }

  /** The cache scope of a client; a client's location is read once and assumed fixed. */
  private scopeOf(clientId: number): number {
    const policy = this.config.policy;
    if (policy !== 'latency' && policy !== 'geolocation') return 0;
    const known = this.clientScope[clientId];
    if (known !== undefined) return known;
    const c = this.clientInfo(clientId);
    const key = policy === 'latency' ? c.region : `${c.continent}/${c.country}`;
    let scope = this.scopes.get(key);
    if (scope === undefined) this.scopes.set(key, (scope = this.scopes.size));
    this.clientScope[clientId] = scope;
    return scope;
  }

  private describe(t: HealthTransition): string {
    const id = this.config.records[t.recordIndex].id;
    const n = this.health.failureThreshold;
    const agreeing = t.healthy ? t.healthyCheckers : t.checkers - t.healthyCheckers;
    const where = t.checkers > 1 ? ` at ${agreeing} of ${t.checkers} checkers (healthy needs > 18 %)` : '';
    if (t.healthy) return `record ${id} marked healthy: ${n === 1 ? '1 passed check' : `${n} consecutive passed checks`}${where}`;
    return `record ${id} marked unhealthy: ${n === 1 ? '1 failed check' : `${n} consecutive failed checks`}${where}`;
  }
}

const NOWHERE: DnsClientInfo = { region: '', continent: '', country: '' };

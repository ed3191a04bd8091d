/**
 * The database tier. Each target of a group with a database opens a pool of `poolSize` connections
 * when it joins; the database accepts at most `maxConnections`, first come first served, so scaling
 * out can exhaust it and the newest instances fail every request ("too many connections") — errors
 * caused by scaling. Query time grows with load as 1 / (1 − ρ) (capped at ρ = 0.95), ρ measured per
 * simulated second on each node; reads go to replicas when there are any. A primary failover makes writes
 * (and reads without replicas) fail for `failoverSec` (RDS Multi-AZ: the standby is promoted and the DNS name
 * follows it, typically in 60–120 s; Aurora promotes a replica, usually faster). Read replicas (Amazon RDS read
 * replicas, Aurora Replicas) keep serving reads meanwhile; replication lag is not modelled (no data is).
 *
 * A pooling proxy (RDS Proxy; RDS user guide "RDS Proxy connection considerations", API
 * ConnectionPoolConfiguration) accepts every target's connections and multiplexes their queries over its
 * own: at most MaxConnectionsPercent (default 100) of the database's maxConnections. A request's queries
 * borrow one of them for their length; when all are busy the request waits for the first to come free
 * (first come, first served: proxy-pool.ts), and when that wait would pass ConnectionBorrowTimeout
 * (default 120 s; 0 = forever) it fails instead. Each query pays the proxy's own time (addedLatencyMs,
 * default 1 ms: assumed, AWS publishes none). During a failover, queries through the proxy wait for it
 * rather than fail, and the proxy makes it shorter "by up to 66 %" (AWS): each failover is cut by a share
 * drawn evenly from 0 to 2/3 (the `database` random stream), since AWS states only the upper bound.
 * Simplifies: a target with a partial pool is treated like one with a full pool; the query's quantile is
 * the request's service-time quantile; one proxy pool serves the primary and the replicas; a request whose
 * borrow times out fails at the end of its own work, without the wait in its latency; the failover wait
 * does not count against the borrow timeout; no session pinning.
 */
import type { DatabaseConfig } from '../../scenario/schema.ts';
import { distMean, distParams, quantile, type DistParams } from '../core/distributions.ts';
import type { InfraSnapshot } from '../types.ts';
import type { Rng } from '../core/rng.ts';
import { ProxyPool } from './proxy-pool.ts';

export const DB_ERROR = -1;

/** A database's state for the view (the shape of Snapshot.infra.databases). */
export type DatabaseState = InfraSnapshot['databases'][number];

export class Database {
  readonly cfg: DatabaseConfig;
  private readonly q: DistParams;
  private readonly meanMs: number;
  /** Connections held per target (absent = none). */
  private readonly held = new Map<number, number>();
  /** Queries started this second, and the load of the last second, per node (0 = primary, 1… replicas). */
  private readonly started: number[];
  private readonly rho: number[];
  private nextReplica = 0;
  failoverUntilMs = -Infinity;
  /** Taken out of the scenario by a live patch: no group queries it. */
  retired = false;
  /** The proxy's connections to the database (null without a proxy), and requests that waited or timed out borrowing one. */
  readonly pool: ProxyPool | null;
  waited = 0;
  borrowTimeouts = 0;

  constructor(cfg: DatabaseConfig) {
    this.cfg = cfg;
    this.q = distParams(cfg.queryTimeMs);
    this.meanMs = distMean(cfg.queryTimeMs);
    this.started = new Array(1 + cfg.readReplicas).fill(0);
    this.rho = new Array(1 + cfg.readReplicas).fill(0);
    this.pool = cfg.proxy ? new ProxyPool(Math.max(1, Math.floor((cfg.maxConnections * cfg.proxySettings.maxConnectionsPercent) / 100))) : null;
  }

  /** A database with new settings that keeps this one's open pools, failover and last load (a live patch). */
  reconfigured(cfg: DatabaseConfig): Database {
    const next = new Database(cfg);
    for (const [t, n] of this.held) next.held.set(t, cfg.proxy ? n : Math.min(n, cfg.maxConnections));
    next.failoverUntilMs = this.failoverUntilMs;
    for (let i = 0; i < Math.min(next.rho.length, this.rho.length); i++) next.rho[i] = this.rho[i];
    return next;
  }

  get open(): number {
    let n = 0;
    for (const c of this.held.values()) n += c;
    return n;
  }

  /**
   * Brings the pools in line with the targets that are up and registered, in the order they joined:
   * leavers close their pools, joiners open theirs while there is room. Returns targets that were refused.
   */
  reconcile(live: readonly number[], poolSize: (t: number) => number): number[] {
    const keep = new Set(live);
    for (const t of [...this.held.keys()]) if (!keep.has(t)) this.held.delete(t);
    const refused: number[] = [];
    for (const t of live) {
      if (this.held.has(t)) continue;
      const want = poolSize(t);
      const room = this.cfg.proxy ? want : Math.min(want, this.cfg.maxConnections - this.open);
      if (room <= 0) refused.push(t);
      else this.held.set(t, room);
    }
    return refused;
  }

  connected(t: number): boolean {
    return this.held.has(t);
  }

  /**
   * Milliseconds of database time for `queries` queries of a request at quantile u, or DB_ERROR when the
   * request fails at the database.
   */
  queryMs(t: number, queries: number, writes: boolean, u: number, nowMs: number): number {
    if (queries === 0) return 0;
    if (!this.held.has(t)) return DB_ERROR;
    const toPrimary = writes || this.cfg.readReplicas === 0;
    let wait = 0;
    if (toPrimary && nowMs < this.failoverUntilMs) {
      if (!this.cfg.proxy) return DB_ERROR;
      wait = this.failoverUntilMs - nowMs;
    }
    const node = toPrimary ? 0 : 1 + (this.nextReplica++ % this.cfg.readReplicas);
    const slowdown = 1 / (1 - Math.min(0.95, this.rho[node]));
    const ms = queries * quantile(this.q.kind, this.q.p1, this.q.p2, u) * slowdown;
    const pool = this.pool;
    if (pool === null) {
      this.started[node] += queries;
      return wait + ms;
    }
    // borrow the proxy connection free soonest, after any failover wait
    const ready = nowMs + wait;
    const borrowWait = Math.max(0, pool.soonest() - ready);
    const settings = this.cfg.proxySettings;
    if (borrowWait > 0) {
      if (settings.connectionBorrowTimeoutSec > 0 && borrowWait > settings.connectionBorrowTimeoutSec * 1000) {
        this.borrowTimeouts++;
        return DB_ERROR;
      }
      this.waited++;
    }
    this.started[node] += queries;
    const held = ms + queries * settings.addedLatencyMs;
    pool.hold(ready + borrowWait + held);
    return wait + borrowWait + held;
  }

  /**
   * Starts a primary failover now; returns its length in ms. Behind a proxy it is shorter by a share drawn
   * evenly from 0 to 2/3 (AWS: "up to 66 %").
   */
  failover(nowMs: number, rng: Rng): number {
    const ms = this.cfg.failoverSec * 1000 * (this.cfg.proxy ? 1 - (2 / 3) * rng.next() : 1);
    this.failoverUntilMs = nowMs + ms;
    return ms;
  }

  /** Once per simulated second: the load each node carried becomes the next second's slowdown. */
  rollSecond(): void {
    for (let n = 0; n < this.started.length; n++) {
      this.rho[n] = (this.started[n] * this.meanMs) / (this.cfg.concurrency * 1000);
      this.started[n] = 0;
    }
  }

  state(nowMs: number, starved: number): DatabaseState {
    const clientConnections = this.open;
    return {
      id: this.cfg.id,
      maxConnections: this.cfg.maxConnections,
      connectionsOpen: this.pool !== null ? Math.min(this.pool.size, clientConnections) : clientConnections,
      clientConnections,
      starved,
      utilization: this.rho[0],
      proxy: this.cfg.proxy,
      failingOver: nowMs < this.failoverUntilMs,
    };
  }
}

/**
 * Recursive resolvers: a client always asks the same one (client id mod count), which caches answers for
 * the TTL; a seeded share ignore the TTL and keep answers `ignoreTtlExtraSec` longer, so failover is slow
 * for their clients. Staggered (the default): a real population did not all resolve at time 0, so resolver
 * r's first answer is taken as fetched before the run and lives only until (r + 1) ÷ count × TTL; the
 * caches then expire spread evenly across the TTL instead of all at once. Simplified: latency and geolocation answers are cached per client location (as if
 * every resolver sent EDNS0 client-subnet); NODATA is cached for the TTL; no separate client cache.
 */
import type { DnsResolversConfig, RandomSource } from './types.ts';
import { shuffle } from './policies.ts';

/** One cached answer: record indices, when it was fetched, when its TTL ends, until when it is served. */
export interface CachedAnswer {
  readonly answer: readonly number[];
  readonly fetchedAtMs: number;
  readonly expiresAtMs: number;
  readonly keepUntilMs: number;
  /** The endpoint each record of the answer pointed at when it was fetched (a CNAME swap later does not change a cached answer). */
  readonly targets: readonly string[];
}

export class ResolverPool {
  readonly count: number;
  /** TTL given to answers fetched from now on, seconds. */
  ttlSec: number;
  private readonly extraMs: number;
  private readonly ignoring: Uint8Array;
  /** Cached answers by scope * count + resolver. */
  private readonly entries = new Map<number, CachedAnswer>();
  private readonly staggered: boolean;
  /** Keys that have cached an answer during the run (only their first answer is staggered). */
  private readonly begun = new Set<number>();

  constructor(cfg: DnsResolversConfig, ttlSec: number, rng: RandomSource) {
    this.count = Math.max(1, Math.floor(cfg.count));
    this.ttlSec = ttlSec;
    this.extraMs = cfg.ignoreTtlExtraSec * 1000;
    this.ignoring = new Uint8Array(this.count);
    this.staggered = cfg.staggered;
    const share = Math.min(1, Math.max(0, cfg.ignoreTtlShare));
    const order = shuffle(Array.from({ length: this.count }, (_, i) => i), rng);
    for (let k = 0; k < Math.round(share * this.count); k++) this.ignoring[order[k]] = 1;
  }

  /** The resolver client `clientId` asks. */
  resolverOf(clientId: number): number {
    return ((clientId % this.count) + this.count) % this.count;
  }

  /** Whether `resolver` keeps answers past their TTL. */
  ignoresTtl(resolver: number): boolean {
    return this.ignoring[resolver] === 1;
  }

  /** The answer the client's resolver still serves at `nowMs`, or null when it must ask again. */
  cached(clientId: number, nowMs: number, scope = 0): CachedAnswer | null {
    const e = this.entries.get(this.key(clientId, scope));
    return e !== undefined && nowMs < e.keepUntilMs ? e : null;
  }

  /** Caches a fresh answer at the client's resolver. */
  store(clientId: number, nowMs: number, answer: readonly number[], scope = 0, targets: readonly string[] = []): CachedAnswer {
    const key = this.key(clientId, scope);
    const r = this.resolverOf(clientId);
    const ttlMs = this.ttlSec * 1000;
    let fetchedAtMs = nowMs;
    if (this.staggered && !this.begun.has(key)) {
      // the answer it held when the run began, fetched at its own moment before
      const phaseEndMs = (ttlMs * (r + 1)) / this.count;
      if (nowMs < phaseEndMs) fetchedAtMs = phaseEndMs - ttlMs;
    }
    this.begun.add(key);
    const expiresAtMs = fetchedAtMs + ttlMs;
    const keepUntilMs = this.ignoresTtl(r) ? expiresAtMs + this.extraMs : expiresAtMs;
    const e: CachedAnswer = { answer, fetchedAtMs, expiresAtMs, keepUntilMs, targets };
    this.entries.set(key, e);
    return e;
  }

  /** The cached answer if still served, else `query()`'s answer, cached. */
  resolve(clientId: number, nowMs: number, query: () => number[], scope = 0): readonly number[] {
    return (this.cached(clientId, nowMs, scope) ?? this.store(clientId, nowMs, query(), scope)).answer;
  }

  /** How many cached answers are served at `nowMs`, and how many of those are past their TTL. */
  served(nowMs: number): { answers: number; pastTtl: number } {
    let answers = 0;
    let pastTtl = 0;
    for (const e of this.entries.values()) {
      if (nowMs >= e.keepUntilMs) continue;
      answers++;
      if (nowMs >= e.expiresAtMs) pastTtl++;
    }
    return { answers, pastTtl };
  }

  /** Empties every resolver's cache. */
  flush(): void {
    this.entries.clear();
  }

  private key(clientId: number, scope: number): number {
    return scope * this.count + this.resolverOf(clientId);
  }
}

/**
 * The one address a client connects to first from a multi-record answer, -1 for NODATA. Real clients
 * mostly take the first address, and the order varies per response, so each client gets a fixed position
 * from a hash of its id (uncorrelated with its resolver). A client that tries the next address when a
 * connection is refused goes on from there (`firstPosition`, in order, wrapping).
 */
export function pickAddress(answer: readonly number[], clientId: number): number {
  if (answer.length === 0) return -1;
  return answer[firstPosition(answer.length, clientId)];
}

/** The position in an answer of `length` addresses that client `clientId` tries first. */
export function firstPosition(length: number, clientId: number): number {
  if (length <= 1) return 0;
  return mix(clientId >>> 0) % length;
}

/**
 * Whether client `clientId` is among the `share` of clients that try the next address of an answer when
 * a connection is refused (a hash of its id, independent of its position and its resolver).
 */
export function triesNextAddress(clientId: number, share: number): boolean {
  if (share >= 1) return true;
  if (share <= 0) return false;
  return mix((clientId ^ 0x5bd1e995) >>> 0) / 4294967296 < share;
}

function mix(x: number): number {
  let h = x;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

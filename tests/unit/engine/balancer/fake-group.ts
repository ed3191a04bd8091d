/**
 * A hand-driven GroupView for algorithm tests: weights, active counts, eligibility, addresses and
 * the clock are plain arrays and fields, and random() is a seeded mulberry32 so every run is exact.
 * HAProxy's extras (server ids, backup flags, slots) default to positions, none and unlimited.
 */
import type { AlgorithmFactory, AlgorithmOptions, BalancingAlgorithm, GroupView, RequestKey } from '../../../../src/engine/balancer/algorithm.ts';

export interface FakeGroupSpec {
  weights: number[];
  active?: number[];
  eligible?: boolean[];
  addresses?: string[];
  seed?: number;
  /** HAProxy server ids (default: position from 1). */
  serverIds?: number[];
  /** Backup flags (default: none). */
  backups?: boolean[];
  /** Slots per member, HAProxy `first`'s maxconn (default: unlimited). */
  concurrencies?: number[];
  /** Replaces the seeded generator, e.g. to script exact draws. */
  random?: () => number;
}

/** mulberry32: a tiny seeded uniform generator in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FakeGroup implements GroupView {
  nowMs = 0;
  weights: number[];
  actives: number[];
  eligibles: boolean[];
  addresses: string[];
  serverIds: number[] | null;
  backups: boolean[] | null;
  concurrencies: number[] | null;
  private readonly next: () => number;

  constructor(spec: FakeGroupSpec) {
    const n = spec.weights.length;
    this.weights = [...spec.weights];
    this.actives = spec.active ? [...spec.active] : new Array<number>(n).fill(0);
    this.eligibles = spec.eligible ? [...spec.eligible] : new Array<boolean>(n).fill(true);
    this.addresses = spec.addresses ? [...spec.addresses] : spec.weights.map((_, i) => `10.1.0.${i + 1}:80`);
    this.serverIds = spec.serverIds ? [...spec.serverIds] : null;
    this.backups = spec.backups ? [...spec.backups] : null;
    this.concurrencies = spec.concurrencies ? [...spec.concurrencies] : null;
    this.next = spec.random ?? mulberry32(spec.seed ?? 1);
  }

  get size(): number {
    return this.weights.length;
  }
  // the member arrays a scan reads, made afresh from the plain fields so tests can keep editing those
  get weightOf(): Float64Array {
    return Float64Array.from(this.weights);
  }
  get activeOf(): Int32Array {
    return Int32Array.from(this.actives);
  }
  get rotationOf(): Uint8Array {
    return Uint8Array.from(this.eligibles, (e) => (e ? 1 : 0));
  }
  readonly filtered = false;
  /** Tests edit the plain fields directly, so algorithms must not rely on change reports. */
  readonly reportsChanges = false;
  get equalWeights(): boolean {
    const positive = this.weights.filter((w) => w > 0);
    return positive.every((w) => w === positive[0]);
  }
  weight(i: number): number {
    return this.weights[i];
  }
  active(i: number): number {
    return this.actives[i];
  }
  eligible(i: number): boolean {
    return this.eligibles[i];
  }
  address(i: number): string {
    return this.addresses[i];
  }
  random(): number {
    return this.next();
  }
  serverId(i: number): number {
    return this.serverIds?.[i] ?? i + 1;
  }
  backup(i: number): boolean {
    return this.backups?.[i] ?? false;
  }
  concurrency(i: number): number {
    return this.concurrencies?.[i] ?? Infinity;
  }
}

/** A request with no client address and no key. */
export const NO_KEY: RequestKey = { clientIp: 0, key: '' };

/** The dotted IPv4 address as the unsigned 32-bit number RequestKey.clientIp carries. */
export function ipv4(dotted: string): number {
  return dotted.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

/** Members as letters a, b, c … (-1 as "-"), for comparing pick orders with the reference vectors. */
export function letter(member: number): string {
  return member < 0 ? '-' : String.fromCharCode(97 + member);
}

/** Letters of `count` successive picks with no request in flight between them. */
export function pickLetters(algorithm: BalancingAlgorithm, view: GroupView, count: number, request = NO_KEY): string {
  const out: string[] = [];
  for (let k = 0; k < count; k++) out.push(letter(algorithm.pick(view, request)));
  return out.join(' ');
}

/** How many of `count` picks each member received. */
export function tally(algorithm: BalancingAlgorithm, view: GroupView, count: number, request: (k: number) => RequestKey = () => NO_KEY): number[] {
  const counts = new Array<number>(view.size).fill(0);
  for (let k = 0; k < count; k++) {
    const member = algorithm.pick(view, request(k));
    if (member >= 0) counts[member]++;
  }
  return counts;
}

/** A fresh algorithm instance already rebuilt for `view`. */
export function ready(factory: AlgorithmFactory, view: GroupView, options?: AlgorithmOptions): BalancingAlgorithm {
  const algorithm = factory(options);
  algorithm.rebuild(view);
  return algorithm;
}

/** Letters of `count` successive picks where every request stays in flight (its member's active count grows). */
export function pickHeld(algorithm: BalancingAlgorithm, view: FakeGroup, count: number, request = NO_KEY): string {
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const member = algorithm.pick(view, request);
    out.push(letter(member));
    if (member >= 0) view.actives[member]++;
  }
  return out.join(' ');
}

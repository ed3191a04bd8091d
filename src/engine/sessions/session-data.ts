/**
 * Where users' sessions are, as plain data, kept per target group: stickiness is a target-group setting
 * (ALB: "Sticky sessions are enabled at the target group level", sticky-sessions.md; NLB `stickiness.type
 * source_ip` is a target-group attribute; real-systems §4.4, §4.6), and each group's targets keep their own
 * sessions (a shopper's `orders` session says nothing about their `users` one). Per group, lazily made when
 * the group first needs it: per client the target holding its session in memory (and that target's life
 * when it was stored), its last request and its cart (`SessionTable`); the sticky binding's target and expiry,
 * or source-IP affinity by address (`StickyTable`). HAProxy's cookie is one cookie per name: backends that
 * name the same cookie share it, as one `Set-Cookie: NAME=` overwrites the other. Per target a life counter
 * bumped whenever it loses its memory; per group whether its shared store is down and when every replica was
 * last lost. sessions.ts acts on it.
 */
import type { Scenario, TargetGroupConfig } from '../../scenario/schema.ts';

export interface SessionTotals {
  sessionsStarted: number;
  sessionsLost: number;
  cartsLost: number;
  itemsLost: number;
  checkouts: number;
}

/** A copy of `a` resized to `n` (new entries filled with `fill`). */
function resized<T extends Int32Array | Float64Array>(a: T, n: number, fill: number, make: (n: number) => T): T {
  if (a.length === n) return a;
  const out = make(n).fill(fill) as T;
  out.set(a.subarray(0, Math.min(n, a.length)));
  return out;
}

/** One target group's sessions, per client. */
export class SessionTable {
  home = new Int32Array(0);
  homeLife = new Int32Array(0);
  lastMs = new Float64Array(0);
  cart = new Int32Array(0);
  constructor(clients: number) {
    this.fit(clients);
  }
  fit(clients: number): void {
    const n = Math.max(clients, this.home.length);
    this.home = resized(this.home, n, -1, (k) => new Int32Array(k));
    this.homeLife = resized(this.homeLife, n, 0, (k) => new Int32Array(k));
    this.lastMs = resized(this.lastMs, n, 0, (k) => new Float64Array(k));
    this.cart = resized(this.cart, n, 0, (k) => new Int32Array(k));
  }
}

/**
 * One stickiness binding table: per client a target and the binding's expiry, side by side in one array (a
 * request reads both, so they share a cache line); source-IP affinity by address.
 */
export class StickyTable {
  /** Client c's binding: expiry (ms) at 2c, target (-1: none) at 2c + 1. */
  private entries = new Float64Array(0);
  /** source-ip affinity: address → target. */
  readonly byAddress = new Map<number, number>();
  constructor(clients: number) {
    this.fit(clients);
  }
  /** Clients the table has room for. */
  get clients(): number {
    return this.entries.length >> 1;
  }
  fit(clients: number): void {
    const n = Math.max(clients, this.clients);
    if (n === this.clients) return;
    const out = new Float64Array(2 * n);
    for (let i = 2 * this.clients + 1; i < out.length; i += 2) out[i] = -1;
    out.set(this.entries);
    this.entries = out;
  }
  /** The target client c is bound to (-1: none), expired or not. */
  target(c: number): number {
    return this.entries[2 * c + 1];
  }
  /** When client c's binding expires (ms). */
  until(c: number): number {
    return this.entries[2 * c];
  }
  /** The target client c is bound to while the binding lasts at `nowMs`, else -1. */
  live(c: number, nowMs: number): number {
    const i = 2 * c;
    return this.entries[i] > nowMs ? this.entries[i + 1] : -1;
  }
  bind(c: number, t: number, untilMs: number): void {
    this.entries[2 * c] = untilMs;
    this.entries[2 * c + 1] = t;
  }
}

export class SessionData {
  /** Traffic has sessions (carts, logins); without it only stickiness is tracked. */
  enabled = false;
  idleMs = 0;
  clients = 0;
  /** Per group (engine index): its sessions, made at its first served request. */
  private readonly tables: (SessionTable | undefined)[] = [];
  /** Binding tables by key: `#<group index>` for ALB cookies and source-IP affinity, `cookie:<name>` for HAProxy. */
  private readonly stickyByKey = new Map<string, StickyTable>();
  /** Per group (engine index): its binding table, resolved at first use (cleared when the scenario changes). */
  private readonly stickyOf: (StickyTable | undefined)[] = [];
  /** Per target: bumped whenever it loses its memory (crash, scale-in, termination). */
  readonly life: number[] = [];
  /** Per group (engine index): the shared store is down. */
  readonly storeDown: boolean[] = [];
  /** Per group (engine index): the last time every replica was lost at once (replicated store). */
  readonly allLostAtMs: number[] = [];
  readonly totals: SessionTotals = { sessionsStarted: 0, sessionsLost: 0, cartsLost: 0, itemsLost: 0, checkouts: 0 };

  /** `groups` is how many target groups the run has had (retired ones included). */
  constructor(scenario: Scenario, clients: number, groups: number) {
    this.fit(scenario, clients, groups);
  }

  /** Sizes everything for the scenario as it is now (a live patch may add clients, groups, sessions or stickiness); what is known is kept. */
  fit(scenario: Scenario, clients: number, groups: number): void {
    this.enabled = scenario.traffic.sessions !== undefined;
    this.idleMs = (scenario.traffic.sessions?.idleSec ?? 1800) * 1000;
    this.clients = Math.max(this.clients, clients);
    for (const t of this.tables) t?.fit(this.clients);
    for (const t of this.stickyByKey.values()) t.fit(this.clients);
    // a patch may change a group's stickiness (or its cookie's name): resolve the tables again at next use
    this.stickyOf.length = 0;
    while (this.storeDown.length < groups) this.storeDown.push(false);
    while (this.allLostAtMs.length < groups) this.allLostAtMs.push(-Infinity);
  }

  /** Group g's sessions. */
  sessionsOf(g: number): SessionTable {
    return (this.tables[g] ??= new SessionTable(this.clients));
  }

  /** The binding table group g (configured as `cfg`) uses. */
  stickyFor(g: number, cfg: TargetGroupConfig): StickyTable {
    let table = this.stickyOf[g];
    if (table === undefined) {
      const st = cfg.stickiness;
      const key = st?.kind === 'haproxy-cookie' ? `cookie:${st.name}` : `#${g}`;
      table = this.stickyByKey.get(key);
      if (table === undefined) {
        table = new StickyTable(this.clients);
        this.stickyByKey.set(key, table);
      }
      this.stickyOf[g] = table;
    }
    return table;
  }

  /** Does this scenario need session data at all (sessions, stickiness or a session store)? */
  static needed(scenario: Scenario): boolean {
    return scenario.traffic.sessions !== undefined || scenario.targetGroups.some((g) => g.stickiness !== undefined || g.sessionStore.kind === 'shared' || g.sessionStore.kind === 'replicated');
  }
}

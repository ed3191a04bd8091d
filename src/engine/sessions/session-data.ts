/**
 * Where users' sessions are, as plain data: per client the target holding its session in memory (and
 * that target's life when it was stored), its last request, its cart, and its sticky cookie's target and
 * expiry; source-IP affinity by address; per target a life counter bumped whenever it loses its memory;
 * per group whether its shared store is down and when every replica was last lost. sessions.ts acts on it.
 */
import type { Scenario } from '../../scenario/schema.ts';

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

export class SessionData {
  /** Traffic has sessions (carts, logins); without it only stickiness is tracked. */
  enabled = false;
  idleMs = 0;
  home = new Int32Array(0);
  homeLife = new Int32Array(0);
  lastMs = new Float64Array(0);
  cart = new Int32Array(0);
  stickyTarget = new Int32Array(0);
  stickyUntil = new Float64Array(0);
  /** source-ip affinity: address → target. */
  readonly byAddress = new Map<number, number>();
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
    const sticky = scenario.targetGroups.some((g) => g.stickiness && g.stickiness.kind !== 'source-ip');
    const perClient = this.enabled ? clients : this.home.length;
    this.home = resized(this.home, perClient, -1, (n) => new Int32Array(n));
    this.homeLife = resized(this.homeLife, perClient, 0, (n) => new Int32Array(n));
    this.lastMs = resized(this.lastMs, perClient, 0, (n) => new Float64Array(n));
    this.cart = resized(this.cart, perClient, 0, (n) => new Int32Array(n));
    const stickyClients = sticky ? Math.max(clients, this.stickyTarget.length) : this.stickyTarget.length;
    this.stickyTarget = resized(this.stickyTarget, stickyClients, -1, (n) => new Int32Array(n));
    this.stickyUntil = resized(this.stickyUntil, stickyClients, 0, (n) => new Float64Array(n));
    while (this.storeDown.length < groups) this.storeDown.push(false);
    while (this.allLostAtMs.length < groups) this.allLostAtMs.push(-Infinity);
  }

  /** Does this scenario need session data at all (sessions, stickiness or a session store)? */
  static needed(scenario: Scenario): boolean {
    return scenario.traffic.sessions !== undefined || scenario.targetGroups.some((g) => g.stickiness !== undefined || g.sessionStore.kind !== 'memory');
  }
}

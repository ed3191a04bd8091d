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

export class SessionData {
  /** Traffic has sessions (carts, logins); without it only stickiness is tracked. */
  readonly enabled: boolean;
  readonly idleMs: number;
  readonly home: Int32Array;
  readonly homeLife: Int32Array;
  readonly lastMs: Float64Array;
  readonly cart: Int32Array;
  readonly stickyTarget: Int32Array;
  readonly stickyUntil: Float64Array;
  /** source-ip affinity: address → target. */
  readonly byAddress = new Map<number, number>();
  /** Per target: bumped whenever it loses its memory (crash, scale-in, termination). */
  readonly life: number[] = [];
  /** Per group: the shared store is down. */
  readonly storeDown: boolean[];
  /** Per group: the last time every replica was lost at once (replicated store). */
  readonly allLostAtMs: number[];
  readonly totals: SessionTotals = { sessionsStarted: 0, sessionsLost: 0, cartsLost: 0, itemsLost: 0, checkouts: 0 };

  constructor(scenario: Scenario, clients: number) {
    this.enabled = scenario.traffic.sessions !== undefined;
    this.idleMs = (scenario.traffic.sessions?.idleSec ?? 1800) * 1000;
    const sticky = scenario.targetGroups.some((g) => g.stickiness && g.stickiness.kind !== 'source-ip');
    const size = this.enabled ? clients : 0;
    this.home = new Int32Array(size).fill(-1);
    this.homeLife = new Int32Array(size);
    this.lastMs = new Float64Array(size);
    this.cart = new Int32Array(size);
    this.stickyTarget = new Int32Array(sticky ? clients : 0).fill(-1);
    this.stickyUntil = new Float64Array(sticky ? clients : 0);
    this.storeDown = scenario.targetGroups.map(() => false);
    this.allLostAtMs = scenario.targetGroups.map(() => -Infinity);
  }

  /** Does this scenario need session data at all (sessions, stickiness or a session store)? */
  static needed(scenario: Scenario): boolean {
    return scenario.traffic.sessions !== undefined || scenario.targetGroups.some((g) => g.stickiness !== undefined || g.sessionStore.kind !== 'memory');
  }
}

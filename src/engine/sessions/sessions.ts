/**
 * User sessions and where they live. In a target's memory, a session survives only while the user's
 * requests keep reaching that target and it stays up: a crash, a scale-in or a request routed
 * elsewhere loses it — the user is logged out and the cart is gone. Sticky sessions (ALB lb_cookie /
 * app_cookie with a duration, renewed on every request and rewritten when the bound target is
 * unhealthy or gone; NLB source-IP affinity) keep users on their target; a shared store (like Redis)
 * lets any target serve any user for a small latency per request; replication copies every session
 * write to the other targets at a cost per write.
 */
import type { TargetGroupConfig } from '../../scenario/schema.ts';
import type { Engine } from '../simulation.ts';
import { TARGET_CRASHED } from '../backend/targets.ts';

export interface SessionTotals {
  sessionsStarted: number;
  sessionsLost: number;
  cartsLost: number;
  itemsLost: number;
  checkouts: number;
}

export class Sessions {
  readonly enabled: boolean;
  private readonly idleMs: number;
  /** Per client: the target holding the session in memory, that target's life when it was stored, last request time, cart items. */
  private readonly home: Int32Array;
  private readonly homeLife: Int32Array;
  private readonly lastMs: Float64Array;
  private readonly cart: Int32Array;
  /** Per client: the sticky cookie's target and expiry (lb-cookie / app-cookie). */
  private readonly stickyTarget: Int32Array;
  private readonly stickyUntil: Float64Array;
  /** source-ip affinity: address → target. */
  private readonly byAddress = new Map<number, number>();
  /** Per target: bumped whenever it loses its memory (crash, scale-in, termination). */
  readonly life: number[] = [];
  /** Per group: the shared store is down. */
  readonly storeDown: boolean[];
  /** Per group: the last time every replica was lost at once (replicated store). */
  private readonly allLostAtMs: number[];
  readonly totals: SessionTotals = { sessionsStarted: 0, sessionsLost: 0, cartsLost: 0, itemsLost: 0, checkouts: 0 };

  constructor(private readonly e: Engine) {
    const n = e.clients.count;
    this.enabled = e.scenario.traffic.sessions !== undefined;
    this.idleMs = (e.scenario.traffic.sessions?.idleSec ?? 1800) * 1000;
    const sticky = e.scenario.targetGroups.some((g) => g.stickiness && g.stickiness.kind !== 'source-ip');
    const size = this.enabled ? n : 0;
    this.home = new Int32Array(size).fill(-1);
    this.homeLife = new Int32Array(size);
    this.lastMs = new Float64Array(size);
    this.cart = new Int32Array(size);
    this.stickyTarget = new Int32Array(sticky ? n : 0).fill(-1);
    this.stickyUntil = new Float64Array(sticky ? n : 0);
    this.storeDown = e.scenario.targetGroups.map(() => false);
    this.allLostAtMs = e.scenario.targetGroups.map(() => -Infinity);
  }

  /** The target stickiness binds this client to, if it may still take requests; else -1. */
  stickyFor(cfg: TargetGroupConfig, client: number, ip: number, nowMs: number): number {
    const st = cfg.stickiness;
    if (!st) return -1;
    const t = st.kind === 'source-ip' ? (this.byAddress.get(ip) ?? -1) : this.stickyUntil[client] > nowMs ? this.stickyTarget[client] : -1;
    // a cookie that points at an unhealthy or deregistered target is ignored (and rewritten below)
    return t >= 0 && this.e.store.inRotation[t] === 1 ? t : -1;
  }

  /** Binds (or renews) the client's stickiness to t: the cookie's expiry restarts on every request. */
  bind(cfg: TargetGroupConfig, client: number, ip: number, t: number, nowMs: number): void {
    const st = cfg.stickiness;
    if (!st) return;
    if (st.kind === 'source-ip') this.byAddress.set(ip, t);
    else {
      this.stickyTarget[client] = t;
      this.stickyUntil[client] = nowMs + st.durationSec * 1000;
    }
  }

  /** The target lost its memory: sessions stored there are gone (discovered at the users' next request). */
  wipe(t: number): void {
    this.life[t] = (this.life[t] ?? 0) + 1;
    // with replication, sessions die only when no other member still holds a copy
    const g = this.e.store.groupOf[t];
    const others = this.e.groups[g].members.filter((m) => m !== t && this.e.store.state[m] !== TARGET_CRASHED);
    if (others.length === 0) this.allLostAtMs[g] = this.e.nowMs;
  }

  /**
   * A request of `client` is served by target t: checks the session is where the store keeps it,
   * updates the cart, and returns the extra service time the store costs (ms), or -1 when the shared
   * store is down and the request fails.
   */
  onServe(g: number, cfg: TargetGroupConfig, client: number, t: number, cartOp: number, nowMs: number): number {
    if (!this.enabled) return 0;
    const store = cfg.sessionStore;
    if (store.kind === 'shared' && this.storeDown[g]) return -1;
    const alive = this.home[client] >= 0 && nowMs - this.lastMs[client] <= this.idleMs;
    if (!alive) {
      this.totals.sessionsStarted++;
      this.cart[client] = 0;
    } else if (store.kind === 'memory' && (this.home[client] !== t || this.homeLife[client] !== (this.life[t] ?? 0))) {
      this.lose(client);
    } else if (store.kind === 'replicated' && this.lastMs[client] < this.allLostAtMs[g]) {
      this.lose(client);
    }
    this.home[client] = t;
    this.homeLife[client] = this.life[t] ?? 0;
    this.lastMs[client] = nowMs;
    if (cartOp === 1) this.cart[client]++;
    else if (cartOp === 2 && this.cart[client] > 0) {
      this.totals.checkouts++;
      this.cart[client] = 0;
    }
    if (store.kind === 'shared') return store.latencyMs;
    if (store.kind === 'replicated' && cartOp !== 0) return store.costPerWriteMs * Math.max(0, this.e.groups[g].members.length - 1);
    return 0;
  }

  private lose(client: number): void {
    this.totals.sessionsLost++;
    this.totals.sessionsStarted++;
    if (this.cart[client] > 0) {
      this.totals.cartsLost++;
      this.totals.itemsLost += this.cart[client];
    }
    this.cart[client] = 0;
  }
}

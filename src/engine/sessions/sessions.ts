/**
 * User sessions and where they live. In a target's memory, a session survives only while the user's
 * requests keep reaching that target and it stays up: a crash, a scale-in or a request routed
 * elsewhere loses it — the user is logged out and the cart is gone. Sticky sessions (ALB lb_cookie /
 * app_cookie with a duration, renewed on every request and rewritten when the bound target is
 * unhealthy or gone; NLB source-IP affinity) keep users on their target; a shared store (like Redis)
 * lets any target serve any user for a small latency per request; replication copies every session
 * write to the other targets at a cost per write. Sessions and bindings are per target group
 * (session-data.ts): a user has one session, cart and binding in each group their requests reach.
 * A stateless group (`none`) keeps nothing, so no table is made for it (at 500,000 clients a table is
 * about 10 MB); a request that needs a cart there finds none, and that counts as a lost cart.
 */
import type { TargetGroupConfig } from '../../scenario/schema.ts';
import type { SimState } from '../state.ts';
import type { SessionData, SessionTable } from './session-data.ts';
import { TARGET_CRASHED } from '../backend/targets.ts';
import { drainedButAvailable } from '../health/rotation.ts';

/** The target stickiness binds this client to, if it may still take requests; else -1. */
export function stickyTarget(s: SimState, sd: SessionData, g: number, cfg: TargetGroupConfig, client: number, ip: number): number {
  const st = cfg.stickiness;
  if (!st) return -1;
  const b = sd.stickyFor(g, cfg);
  const t = st.kind === 'source-ip' ? (b.byAddress.get(ip) ?? -1) : b.live(client, s.nowMs);
  // a cookie that points at an unhealthy or deregistered target, or at another group's (a HAProxy cookie name
  // two backends share), is ignored (and rewritten below); a drained one is honoured
  return t >= 0 && s.store.groupOf[t] === g && (s.store.inRotation[t] === 1 || drainedButAvailable(s, t)) ? t : -1;
}

/** Binds (or renews) the client's stickiness to t: the cookie's expiry restarts on every request. */
export function bindSticky(s: SimState, sd: SessionData, g: number, cfg: TargetGroupConfig, client: number, ip: number, t: number): void {
  const st = cfg.stickiness;
  if (!st) return;
  const b = sd.stickyFor(g, cfg);
  if (st.kind === 'source-ip') b.byAddress.set(ip, t);
  else b.bind(client, t, s.nowMs + st.durationSec * 1000);
}

/** Target t lost its memory: sessions stored there are gone (discovered at the users' next request). */
export function targetForgets(s: SimState, t: number): void {
  const sd = s.sessions;
  if (sd === null) return;
  sd.life[t] = (sd.life[t] ?? 0) + 1;
  // with replication, sessions die only when no other member still holds a copy
  const g = s.store.groupOf[t];
  const others = s.groups[g].members.filter((m) => m !== t && s.store.state[m] !== TARGET_CRASHED);
  if (others.length === 0) sd.allLostAtMs[g] = s.nowMs;
}

/**
 * A request of `client` is served by target t: checks the session is where the store keeps it,
 * updates the cart, and returns the extra service time the store costs (ms), or -1 when the shared
 * store is down and the request fails.
 */
export function serveSession(s: SimState, sd: SessionData, g: number, client: number, t: number, cartOp: number): number {
  const store = s.groups[g].cfg.sessionStore;
  const nowMs = s.nowMs;
  if (store.kind === 'none') {
    if (cartOp !== 0) statelessCart(sd, cartOp);
    return 0;
  }
  if (store.kind === 'shared' && sd.storeDown[g]) return -1;
  const tb = sd.sessionsOf(g);
  const alive = tb.home[client] >= 0 && nowMs - tb.lastMs[client] <= sd.idleMs;
  if (!alive) {
    sd.totals.sessionsStarted++;
    tb.cart[client] = 0;
  } else if (store.kind === 'memory' && (tb.home[client] !== t || tb.homeLife[client] !== (sd.life[t] ?? 0))) {
    lose(sd, tb, client);
  } else if (store.kind === 'replicated' && tb.lastMs[client] < sd.allLostAtMs[g]) {
    lose(sd, tb, client);
  }
  tb.home[client] = t;
  tb.homeLife[client] = sd.life[t] ?? 0;
  tb.lastMs[client] = nowMs;
  if (cartOp === 1) tb.cart[client]++;
  else if (cartOp === 2 && tb.cart[client] > 0) {
    sd.totals.checkouts++;
    tb.cart[client] = 0;
  }
  if (store.kind === 'shared') return store.latencyMs;
  if (store.kind === 'replicated' && cartOp !== 0) return store.costPerWriteMs * Math.max(0, s.groups[g].members.length - 1);
  return 0;
}

function lose(sd: SessionData, tb: SessionTable, client: number): void {
  const totals = sd.totals;
  totals.sessionsLost++;
  totals.sessionsStarted++;
  if (tb.cart[client] > 0) {
    totals.cartsLost++;
    totals.itemsLost += tb.cart[client];
  }
  tb.cart[client] = 0;
}

/**
 * A cart request served by a group that keeps no sessions: the service has nowhere to put the item or to find
 * the cart to check out, so the shopper's cart is lost (an added item with it). Counted per request: a stateless
 * service cannot tell one shopper's carts apart.
 */
function statelessCart(sd: SessionData, cartOp: number): void {
  sd.totals.cartsLost++;
  if (cartOp === 1) sd.totals.itemsLost++;
}

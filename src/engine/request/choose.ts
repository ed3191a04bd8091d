/**
 * The balancer's choice of target for one attempt: a layer-4 balancer keeps a client's connection on
 * its target; stickiness (ALB cookies, source-IP affinity, HAProxy's cookie) comes first; else the group's algorithm,
 * minus targets this request already tried, with slow start thinning picks of warming targets; passive
 * health then notes the selection (nginx bumps `checked`).
 */
import type { SimState } from '../state.ts';
import type { TargetGroup } from '../balancer/target-group.ts';
import type { L4Connections } from '../balancer/balancer.ts';
import { bindSticky, stickyTarget } from '../sessions/sessions.ts';
import { warmUpFactor } from '../health/warm-up.ts';
import { onSelected } from '../health/passive.ts';

const NO_TRIES: readonly number[] = [];

/**
 * A layer-4 balancer: the client's open connection keeps its target while it lasts; a new one is chosen. The
 * connection is with balancer node `node`: a client that now reaches another node (its node failed, or DNS
 * gave another address) opens a new connection there, as an NLB node keeps its own flows.
 */
export function chooseOnConnection(s: SimState, l4: L4Connections, group: TargetGroup, ip: number, client: number, cls: number, node: number): number {
  let t = l4.target[client];
  const now = s.nowMs;
  if (s.explain !== null) s.explain.connection(s, client, group.index);
  group.direct = false;
  if (t < 0 || l4.remaining[client] <= 0 || now - l4.lastUsedMs[client] > l4.idleMs || s.store.inRotation[t] === 0 || s.store.groupOf[t] !== group.index || l4.node[client] !== node) {
    t = choose(s, group, ip, client, cls, NO_TRIES);
    l4.node[client] = node;
    l4.target[client] = t;
    l4.remaining[client] = l4.perConnection;
    l4.opened = true;
  } else {
    l4.opened = false;
  }
  l4.remaining[client]--;
  l4.lastUsedMs[client] = now;
  return t;
}

/** The target for one attempt, or -1 when none may take it. */
export function choose(s: SimState, group: TargetGroup, ip: number, client: number, cls: number, tried: readonly number[]): number {
  if (!group.sticky) return pickFresh(s, group, ip, client, cls, tried);
  const sessions = s.sessions!;
  const cfg = group.cfg;
  // stickiness overrides the algorithm once the client is bound (and renews the binding)
  const stuck = tried.length === 0 ? stickyTarget(s, sessions, group.index, cfg, client, ip) : -1;
  // the bound target must still be one this node may use (zone, passive health, circuit)
  const bound = stuck >= 0 && group.canTake(stuck) ? stuck : -1;
  if (s.explain !== null) s.explain.sticky(s, group.index, stuck, bound);
  const t = bound >= 0 ? bound : pickFresh(s, group, ip, client, cls, tried);
  group.direct = bound >= 0;
  // HAProxy's cookie is set by the answer (sessions/haproxy-cookie.ts), not by the pick
  if (t >= 0 && group.haproxyCookie === false) bindSticky(s, sessions, group.index, cfg, client, ip, t);
  return t;
}

/** The group's algorithm, avoiding `tried`, with slow start passing over warming targets by chance. */
export function pickFresh(s: SimState, group: TargetGroup, ip: number, client: number, cls: number, tried: readonly number[]): number {
  const warming = s.health.anySlowStart;
  if (tried.length === 0 && !warming && s.explain === null) {
    // the common case, the same pick without the bookkeeping: nothing to avoid (`excluded` is empty between
    // picks), no warming target to pass over, nobody recording
    const t = group.pick(s.nowMs, ip, client, cls);
    if (t >= 0 && s.health.hasSelectHooks) onSelected(s, group.index, t);
    return t;
  }
  const excluded = group.excluded;
  if (excluded.length > 0) excluded.length = 0;
  for (let i = 0; i < tried.length; i++) excluded.push(tried[i]);
  let t = -1;
  if (s.explain !== null) s.explain.beforePick(s, group.index);
  for (let k = 0; k < 4; k++) {
    t = group.pick(s.nowMs, ip, client, cls);
    if (t < 0 || !warming || k === 3) break;
    const f = warmUpFactor(s, t);
    if (f >= 1 || s.rng.balancer.next() < f) break;
    excluded.push(t);
  }
  if (s.explain !== null) s.explain.picked(s, group.index, t, excluded.length - tried.length);
  if (excluded.length > 0) excluded.length = 0;
  if (t >= 0 && s.health.hasSelectHooks) onSelected(s, group.index, t);
  return t;
}

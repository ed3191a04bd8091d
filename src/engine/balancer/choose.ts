/**
 * The balancer's choice of target for one attempt: stickiness first (ALB cookies, source-IP affinity),
 * else the group's algorithm minus what this request already tried, with slow start thinning picks of
 * warming targets; passive health then notes the selection (nginx bumps `checked`).
 */
import type { Engine } from '../simulation.ts';
import type { TargetGroup } from './target-group.ts';

/**
 * The balancer's choice for one attempt: the group's algorithm, minus targets this request already
 * tried, with slow start thinning picks of warming targets; then passive health notes the selection.
 */
export function choose(e: Engine, group: TargetGroup, ip: number, client: number, cls: number, tried: readonly number[]): number {
  if (group.sticky) {
    const cfg = e.scenario.targetGroups[group.index];
    // stickiness overrides the algorithm once the client is bound (and renews the binding)
    const stuck = tried.length === 0 ? e.sessions.stickyFor(cfg, client, ip, e.nowMs) : -1;
    // the bound target must still be one this node may use (zone, passive health, circuit)
    const bound = stuck >= 0 && group.canTake(stuck) ? stuck : -1;
    const t = bound >= 0 ? bound : pickFresh(e, group, ip, client, cls, tried);
    if (t >= 0) e.sessions.bind(cfg, client, ip, t, e.nowMs);
    return t;
  }
  return pickFresh(e, group, ip, client, cls, tried);
}

export function pickFresh(e: Engine, group: TargetGroup, ip: number, client: number, cls: number, tried: readonly number[]): number {
  const excluded = group.excluded;
  if (excluded.length > 0) excluded.length = 0;
  for (let i = 0; i < tried.length; i++) excluded.push(tried[i]);
  let t = -1;
  for (let k = 0; k < 4; k++) {
    t = group.pick(e.nowMs, ip, client, cls);
    if (t < 0 || !e.anySlowStart || k === 3) break;
    const f = e.healthSys.slowFactor(t);
    if (f >= 1 || e.rng.balancer.next() < f) break;
    excluded.push(t);
  }
  if (excluded.length > 0) excluded.length = 0;
  if (t >= 0 && e.healthSys.hasSelectHooks) e.healthSys.onSelect(group.index, t);
  return t;
}

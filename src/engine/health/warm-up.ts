/**
 * Slow start at run time: a target that turns healthy while other healthy targets are not warming
 * starts a warm-up (ALB: "a target enters slow start only if some healthy target is not in slow
 * start"); until it ends, picks of it are thinned by slowStartFactor (slow-start.ts).
 */
import type { SimState } from '../state.ts';
import { HEALTHY } from './health-state.ts';
import { healthOf } from './health-data.ts';
import { slowStartFactor } from './slow-start.ts';

/** Target t just became healthy: it warms up, if its group has slow start and someone else carries the load. */
export function beginWarmUp(s: SimState, t: number): void {
  const g = s.store.groupOf[t];
  const cfg = s.groups[g].cfg.slowStart;
  if (!cfg) return;
  const others = s.groups[g].members.filter((m) => m !== t && healthOf(s.health, m) === HEALTHY && warmUpFactor(s, m) >= 1);
  if (others.length === 0) return;
  s.health.slowSince[t] = s.nowMs;
}

/** The share factor of a warming target (1 when not in slow start, or once its warm-up is over). Reads only. */
export function warmUpFactor(s: SimState, t: number): number {
  const h = s.health;
  const since = h.slowSince[t];
  if (since === undefined || Number.isNaN(since)) return 1;
  const cfg = s.groups[s.store.groupOf[t]].cfg.slowStart;
  if (!cfg || healthOf(h, t) !== HEALTHY) return 1;
  return slowStartFactor(cfg, since, s.nowMs);
}

/**
 * Routing decided at request time: listeners with cookie rules or a weighted default action, and which
 * balancer nodes DNS would hand out (a node whose zone has nothing in rotation is left out when
 * cross-zone balancing is off, as NLB drops such a node's address).
 */
import type { Engine } from '../simulation.ts';
import type { BalancerRuntime } from './balancer-runtime.ts';
import { listenerFor, routeRequest } from './router.ts';

/** Rules with cookies, or a weighted default action: decided for this request. */
export function routePerRequest(e: Engine, b: BalancerRuntime, cls: number, client: number): number {
  const c = e.mix.classes[cls];
  const listener = listenerFor(b.cfg, c);
  const id = routeRequest(listener, c, (name) => e.cookies.value(name, client), b.weights.get(listener.port), () => e.rng.deploy.next());
  return id === null ? -1 : e.groupIndex(id);
}

/**
 * Would DNS hand out balancer b's node n for a request of this class? A node is down in a zone
 * outage; with cross-zone off, a node whose zone has no target in rotation is left out too (as NLB
 * removes such a node's address from DNS).
 */
export function nodeServes(e: Engine, b: BalancerRuntime, n: number, cls: number): boolean {
  if (b.crossZone) return true;
  const g = b.groupOfClass[cls];
  if (g < 0) return true; // per-request routes and 404s do not pin a zone
  const zone = b.nodeZones[n];
  for (const t of e.groups[g].members) if (e.store.zoneOf[t] === zone && e.store.inRotation[t] === 1) return true;
  return false;
}

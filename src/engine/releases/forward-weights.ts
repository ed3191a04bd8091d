/**
 * ALB weighted target groups: a listener's default action forwards to several groups by weight. Setting
 * the weights live (a deployment step, or by hand) makes that listener's requests routed per request.
 */
import type { SimState } from '../state.ts';
import { ROUTE_PER_REQUEST } from '../balancer/balancer.ts';
import { listenerFor } from '../balancer/router.ts';
import { refuse, type Refusal } from '../refusal.ts';

/** Sets a listener's weighted default action; its requests are then routed per request. */
export function setForwardWeights(s: SimState, balancerId: string, port: number | undefined, weights: readonly { group: string; weight: number }[]): Refusal | null {
  const b = s.balancers.find((x) => x.id === balancerId);
  if (!b) return refuse('val_live_no_balancer', { id: balancerId });
  const listener = port === undefined ? b.cfg.listeners[0] : b.cfg.listeners.find((l) => l.port === port);
  if (!listener) return refuse('val_live_no_listener', { balancer: balancerId, port: port ?? '' });
  b.weights.set(listener.port, weights.map((w) => ({ ...w })));
  s.mix.forms.forEach((cls, c) => {
    if (listenerFor(b.cfg, cls).port === listener.port) b.groupOfClass[c] = ROUTE_PER_REQUEST;
  });
  return null;
}

/** Live changes to a release: a listener's forwarding weights over its target groups. */
import type { SimState } from '../state.ts';
import { setForwardWeights } from '../releases/forward-weights.ts';
import type { Refusal } from '../refusal.ts';

export function changeForwardWeights(s: SimState, balancer: string, port: number | undefined, weights: readonly { group: string; weight: number }[]): Refusal | null {
  const error = setForwardWeights(s, balancer, port, weights);
  if (error === null) s.log.add(s.nowMs, 'config', balancer, `${balancer} now forwards ${weights.map((w) => `${w.weight} to ${w.group}`).join(', ')}`);
  return error;
}

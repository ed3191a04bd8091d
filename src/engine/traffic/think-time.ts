/** A closed-loop user's think time before its next request, from the 'think' stream (at least 1 µs). */
import type { SimState } from '../state.ts';
import { quantile } from '../core/distributions.ts';

export function thinkTime(s: SimState): number {
  const p = s.traffic.think!;
  return Math.max(0.001, quantile(p.kind, p.p1, p.p2, s.rng.think.next()));
}

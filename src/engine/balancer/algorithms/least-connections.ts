/**
 * nginx `least_conn` (real-systems §1.5): the eligible member with the lowest active/weight, compared by
 * cross-multiplication; ties run one smooth-WRR step over only the tied members, so with no
 * concurrency it reproduces the round-robin order. Active requests stand in for nginx's `conns`.
 * Simplifies: one worker (nginx counts per worker unless the upstream has a `zone`), no backups.
 */
import type { AlgorithmFactory } from '../algorithm.ts';
import { SmoothWrr } from './smooth-wrr.ts';

export const create: AlgorithmFactory = () => {
  const swrr = new SmoothWrr();
  return {
    rebuild: (view) => swrr.reset(view),
    penalize: (member, amount) => swrr.penalize(member, amount),
    pick: (view) => (view.size === 1 ? swrr.pick(view) : swrr.pickLeastActive(view)),
  };
};

/**
 * nginx `least_conn` (real-systems §1.5): the eligible member with the lowest active/weight, compared by
 * cross-multiplication; ties run one smooth-WRR step over only the tied members, so with no
 * concurrency it reproduces the round-robin order. Active requests stand in for nginx's `conns`.
 * With equal weights, and a view that reports its changes, the members holding the fewest requests
 * are kept in buckets (active-buckets.ts) instead of being found by a scan: the same picks, faster.
 * Simplifies: one worker (nginx counts per worker unless the upstream has a `zone`), no backups.
 */
import type { AlgorithmFactory } from '../algorithm.ts';
import { SmoothWrr } from './smooth-wrr.ts';
import { ActiveBuckets } from './active-buckets.ts';

export const create: AlgorithmFactory = () => {
  const swrr = new SmoothWrr();
  const buckets = new ActiveBuckets();
  let weights: Float64Array = new Float64Array(0);
  return {
    rebuild(view) {
      swrr.reset(view);
      weights = view.weightOf;
      if (view.reportsChanges) buckets.rebuild(view);
    },
    penalize: (member, amount) => swrr.penalize(member, amount),
    inspect: () => swrr.inspect(),
    onActive: (member, active) => buckets.move(member, active),
    onRotation: (member, inRotation) => buckets.setListed(member, inRotation, weights[member]),
    pick(view) {
      if (view.size === 1) return swrr.pick(view);
      // the flags compared with true and false: one comparison each, where a bare test is a full ToBoolean
      if (view.reportsChanges === true && view.equalWeights === true && view.filtered === false) return swrr.pickFromBuckets(view, buckets);
      return swrr.pickLeastActive(view);
    },
  };
};

/**
 * nginx smooth weighted round robin, the default `upstream` method (real-systems §1.3): weights 5,1,1
 * give `a a b a c a a` and repeat. A group of one member returns it whenever it is eligible, as
 * nginx's `peers->single` does. With nginx passive health the engine lowers a failed member's effective
 * weight (`penalize`), which regrows by 1 per pick. Simplifies: no backup servers.
 */
import type { AlgorithmFactory } from '../algorithm.ts';
import { SmoothWrr } from './smooth-wrr.ts';

export const create: AlgorithmFactory = () => {
  const swrr = new SmoothWrr();
  return {
    rebuild: (view) => swrr.reset(view),
    penalize: (member, amount) => swrr.penalize(member, amount),
    pick: (view) => swrr.pick(view),
    inspect: () => swrr.inspect(),
  };
};

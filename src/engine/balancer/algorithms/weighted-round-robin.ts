/**
 * nginx smooth weighted round robin, the default `upstream` method (real-systems §1.3): weights 5,1,1
 * give `a a b a c a a` and repeat. A group of one member returns it whenever it is eligible, as
 * nginx's `peers->single` does. Simplifies: no backup servers and no failure penalty on the
 * effective weight (health and passive failures are modelled by the engine).
 */
import type { AlgorithmFactory } from '../algorithm.ts';
import { SmoothWrr } from './smooth-wrr.ts';

export const create: AlgorithmFactory = () => {
  const swrr = new SmoothWrr();
  return {
    rebuild: (view) => swrr.reset(view),
    penalize: (member, amount) => swrr.penalize(member, amount),
    pick: (view) => swrr.pick(view),
  };
};

/**
 * Envoy LEAST_REQUEST (real-systems §3.2). Equal weights: N_CHOICES, `choiceCount` (default 2) uniform
 * draws with replacement, fewer active requests wins, a tie keeps the earlier draw. Unequal weights:
 * EDF (deadline = time + 1/weight, ties FIFO) over weight / (active + 1)^1.0, recomputed when the
 * picked member is re-added. Simplifies: ineligible members stay in the EDF and lose their turn (Envoy
 * drops unhealthy hosts from the scheduler); no random pre-picks; "equal weights" is decided at rebuild.
 */
import type { AlgorithmFactory, GroupView } from '../algorithm.ts';
import { drawUsable } from './eligible-draw.ts';

const ACTIVE_REQUEST_BIAS = 1.0;
const MAX_EDF_SKIPS = 20;

export const create: AlgorithmFactory = (options) => {
  const choiceCount = Math.max(2, options?.choiceCount ?? 2);
  let weighted = false;
  let deadline = new Float64Array(0), order = new Float64Array(0);
  let now = 0, nextOrder = 0;
  const dynamicWeight = (view: GroupView, i: number) => view.weight(i) / (view.active(i) + 1) ** ACTIVE_REQUEST_BIAS;
  const earliest = (view: GroupView, onlyUsable: boolean) => {
    let best = -1;
    for (let i = 0, n = view.size; i < n; i++) {
      if (view.weight(i) <= 0 || (onlyUsable && !view.eligible(i))) continue;
      if (best < 0 || deadline[i] < deadline[best] || (deadline[i] === deadline[best] && order[i] < order[best])) best = i;
    }
    return best;
  };
  const reAdd = (view: GroupView, i: number) => {
    now = deadline[i];
    deadline[i] = now + 1 / dynamicWeight(view, i);
    order[i] = nextOrder++;
  };
  return {
    rebuild(view) {
      let first = 0;
      weighted = false;
      for (let i = 0; i < view.size; i++) {
        const w = view.weight(i);
        if (w > 0 && first === 0) first = w;
        else if (w > 0 && w !== first) weighted = true;
      }
      deadline = new Float64Array(view.size);
      order = new Float64Array(view.size);
      now = 0;
      nextOrder = 0;
      for (let i = 0; i < view.size; i++) if (view.weight(i) > 0) reAdd(view, i);
    },
    pick(view) {
      if (weighted) {
        for (let skips = 0; skips < MAX_EDF_SKIPS; skips++) {
          const i = earliest(view, false);
          if (i < 0) return -1;
          reAdd(view, i);
          if (view.eligible(i)) return i;
        }
        const i = earliest(view, true);
        if (i >= 0) reAdd(view, i);
        return i;
      }
      let best = drawUsable(view, -1);
      for (let c = 1; c < choiceCount && best >= 0; c++) {
        const next = drawUsable(view, -1);
        if (view.active(next) < view.active(best)) best = next;
      }
      return best;
    },
  };
};

/** Live changes to a scaling group: its desired, minimum and maximum capacity. */
import type { SimState } from '../state.ts';
import { setCapacity } from '../scaling/runtime.ts';
import { refuse, type Refusal } from '../refusal.ts';

export function changeCapacity(s: SimState, id: string, desired: number | undefined, min: number | undefined, max: number | undefined): Refusal | null {
  const a = s.scalingGroups.find((x) => x.id === id);
  if (!a) return refuse('val_live_no_scaling_group', { id });
  setCapacity(s, a, desired, min, max);
  s.log.add(s.nowMs, 'scaling', a.id, `${a.id} capacity set by hand: desired ${a.desired}, min ${a.min}, max ${a.max}`);
  return null;
}

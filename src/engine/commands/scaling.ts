/** Live changes to a scaling group: its desired, minimum and maximum capacity. */
import type { SimState } from '../state.ts';
import { setCapacity } from '../scaling/runtime.ts';

export function changeCapacity(s: SimState, id: string, desired: number | undefined, min: number | undefined, max: number | undefined): string | null {
  const a = s.scalingGroups.find((x) => x.id === id);
  if (!a) return `no scaling group with id "${id}"`;
  setCapacity(s, a, desired, min, max);
  s.log.add(s.nowMs, 'scaling', a.id, `${a.id} capacity set by hand: desired ${a.desired}, min ${a.min}, max ${a.max}`);
  return null;
}

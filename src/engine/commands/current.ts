/**
 * Keeps `s.scenario` the scenario as it is now: the friendly changes that alter configuration (a weight,
 * slots, a service time, an algorithm, a health check, a target count, the rate) write it back, copying only
 * the objects on the way to what changed, so the scenario a host gave (and may still hold) is never touched.
 * A later patch then starts from what is really running.
 */
import type { Scenario, TargetConfig } from '../../scenario/schema.ts';
import type { SimState } from '../state.ts';

type Path = readonly (string | number)[];

/** A copy of `root` with `value` at `path` (copies only the containers along the path). */
function withValue<T>(root: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  copy[head] = withValue(copy[head], rest, value);
  return copy as T;
}

/** Sets a value of the running scenario. */
export function setInScenario(s: SimState, path: Path, value: unknown): void {
  s.scenario = withValue<Scenario>(s.scenario, path, value);
}

/** Where target t sits in the scenario, or null when it is not listed there (a launched instance). */
export function targetPath(s: SimState, t: number): [number, number] | null {
  const group = s.groups[s.store.groupOf[t]].id;
  const gi = s.scenario.targetGroups.findIndex((g) => g.id === group);
  if (gi < 0) return null;
  const ti = s.scenario.targetGroups[gi].targets.findIndex((x) => x.id === s.store.ids[t]);
  return ti < 0 ? null : [gi, ti];
}

/** Writes target t's configuration back to the scenario, when it is listed there. */
export function writeTarget(s: SimState, t: number, cfg: TargetConfig): void {
  const at = targetPath(s, t);
  if (at !== null) setInScenario(s, ['targetGroups', at[0], 'targets', at[1]], cfg);
}

/** Index of group `id` in the scenario. */
export function groupPath(s: SimState, id: string): number {
  return s.scenario.targetGroups.findIndex((g) => g.id === id);
}

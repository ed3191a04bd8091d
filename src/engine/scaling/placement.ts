/**
 * Where a scaling group launches (real-systems §6.8): each new instance goes to the enabled zone with the
 * fewest instances, so zones stay balanced. AZRebalance fixes an imbalance (after a zone outage or a
 * manual termination) by launching first and terminating afterwards, and may exceed max by max(10 % of
 * max, 1) while doing so. Our choices: 10 % rounds down; ties go to the zone listed first; one plan step
 * moves as many instances as that headroom allows, and the engine plans again when it is done.
 */
import { chooseInstancesToTerminate, type GroupInstance } from './termination.ts';

function countByZone(zones: readonly string[], instances: readonly { zone: string }[]): number[] {
  return zones.map((z) => instances.filter((i) => i.zone === z).length);
}

/** The zones for `count` new instances, filling the emptiest zone first (ties: first listed). */
export function zonesForLaunches(zones: readonly string[], instances: readonly { zone: string }[], count: number): string[] {
  if (zones.length === 0) return [];
  const counts = countByZone(zones, instances);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const z = counts.indexOf(Math.min(...counts));
    counts[z]++;
    out.push(zones[z]);
  }
  return out;
}

/** The zone for one new instance. */
export function zoneForLaunch(zones: readonly string[], instances: readonly { zone: string }[]): string | undefined {
  return zonesForLaunches(zones, instances, 1)[0];
}

/** How far above max a rebalance may go: max(10 % of max rounded down, 1). */
export function rebalanceHeadroom(max: number): number {
  return Math.max(1, Math.floor(max * 0.1));
}

export interface RebalanceStep {
  /** Launch these first… */
  readonly launchZones: readonly string[];
  /** …then, once they are in service, terminate this many (see chooseRebalanceTerminations). */
  readonly thenTerminate: number;
  /** The temporary ceiling while the step runs. */
  readonly maxDuringRebalance: number;
}

/** The next rebalance step, or null when zones are balanced (or only protected instances could move). */
export function planRebalance(zones: readonly string[], instances: readonly GroupInstance[], max: number): RebalanceStep | null {
  if (zones.length === 0 || instances.length === 0) return null;
  const counts = countByZone(zones, instances);
  const n = instances.length;
  const base = Math.floor(n / zones.length);
  const order = zones.map((_, z) => z).sort((a, b) => counts[b] - counts[a] || a - b);
  const target = new Array<number>(zones.length).fill(base);
  for (let k = 0; k < n % zones.length; k++) target[order[k]]++;
  const moves = zones.reduce((s, _, z) => s + Math.max(0, target[z] - counts[z]), 0);
  if (moves === 0) return null;
  const surplus = zones.filter((z, k) => counts[k] > target[k]);
  const movable = instances.some((i) => i.protectedFromScaleIn !== true && (surplus.includes(i.zone) || !zones.includes(i.zone)));
  if (!movable) return null;
  const ceiling = max + rebalanceHeadroom(max);
  const batch = Math.min(moves, ceiling - n);
  if (batch <= 0) return null;
  return { launchZones: zonesForLaunches(zones, instances, batch), thenTerminate: batch, maxDuringRebalance: ceiling };
}

/** The instances a rebalance step terminates: those in zones no longer enabled first, then the default policy. */
export function chooseRebalanceTerminations(
  zones: readonly string[],
  instances: readonly GroupInstance[],
  count: number,
  nowMs: number,
  rng: { next(): number },
): number[] {
  const gone = instances.filter((i) => !zones.includes(i.zone));
  const first = chooseInstancesToTerminate(gone, count, nowMs, rng);
  const rest = instances.filter((i) => !first.includes(i.id));
  return [...first, ...chooseInstancesToTerminate(rest, count - first.length, nowMs, rng)];
}

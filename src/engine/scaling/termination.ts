/**
 * Which instances a scale-in terminates (real-systems §6.8, the EC2 Auto Scaling default termination
 * policy): keep zones balanced first — among zones holding an instance not protected from scale-in, the
 * ones with the most instances — then prefer launch configurations over templates and the oldest
 * template version, then the instance closest to its next billing hour, then a random one from the
 * passed stream. The other named policies replace the middle criteria; zone balance always comes first.
 */

/** An instance as the termination and placement rules see it. */
export interface GroupInstance {
  readonly id: number;
  readonly zone: string;
  readonly launchedAtMs: number;
  /** Launch template version; higher is newer. Default 0. */
  readonly launchTemplateVersion?: number;
  /** Launched from a (legacy) launch configuration rather than a template. */
  readonly usesLaunchConfiguration?: boolean;
  /** Scale-in protection: never chosen. */
  readonly protectedFromScaleIn?: boolean;
}

export type TerminationPolicy = 'Default' | 'OldestInstance' | 'NewestInstance' | 'OldestLaunchTemplate' | 'ClosestToNextInstanceHour';

/** The subset of `pool` with the smallest `key`. */
function argmin(pool: readonly GroupInstance[], key: (i: GroupInstance) => number): GroupInstance[] {
  const best = Math.min(...pool.map(key));
  return pool.filter((i) => key(i) === best);
}

/** Milliseconds until the instance's next full running hour. */
function untilNextHourMs(i: GroupInstance, nowMs: number): number {
  return 3_600_000 - ((((nowMs - i.launchedAtMs) % 3_600_000) + 3_600_000) % 3_600_000);
}

/** Unprotected instances in the zones with the most instances (counting protected ones). */
export function zoneBalancePool(instances: readonly GroupInstance[]): GroupInstance[] {
  const counts = new Map<string, number>();
  for (const i of instances) counts.set(i.zone, (counts.get(i.zone) ?? 0) + 1);
  const open = instances.filter((i) => i.protectedFromScaleIn !== true);
  if (open.length === 0) return [];
  const most = Math.max(...open.map((i) => counts.get(i.zone) ?? 0));
  return open.filter((i) => counts.get(i.zone) === most);
}

function narrow(pool: GroupInstance[], policy: TerminationPolicy, nowMs: number): GroupInstance[] {
  switch (policy) {
    case 'OldestInstance':
      return argmin(pool, (i) => i.launchedAtMs);
    case 'NewestInstance':
      return argmin(pool, (i) => -i.launchedAtMs);
    case 'OldestLaunchTemplate':
      return argmin(pool, (i) => i.launchTemplateVersion ?? 0);
    case 'ClosestToNextInstanceHour':
      return argmin(pool, (i) => untilNextHourMs(i, nowMs));
    case 'Default': {
      const configs = pool.filter((i) => i.usesLaunchConfiguration === true);
      const oldest = argmin(configs.length > 0 ? configs : pool, (i) => i.launchTemplateVersion ?? 0);
      return argmin(oldest, (i) => untilNextHourMs(i, nowMs));
    }
  }
}

/** The ids of up to `count` instances to terminate, one pick at a time (so zones stay balanced). */
export function chooseInstancesToTerminate(
  instances: readonly GroupInstance[],
  count: number,
  nowMs: number,
  rng: { next(): number },
  policy: TerminationPolicy = 'Default',
): number[] {
  const left = [...instances];
  const chosen: number[] = [];
  while (chosen.length < count) {
    const pool = zoneBalancePool(left);
    if (pool.length === 0) break;
    const ties = narrow(pool, policy, nowMs);
    const pick = ties.length === 1 ? ties[0] : ties[Math.floor(rng.next() * ties.length)];
    chosen.push(pick.id);
    left.splice(left.indexOf(pick), 1);
  }
  return chosen;
}

/**
 * Live changes — the same vocabulary as a scenario's scheduled `events`: crash and recover a target,
 * switch a group's algorithm, change weights, slots, service times, the number of targets, the arrival
 * rate, capacity, forwarding weights, take zones, regions, balancers, databases and session stores down
 * and back, all while the simulation runs. The only reader of the public change union: each subject has
 * its module here. A change that cannot apply returns why and leaves everything as it was: a coded refusal at
 * "(change)" (refusal.ts), or (a patch) errors at their paths with codes, which the English refusal writes as
 * "path: reason; …".
 */
import type { Change } from '../../scenario/schema.ts';
import type { SimState } from '../state.ts';
import { reconcileDatabases, failOver } from '../infra/databases.ts';
import { crashBalancer, recoverBalancer, regionOutage, zoneOutage } from '../infra/outages.ts';
import { applyTargetChange } from './targets.ts';
import { setAlgorithm, setHealthCheck, setTargetCount } from './groups.ts';
import { setRate } from './traffic.ts';
import { changeCapacity } from './scaling.ts';
import { changeForwardWeights } from './releases.ts';
import { setSessionStoreDown } from './sessions.ts';
import { applyPatch } from './patch.ts';
import { swapCnames } from './dns.ts';
import type { ValidationError } from '../../scenario/validated.ts';
import { refuse, type Refusal } from '../refusal.ts';

/** Applies a live change now; returns why it cannot (and changes nothing), or null: errors at their paths, a sentence at "(change)". */
export function tryChange(s: SimState, change: Change): ValidationError[] | null {
  const error = applyOne(s, change);
  // pools follow the targets: a crash closes them, a registration opens them
  if (error === null) reconcileDatabases(s);
  return error === null || Array.isArray(error) ? error : [error];
}

/** A refusal of tryChange in English, one line: a patch's errors as "path: reason", joined by "; "; any other change's sentence. */
export function refusalText(change: Change, errors: readonly ValidationError[]): string {
  return errors.map((e) => (change.action === 'patch' ? `${e.path}: ${e.message}` : e.message)).join('; ');
}

/** Applies a live change now; returns why it cannot (and changes nothing), in English, or null. */
export function applyChange(s: SimState, change: Change): string | null {
  const refused = tryChange(s, change);
  return refused === null ? null : refusalText(change, refused);
}

function applyOne(s: SimState, change: Change): Refusal | ValidationError[] | null {
  if ('target' in change) {
    const t = s.store.ids.indexOf(change.target);
    return t < 0 ? refuse('val_live_no_target', { id: change.target }) : applyTargetChange(s, t, change);
  }
  switch (change.action) {
    case 'set-algorithm':
    case 'set-health-check':
    case 'set-target-count': {
      const g = s.groups.findIndex((x) => x.id === change.group);
      if (g < 0) return refuse('val_live_no_group', { id: change.group });
      if (change.action === 'set-algorithm') return setAlgorithm(s, g, change.algorithm);
      if (change.action === 'set-health-check') return setHealthCheck(s, g, change.healthCheck);
      return setTargetCount(s, g, change.count);
    }
    case 'crash-balancer':
      return crashBalancer(s, change.balancer);
    case 'recover-balancer':
      return recoverBalancer(s, change.balancer);
    case 'zone-outage':
    case 'zone-recover':
      return zoneOutage(s, change.zone, change.action === 'zone-outage');
    case 'region-outage':
    case 'region-recover':
      return regionOutage(s, change.region, change.action === 'region-outage');
    case 'db-failover':
      return failOver(s, change.database);
    case 'swap-cnames':
      return swapCnames(s, change.source, change.destination);
    case 'set-capacity':
      return changeCapacity(s, change.scalingGroup, change.desired, change.min, change.max);
    case 'set-forward-weights':
      return changeForwardWeights(s, change.balancer, change.port, change.weights);
    case 'crash-session-store':
    case 'recover-session-store':
      return setSessionStoreDown(s, change.group, change.action === 'crash-session-store');
    case 'set-rate':
      return setRate(s, change.ratePerSec);
    case 'patch':
      return applyPatch(s, change);
  }
}

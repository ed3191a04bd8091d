/** Live changes to a target group: its algorithm, its number of targets and its health check. */
import type { TargetConfig } from '../../scenario/schema.ts';
import type { AlgorithmName } from '../../scenario/algorithm-names.ts';
import type { HealthCheckInput } from '../../scenario/schema.ts';
import type { SimState } from '../state.ts';
import { LIMITS } from '../../scenario/limits.ts';
import { addTarget, removeTarget, reuseTarget } from '../backend/lifecycle.ts';
import { applyInstanceType } from '../backend/instance.ts';
import { recomputeRotation } from '../health/rotation.ts';
import { replaceHealthCheck, targetRegistered } from '../health/checks.ts';
import { defaultZone } from '../infra/world.ts';
import { groupPath, setInScenario } from './current.ts';
import { refuse, type Refusal } from '../refusal.ts';

export function setAlgorithm(s: SimState, g: number, algorithm: AlgorithmName): null {
  const group = s.groups[g];
  group.setAlgorithm(algorithm);
  group.cfg = { ...group.cfg, algorithm };
  setInScenario(s, ['targetGroups', groupPath(s, group.id), 'algorithm'], algorithm);
  s.topologyVersion++;
  s.log.add(s.nowMs, 'config', group.id, `${group.id} now balances with ${algorithm}`);
  return null;
}

export function setHealthCheck(s: SimState, g: number, healthCheck: HealthCheckInput | null): null {
  const id = s.groups[g].id;
  replaceHealthCheck(s, g, healthCheck);
  const { healthCheck: _was, ...rest } = s.groups[g].cfg;
  s.groups[g].cfg = healthCheck === null ? rest : { ...rest, healthCheck };
  setInScenario(s, ['targetGroups', groupPath(s, id)], s.groups[g].cfg);
  s.log.add(s.nowMs, 'config', id, healthCheck ? `${id} health check changed` : `${id} no longer has an active health check`);
  return null;
}

/**
 * Grows or shrinks a group. Growing re-registers the group's earlier targets first, then adds copies
 * of its last target; shrinking unregisters from the end — those targets get no new requests but
 * finish what they hold (like deregistration with draining).
 */
export function setTargetCount(s: SimState, g: number, count: number): Refusal | null {
  const group = s.groups[g];
  const groupId = group.id;
  if (s.scalingOfGroup[g]) return refuse('val_live_scaled_group', { group: groupId });
  const store = s.store;
  const before = group.members.length;
  if (count === before) return null;
  if (count < before) {
    const keep = group.members.slice(0, count);
    if (keep.every((t) => store.weight[t] === 0)) return refuse('val_live_remaining_weight_zero', { count, group: groupId });
    for (const t of group.members.slice(count)) removeTarget(s, t);
    group.rebuild();
    recomputeRotation(s, g, 'removal');
  } else {
    const added: number[] = [];
    let missing = count - before;
    const unregistered = group.members.length === 0 ? 0 : countUnregistered(s, g);
    if (store.count + Math.max(0, missing - unregistered) > LIMITS.maxTargetsTotal) {
      return refuse('val_live_too_many_targets', { group: groupId, count, max: LIMITS.maxTargetsTotal });
    }
    for (let t = 0; t < store.count && missing > 0; t++) {
      if (store.groupOf[t] === g && store.registered[t] === 0) {
        reuseTarget(s, t);
        added.push(t);
        missing--;
      }
    }
    const template: TargetConfig = store.configs[group.members[group.members.length - 1] ?? 0];
    for (let n = before + 1; missing > 0; n++) {
      const id = `${groupId}-${n}`;
      if (store.ids.includes(id)) continue;
      // a copy of the last target, but not its HAProxy id: the group gives it the next free one
      const t = addTarget(s, g, { ...template, id, address: undefined, zone: undefined, haproxyId: undefined });
      store.zoneOf[t] = defaultZone(s, t);
      applyInstanceType(s, t, 'on-demand');
      added.push(t);
      missing--;
    }
    group.rebuild();
    for (const t of added) targetRegistered(s, t);
  }
  // the configured list is now the group's members
  group.cfg = { ...group.cfg, targets: group.members.map((t) => store.configs[t]) };
  setInScenario(s, ['targetGroups', groupPath(s, groupId)], group.cfg);
  s.topologyVersion++;
  s.log.add(s.nowMs, 'config', groupId, `${groupId} now has ${count} target${count === 1 ? '' : 's'} (was ${before})`);
  return null;
}

function countUnregistered(s: SimState, g: number): number {
  let n = 0;
  for (let t = 0; t < s.store.count; t++) if (s.store.groupOf[t] === g && s.store.registered[t] === 0) n++;
  return n;
}

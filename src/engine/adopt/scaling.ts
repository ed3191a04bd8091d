/**
 * Adopting scaling groups live, matched by id. A new one adopts its target group's targets as in-service
 * instances and evaluates at once; one with new settings takes them (new bounds or desired capacity apply
 * at once, as a manual change does; changed policies start over with fresh alarms and cooldowns; boot,
 * warm-up, grace and zones apply to what it does next); a removed one stops acting and leaves its
 * instances to its target group as plain targets.
 */
import type { Scenario } from '../../scenario/schema.ts';
import type { SimState } from '../state.ts';
import { EV_ASG_TICK } from '../event-kinds.ts';
import { buildPolicies } from '../scaling/build-policies.ts';
import { launchZones, scalingGroupFor, setCapacity } from '../scaling/runtime.ts';
import { coded } from '../../scenario/error-codes.ts';
import type { ValidationError } from '../../scenario/validated.ts';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function scalingRefusal(s: SimState, next: Scenario): ValidationError | null {
  for (const [i, cfg] of next.scalingGroups.entries()) {
    const a = s.scalingGroups.find((x) => x.id === cfg.id && !x.retired);
    if (a !== undefined && a.cfg.targetGroup !== cfg.targetGroup) return coded(`scalingGroups[${i}].targetGroup`, 'val_adopt_scaling_group');
  }
  return null;
}

export function adoptScaling(s: SimState, next: Scenario): void {
  const seen = new Set<number>();
  for (const cfg of next.scalingGroups) {
    const i = s.scalingGroups.findIndex((x) => x.id === cfg.id && !x.retired);
    if (i < 0) {
      const a = scalingGroupFor(next, cfg, s.scalingGroups.length, s.groups, s.store, s.zoneNames);
      s.scalingGroups.push(a);
      s.scalingOfGroup[a.g] = a;
      seen.add(a.index);
      s.queue.push(s.nowMs, EV_ASG_TICK, a.index, 0);
      continue;
    }
    seen.add(i);
    const a = s.scalingGroups[i];
    const was = a.cfg;
    if (same(was, cfg)) continue;
    a.cfg = cfg;
    a.warmupMs = (cfg.warmupSec ?? cfg.cooldownSec) * 1000;
    a.zones = launchZones(next, cfg, a.instances.map((x) => x.zone));
    if (!same(was.policies, cfg.policies) || was.cooldownSec !== cfg.cooldownSec) {
      a.policies = buildPolicies(cfg.policies, cfg.cooldownSec);
      // new policies evaluate now, on the datapoints already published
      a.tickEpoch++;
      s.queue.push(s.nowMs, EV_ASG_TICK, a.index, a.tickEpoch);
    }
    if (was.min !== cfg.min || was.max !== cfg.max || was.desired !== cfg.desired) {
      setCapacity(s, a, cfg.desired !== was.desired ? cfg.desired : undefined, cfg.min, cfg.max);
    }
  }
  for (const a of s.scalingGroups) {
    if (seen.has(a.index) || a.retired) continue;
    a.retired = true;
    if (s.scalingOfGroup[a.g] === a) s.scalingOfGroup[a.g] = null;
  }
}

/**
 * The parameter panel's scaling-group section: the group's state now (from Simulation.scaling()) and
 * the desired/min/max form turned into a `set-capacity` change carrying only what the learner changed.
 * Whether the numbers fit together (min ≤ desired ≤ max) is the validator's to say, in the worker.
 */
import type { ScalingReport } from '../../engine/types.ts';
import type { Change, Scenario } from '../../scenario/schema.ts';

export type CapacityChange = Extract<Change, { action: 'set-capacity' }>;

/** A scaling group's capacity and its instances counted by state. */
export interface ScalingState {
  desired: number;
  min: number;
  max: number;
  inService: number;
  booting: number;
  warming: number;
  draining: number;
}

/** What the form shows; a field is null while it is empty. */
export interface CapacityForm {
  desired: number | null;
  min: number | null;
  max: number | null;
}

export function scalingState(report: ScalingReport): ScalingState {
  const count = (state: ScalingReport['instances'][number]['state']) => report.instances.filter((i) => i.state === state).length;
  return { desired: report.desired, min: report.min, max: report.max, inService: count('in-service'), booting: count('booting'), warming: count('warming'), draining: count('draining') };
}

const wholeCount = (n: number | null): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 10_000;

/**
 * The change the form describes: the fields that differ from the group's capacity now. Null while a field
 * is empty or not a whole number from 0 to 10,000, or when nothing differs.
 */
export function capacityChange(scalingGroup: string, form: CapacityForm, now: Pick<ScalingState, 'desired' | 'min' | 'max'>): CapacityChange | null {
  if (!wholeCount(form.desired) || !wholeCount(form.min) || !wholeCount(form.max)) return null;
  const change: CapacityChange = { action: 'set-capacity', scalingGroup };
  if (form.desired !== now.desired) change.desired = form.desired;
  if (form.min !== now.min) change.min = form.min;
  if (form.max !== now.max) change.max = form.max;
  return Object.keys(change).length > 2 ? change : null;
}

/** The CPU target (percent) of each scaling group's CPU target-tracking policy (or HPA), for the CPU charts. */
export function cpuTargets(scenario: Scenario | null): Record<string, number> {
  const targets: Record<string, number> = {};
  for (const group of scenario?.scalingGroups ?? []) {
    for (const p of group.policies) {
      if (p.kind === 'target-tracking' && p.metric === 'CPUUtilization') targets[group.id] ??= p.targetValue;
      if (p.kind === 'hpa') targets[group.id] ??= p.targetUtilizationPercent;
    }
  }
  return targets;
}

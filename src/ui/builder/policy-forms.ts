/**
 * The scaling policies of a scaling group as forms, like the AWS console's "Automatic scaling" page: which
 * lists the inspector edits item by item (a group's policies, a scheduled policy's actions, a step policy's
 * steps) instead of as JSON, the policy a learner adds of each kind (the console's starting values: target
 * tracking on average CPU at 50 %), the patches that add or remove one item (each a single live change, so
 * undo, a lesson's unlocks and "Run again keeps changes" treat it like any other edit), the unit a field takes
 * from its policy (a target value is a percent of CPU, or requests per target per minute) and when a cron
 * recurrence first fires in the run (the engine's own cron, scenario/cron.ts). The validator judges every
 * patch; nothing here checks values.
 */
import type { ScalingPolicyConfig, Scenario } from '../../scenario/schema.ts';
import { parsePointer, type PatchOp } from '../../scenario/json-patch.ts';
import { CronSchedule } from '../../scenario/cron.ts';
import { m } from '../../i18n/paraglide/messages.js';
import { formatClock, formatCount } from '../../viz/number-format.ts';

export type PolicyKind = ScalingPolicyConfig['kind'];

/** The kinds "Add policy" offers, in the schema's order. */
export const POLICY_KINDS: readonly PolicyKind[] = ['target-tracking', 'step', 'simple', 'scheduled', 'predictive', 'beanstalk', 'hpa'];

/** A policy kind in words: "target tracking", "scheduled actions". */
export function policyKindWords(kind: string): string {
  const words: Record<PolicyKind, () => string> = {
    'target-tracking': m.policy_kind_target_tracking,
    step: m.policy_kind_step,
    simple: m.policy_kind_simple,
    scheduled: m.policy_kind_scheduled,
    predictive: m.policy_kind_predictive,
    beanstalk: m.policy_kind_beanstalk,
    hpa: m.policy_kind_hpa,
  };
  return (words as Record<string, (() => string) | undefined>)[kind]?.() ?? kind;
}

const GROUP = String.raw`^/scalingGroups/(\d+)`;
const LISTS: readonly { pattern: RegExp; item: 'policy' | 'action' | 'step' }[] = [
  { pattern: new RegExp(`${GROUP}/policies$`), item: 'policy' },
  { pattern: new RegExp(`${GROUP}/policies/\\d+/actions$`), item: 'action' },
  { pattern: new RegExp(`${GROUP}/policies/\\d+/steps$`), item: 'step' },
];

/** What the list at `pointer` holds when the inspector edits it item by item; null for a list left to JSON. */
export function listForm(pointer: string): 'policy' | 'action' | 'step' | null {
  return LISTS.find((l) => l.pattern.test(pointer))?.item ?? null;
}

/** One item of such a list in words: "Policy 2", "Scheduled action 1", "Step 3". */
export function itemWords(item: 'policy' | 'action' | 'step', index: number): string {
  const n = index + 1;
  return item === 'policy' ? m.builder_item_policy({ n }) : item === 'action' ? m.builder_item_action({ n }) : m.builder_item_step({ n });
}

/** The value at `pointer` in `doc`, or undefined. */
function valueAt(doc: unknown, pointer: string): unknown {
  const parts = parsePointer(pointer);
  if (typeof parts === 'string') return undefined;
  let value: unknown = doc;
  for (const p of parts) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[p] : undefined;
  return value;
}

/** The scaling group a pointer lies in, or undefined. */
function groupOf(s: Scenario, pointer: string): Scenario['scalingGroups'][number] | undefined {
  const at = new RegExp(GROUP).exec(pointer);
  return at === null ? undefined : s.scalingGroups[Number(at[1])];
}

/** The capacity a new scheduled action sets: the group's own min, max and desired now, as the console fills them in. */
function starterAction(s: Scenario, pointer: string): Record<string, unknown> {
  const g = groupOf(s, pointer);
  if (g === undefined) return { recurrence: '0 9 * * *' };
  const desired = g.desired ?? s.targetGroups.find((t) => t.id === g.targetGroup)?.targets.length;
  const action: Record<string, unknown> = { recurrence: '0 9 * * *', min: g.min, max: g.max };
  if (desired !== undefined && desired >= g.min && desired <= g.max) action.desired = desired;
  return action;
}

/**
 * A new policy of `kind` for the group at `pointer`: the AWS console's starting values where it has them (target
 * tracking: average CPU, 50 %), a CPU alarm at 60 % adding one instance for step and simple scaling (the alarm of
 * AWS's step-scaling walkthrough), a daily 09:00 action keeping the group's capacity, the schema's defaults for the
 * rest (Elastic Beanstalk's trigger, the HPA's 80 %).
 */
export function starterPolicy(s: Scenario, pointer: string, kind: PolicyKind): Record<string, unknown> {
  const alarm = { threshold: 60, comparison: '>=' };
  switch (kind) {
    case 'target-tracking':
      return { kind, metric: 'CPUUtilization', targetValue: 50 };
    case 'step':
      return { kind, metric: 'CPUUtilization', alarm, steps: [{ lowerBound: 0, scalingAdjustment: 1 }] };
    case 'simple':
      return { kind, metric: 'CPUUtilization', alarm, scalingAdjustment: 1 };
    case 'scheduled':
      return { kind, actions: [starterAction(s, pointer)] };
    case 'predictive':
      return { kind, targetRequestsPerInstance: 100 };
    default:
      return { kind };
  }
}

type Step = { lowerBound?: number | null; upperBound?: number | null; scalingAdjustment: number };

/**
 * The patches that add a step after the last one without a gap or an overlap: an open-ended last step is closed
 * 10 above its lower bound and the new one takes over from there, adding one more; a closed one is continued.
 */
function addStepPatches(steps: readonly Step[], pointer: string): PatchOp[] {
  const last = steps[steps.length - 1];
  if (last === undefined) return [{ op: 'add', path: `${pointer}/-`, value: { lowerBound: 0, scalingAdjustment: 1 } }];
  const next = { scalingAdjustment: last.scalingAdjustment + Math.sign(last.scalingAdjustment || 1) };
  if (last.upperBound !== undefined && last.upperBound !== null) return [{ op: 'add', path: `${pointer}/-`, value: { lowerBound: last.upperBound, ...next } }];
  const from = (last.lowerBound ?? 0) + 10;
  return [
    { op: 'add', path: `${pointer}/${steps.length - 1}/upperBound`, value: from },
    { op: 'add', path: `${pointer}/-`, value: { lowerBound: from, ...next } },
  ];
}

/** The patches that add an item (a policy of `kind`, a scheduled action, a step) to the list at `pointer`. */
export function addItemPatches(s: Scenario, pointer: string, kind: PolicyKind = 'target-tracking'): PatchOp[] {
  const item = listForm(pointer);
  const list = valueAt(s, pointer);
  if (item === 'step' && Array.isArray(list)) return addStepPatches(list as Step[], pointer);
  const value = item === 'policy' ? starterPolicy(s, pointer, kind) : item === 'action' ? starterAction(s, pointer) : { lowerBound: 0, scalingAdjustment: 1 };
  return Array.isArray(list) ? [{ op: 'add', path: `${pointer}/-`, value }] : [{ op: 'add', path: pointer, value: [value] }];
}

/** The patch that removes item `index` of the list at `pointer`. */
export function removeItemPatches(pointer: string, index: number): PatchOp[] {
  return [{ op: 'remove', path: `${pointer}/${index}` }];
}

const POLICY_FIELD = new RegExp(`${GROUP}/policies/(\\d+)/(.+)$`);

/**
 * The unit a policy's field takes from the policy around it (null: the field's own): a target value in percent of
 * CPU or in requests per target per minute (AWS's Sum over 60 s), a CPU alarm's threshold in percent, an adjustment
 * in instances or percent, a predictive policy's target in requests per second.
 */
export function policyUnit(s: Scenario, pointer: string): string | null {
  const at = POLICY_FIELD.exec(pointer);
  if (at === null) return null;
  const policy = s.scalingGroups[Number(at[1])]?.policies[Number(at[2])];
  if (policy === undefined) return null;
  const field = at[3];
  if (policy.kind === 'target-tracking' && field === 'targetValue') return policy.metric === 'CPUUtilization' ? '%' : m.field_unit_requests_per_target_minute();
  if ((policy.kind === 'step' || policy.kind === 'simple') && field === 'alarm/threshold') return policy.metric === 'CPUUtilization' ? '%' : policy.metric === 'TargetResponseTime' ? 's' : null;
  if ((policy.kind === 'step' || policy.kind === 'simple') && /^(steps\/\d+\/)?scalingAdjustment$/.test(field)) return policy.adjustmentType === 'PercentChangeInCapacity' ? '%' : m.field_unit_instances();
  if (policy.kind === 'step' && /^steps\/\d+\/(lower|upper)Bound$/.test(field)) return policy.metric === 'CPUUtilization' ? m.field_unit_points_from_threshold() : null;
  if (policy.kind === 'predictive' && field === 'targetRequestsPerInstance') return m.field_unit_per_s();
  return null;
}

/**
 * What the form says under a scheduled action's recurrence: when it first fires in the run (in UTC, from the
 * run's start at 00:00 UTC), or that it never does; null for any other field, or an expression the validator
 * will refuse (its error says why).
 */
export function recurrenceNote(s: Scenario, pointer: string): string | null {
  const at = new RegExp(`${GROUP}/policies/(\\d+)/actions/(\\d+)/recurrence$`).exec(pointer);
  if (at === null) return null;
  const policy = s.scalingGroups[Number(at[1])]?.policies[Number(at[2])];
  const action = policy?.kind === 'scheduled' ? policy.actions[Number(at[3])] : undefined;
  if (action?.recurrence === undefined) return null;
  let first: number | null;
  try {
    first = new CronSchedule(action.recurrence).next((action.atSec ?? 0) * 1000 - 1);
  } catch {
    return null;
  }
  if (first === null) return m.builder_cron_never();
  const words = { clock: formatClock(first), sec: formatCount(first / 1000) };
  return first / 1000 > s.durationSec ? m.builder_cron_first_after_end(words) : m.builder_cron_first(words);
}

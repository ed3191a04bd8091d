// A scaling group's policies as forms: the patches the forms make (add a policy of each kind, an action, a step;
// remove one; set one field) are accepted by the validator and allowed by lessons 18 and 22, and a value the schema
// refuses comes back as the validator's error at the field's JSON path.
import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../../src/i18n/paraglide/runtime.js';
import { validateScenario } from '../../../../src/scenario/validate.ts';
import { patchScenario } from '../../../../src/scenario/patch.ts';
import type { Scenario } from '../../../../src/scenario/schema.ts';
import type { PatchOp } from '../../../../src/scenario/json-patch.ts';
import { scenarioJsonSchema } from '../../../../src/scenario/json-schema.ts';
import type { JsonSchema } from '../../../../src/scenario/json-schema-walk.ts';
import { fieldsAt } from '../../../../src/ui/builder/schema-fields.ts';
import { addPatches } from '../../../../src/ui/builder/palette.ts';
import { locksOf } from '../../../../src/ui/builder/locks.ts';
import { describeChanges } from '../../../../src/ui/sim/live-config.ts';
import { addItemPatches, listForm, POLICY_KINDS, policyUnit, recurrenceNote, removeItemPatches } from '../../../../src/ui/builder/policy-forms.ts';
import rush from '../../../../lessons/18-other-policies/scenario.json';
import rushSolution from '../../../../lessons/18-other-policies/solution.json';
import blackFriday from '../../../../lessons/22-black-friday-1m/scenario.json';

const schema = scenarioJsonSchema() as JsonSchema;
afterEach(() => overwriteGetLocale(() => 'en'));

function valid(doc: unknown): Scenario {
  const v = validateScenario(structuredClone(doc));
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

function patched(s: Scenario, patches: PatchOp[]): Scenario {
  const v = patchScenario(s, patches);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

/** Lesson 22's world with a scaling group added from the palette for target group `users` (no policies). */
function withPaletteGroup(): Scenario {
  const s = valid(blackFriday);
  return patched(s, addPatches(s, 'scaling-group', 'users-asg', '/targetGroups/0'));
}

describe('which lists are forms', () => {
  it('a group’s policies, a scheduled policy’s actions and a step policy’s steps; other lists stay JSON', () => {
    expect(listForm('/scalingGroups/0/policies')).toBe('policy');
    expect(listForm('/scalingGroups/3/policies/1/actions')).toBe('action');
    expect(listForm('/scalingGroups/0/policies/0/steps')).toBe('step');
    expect(listForm('/deployments/0/steps')).toBeNull();
    expect(listForm('/traffic/profile')).toBeNull();
    expect(listForm('/scalingGroups/0/policies/0')).toBeNull();
  });

  it('the inspector of a scaling group has the policies as a list field, which the form takes over', () => {
    const s = valid(rush);
    const policies = fieldsAt(schema, s, '/scalingGroups/0').find((f) => f.key === 'policies')!;
    expect(policies.editor).toBe('json');
    expect(listForm(policies.pointer)).toBe('policy');
    // a scheduled action's fields are plain inputs: the cron as text, the capacities as integers
    const action = fieldsAt(schema, s, '/scalingGroups/0/policies/1/actions/0');
    expect(action.map((f) => [f.key, f.editor])).toEqual([
      ['recurrence', 'text'],
      ['atSec', 'number'],
      ['min', 'integer'],
      ['max', 'integer'],
      ['desired', 'integer'],
    ]);
    expect(action.find((f) => f.key === 'recurrence')!.value).toBe('0 18 * * *');
    expect(action.find((f) => f.key === 'min')!.range).toBe('0–10,000');
  });
});

describe('adding and removing', () => {
  it('"Add policy" adds each kind as one patch the validator accepts; target tracking starts on average CPU at 50 %', () => {
    const s = withPaletteGroup();
    const g = s.scalingGroups.length - 1;
    const list = `/scalingGroups/${g}/policies`;
    expect(s.scalingGroups[g].policies).toEqual([]);
    for (const kind of POLICY_KINDS) {
      const patches = addItemPatches(s, list, kind);
      expect(patches).toHaveLength(1);
      expect(patches[0]).toMatchObject({ op: 'add', path: `${list}/-` });
      const after = patched(s, patches);
      expect(after.scalingGroups[g].policies.map((p) => p.kind)).toEqual([kind]);
    }
    expect(patched(s, addItemPatches(s, list, 'target-tracking')).scalingGroups[g].policies[0]).toEqual({ kind: 'target-tracking', metric: 'CPUUtilization', targetValue: 50, disableScaleIn: false });
  });

  it('a new scheduled action keeps the group’s capacity as it is now (the palette’s group: min 1, max 20, 10 targets)', () => {
    const s = withPaletteGroup();
    const g = s.scalingGroups.length - 1;
    const group = s.scalingGroups[g];
    const targets = s.targetGroups.find((t) => t.id === group.targetGroup)!.targets.length;
    const after = patched(s, addItemPatches(s, `/scalingGroups/${g}/policies`, 'scheduled'));
    const policy = after.scalingGroups[g].policies[0];
    expect(policy.kind === 'scheduled' && policy.actions).toEqual([{ recurrence: '0 9 * * *', min: group.min, max: group.max, desired: targets }]);
  });

  it('an action is added to a scheduled policy, and removing it again gives the scenario back', () => {
    const s = valid(rush);
    const list = '/scalingGroups/0/policies/1/actions';
    const after = patched(s, addItemPatches(s, list));
    const policy = after.scalingGroups[0].policies[1];
    expect(policy.kind === 'scheduled' && policy.actions.length).toBe(2);
    expect(patched(after, removeItemPatches(list, 1))).toEqual(s);
  });

  it('a step is added without a gap or an overlap: the open last step is closed 10 above its lower bound', () => {
    const s0 = withPaletteGroup();
    const g = s0.scalingGroups.length - 1;
    let s = patched(s0, addItemPatches(s0, `/scalingGroups/${g}/policies`, 'step'));
    const list = `/scalingGroups/${g}/policies/0/steps`;
    s = patched(s, addItemPatches(s, list));
    s = patched(s, addItemPatches(s, list));
    const policy = s.scalingGroups[g].policies[0];
    expect(policy.kind === 'step' && policy.steps).toEqual([
      { lowerBound: 0, upperBound: 10, scalingAdjustment: 1 },
      { lowerBound: 10, upperBound: 20, scalingAdjustment: 2 },
      { lowerBound: 20, scalingAdjustment: 3 },
    ]);
  });

  it('removing a policy is one remove; removing a scheduled policy’s only action is refused by the schema', () => {
    const s = valid(rush);
    const after = patched(s, removeItemPatches('/scalingGroups/0/policies', 1));
    expect(after.scalingGroups[0].policies.map((p) => p.kind)).toEqual(['target-tracking']);
    const refused = patchScenario(s, removeItemPatches('/scalingGroups/0/policies/1/actions', 0));
    expect(refused.ok).toBe(false);
  });
});

describe('editing a field', () => {
  it('lesson 18 step 2: the recurrence field’s patch is the lesson’s solution, allowed by its unlocks', () => {
    const s = valid(rush);
    const field = fieldsAt(schema, s, '/scalingGroups/0/policies/1/actions/0').find((f) => f.key === 'recurrence')!;
    // FieldRow's text input sets the field with one add at its pointer
    const patch: PatchOp = { op: 'add', path: field.pointer, value: '50 17 * * *' };
    expect(patch.path).toBe(rushSolution[0].path);
    const after = patched(s, [patch]);
    const policy = after.scalingGroups[0].policies[1];
    expect(policy.kind === 'scheduled' && policy.actions[0].recurrence).toBe('50 17 * * *');
    expect(locksOf(['/scalingGroups/*/policies'])!.locked(field.pointer)).toBe(false);
    expect(locksOf(['/scalingGroups/*/policies'])!.locked('/scalingGroups/0/policies/-')).toBe(false);
  });

  it('a bad cron or a target value out of range comes back as the validator’s error at the field’s path', () => {
    const s = valid(rush);
    const cron = patchScenario(s, [{ op: 'add', path: '/scalingGroups/0/policies/1/actions/0/recurrence', value: '0 25 * * *' }]);
    expect(cron.ok).toBe(false);
    if (!cron.ok) expect(cron.errors.map((e) => e.path)).toEqual(['scalingGroups[0].policies[1].actions[0].recurrence']);
    const target = patchScenario(s, [{ op: 'add', path: '/scalingGroups/0/policies/0/targetValue', value: 0 }]);
    expect(target.ok).toBe(false);
    if (!target.ok) expect(target.errors.map((e) => e.path)).toEqual(['scalingGroups[0].policies[0].targetValue']);
  });

  it('lesson 22: every patch of adding a target-tracking policy to a palette group is unlocked by "scaling"', () => {
    const s = withPaletteGroup();
    const g = s.scalingGroups.length - 1;
    const locks = locksOf(['scaling', 'session-store', '/targetGroups/*/retries', '/targetGroups/*/passiveHealth'])!;
    const patches = [...addItemPatches(s, `/scalingGroups/${g}/policies`, 'target-tracking'), { op: 'add' as const, path: `/scalingGroups/${g}/policies/0/targetValue`, value: 60 }];
    expect(patches.every((p) => !locks.locked(p.path))).toBe(true);
    const policy = patched(patched(s, patches.slice(0, 1)), patches.slice(1)).scalingGroups[g].policies[0];
    expect(policy).toEqual({ kind: 'target-tracking', metric: 'CPUUtilization', targetValue: 60, disableScaleIn: false });
  });
});

describe('the change list', () => {
  it('names a palette group’s new policy and its target value in the scenario the run started from (a replay without defaults)', () => {
    const start = valid(blackFriday);
    const add = addPatches(start, 'scaling-group', 'users-asg', '/targetGroups/0');
    const s = patched(start, add);
    const g = s.scalingGroups.length - 1;
    const policy = addItemPatches(s, `/scalingGroups/${g}/policies`, 'target-tracking');
    const target: PatchOp[] = [{ op: 'add', path: `/scalingGroups/${g}/policies/0/targetValue`, value: 60 }];
    const retries: PatchOp[] = [{ op: 'add', path: '/targetGroups/0/retries', value: {} }];
    // as the builder logs them (builder.svelte.ts): each op spelt out
    const log = [add, policy, target, retries].map((patches) => ({ atMs: 0, change: { action: 'patch' as const, patches: patches.map((p) => ({ op: p.op ?? 'replace', path: p.path, value: p.value })) } }));
    expect(describeChanges(log, start)).toEqual([
      'add scaling group users-asg',
      'add policy target-tracking to scaling group users-asg',
      'policy 1 of scaling group users-asg: target value = 60',
      'target group users: retries added, with its defaults',
    ]);
  });
});

describe('units and the cron note', () => {
  it('a field takes its unit from its policy', () => {
    const s = valid(rush);
    expect(policyUnit(s, '/scalingGroups/0/policies/0/targetValue')).toBe('%');
    const alb = patched(s, [{ op: 'add', path: '/scalingGroups/0/policies/0/metric', value: 'ALBRequestCountPerTarget' }]);
    expect(policyUnit(alb, '/scalingGroups/0/policies/0/targetValue')).toBe('requests per target per minute');
    expect(policyUnit(s, '/scalingGroups/0/policies/1/actions/0/min')).toBeNull();
    expect(policyUnit(s, '/scalingGroups/0/min')).toBeNull();
  });

  it('says when a recurrence first fires: 18:00 is 18 × 3,600 s, 17:50 is 64,800 − 600 s; 30 February never', () => {
    const s = valid(rush);
    const at = '/scalingGroups/0/policies/1/actions/0/recurrence';
    // the run lasts 65,400 s: past 64,800 s
    expect(recurrenceNote(s, at)).toBe('UTC; the run starts at 00:00 UTC. First fires at 18:00:00 (64,800 s).');
    const short = patched(s, [{ op: 'add', path: '/durationSec', value: 3600 }]);
    expect(recurrenceNote(short, at)).toBe('UTC; the run starts at 00:00 UTC. First fires at 18:00:00 (64,800 s), after the run ends.');
    const early = patched(s, [{ op: 'add', path: at, value: '50 17 * * *' }]);
    expect(recurrenceNote(early, at)).toBe('UTC; the run starts at 00:00 UTC. First fires at 17:50:00 (64,200 s).');
    const never = patched(s, [{ op: 'add', path: at, value: '0 0 30 2 *' }]);
    expect(recurrenceNote(never, at)).toBe('UTC; this expression never fires.');
    expect(recurrenceNote(s, '/scalingGroups/0/policies/1/actions/0/min')).toBeNull();
    overwriteGetLocale(() => 'es');
    // Spanish groups thousands with a (narrow) no-break space
    expect(recurrenceNote(early, at)).toMatch(/^UTC; la ejecución empieza a las 00:00 UTC\. Se dispara primero a las 17:50:00 \(64\s200 s\)\.$/);
  });
});

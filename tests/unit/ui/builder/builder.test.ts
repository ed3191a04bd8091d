import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../../src/scenario/validate.ts';
import type { Scenario } from '../../../../src/scenario/schema.ts';
import { applyPatches } from '../../../../src/scenario/json-patch.ts';
import { patchScenario } from '../../../../src/scenario/patch.ts';
import { invertPatches } from '../../../../src/scenario/inverse-patch.ts';
import { scenarioJsonSchema } from '../../../../src/scenario/json-schema.ts';
import type { JsonSchema } from '../../../../src/scenario/json-schema-walk.ts';
import { expandUnlocks, matchesPattern, pathsUnlocked, unlockProblems } from '../../../../src/content/unlocks.ts';
import { fieldsAt, labelOf, nodeField, rangeOf, unitOf } from '../../../../src/ui/builder/schema-fields.ts';
import { outlineOf } from '../../../../src/ui/builder/outline.ts';
import { addPatches, deletePatches, PALETTE, referenceChoices } from '../../../../src/ui/builder/palette.ts';
import shop from '../../../../scenarios/sticky-vs-shared-sessions.json';
import canary from '../../../../scenarios/canary-release.json';

const schema = scenarioJsonSchema() as JsonSchema;

function scenario(): Scenario {
  const v = validateScenario(structuredClone(shop));
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

describe('inverse patches', () => {
  it('give the document back exactly after add, replace and remove, list items and object keys', () => {
    const s = scenario();
    const patches = [
      { op: 'add' as const, path: '/targetGroups/-', value: { id: 'checkout', algorithm: 'round-robin', targets: [{ id: 'k', serviceTimeMs: 20 }] } },
      { op: 'add' as const, path: '/balancers/0/listeners/0/rules/-', value: { match: { pathPrefix: '/checkout' }, forward: 'checkout' } },
      { op: 'replace' as const, path: '/targetGroups/0/sessionStore', value: { kind: 'shared' } },
      { op: 'remove' as const, path: '/targetGroups/0/stickiness' },
      { op: 'add' as const, path: '/balancers/0/crossZone', value: false },
    ];
    const inverse = invertPatches(s, patches);
    expect(inverse.ok).toBe(true);
    if (!inverse.ok) return;
    const after = applyPatches(s, patches);
    if (!after.ok) throw new Error('patches should apply');
    const back = applyPatches(after.value, inverse.value);
    expect(back.ok && back.value).toEqual(s);
  });

  it('fail with the path when the patches cannot apply', () => {
    const inverse = invertPatches(scenario(), [{ op: 'remove', path: '/nothing/here' }]);
    expect(inverse.ok).toBe(false);
  });
});

describe('unlock patterns', () => {
  it('match a path at or under the pattern, * standing for one part', () => {
    expect(matchesPattern('/targetGroups/*/stickiness', '/targetGroups/0/stickiness/kind')).toBe(true);
    expect(matchesPattern('/targetGroups/*/stickiness', '/targetGroups/0/sessionStore')).toBe(false);
    expect(matchesPattern('/targetGroups/*/stickiness', '/targetGroups')).toBe(false);
    expect(pathsUnlocked(['/targetGroups/0/sessionStore'], expandUnlocks(['session-store']))).toBe(true);
    expect(pathsUnlocked(['/targetGroups/0/sessionStore', '/balancers/0/crossZone'], expandUnlocks(['session-store']))).toBe(false);
  });

  it('refuse unknown groups and places the scenario has not, with a sentence each', () => {
    const problems = unlockProblems(['stickiness', '/targetGroups/*/stickyness', 'nonsense', '/balancers/*/listeners/*/rules'], schema);
    expect(problems.map((p) => p.index)).toEqual([1, 2]);
    expect(problems[0].message).toContain('names no place');
  });
});

describe('inspector fields from the schema', () => {
  it('have units, ranges, defaults and descriptions', () => {
    expect(unitOf('requestTimeoutMs')).toBe('ms');
    expect(labelOf('requestTimeoutMs')).toBe('request timeout');
    expect(rangeOf({ type: 'integer', minimum: 1, maximum: 65535 })).toBe('1–65,535');
    const fields = fieldsAt(schema, scenario(), '/balancers/0/listeners/0');
    const port = fields.find((f) => f.key === 'port')!;
    expect(port).toMatchObject({ editor: 'integer', min: 1, max: 65535, required: true, value: 443 });
    expect(port.description).toBe('The port this listener takes requests on.');
    expect(fields.find((f) => f.key === 'protocol')).toMatchObject({ editor: 'choice', defaultValue: 'http' });
    expect(fields.some((f) => f.key === 'rules')).toBe(false); // rules are nodes of their own
  });

  it('show a session store as a choice of kinds', () => {
    const store = nodeField(schema, scenario(), '/targetGroups/0/sessionStore')!;
    expect(store.editor).toBe('variant');
    expect(store.choices.map((c) => c.label)).toEqual(['memory', 'shared', 'replicated', 'none']);
  });

  // a tagged object's own constant (a session store's kind) is its variant's choice, described there
  it('give every schema field with a value a description', () => {
    const s = scenario();
    const missing = outlineOf(s).flatMap((n) => fieldsAt(schema, s, n.pointer).filter((f) => f.description === null && !(f.editor === 'choice' && f.choices.length === 1)).map((f) => f.pointer));
    expect(missing).toEqual([]);
  });

  // lesson 23 asks the learner to turn a blue/green deployment into a canary in the Build tab
  it('list a deployment as a node whose kind is a choice', () => {
    const v = validateScenario(structuredClone(canary));
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    const node = outlineOf(v.value).find((n) => n.kind === 'deployment')!;
    expect(node).toMatchObject({ pointer: '/deployments/0', name: 'v2 (canary: blue → green)' });
    const kind = fieldsAt(schema, v.value, node.pointer).find((f) => f.key === 'kind')!;
    expect(kind.editor).toBe('choice');
    expect(kind.choices.map((c) => c.label)).toEqual(['blue-green', 'canary']);
    expect(fieldsAt(schema, v.value, node.pointer).filter((f) => f.description === null && !(f.editor === 'choice' && f.choices.length === 1))).toEqual([]);
    // from and to name target groups: a choice of the scenario's groups, not free text
    expect(referenceChoices(v.value, 'from', '/deployments/0/from')).toEqual(['blue', 'green']);
    expect(referenceChoices(v.value, 'to', '/deployments/0/to')).toEqual(['blue', 'green']);
    expect(referenceChoices(v.value, 'to', '/dns/records/0/to')).toBeNull();
  });
});

describe('palette', () => {
  it('adds every kind of component as a valid scenario', () => {
    for (const { kind } of PALETTE) {
      const s = scenario();
      const patched = patchScenario(s, addPatches(s, kind, kind === 'rule' ? '/new' : kind === 'dns' ? 'shop.example.com' : `new-${kind}`, '/targetGroups/0'));
      expect(patched.ok ? 'ok' : patched.errors, kind).toBe('ok');
    }
  });

  it('deletes a target group together with the rules forwarding to it', () => {
    const s = scenario();
    const built = patchScenario(s, [...addPatches(s, 'target-group', 'checkout', null), { op: 'add', path: '/balancers/0/listeners/0/rules/-', value: { match: { pathPrefix: '/checkout' }, forward: 'checkout' } }]);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const deleted = patchScenario(built.value, deletePatches(built.value, '/targetGroups/1'));
    expect(deleted.ok).toBe(true);
    const alone = patchScenario(built.value, [{ op: 'remove', path: '/targetGroups/1' }]);
    expect(alone.ok).toBe(false);
  });
});

describe('a lesson that unlocks parts of the scenario', () => {
  it('lets through patches under its patterns and refuses the rest with what it unlocks', async () => {
    const { lockedReason } = await import('../../../../src/ui/lesson/locked-reason.ts');
    const sticky = { action: 'patch' as const, path: '/targetGroups/0/stickiness', value: { kind: 'lb-cookie' } };
    const store = { action: 'patch' as const, patches: [{ op: 'replace' as const, path: '/targetGroups/0/sessionStore', value: { kind: 'shared' } }] };
    expect(lockedReason(sticky, ['crash'], ['stickiness'])).toBeNull();
    expect(lockedReason(store, ['crash'], ['/targetGroups/*/stickiness'])?.[0].message).toContain('does not unlock /targetGroups/0/sessionStore');
    expect(lockedReason(store, ['crash'], ['session-store'])).toBeNull();
  });
});

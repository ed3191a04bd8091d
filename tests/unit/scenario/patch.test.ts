// JSON Patch on scenarios (RFC 6902 add/replace/remove at RFC 6901 pointers), validated as a whole; scheduled
// patches are validated in time order, each against the scenario the earlier ones left.
import { describe, expect, it } from 'vitest';
import { applyPatches, formatPointer, parsePointer } from '../../../src/scenario/json-patch.ts';
import { patchScenario } from '../../../src/scenario/patch.ts';
import { validateChange, validateScenario } from '../../../src/scenario/validate.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';

const base: ScenarioInput = {
  schemaVersion: 1,
  name: 'base',
  traffic: { arrival: { kind: 'poisson', ratePerSec: 10 } },
  balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
  targetGroups: [{ id: 'web', algorithm: 'round-robin', targets: [{ id: 'a', serviceTimeMs: 50 }, { id: 'b', serviceTimeMs: 50 }] }],
};

describe('JSON Pointer', () => {
  it('reads "/a/b", the escapes ~1 for "/" and ~0 for "~", and "" for the whole document', () => {
    expect(parsePointer('/targetGroups/0/hashKey')).toEqual(['targetGroups', '0', 'hashKey']);
    expect(parsePointer('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('a/b')).toMatch(/must start with "\/"/);
    expect(parsePointer('/a~2')).toMatch(/"~" not followed by 0 or 1/);
    expect(formatPointer(['a/b', 'c~d', 0])).toBe('/a~1b/c~0d/0');
  });
});

describe('applyPatches', () => {
  const doc = { list: [1, 2, 3], obj: { x: 1 } };
  it('adds (at a position or at the end with "-"), replaces and removes, in order, on a copy', () => {
    const r = applyPatches(doc, [
      { op: 'add', path: '/list/1', value: 9 },
      { op: 'add', path: '/list/-', value: 4 },
      { op: 'replace', path: '/obj/x', value: 2 },
      { op: 'add', path: '/obj/y', value: 3 },
      { op: 'remove', path: '/list/0' },
    ]);
    expect(r).toEqual({ ok: true, value: { list: [9, 2, 3, 4], obj: { x: 2, y: 3 } } });
    expect(doc).toEqual({ list: [1, 2, 3], obj: { x: 1 } });
  });

  it('replace is the default operation', () => {
    expect(applyPatches(doc, [{ path: '/obj/x', value: 5 }])).toEqual({ ok: true, value: { list: [1, 2, 3], obj: { x: 5 } } });
  });

  it('refuses what RFC 6902 refuses, naming the patch and the reason, and changes nothing', () => {
    expect(applyPatches(doc, [{ op: 'replace', path: '/obj/z', value: 1 }])).toMatchObject({ ok: false, errors: [{ path: '/obj/z', message: 'there is no "z" to replace' }] });
    expect(applyPatches(doc, [{ op: 'remove', path: '/list/3' }])).toMatchObject({ ok: false, errors: [{ path: '/list/3', message: 'there is no item 3 (the list has 3)' }] });
    expect(applyPatches(doc, [{ op: 'replace', path: '/list/-', value: 1 }])).toMatchObject({ ok: false, errors: [{ path: '/list/-', message: '"-" (the end of the list) only works with add' }] });
    expect(applyPatches(doc, [{ op: 'add', path: '/list/01', value: 1 }])).toMatchObject({ ok: false, errors: [{ path: '/list/01', message: '"01" is not a position in the list' }] });
    expect(applyPatches(doc, [{ op: 'add', path: '/nope/x', value: 1 }])).toMatchObject({ ok: false, errors: [{ path: '/nope/x', message: '/nope: there is no "nope" here' }] });
    expect(applyPatches(doc, [{ op: 'add', path: '/obj/y' }])).toMatchObject({ ok: false, errors: [{ path: '/obj/y', message: 'add needs a value' }] });
    const two = applyPatches(doc, [{ op: 'add', path: '/obj/y', value: 1 }, { op: 'remove', path: '/obj/q' }]);
    expect(two).toMatchObject({ ok: false, errors: [{ path: '/obj/q', message: 'patch 2: there is no "q" to remove' }] });
  });
});

describe('patchScenario', () => {
  const scenario = (() => {
    const v = validateScenario(base);
    if (!v.ok) throw new Error('base must be valid');
    return v.value;
  })();

  it('validates the whole patched scenario with the same rules as a file', () => {
    const ok = patchScenario(scenario, [{ op: 'add', path: '/targetGroups/0/targets/-', value: { id: 'c', weight: 2, serviceTimeMs: 50 } }]);
    expect(ok.ok && ok.value.targetGroups[0].targets.map((t) => `${t.id}:${t.weight}:${t.concurrency}`)).toEqual(['a:1:1', 'b:1:1', 'c:2:1']);
    const dup = patchScenario(scenario, [{ op: 'add', path: '/targetGroups/0/targets/-', value: { id: 'a', serviceTimeMs: 50 } }]);
    expect(dup).toMatchObject({ ok: false, errors: [{ path: 'targetGroups', message: 'duplicate target id "a" (target ids are unique across all groups)' }] });
  });

  it('a patch change is one patch (path, value, op) or several (patches), not both', () => {
    expect(validateChange({ action: 'patch', path: '/name', value: 'x' }, scenario).ok).toBe(true);
    expect(validateChange({ action: 'patch', patches: [{ path: '/name', value: 'x' }] }, scenario).ok).toBe(true);
    const both = validateChange({ action: 'patch', path: '/name', value: 'x', patches: [{ path: '/name', value: 'y' }] }, scenario);
    expect(both.ok).toBe(false);
    expect(!both.ok && both.errors[0]).toMatchObject({ path: 'path', message: 'a patch has a path (one patch) or patches (several together), one of the two' });
  });
});

describe('scheduled patches', () => {
  const addCart = { op: 'add', path: '/targetGroups/-', value: { id: 'cart', algorithm: 'round-robin', targets: [{ id: 'c1', serviceTimeMs: 50 }] } };
  const ruleToCart = { op: 'add', path: '/balancers/0/listeners/0/rules/-', value: { match: { pathPrefix: '/cart' }, forward: 'cart' } };

  it('are validated in time order: a rule may forward to a group an earlier patch added', () => {
    const doc = { ...base, events: [{ atSec: 20, action: 'patch', ...ruleToCart }, { atSec: 10, action: 'patch', ...addCart }] };
    expect(validateScenario(doc).ok).toBe(true);
  });

  it('a rule before its group is refused with the event, its time and the broken field', () => {
    const doc = { ...base, events: [{ atSec: 10, action: 'patch', ...ruleToCart }, { atSec: 20, action: 'patch', ...addCart }] };
    const r = validateScenario(doc);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toMatchObject([{ path: 'events[0]', message: 'at 10 s, the patched scenario\'s balancers[0].listeners[0].rules[0].forward: no target group with id "cart"' }]);
  });

  it('later changes may name targets an earlier patch added', () => {
    const doc = { ...base, events: [{ atSec: 5, action: 'patch', ...addCart }, { atSec: 6, action: 'crash', target: 'c1' }] };
    expect(validateScenario(doc).ok).toBe(true);
    const early = { ...base, events: [{ atSec: 5, action: 'crash', target: 'c1' }, { atSec: 6, action: 'patch', ...addCart }] };
    const r = validateScenario(early);
    expect(!r.ok && r.errors).toMatchObject([{ path: 'events[0].target', message: 'no target with id "c1"' }]);
  });
});

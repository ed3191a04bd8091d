// A part picked on the diagram (by ids and positions) is the part of the scenario the inspector opens.
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../../src/scenario/validate.ts';
import { pointerOfRef } from '../../../../src/ui/builder/outline.ts';
import { parsePick, pickAttr } from '../../../../src/viz/node-ref.ts';
import shop from '../../../../scenarios/sticky-vs-shared-sessions.json';

function scenario() {
  const doc = structuredClone(shop) as Record<string, unknown>;
  const v = validateScenario({
    ...doc,
    balancers: [{ id: 'alb', listeners: [{ port: 80, defaultForward: 'web', rules: [{ match: { pathPrefix: '/a' }, forward: 'web' }, { match: { pathPrefix: '/b' }, forward: 'web' }] }] }],
  });
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

describe('picking on the diagram', () => {
  it('names each kind of part by its JSON Pointer', () => {
    const s = scenario();
    const target = s.targetGroups[0].targets[1].id;
    expect(pointerOfRef(s, { kind: 'balancer', id: 'alb' })).toBe('/balancers/0');
    expect(pointerOfRef(s, { kind: 'listener', balancer: 'alb', listener: 0 })).toBe('/balancers/0/listeners/0');
    expect(pointerOfRef(s, { kind: 'rule', balancer: 'alb', listener: 0, rule: 1 })).toBe('/balancers/0/listeners/0/rules/1');
    expect(pointerOfRef(s, { kind: 'target-group', id: 'web' })).toBe('/targetGroups/0');
    expect(pointerOfRef(s, { kind: 'session-store', group: 'web' })).toBe('/targetGroups/0/sessionStore');
    expect(pointerOfRef(s, { kind: 'target', id: target })).toBe('/targetGroups/0/targets/1');
    expect(pointerOfRef(s, { kind: 'traffic' })).toBe('/traffic');
  });

  it('answers null for a part the scenario has not (a rule gone, a launched instance, no DNS name)', () => {
    const s = scenario();
    expect(pointerOfRef(s, { kind: 'rule', balancer: 'alb', listener: 0, rule: 2 })).toBeNull();
    expect(pointerOfRef(s, { kind: 'target', id: 'asg-i-7' })).toBeNull();
    expect(pointerOfRef(s, { kind: 'dns' })).toBeNull();
    expect(pointerOfRef(s, { kind: 'database', id: 'db' })).toBeNull();
  });

  it('reads back the parts marked inside a node', () => {
    expect(parsePick(pickAttr('rule', 0, 2), 'alb')).toEqual({ kind: 'rule', balancer: 'alb', listener: 0, rule: 2 });
    expect(parsePick(pickAttr('listener', 1), 'alb')).toEqual({ kind: 'listener', balancer: 'alb', listener: 1 });
    expect(parsePick(pickAttr('session-store'), 'web')).toEqual({ kind: 'session-store', group: 'web' });
    expect(parsePick(null, 'alb')).toBeNull();
    expect(parsePick('rule x', 'alb')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../../src/i18n/paraglide/runtime.js';
import { validateScenario } from '../../../../src/scenario/validate.ts';
import type { Scenario } from '../../../../src/scenario/schema.ts';
import { patchScenario } from '../../../../src/scenario/patch.ts';
import { applyPatches } from '../../../../src/scenario/json-patch.ts';
import { invertPatches } from '../../../../src/scenario/inverse-patch.ts';
import { scenarioJsonSchema } from '../../../../src/scenario/json-schema.ts';
import type { JsonSchema } from '../../../../src/scenario/json-schema-walk.ts';
import { fieldsAt, minimalValue } from '../../../../src/ui/builder/schema-fields.ts';
import { outlineOf } from '../../../../src/ui/builder/outline.ts';
import { addPatches, deletePatches } from '../../../../src/ui/builder/palette.ts';
import { deleteQuestion, moveRulePatches, starterValue } from '../../../../src/ui/builder/node-actions.ts';
import shop from '../../../../scenarios/sticky-vs-shared-sessions.json';

const schema = scenarioJsonSchema() as JsonSchema;

/** The shop with a checkout group and three rules on its https :443 listener: /checkout, /api, /static. */
function withRules(): Scenario {
  const v = validateScenario(structuredClone(shop));
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  const s = v.value;
  const built = patchScenario(s, [
    ...addPatches(s, 'target-group', 'checkout', null),
    ...['/checkout', '/api', '/static'].map((path) => ({ op: 'add' as const, path: '/balancers/0/listeners/0/rules/-', value: { match: { pathPrefix: path }, forward: path === '/checkout' ? 'checkout' : 'web' } })),
  ]);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return built.value;
}

const rulePaths = (s: Scenario): string[] => s.balancers[0].listeners[0].rules.map((r) => r.match.pathPrefix!);

describe('adding a rate limit to a balancer', () => {
  it('starts loose (100 a second per address, burst 100), not at the schema’s smallest 1 a second, and is accepted', () => {
    const s = withRules();
    const field = fieldsAt(schema, s, '/balancers/0').find((f) => f.key === 'rateLimit')!;
    expect((minimalValue(field.schema) as { ratePerSec: number }).ratePerSec).toBe(1);
    const value = starterValue(s, field.pointer, field.schema);
    expect(value).toEqual({ ratePerSec: 100, burst: 100 });
    expect(patchScenario(s, [{ op: 'add', path: field.pointer, value }]).ok).toBe(true);
  });
});

describe('adding a cookie condition to a rule', () => {
  const cookieField = (s: Scenario) => fieldsAt(schema, s, '/balancers/0/listeners/0/rules/0/match').find((f) => f.key === 'cookie')!;

  it('the schema minimum alone (an empty cookie name) is refused — the reason for a starter value', () => {
    const s = withRules();
    const patched = patchScenario(s, [{ op: 'add', path: '/balancers/0/listeners/0/rules/0/match/cookie', value: minimalValue(cookieField(s).schema) }]);
    expect(patched.ok).toBe(false);
  });

  it('starts as ab=b without client cookies, and the validator accepts it', () => {
    const s = withRules();
    const value = starterValue(s, cookieField(s).pointer, cookieField(s).schema);
    expect(value).toEqual({ name: 'ab', value: 'b' });
    const patched = patchScenario(s, [{ op: 'add', path: cookieField(s).pointer, value }]);
    expect(patched.ok ? patched.value.balancers[0].listeners[0].rules[0].match.cookie : patched.errors).toEqual({ name: 'ab', value: 'b' });
  });

  it('starts as the last value of the first cookie the clients carry', () => {
    const s = withRules();
    s.traffic.clients = { ...s.traffic.clients, cookies: [{ name: 'variant', values: [{ value: 'red', share: 0.5 }, { value: 'blue', share: 0.5 }] }] } as Scenario['traffic']['clients'];
    expect(starterValue(s, cookieField(s).pointer, cookieField(s).schema)).toEqual({ name: 'variant', value: 'blue' });
  });

  it('a header condition also starts valid', () => {
    const s = withRules();
    const header = fieldsAt(schema, s, '/balancers/0/listeners/0/rules/0/match').find((f) => f.key === 'header')!;
    const patched = patchScenario(s, [{ op: 'add', path: header.pointer, value: starterValue(s, header.pointer, header.schema) }]);
    expect(patched.ok).toBe(true);
  });
});

describe('moving a listener rule', () => {
  it('moves it one place as one remove + add, valid, and the inverse restores the order', () => {
    const s = withRules();
    const moved = moveRulePatches(s, '/balancers/0/listeners/0/rules/2', -1)!;
    expect(moved.pointer).toBe('/balancers/0/listeners/0/rules/1');
    expect(moved.patches.map((p) => p.op)).toEqual(['remove', 'add']);
    const after = patchScenario(s, moved.patches);
    if (!after.ok) throw new Error(JSON.stringify(after.errors));
    expect(rulePaths(after.value)).toEqual(['/checkout', '/static', '/api']);
    const inverse = invertPatches(s, moved.patches);
    if (!inverse.ok) throw new Error('inverse');
    const back = applyPatches(after.value, inverse.value);
    expect(back.ok && rulePaths(back.value as Scenario)).toEqual(['/checkout', '/api', '/static']);
  });

  it('moves down, and refuses past either end or for a pointer that is not a rule', () => {
    const s = withRules();
    const down = patchScenario(s, moveRulePatches(s, '/balancers/0/listeners/0/rules/0', 1)!.patches);
    expect(down.ok && rulePaths(down.value)).toEqual(['/api', '/checkout', '/static']);
    expect(moveRulePatches(s, '/balancers/0/listeners/0/rules/0', -1)).toBeNull();
    expect(moveRulePatches(s, '/balancers/0/listeners/0/rules/2', 1)).toBeNull();
    expect(moveRulePatches(s, '/targetGroups/0', 1)).toBeNull();
  });
});

describe('delete questions', () => {
  const ask = (s: Scenario, pointer: string): string => deleteQuestion(s, outlineOf(s).find((n) => n.pointer === pointer)!, deletePatches(s, pointer));

  it('name the node and where it sits, without repeating its kind', () => {
    const s = withRules();
    expect(ask(s, '/balancers/0/listeners/0/rules/1')).toBe('Delete rule 2 (/api → web) of listener https :443?');
    expect(ask(s, '/balancers/0/listeners/0')).toBe('Delete listener https :443 of balancer alb?');
    expect(ask(s, '/targetGroups/1')).toBe('Delete target group checkout and the rule forwarding to it?');
    expect(ask(s, `/targetGroups/0/targets/0`)).toBe(`Delete target ${s.targetGroups[0].targets[0].id} of target group web?`);
    expect(ask(s, '/balancers/0')).toBe('Delete balancer alb?');
    expect(ask(s, '/targetGroups/0/sessionStore')).toBe(`Delete the ${s.targetGroups[0].sessionStore.kind} session store of target group web? Its targets go back to keeping sessions in their own memory.`);
  });

  it('in Spanish, with the same parts in Spanish words (issue 19: the builder asks in the page\'s language)', () => {
    const s = withRules();
    overwriteGetLocale(() => 'es');
    try {
      expect(ask(s, '/balancers/0/listeners/0/rules/1')).toBe('¿Eliminar regla 2 (/api → web) de agente de escucha https :443?');
      expect(ask(s, '/targetGroups/1')).toBe('¿Eliminar grupo de destino checkout y la regla que le reenvía tráfico?');
      expect(ask(s, '/balancers/0')).toBe('¿Eliminar balanceador alb?');
      expect(ask(s, '/targetGroups/0/sessionStore')).toMatch(/^¿Eliminar el almacén de sesiones \w+ del grupo de destino web\? Sus destinos vuelven/);
    } finally {
      overwriteGetLocale(() => 'en');
    }
  });

  it('never say a kind twice ("listener rule rule")', () => {
    const s = withRules();
    for (const node of outlineOf(s).filter((n) => n.kind !== 'traffic')) {
      expect(deleteQuestion(s, node, deletePatches(s, node.pointer))).not.toMatch(/\b(\w+) \1\b/);
    }
  });
});

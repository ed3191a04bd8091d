/**
 * What the builder says and does to one node beyond its fields: the sentence that asks to delete it (in the
 * page's language: "Delete rule 2 (/checkout → checkout) of listener https :443?"), the patches that move a
 * listener rule up or down (rules are tried in order, so their order is part of the design), and the first
 * value of a block a learner adds (a cookie condition that the validator accepts and the learner then edits).
 */
import type { Scenario } from '../../scenario/schema.ts';
import { formatPointer, parsePointer, type PatchOp } from '../../scenario/json-patch.ts';
import type { JsonSchema } from '../../scenario/json-schema-walk.ts';
import { minimalValue } from './schema-fields.ts';
import { ruleWords, type OutlineNode } from './outline.ts';
import { kindWords } from './kind-words.ts';
import { m } from '../../i18n/paraglide/messages.js';

/** The node at `pointer` in words, with where it sits: "rule 2 (/checkout → checkout) of listener https :443". */
export function nodeWords(s: Scenario, node: OutlineNode): string {
  const named = (): string => m.node_named({ kind: kindWords(node.kind), name: node.name });
  const parts = parsePointer(node.pointer);
  if (typeof parts === 'string') return named();
  const n = parts.map(Number);
  const balancer = s.balancers[n[1]];
  const listener = balancer?.listeners[n[3]];
  const group = s.targetGroups[n[1]];
  const listenerWords = (l: NonNullable<typeof listener>): string => m.node_listener({ protocol: l.protocol, port: l.port });
  switch (node.kind) {
    case 'rule': {
      const rule = listener?.rules[n[5]];
      if (rule === undefined || listener === undefined) break;
      return m.node_rule_of({ n: n[5] + 1, rule: ruleWords(rule), listener: listenerWords(listener) });
    }
    case 'listener':
      if (listener === undefined) break;
      return m.node_listener_of({ listener: listenerWords(listener), balancer: balancer.id });
    case 'target': {
      const target = group?.targets[n[3]];
      if (target === undefined) break;
      return m.node_target_of({ id: target.id, group: group.id });
    }
    case 'session-store':
      if (group === undefined) break;
      return m.node_session_store_of({ store: group.sessionStore.kind, group: group.id });
    case 'record': {
      const record = s.dns?.records[n[2]];
      if (record === undefined || s.dns === undefined) break;
      return m.node_record_of({ id: record.id, balancer: record.balancer, name: s.dns.name });
    }
    case 'scaling-group': {
      const g = s.scalingGroups[n[1]];
      if (g === undefined) break;
      return m.node_scaling_group_of({ id: g.id, group: g.targetGroup });
    }
    default:
      break;
  }
  return named();
}

/** The question before deleting `node` with `patches` (deletePatches: a group takes the rules forwarding to it along). */
export function deleteQuestion(s: Scenario, node: OutlineNode, patches: readonly PatchOp[]): string {
  const what = nodeWords(s, node);
  if (node.kind === 'session-store') return m.builder_delete_question_store({ what });
  const rules = patches.filter((p) => p.op === 'remove' && p.path !== node.pointer).length;
  if (rules === 0) return m.builder_delete_question({ what });
  return rules === 1 ? m.builder_delete_question_rule({ what }) : m.builder_delete_question_rules({ what, count: rules });
}

/** Where a rule pointer sits: its listener's rules and its index; null for any other pointer. */
function ruleAt(s: Scenario, pointer: string): { b: number; l: number; k: number; count: number } | null {
  const parts = parsePointer(pointer);
  if (typeof parts === 'string' || parts.length !== 6 || parts[0] !== 'balancers' || parts[2] !== 'listeners' || parts[4] !== 'rules') return null;
  const [b, l, k] = [Number(parts[1]), Number(parts[3]), Number(parts[5])];
  const rules = s.balancers[b]?.listeners[l]?.rules;
  return rules === undefined || rules[k] === undefined ? null : { b, l, k, count: rules.length };
}

/**
 * The patches that move the rule at `pointer` by `by` places (-1 up, +1 down) as one change — a remove and
 * an add at the new index — and the rule's pointer afterwards; null when it cannot move that way.
 */
export function moveRulePatches(s: Scenario, pointer: string, by: -1 | 1): { patches: PatchOp[]; pointer: string } | null {
  const at = ruleAt(s, pointer);
  if (at === null) return null;
  const to = at.k + by;
  if (to < 0 || to >= at.count) return null;
  const rule = structuredClone(s.balancers[at.b].listeners[at.l].rules[at.k]);
  const moved = formatPointer(['balancers', at.b, 'listeners', at.l, 'rules', to]);
  return { patches: [{ op: 'remove', path: pointer }, { op: 'add', path: moved, value: rule }], pointer: moved };
}

/**
 * A rate limit added in the inspector applies at once, so it starts loose enough that no ordinary client is
 * refused (a person behind a NAT address sends a few requests a second), and the learner tightens it: the
 * schema's smallest, 1 request a second, would refuse shoppers before anything was typed.
 */
const STARTER_RATE_LIMIT = { ratePerSec: 100, burst: 100 };

/**
 * The value a block starts with when a learner adds it in the inspector: the schema's smallest value, except
 * where that would be refused — a rule's cookie condition starts as the first cookie the clients carry (its
 * last value, e.g. ab=b), else ab=b; a header condition as x-variant: b — or would change the run before the
 * learner chose anything (a rate limit: STARTER_RATE_LIMIT). The learner edits it from there.
 */
export function starterValue(s: Scenario, pointer: string, schema: JsonSchema): unknown {
  if (/^\/balancers\/\d+\/rateLimit$/.test(pointer)) return { ...STARTER_RATE_LIMIT };
  if (/\/rules\/\d+\/match\/cookie$/.test(pointer)) {
    const cookie = s.traffic.clients?.cookies?.[0];
    return cookie ? { name: cookie.name, value: cookie.values[cookie.values.length - 1].value } : { name: 'ab', value: 'b' };
  }
  if (/\/rules\/\d+\/match\/header$/.test(pointer)) return { name: 'x-variant', value: 'b' };
  return minimalValue(schema);
}

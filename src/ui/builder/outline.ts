/**
 * The builder's outline: every node of a scenario a learner can select — balancers, their listeners and
 * rules, target groups with their session store and targets, databases, the DNS name and its records,
 * scaling groups, deployments — each with the JSON Pointer of its object, a kind and a name, in the scenario's order.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { formatPointer } from '../../scenario/json-patch.ts';

export type NodeKind = 'traffic' | 'balancer' | 'listener' | 'rule' | 'target-group' | 'session-store' | 'target' | 'database' | 'dns' | 'record' | 'scaling-group' | 'deployment';

export interface OutlineNode {
  pointer: string;
  kind: NodeKind;
  /** What it is called on screen: "rule 1: /checkout → checkout". */
  name: string;
  depth: number;
}

/** The kind in words, for headings and accessible names. */
export const KIND_WORDS: Record<NodeKind, string> = {
  traffic: 'traffic',
  balancer: 'balancer',
  listener: 'listener',
  rule: 'listener rule',
  'target-group': 'target group',
  'session-store': 'session store',
  target: 'target',
  database: 'database',
  dns: 'DNS name',
  record: 'DNS record',
  'scaling-group': 'scaling group',
  deployment: 'deployment',
};

/** A rule's condition in a few words. */
export function ruleWords(rule: Scenario['balancers'][number]['listeners'][number]['rules'][number]): string {
  const m = rule.match;
  const parts = [m.pathPrefix, m.host && `host ${m.host}`, m.header && `${m.header.name}: ${m.header.value}`, m.cookie && `cookie ${m.cookie.name}=${m.cookie.value}`].filter(Boolean);
  return `${parts.join(', ')} → ${rule.forward}`;
}

export function outlineOf(s: Scenario): OutlineNode[] {
  const out: OutlineNode[] = [{ pointer: '/traffic', kind: 'traffic', name: 'traffic', depth: 0 }];
  if (s.dns) {
    out.push({ pointer: '/dns', kind: 'dns', name: s.dns.name, depth: 0 });
    s.dns.records.forEach((r, i) => out.push({ pointer: formatPointer(['dns', 'records', i]), kind: 'record', name: `${r.id} → ${r.balancer}`, depth: 1 }));
  }
  s.balancers.forEach((b, i) => {
    out.push({ pointer: formatPointer(['balancers', i]), kind: 'balancer', name: b.id, depth: 0 });
    b.listeners.forEach((l, j) => {
      out.push({ pointer: formatPointer(['balancers', i, 'listeners', j]), kind: 'listener', name: `${l.protocol} :${l.port}`, depth: 1 });
      l.rules.forEach((r, k) => out.push({ pointer: formatPointer(['balancers', i, 'listeners', j, 'rules', k]), kind: 'rule', name: `rule ${k + 1}: ${ruleWords(r)}`, depth: 2 }));
    });
  });
  s.targetGroups.forEach((g, i) => {
    out.push({ pointer: formatPointer(['targetGroups', i]), kind: 'target-group', name: g.id, depth: 0 });
    out.push({ pointer: formatPointer(['targetGroups', i, 'sessionStore']), kind: 'session-store', name: `sessions: ${g.sessionStore.kind}`, depth: 1 });
    g.targets.forEach((t, j) => out.push({ pointer: formatPointer(['targetGroups', i, 'targets', j]), kind: 'target', name: t.id, depth: 1 }));
  });
  s.databases.forEach((d, i) => out.push({ pointer: formatPointer(['databases', i]), kind: 'database', name: d.id, depth: 0 }));
  s.scalingGroups.forEach((g, i) => out.push({ pointer: formatPointer(['scalingGroups', i]), kind: 'scaling-group', name: `${g.id} (${g.targetGroup})`, depth: 0 }));
  s.deployments.forEach((d, i) => out.push({ pointer: formatPointer(['deployments', i]), kind: 'deployment', name: `${d.id} (${d.kind}: ${d.from} → ${d.to})`, depth: 0 }));
  return out;
}

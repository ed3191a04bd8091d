/**
 * The builder's outline: every node of a scenario a learner can select — balancers, their listeners and
 * rules, target groups with their session store and targets, databases, the DNS name and its records,
 * scaling groups, deployments — each with the JSON Pointer of its object, a kind and a name, in the scenario's order.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { formatPointer } from '../../scenario/json-patch.ts';
import type { NodeRef } from '../../viz/node-ref.ts';
import { m } from '../../i18n/paraglide/messages.js';

export type NodeKind = 'traffic' | 'balancer' | 'listener' | 'rule' | 'target-group' | 'session-store' | 'target' | 'database' | 'dns' | 'record' | 'scaling-group' | 'deployment';

export interface OutlineNode {
  pointer: string;
  kind: NodeKind;
  /** What it is called on screen: "rule 1: /checkout → checkout". */
  name: string;
  depth: number;
}

/** A rule's condition in a few words. */
export function ruleWords(rule: Scenario['balancers'][number]['listeners'][number]['rules'][number]): string {
  const match = rule.match;
  const parts = [match.pathPrefix, match.host && `host ${match.host}`, match.header && `${match.header.name}: ${match.header.value}`, match.cookie && `cookie ${match.cookie.name}=${match.cookie.value}`].filter(Boolean);
  return `${parts.join(', ')} → ${rule.forward}`;
}

export function outlineOf(s: Scenario): OutlineNode[] {
  const out: OutlineNode[] = [{ pointer: '/traffic', kind: 'traffic', name: m.outline_traffic(), depth: 0 }];
  if (s.dns) {
    out.push({ pointer: '/dns', kind: 'dns', name: s.dns.name, depth: 0 });
    s.dns.records.forEach((r, i) => out.push({ pointer: formatPointer(['dns', 'records', i]), kind: 'record', name: `${r.id} → ${r.balancer}`, depth: 1 }));
  }
  s.balancers.forEach((b, i) => {
    out.push({ pointer: formatPointer(['balancers', i]), kind: 'balancer', name: b.id, depth: 0 });
    b.listeners.forEach((l, j) => {
      out.push({ pointer: formatPointer(['balancers', i, 'listeners', j]), kind: 'listener', name: `${l.protocol} :${l.port}`, depth: 1 });
      l.rules.forEach((r, k) => out.push({ pointer: formatPointer(['balancers', i, 'listeners', j, 'rules', k]), kind: 'rule', name: m.outline_rule({ n: k + 1, rule: ruleWords(r) }), depth: 2 }));
    });
  });
  s.targetGroups.forEach((g, i) => {
    out.push({ pointer: formatPointer(['targetGroups', i]), kind: 'target-group', name: g.id, depth: 0 });
    out.push({ pointer: formatPointer(['targetGroups', i, 'sessionStore']), kind: 'session-store', name: m.outline_sessions({ kind: g.sessionStore.kind }), depth: 1 });
    g.targets.forEach((t, j) => out.push({ pointer: formatPointer(['targetGroups', i, 'targets', j]), kind: 'target', name: t.id, depth: 1 }));
  });
  s.databases.forEach((d, i) => out.push({ pointer: formatPointer(['databases', i]), kind: 'database', name: d.id, depth: 0 }));
  s.scalingGroups.forEach((g, i) => out.push({ pointer: formatPointer(['scalingGroups', i]), kind: 'scaling-group', name: `${g.id} (${g.targetGroup})`, depth: 0 }));
  s.deployments.forEach((d, i) => out.push({ pointer: formatPointer(['deployments', i]), kind: 'deployment', name: `${d.id} (${d.kind}: ${d.from} → ${d.to})`, depth: 0 }));
  return out;
}

/** The JSON Pointer of a part picked on the diagram (viz/node-ref.ts) in `s`; null when it is not there (any more). */
export function pointerOfRef(s: Scenario, ref: NodeRef): string | null {
  const index = <T extends { id: string }>(list: readonly T[], id: string): number => list.findIndex((x) => x.id === id);
  const at = (parts: (string | number)[], ok: boolean): string | null => (ok ? formatPointer(parts) : null);
  switch (ref.kind) {
    case 'traffic':
      return '/traffic';
    case 'dns':
      return at(['dns'], s.dns !== undefined);
    case 'balancer': {
      const b = index(s.balancers, ref.id);
      return at(['balancers', b], b >= 0);
    }
    case 'listener': {
      const b = index(s.balancers, ref.balancer);
      return at(['balancers', b, 'listeners', ref.listener], b >= 0 && s.balancers[b].listeners[ref.listener] !== undefined);
    }
    case 'rule': {
      const b = index(s.balancers, ref.balancer);
      return at(['balancers', b, 'listeners', ref.listener, 'rules', ref.rule], b >= 0 && s.balancers[b].listeners[ref.listener]?.rules[ref.rule] !== undefined);
    }
    case 'target-group': {
      const g = index(s.targetGroups, ref.id);
      return at(['targetGroups', g], g >= 0);
    }
    case 'session-store': {
      const g = index(s.targetGroups, ref.group);
      return at(['targetGroups', g, 'sessionStore'], g >= 0);
    }
    case 'target': {
      for (const [g, group] of s.targetGroups.entries()) {
        const t = index(group.targets, ref.id);
        if (t >= 0) return formatPointer(['targetGroups', g, 'targets', t]);
      }
      return null;
    }
    case 'database': {
      const d = index(s.databases, ref.id);
      return at(['databases', d], d >= 0);
    }
    case 'scaling-group': {
      const a = index(s.scalingGroups, ref.id);
      return at(['scalingGroups', a], a >= 0);
    }
  }
}

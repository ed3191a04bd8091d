/**
 * The builder's palette: the patches that add a component to a scenario (a balancer, a listener rule, a
 * target group, a database, a shared session store, a DNS name, a scaling group) next to what is selected,
 * and the patches that delete a node (a target group together with the rules that forward to it). The
 * patches are checked by the validator like any other; here they are only made.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { formatPointer, parsePointer, type PatchOp } from '../../scenario/json-patch.ts';

export type PaletteKind = 'balancer' | 'rule' | 'target-group' | 'database' | 'session-store' | 'dns' | 'scaling-group';

export const PALETTE: readonly { kind: PaletteKind; label: string; asks: 'name' | 'path' | null }[] = [
  { kind: 'target-group', label: 'Target group', asks: 'name' },
  { kind: 'rule', label: 'Listener rule', asks: 'path' },
  { kind: 'balancer', label: 'Balancer', asks: 'name' },
  { kind: 'database', label: 'Database', asks: 'name' },
  { kind: 'session-store', label: 'Shared session store', asks: null },
  { kind: 'dns', label: 'DNS name', asks: 'name' },
  { kind: 'scaling-group', label: 'Scaling group', asks: 'name' },
];

/** The list positions a pointer names: `/balancers/0/listeners/1/rules/2` → { balancers: 0, listeners: 1, rules: 2 }. */
export function positionsOf(pointer: string | null): Record<string, number> {
  const parts = pointer === null ? [] : parsePointer(pointer);
  const out: Record<string, number> = {};
  if (typeof parts === 'string') return out;
  for (let i = 0; i + 1 < parts.length; i++) if (/^\d+$/.test(parts[i + 1])) out[parts[i]] = Number(parts[i + 1]);
  return out;
}

/** An id not yet used by anything in the scenario: `wanted`, else `wanted-2`, `wanted-3`… */
export function freshId(s: Scenario, wanted: string): string {
  const taken = new Set<string>([
    ...s.balancers.map((b) => b.id),
    ...s.targetGroups.flatMap((g) => [g.id, ...g.targets.map((t) => t.id)]),
    ...s.databases.map((d) => d.id),
    ...s.scalingGroups.map((g) => g.id),
  ]);
  if (!taken.has(wanted)) return wanted;
  for (let k = 2; ; k++) if (!taken.has(`${wanted}-${k}`)) return `${wanted}-${k}`;
}

/** What the palette offers to name a new component of this kind. */
export function suggestedName(s: Scenario, kind: PaletteKind): string {
  const base = { balancer: 'lb', rule: '/new', 'target-group': 'group', database: 'db', 'session-store': '', dns: 'shop.example.com', 'scaling-group': 'asg' }[kind];
  return kind === 'rule' || kind === 'dns' || kind === 'session-store' ? base : freshId(s, base);
}

/** The patches that add a component of `kind` named `name`, beside the node selected (or the first of its kind). */
export function addPatches(s: Scenario, kind: PaletteKind, name: string, selected: string | null): PatchOp[] {
  const at = positionsOf(selected);
  const g = Math.min(at.targetGroups ?? s.targetGroups.length - 1, s.targetGroups.length - 1);
  const group = s.targetGroups[g];
  switch (kind) {
    case 'target-group': {
      const template = group.targets[0];
      const { address: _a, haproxyId: _h, ...rest } = template;
      const targets = ['1', '2'].map((k) => ({ ...structuredClone(rest), id: freshId(s, `${name}-${k}`) }));
      return [{ op: 'add', path: '/targetGroups/-', value: { id: name, algorithm: 'round-robin', targets } }];
    }
    case 'rule': {
      const b = at.balancers ?? 0;
      const l = at.listeners ?? 0;
      // forwards where the listener's default action does; the learner connects it by choosing its group
      const listener = s.balancers[b]?.listeners[l];
      const forward = listener?.defaultForward ?? s.targetGroups[0].id;
      return [{ op: 'add', path: formatPointer(['balancers', b, 'listeners', l, 'rules', '-']), value: { match: { pathPrefix: name }, forward } }];
    }
    case 'balancer':
      return [{ op: 'add', path: '/balancers/-', value: { id: name, listeners: [{ port: 80, defaultForward: group.id }] } }];
    case 'database': {
      const patches: PatchOp[] = [{ op: 'add', path: '/databases/-', value: { id: name } }];
      if (at.targetGroups !== undefined && group.database === undefined) patches.push({ op: 'add', path: formatPointer(['targetGroups', g, 'database']), value: { id: name } });
      return patches;
    }
    case 'session-store':
      return [{ op: 'replace', path: formatPointer(['targetGroups', g, 'sessionStore']), value: { kind: 'shared' } }];
    case 'dns':
      return [{ op: 'add', path: '/dns', value: { name, policy: 'simple', records: [{ id: 'main', balancer: s.balancers[0].id }] } }];
    case 'scaling-group':
      // with its (empty) list of policies written out: "Add policy" then appends to it, and a replay of the patches
      // that does not fill in the schema's defaults (the change list's names, describe-patch.ts) finds the list
      return [{ op: 'add', path: '/scalingGroups/-', value: { id: name, targetGroup: group.id, min: 1, max: Math.max(10, group.targets.length * 2), policies: [] } }];
  }
}

/**
 * The patches that delete the node at `pointer`: a target group goes together with the rules that forward to
 * it (else the validator refuses it: a rule would forward to nothing); a session store goes back to memory.
 */
export function deletePatches(s: Scenario, pointer: string): PatchOp[] {
  const parts = parsePointer(pointer);
  if (typeof parts === 'string') return [];
  if (parts[parts.length - 1] === 'sessionStore') return [{ op: 'replace', path: pointer, value: { kind: 'memory' } }];
  const patches: PatchOp[] = [];
  if (parts.length === 2 && parts[0] === 'targetGroups') {
    const id = s.targetGroups[Number(parts[1])]?.id;
    // rules last to first, so that each index still names the rule meant
    s.balancers.forEach((b, i) =>
      b.listeners.forEach((l, j) => {
        for (let k = l.rules.length - 1; k >= 0; k--) if (l.rules[k].forward === id) patches.push({ op: 'remove', path: formatPointer(['balancers', i, 'listeners', j, 'rules', k]) });
      }),
    );
  }
  patches.push({ op: 'remove', path: pointer });
  return patches;
}

/** What a reference field names: target groups, balancers or databases (for a choice instead of free text). */
export function referenceChoices(s: Scenario, key: string, pointer: string): string[] | null {
  if (['forward', 'defaultForward', 'targetGroup', 'group'].includes(key)) return s.targetGroups.map((g) => g.id);
  if (key === 'balancer') return s.balancers.map((b) => b.id);
  // a deployment shifts traffic from one target group to another
  if ((key === 'from' || key === 'to') && /^\/deployments\/\d+\/(from|to)$/.test(pointer)) return s.targetGroups.map((g) => g.id);
  if (key === 'id' && /\/targetGroups\/\d+\/database\/id$/.test(pointer)) return s.databases.map((d) => d.id);
  return null;
}

/**
 * Cross-field rules for a balancer's `inspection` (AWS Gateway Load Balancer, network/inspection.ts): the
 * appliance group must exist, and it holds appliances, not the application, so no listener, rule, weighted
 * split or deployment may forward requests to it, and one group serves one balancer's inspection.
 */
import type { Scenario } from './schema.ts';
import type { ValidationError } from './validated.ts';
import { coded } from './error-codes.ts';

/** Target groups that listeners or deployments send requests to. */
function forwardedTo(s: Scenario): Set<string> {
  const ids = new Set<string>();
  for (const b of s.balancers) {
    for (const l of b.listeners) {
      if (l.defaultForward !== undefined) ids.add(l.defaultForward);
      for (const r of l.rules) ids.add(r.forward);
      for (const w of l.weightedForward ?? []) ids.add(w.group);
    }
  }
  for (const d of s.deployments) ids.add(d.from).add(d.to);
  return ids;
}

export function checkInspection(s: Scenario): ValidationError[] {
  const errors: ValidationError[] = [];
  const used = forwardedTo(s);
  const inspectedBy = new Map<string, string>();
  s.balancers.forEach((b, bi) => {
    const ins = b.inspection;
    if (ins === undefined) return;
    const at = `balancers[${bi}].inspection.targetGroup`;
    const g = s.targetGroups.find((x) => x.id === ins.targetGroup);
    if (g === undefined) errors.push(coded(at, 'val_no_group', { id: ins.targetGroup }));
    else if (used.has(g.id)) errors.push(coded(at, 'val_inspection_used', { group: g.id }));
    else if (inspectedBy.has(g.id)) errors.push(coded(at, 'val_inspection_shared', { group: g.id, balancer: inspectedBy.get(g.id)! }));
    else inspectedBy.set(g.id, b.id);
  });
  return errors;
}

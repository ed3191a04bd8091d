/**
 * Adopting deployments live, matched by id: a new one starts at its time (or now, if that has passed); one
 * with new settings takes them at its next step; a removed one stops where it is (its weights stay until
 * someone changes them).
 */
import type { Scenario } from '../../scenario/schema.ts';
import type { SimState } from '../state.ts';
import { deploymentRun } from '../releases/deployment-data.ts';
import { scheduleFirstStep } from '../releases/deployments.ts';

export function adoptDeployments(s: SimState, next: Scenario): void {
  const seen = new Set<number>();
  for (const cfg of next.deployments) {
    const i = s.deployments.findIndex((d) => d.cfg.id === cfg.id);
    if (i >= 0) {
      s.deployments[i].cfg = cfg;
      s.deployments[i].removed = false;
      seen.add(i);
      continue;
    }
    s.deployments.push(deploymentRun(cfg));
    seen.add(s.deployments.length - 1);
    scheduleFirstStep(s, s.deployments.length - 1);
  }
  s.deployments.forEach((d, i) => (d.removed = !seen.has(i)));
}

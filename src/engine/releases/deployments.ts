/**
 * Releasing a new version by moving a listener's traffic from one target group to another, as with
 * ALB weighted target groups: blue/green switches everything at once; a canary sends a growing share
 * in steps. During each step the new group's error rate is watched; above the threshold (with enough
 * requests to judge) the deployment rolls back: all traffic returns to the old group.
 */
import type { Scenario } from '../../scenario/schema.ts';
import type { SimState } from '../state.ts';
import type { DeploymentData, DeploymentProgress } from './deployment-data.ts';
import { EV_DEPLOY_STEP } from '../event-kinds.ts';
import { setForwardWeights } from './forward-weights.ts';
import type { InfraSnapshot } from '../types.ts';

/** Every deployment waiting for its start (null when the scenario has none). */
export function createDeployments(scenario: Scenario): DeploymentData | null {
  return scenario.deployments.length === 0 ? null : scenario.deployments.map(() => ({ state: 'waiting', ok: 0, failed: 0, percent: 0 }));
}

/** Each deployment's first step at its start time. */
export function scheduleDeployments(s: SimState): void {
  s.scenario.deployments.forEach((d, i) => s.queue.push(d.atSec * 1000, EV_DEPLOY_STEP, i, 0));
}

/** Each deployment's state, for snapshots. */
export function deploymentStates(s: SimState): InfraSnapshot['deployments'] {
  const progress = s.deployments;
  if (progress === null) return [];
  return s.scenario.deployments.map((d, i) => ({ id: d.id, from: d.from, to: d.to, state: progress[i].state, percent: progress[i].percent }));
}

function steps(s: SimState, i: number): { percent: number; holdSec: number }[] {
  const d = s.scenario.deployments[i];
  return d.kind === 'blue-green' ? [{ percent: 100, holdSec: d.steps[d.steps.length - 1]?.holdSec ?? 60 }] : d.steps;
}

/** Answers of the group so far (attempts at its targets). */
function counts(s: SimState, group: string): { ok: number; failed: number } {
  const g = s.groups.findIndex((x) => x.id === group);
  let ok = 0;
  let failed = 0;
  for (const t of s.groups[g].members) {
    ok += s.store.ok[t];
    failed += s.store.failed[t];
  }
  return { ok, failed };
}

/** Step k of deployment i: judge the previous step's errors (roll back?), then move to the next share. */
export function onDeployStep(s: SimState, i: number, k: number): void {
  const d = s.scenario.deployments[i];
  const p: DeploymentProgress = s.deployments![i];
  if (p.state === 'done' || p.state === 'rolled-back') return;
  const all = steps(s, i);
  if (k > 0) {
    const now = counts(s, d.to);
    const ok = now.ok - p.ok;
    const failed = now.failed - p.failed;
    const rate = ok + failed > 0 ? (failed * 100) / (ok + failed) : 0;
    if (ok + failed >= d.rollback.minRequests && rate > d.rollback.errorRatePercent) {
      setForwardWeights(s, d.balancer, d.port, [{ group: d.from, weight: 100 }, { group: d.to, weight: 0 }]);
      p.state = 'rolled-back';
      p.percent = 0;
      s.log.add(s.nowMs, 'deploy', d.id, `${d.id} rolled back: ${d.to} failed ${rate.toFixed(1)} % of ${ok + failed} requests (limit ${d.rollback.errorRatePercent} %); all traffic is back on ${d.from}`);
      return;
    }
  }
  if (k === all.length) {
    p.state = 'done';
    s.log.add(s.nowMs, 'deploy', d.id, `${d.id} finished: ${d.to} takes ${all[all.length - 1].percent} % of the traffic`);
    return;
  }
  const step = all[k];
  setForwardWeights(s, d.balancer, d.port, [{ group: d.from, weight: 100 - step.percent }, { group: d.to, weight: step.percent }]);
  const c = counts(s, d.to);
  p.ok = c.ok;
  p.failed = c.failed;
  p.state = 'running';
  p.percent = step.percent;
  s.log.add(s.nowMs, 'deploy', d.id, `${d.id}: ${step.percent} % of requests to ${d.to}, watched for ${step.holdSec} s`);
  s.queue.push(s.nowMs + step.holdSec * 1000, EV_DEPLOY_STEP, i, k + 1);
}

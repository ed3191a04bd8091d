/**
 * Releasing a new version by moving a listener's traffic from one target group to another, as with
 * ALB weighted target groups: blue/green switches everything at once; a canary sends a growing share
 * in steps. During each step the new group's error rate is watched; above the threshold (with enough
 * requests to judge) the deployment rolls back: all traffic returns to the old group.
 */
import type { Scenario } from '../../scenario/schema.ts';
import type { SimState } from '../state.ts';
import { deploymentRun, type DeploymentRun } from './deployment-data.ts';
import { EV_DEPLOY_STEP } from '../event-kinds.ts';
import { setForwardWeights } from './forward-weights.ts';
import type { InfraSnapshot } from '../types.ts';

/** Every deployment waiting for its start. */
export function createDeployments(scenario: Scenario): DeploymentRun[] {
  return scenario.deployments.map(deploymentRun);
}

/** Each deployment's first step at its start time. */
export function scheduleDeployments(s: SimState): void {
  s.deployments.forEach((d, i) => scheduleFirstStep(s, i));
}

/** Deployment i's first step, at its start time (or now, if that has passed). */
export function scheduleFirstStep(s: SimState, i: number): void {
  s.queue.push(Math.max(s.deployments[i].cfg.atSec * 1000, s.nowMs), EV_DEPLOY_STEP, i, 0);
}

/** Each deployment's state, for snapshots. */
export function deploymentStates(s: SimState): InfraSnapshot['deployments'] {
  return s.deployments.filter((d) => !d.removed).map(({ cfg, state, percent }) => ({ id: cfg.id, from: cfg.from, to: cfg.to, state, percent }));
}

function steps(d: DeploymentRun['cfg']): { percent: number; holdSec: number }[] {
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
  const p = s.deployments[i];
  const d = p.cfg;
  if (p.state === 'done' || p.state === 'rolled-back' || p.removed) return;
  const all = steps(d);
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

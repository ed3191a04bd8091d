/**
 * Releasing a new version by moving a listener's traffic from one target group to another, as with
 * ALB weighted target groups: blue/green switches everything at once; a canary sends a growing share
 * in steps. During each step the new group's error rate is watched; above the threshold (with enough
 * requests to judge) the deployment rolls back: all traffic returns to the old group.
 */
import type { Engine } from './simulation.ts';
import { EV_DEPLOY_STEP } from './event-kinds.ts';
import { ROUTE_PER_REQUEST } from './world.ts';
import { listenerFor } from './balancer/router.ts';
import type { BalancerRuntime } from './balancer/balancer-runtime.ts';

interface Progress {
  state: 'waiting' | 'running' | 'done' | 'rolled-back';
  ok: number;
  failed: number;
  /** Share of traffic sent to the new group now. */
  percent: number;
}

export class Deployments {
  private readonly progress: Progress[];

  constructor(private readonly e: Engine) {
    this.progress = e.scenario.deployments.map(() => ({ state: 'waiting', ok: 0, failed: 0, percent: 0 }));
    e.scenario.deployments.forEach((d, i) => e.queue.push(d.atSec * 1000, EV_DEPLOY_STEP, i, 0));
  }

  /** Each deployment's state, for snapshots. */
  states(): { id: string; from: string; to: string; state: Progress['state']; percent: number }[] {
    return this.e.scenario.deployments.map((d, i) => ({ id: d.id, from: d.from, to: d.to, state: this.progress[i].state, percent: this.progress[i].percent }));
  }

  private steps(i: number): { percent: number; holdSec: number }[] {
    const d = this.e.scenario.deployments[i];
    return d.kind === 'blue-green' ? [{ percent: 100, holdSec: d.steps[d.steps.length - 1]?.holdSec ?? 60 }] : d.steps;
  }

  /** Answers of the group so far (attempts at its targets). */
  private counts(group: string): { ok: number; failed: number } {
    const g = this.e.groupIndex(group);
    let ok = 0;
    let failed = 0;
    for (const t of this.e.groups[g].members) {
      ok += this.e.store.ok[t];
      failed += this.e.store.failed[t];
    }
    return { ok, failed };
  }

  onStep(i: number, k: number): void {
    const e = this.e;
    const d = e.scenario.deployments[i];
    const p = this.progress[i];
    if (p.state === 'done' || p.state === 'rolled-back') return;
    const steps = this.steps(i);
    if (k > 0) {
      const now = this.counts(d.to);
      const ok = now.ok - p.ok;
      const failed = now.failed - p.failed;
      const rate = ok + failed > 0 ? (failed * 100) / (ok + failed) : 0;
      if (ok + failed >= d.rollback.minRequests && rate > d.rollback.errorRatePercent) {
        setWeights(e, d.balancer, d.port, [{ group: d.from, weight: 100 }, { group: d.to, weight: 0 }]);
        p.state = 'rolled-back';
        p.percent = 0;
        e.log.add(e.nowMs, 'deploy', d.id, `${d.id} rolled back: ${d.to} failed ${rate.toFixed(1)} % of ${ok + failed} requests (limit ${d.rollback.errorRatePercent} %); all traffic is back on ${d.from}`);
        return;
      }
    }
    if (k === steps.length) {
      p.state = 'done';
      e.log.add(e.nowMs, 'deploy', d.id, `${d.id} finished: ${d.to} takes ${steps[steps.length - 1].percent} % of the traffic`);
      return;
    }
    const step = steps[k];
    setWeights(e, d.balancer, d.port, [{ group: d.from, weight: 100 - step.percent }, { group: d.to, weight: step.percent }]);
    const c = this.counts(d.to);
    p.ok = c.ok;
    p.failed = c.failed;
    p.state = 'running';
    p.percent = step.percent;
    e.log.add(e.nowMs, 'deploy', d.id, `${d.id}: ${step.percent} % of requests to ${d.to}, watched for ${step.holdSec} s`);
    e.queue.push(e.nowMs + step.holdSec * 1000, EV_DEPLOY_STEP, i, k + 1);
  }
}

/** Sets a listener's weighted default action; its requests are then routed per request. */
export function setWeights(e: Engine, balancerId: string, port: number | undefined, weights: { group: string; weight: number }[]): string | null {
  const b = e.balancers.find((x) => x.id === balancerId);
  if (!b) return `no balancer with id "${balancerId}"`;
  const listener = port === undefined ? b.cfg.listeners[0] : b.cfg.listeners.find((l) => l.port === port);
  if (!listener) return `${balancerId} has no listener on port ${port}`;
  b.weights.set(listener.port, weights.map((w) => ({ ...w })));
  routeListenerPerRequest(e, b, listener.port);
  return null;
}

function routeListenerPerRequest(e: Engine, b: BalancerRuntime, port: number): void {
  e.mix.classes.forEach((cls, c) => {
    if (listenerFor(b.cfg, cls).port === port) b.groupOfClass[c] = ROUTE_PER_REQUEST;
  });
}

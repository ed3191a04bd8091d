/**
 * An EC2 Auto Scaling group at run time. It owns a target group's targets as instances: launches them
 * into the least-used zone, boots them (not registered yet), registers them (the balancer's health
 * check then decides when they take traffic), keeps them out of the metrics while they warm up,
 * replaces the unhealthy (EC2: a stopped instance; ELB: also one the balancer marks unhealthy, after the
 * grace period; at most 10 % of desired at a time), and terminates by the termination policy after
 * draining. Policies see CloudWatch-like metrics fed once per simulated second, so scaling reacts late;
 * CPUUtilization is compute only, as on a real instance (a request waiting on the database burns none).
 * A spot interruption comes with EC2's two-minute notice (EC2 User Guide, "Spot Instance interruption
 * notices": the warning is issued two minutes before EC2 stops or terminates the instance): at the notice
 * the instance is deregistered and drains; 2 min later it is reclaimed (billing stops, what it still holds
 * fails, the drain ends) and the group, having counted it gone since the notice, has a replacement booting.
 */
import type { ScalingGroupConfig, Scenario } from '../../scenario/schema.ts';
import type { SimState } from '../state.ts';
import type { TargetStore } from '../backend/targets.ts';
import type { TargetGroup } from '../balancer/target-group.ts';
import { EV_ASG_TICK, EV_INSTANCE_READY, EV_SPOT_INTERRUPT } from '../event-kinds.ts';
import { LC_IN_SERVICE, LC_PENDING, LC_UNUSED, TARGET_CRASHED } from '../backend/targets.ts';
import { UNHEALTHY } from '../health/health-state.ts';
import { healthOf } from '../health/health-data.ts';
import { targetRegistered } from '../health/checks.ts';
import { chooseInstancesToTerminate, chooseRebalanceTerminations, largestDecision, planRebalance, spotInterruptionDelayMs, zonesForLaunches, type PodSample, type ScalingContext } from './index.ts';
import { INST_IN_SERVICE, INST_PENDING, INST_TERMINATED, INST_TERMINATING, ScalingGroup, type Instance } from './scaling-group.ts';
import { applyInstanceType, stopBilling } from '../backend/instance.ts';
import { addTarget, afterDrained, crashTarget, deregisterTarget, finishDraining } from '../backend/lifecycle.ts';
import { reconcileDatabases } from '../infra/databases.ts';
import { groupsOf } from '../balancer/router.ts';
import type { ScalingReport } from '../types.ts';

/** Seconds between health sweeps and policy evaluations when no policy asks for sooner. */
const TICK_MS = 10_000;

/** The scenario's scaling groups, each adopting its target group's targets. */
export function createScalingGroups(scenario: Scenario, groups: readonly TargetGroup[], store: TargetStore, zoneNames: readonly string[]): ScalingGroup[] {
  return scenario.scalingGroups.map((cfg, index) => scalingGroupFor(scenario, cfg, index, groups, store, zoneNames));
}

/** A scaling group adopting its target group's members as in-service instances. */
export function scalingGroupFor(scenario: Scenario, cfg: ScalingGroupConfig, index: number, groups: readonly TargetGroup[], store: TargetStore, zoneNames: readonly string[]): ScalingGroup {
  const g = groups.findIndex((x) => x.id === cfg.targetGroup && !x.retired);
  const members = groups[g].members.map((t) => ({ t, zone: store.zoneOf[t] >= 0 ? zoneNames[store.zoneOf[t]] : '' }));
  return new ScalingGroup(cfg, index, g, members, launchZones(scenario, cfg, members.map((m) => m.zone)));
}

/** The zones a scaling group launches into: those of the balancers that forward to its group (not another region's), else its members'. */
export function launchZones(scenario: Scenario, cfg: ScalingGroupConfig, memberZones: readonly string[]): string[] {
  const balancerZones = scenario.balancers.filter((b) => groupsOf(b).includes(cfg.targetGroup)).flatMap((b) => b.zones ?? []);
  return balancerZones.length > 0 ? [...new Set(balancerZones)] : [...new Set(memberZones)];
}

/** Every group's first sweep and evaluation, at time 0. */
export function startScaling(s: SimState): void {
  for (const a of s.scalingGroups) s.queue.push(0, EV_ASG_TICK, a.index, 0);
}

/**
 * Feeds one second of metrics, from in-service instances past their warm-up; CPU is compute only (`cpuShare` per
 * target). Target t's requests in that second are `requests[base + t]` (the series' row, metrics/series.ts).
 */
export function sampleScaling(s: SimState, a: ScalingGroup, boundaryMs: number, requests: Float64Array, base: number, cpuShare: Float64Array, latencyMs: number): void {
  if (a.retired) return;
  const store = s.store;
  let n = 0;
  let cpu = 0;
  let req = 0;
  for (const i of a.instances) {
    if (i.state !== INST_IN_SERVICE || i.warmUntilMs > boundaryMs - 1000) continue;
    n++;
    cpu += cpuShare[i.t] * 100;
    req += requests[base + i.t];
  }
  let total = 0;
  for (const t of s.groups[a.g].members) total += requests[base + t];
  const at = boundaryMs - 1;
  if (n > 0) {
    a.metrics.get('CPUUtilization')!.add(at, cpu / n);
    a.metrics.get('ALBRequestCountPerTarget')!.add(at, req / n);
    // assumption: 50 KB per response, bytes per instance per minute (as basic EC2 monitoring reports)
    a.metrics.get('NetworkOut')!.add(at, (req / n) * 50_000 * 60);
  }
  a.metrics.get('RequestCount')!.add(at, total);
  if (latencyMs > 0) a.metrics.get('TargetResponseTime')!.add(at, latencyMs / 1000);
  const inService = a.instances.filter((i) => i.state === INST_IN_SERVICE && store.lifecycle[i.t] === LC_IN_SERVICE).length;
  a.history.push(a.desired, inService, a.live().length, n > 0 ? cpu / n : 0);
}

/** Health sweep, policies, then launches or terminations to meet desired. */
export function onScalingTick(s: SimState, index: number, epoch: number): void {
  const a = s.scalingGroups[index];
  if (a.retired || epoch !== a.tickEpoch) return;
  const now = s.nowMs;
  replaceUnhealthy(s, a);
  const ctx: ScalingContext = {
    nowMs: now,
    current: a.live().length,
    warming: a.warming(now),
    desired: a.desired,
    min: a.min,
    max: a.max,
    activityInProgress: a.instances.some((i) => i.state === INST_PENDING || i.state === INST_TERMINATING),
    lastActivityEndMs: a.lastActivityEndMs,
    metrics: (name) => a.metrics.get(name),
    pods: pods(s, a, now),
  };
  const decisions = a.policies.map((p) => p.evaluate(ctx));
  // scheduled actions (and predictive max raises) set bounds whatever another policy decides
  for (const d of decisions) {
    if (d?.min !== undefined) a.min = d.min;
    if (d?.max !== undefined) a.max = d.max;
  }
  const largest = largestDecision(decisions);
  // a policy that holds a capacity now (predictive's forecast hour) is a floor under the others' decisions
  let held = 0;
  for (const p of a.policies) held = Math.max(held, p.holds?.(now) ?? 0);
  const decision = largest === null ? null : { ...largest, desired: Math.min(a.max, Math.max(a.min, held, largest.desired)) };
  if (decision !== null && decision.desired !== a.desired) {
    const policy = a.policies[decisions.indexOf(largest!)];
    s.log.add(now, 'scaling', a.id, `${a.id} desired ${a.desired} → ${decision.desired}: ${decision.reason}`, {
      kind: 'scaling',
      policy: policy?.name ?? '',
      from: a.desired,
      to: decision.desired,
      min: a.min,
      max: a.max,
      alarm: decision.alarm ?? null,
      formula: decision.formula ?? null,
    });
    a.desired = decision.desired;
  }
  reconcile(s, a);
  rebalance(s, a);
  const next = Math.min(now + TICK_MS, ...a.policies.map((p) => p.nextEvaluationMs(now)));
  s.queue.push(Math.max(next, now + 1), EV_ASG_TICK, a.index, a.tickEpoch);
}

/**
 * What the Kubernetes HPA sees: each instance as a pod with a 1-CPU request and last second's CPU use;
 * a pod with no closed second of data yet is "missing" (the HPA counts it conservatively).
 */
function pods(s: SimState, a: ScalingGroup, nowMs: number): PodSample[] {
  const cpu = s.second.targetCpu;
  const lastSecondStart = s.second.endMs - 2000;
  return a.instances
    .filter((i) => i.state === INST_PENDING || i.state === INST_IN_SERVICE)
    .map((i) => ({
      status:
        i.state === INST_PENDING || i.warmUntilMs > nowMs
          ? ('unready' as const)
          : s.series.length === 0 || i.readyAtMs > lastSecondStart
            ? ('missing' as const)
            : ('ready' as const),
      usageMilli: Math.round((cpu[i.t] ?? 0) * 1000),
      requestMilli: 1000,
    }));
}

/** Sets capacity by hand (or a scheduled change); bounds are checked by the validator. */
export function setCapacity(s: SimState, a: ScalingGroup, desired: number | undefined, min: number | undefined, max: number | undefined): void {
  if (min !== undefined) a.min = min;
  if (max !== undefined) a.max = max;
  a.desired = Math.min(a.max, Math.max(a.min, desired ?? a.desired));
  reconcile(s, a);
}

/** Zones that can take launches now (not in an outage). */
function zonesUp(s: SimState, a: ScalingGroup): readonly string[] {
  const up = a.zones.filter((z) => z === '' || !s.zoneDown.has(s.zoneNames.indexOf(z)));
  return up.length > 0 ? up : a.zones;
}

function reconcile(s: SimState, a: ScalingGroup): void {
  const live = a.live();
  const goal = a.desired + a.rebalanceExtra;
  if (live.length < goal) {
    for (const zone of zonesForLaunches([...zonesUp(s, a)], live, goal - live.length)) launch(s, a, zone);
  } else if (live.length > goal) {
    for (const t of chooseInstancesToTerminate(a.candidates(), live.length - goal, s.nowMs, s.rng.failures, a.cfg.terminationPolicy)) {
      terminate(s, a, a.byTarget.get(t)!, 'scale-in');
    }
  }
}

/**
 * AZRebalance: when the instances are uneven across the zones that are up (after a zone came back),
 * launch into the short zones first — going up to 10 % over max — and terminate from the crowded ones
 * once the new instances are running.
 */
function rebalance(s: SimState, a: ScalingGroup): void {
  const pending = a.instances.some((i) => i.state === INST_PENDING);
  if (a.rebalanceExtra > 0) {
    if (pending) return;
    const chosen = chooseRebalanceTerminations([...zonesUp(s, a)], a.candidates().filter((c) => !c.protectedFromScaleIn), a.rebalanceExtra, s.nowMs, s.rng.failures);
    a.rebalanceExtra = 0;
    for (const t of chosen) terminate(s, a, a.byTarget.get(t)!, 'AZ rebalance');
    return;
  }
  if (pending || a.instances.some((i) => i.state === INST_TERMINATING)) return;
  const plan = planRebalance([...zonesUp(s, a)], a.candidates(), a.max);
  if (plan === null) return;
  s.log.add(s.nowMs, 'scaling', a.id, `${a.id} rebalances its zones: launching ${plan.launchZones.length} in ${[...new Set(plan.launchZones)].join(', ')} before terminating as many`);
  a.rebalanceExtra = plan.thenTerminate;
  for (const zone of plan.launchZones) launch(s, a, zone);
}

function launch(s: SimState, a: ScalingGroup, zone: string): void {
  const store = s.store;
  const group = s.groups[a.g];
  const last = group.members[group.members.length - 1] ?? a.instances[a.instances.length - 1]?.t ?? 0;
  const template = store.configs[last];
  let id: string;
  do id = `${a.id}-${++a.launched}`;
  while (store.ids.includes(id));
  const type = a.cfg.instanceType ?? template.instanceType;
  const t = addTarget(s, a.g, { ...template, id, address: undefined, zone: zone || undefined, instanceType: type, haproxyId: undefined });
  store.zoneOf[t] = zone ? s.zoneNames.indexOf(zone) : -1;
  store.registered[t] = 0;
  store.inRotation[t] = 0;
  store.lifecycle[t] = LC_PENDING;
  applyInstanceType(s, t, a.cfg.market);
  const now = s.nowMs;
  a.adopt({ t, zone, readyAtMs: Infinity, launchedAtMs: now, warmUntilMs: Infinity, graceUntilMs: Infinity, state: INST_PENDING, protectedFromScaleIn: a.cfg.protectFromScaleIn });
  s.queue.push(now + a.cfg.bootSec * 1000, EV_INSTANCE_READY, t, 0);
  if (a.cfg.market === 'spot' && a.cfg.spotInterruptionsPerHour > 0) {
    s.queue.push(now + spotInterruptionDelayMs(s.rng.failures, a.cfg.spotInterruptionsPerHour), EV_SPOT_INTERRUPT, t, 0);
  }
  s.topologyVersion++;
  s.log.add(now, 'launch', id, `${a.id} launched ${id}${zone ? ` in zone ${zone}` : ''}: booting for ${a.cfg.bootSec} s`);
}

/** Boot finished: the instance registers with its target group. */
export function onInstanceReady(s: SimState, t: number): void {
  const a = s.scalingOfGroup[s.store.groupOf[t]];
  const inst = a?.byTarget.get(t);
  if (!a || !inst || inst.state !== INST_PENDING) return;
  const store = s.store;
  inst.state = INST_IN_SERVICE;
  inst.readyAtMs = s.nowMs;
  inst.warmUntilMs = s.nowMs + a.warmupMs;
  inst.graceUntilMs = s.nowMs + a.cfg.healthCheckGracePeriodSec * 1000;
  store.lifecycle[t] = LC_IN_SERVICE;
  store.registered[t] = 1;
  s.groups[a.g].rebuild();
  targetRegistered(s, t);
  reconcileDatabases(s);
  a.lastActivityEndMs = s.nowMs;
  s.topologyVersion++;
  s.log.add(s.nowMs, 'register', store.ids[t], `${store.ids[t]} is running and registered with ${s.groups[a.g].id}; warming up for ${a.warmupMs / 1000} s`);
}

function terminate(s: SimState, a: ScalingGroup, inst: Instance, why: string): void {
  const id = s.store.ids[inst.t];
  if (inst.state === INST_PENDING) {
    inst.state = INST_TERMINATED;
    s.store.lifecycle[inst.t] = LC_UNUSED;
    stopBilling(s, inst.t);
    a.lastActivityEndMs = s.nowMs;
  } else {
    inst.state = INST_TERMINATING;
    if (deregisterTarget(s, inst.t) === null) reconcileDatabases(s);
  }
  s.topologyVersion++;
  s.log.add(s.nowMs, 'terminate', id, `${a.id} terminates ${id} (${why})`);
}

/** Target t finished draining: if an instance of a scaling group, it is gone, and the group makes up for it. */
export function onInstanceUnused(s: SimState, t: number): void {
  const a = s.scalingOfGroup[s.store.groupOf[t]];
  const inst = a?.byTarget.get(t);
  if (!a || !inst || inst.state === INST_TERMINATED) return;
  inst.state = INST_TERMINATED;
  a.lastActivityEndMs = s.nowMs;
  reconcile(s, a);
}

/** How long before EC2 reclaims a spot instance it warns (the two-minute interruption notice). */
export const SPOT_NOTICE_MS = 120_000;

/**
 * Spot interruption of target t: `phase` 0 is the notice (a booting instance is simply terminated; one
 * in service is deregistered and drains, and is reclaimed SPOT_NOTICE_MS later), 1 the reclaim.
 */
export function onSpotInterruption(s: SimState, t: number, phase = 0): void {
  const a = s.scalingOfGroup[s.store.groupOf[t]];
  const inst = a?.byTarget.get(t);
  if (!a || !inst) return;
  const id = s.store.ids[t];
  if (phase === 1) {
    // reclaimed: billing stops; whatever the drain has not finished is cut off, as the instance is gone
    stopBilling(s, t);
    if (inst.state !== INST_TERMINATING) return;
    s.log.add(s.nowMs, 'spot', id, `spot capacity reclaimed: ${id} is stopped`);
    crashTarget(s, t);
    const held = finishDraining(s, t, s.store.drainToken[t]);
    if (held >= 0) {
      onInstanceUnused(s, t);
      afterDrained(s, t, held);
    }
    return;
  }
  if (inst.state === INST_TERMINATED || inst.state === INST_TERMINATING) return;
  if (inst.state === INST_PENDING) {
    s.log.add(s.nowMs, 'spot', id, `spot interruption notice: ${id} is still booting and is terminated`);
    terminate(s, a, inst, 'spot interruption');
    return;
  }
  s.log.add(s.nowMs, 'spot', id, `spot interruption notice: ${id} will be reclaimed in ${SPOT_NOTICE_MS / 1000} s; it is deregistered and drains`);
  s.queue.push(s.nowMs + SPOT_NOTICE_MS, EV_SPOT_INTERRUPT, t, 1);
  terminate(s, a, inst, 'spot interruption notice');
}

/** EC2 health: a stopped instance; ELB health: also unhealthy at the balancer after the grace period. */
function replaceUnhealthy(s: SimState, a: ScalingGroup): void {
  const limit = Math.max(1, Math.floor(a.desired * 0.1));
  let replaced = 0;
  for (const inst of a.instances) {
    if (inst.state !== INST_IN_SERVICE || replaced >= limit) continue;
    const stopped = s.store.state[inst.t] === TARGET_CRASHED;
    const elb = a.cfg.healthCheckType === 'ELB' && s.nowMs >= inst.graceUntilMs && healthOf(s.health, inst.t) === UNHEALTHY;
    if (!stopped && !elb) continue;
    replaced++;
    terminate(s, a, inst, stopped ? 'EC2 status check failed' : 'unhealthy at the load balancer');
  }
}

/** Every scaling group's capacity, instances and history. */
export function scalingReports(s: SimState): ScalingReport[] {
  return s.scalingGroups.map((a) => ({ id: a.id, desired: a.desired, min: a.min, max: a.max, instances: a.states(s.nowMs, s.store.ids), series: a.history.export() }));
}

/**
 * An EC2 Auto Scaling group at run time. It owns a target group's targets as instances: launches them
 * into the least-used zone, boots them (not registered yet), registers them (the balancer's health
 * check then decides when they take traffic), keeps them out of the metrics while they warm up,
 * replaces the unhealthy (EC2: a stopped instance; ELB: also one the balancer marks unhealthy, after the
 * grace period; at most 10 % of desired at a time), and terminates by the termination policy after
 * draining. Policies see CloudWatch-like metrics fed once per simulated second, so scaling reacts late.
 */
import type { ScalingGroupConfig } from '../../scenario/schema.ts';
import type { Engine } from '../simulation.ts';
import { EV_ASG_TICK, EV_INSTANCE_READY, EV_SPOT_INTERRUPT } from '../event-kinds.ts';
import { LC_IN_SERVICE, LC_PENDING, TARGET_CRASHED } from '../backend/targets.ts';
import { UNHEALTHY } from '../health/health-state.ts';
import { MetricSeries, chooseInstancesToTerminate, chooseRebalanceTerminations, largestDecision, planRebalance, spotInterruptionDelayMs, zonesForLaunches, type ScalingContext, type ScalingPolicy } from '../scaling/index.ts';
import { buildPolicies } from './build-policies.ts';
import { defaultAddress } from '../changes.ts';
import { applyChange } from '../changes.ts';
import { ScalingHistory } from './scaling-history.ts';
import { applyInstanceType, stopBilling } from './billing.ts';
import { groupsOf } from '../balancer/router.ts';
import type { PodSample } from '../scaling/index.ts';

export const INST_PENDING = 0;
export const INST_IN_SERVICE = 1;
export const INST_TERMINATING = 2;
export const INST_TERMINATED = 3;

interface Instance {
  t: number;
  /** When it finished booting (0 for instances the group started with). */
  readyAtMs: number;
  zone: string;
  launchedAtMs: number;
  warmUntilMs: number;
  graceUntilMs: number;
  state: number;
  protectedFromScaleIn: boolean;
}

/** Seconds between health sweeps and policy evaluations when no policy asks for sooner. */
const TICK_MS = 10_000;

export class ScalingGroup {
  readonly id: string;
  readonly g: number;
  min: number;
  max: number;
  desired: number;
  readonly instances: Instance[] = [];
  private readonly byTarget = new Map<number, Instance>();
  private readonly policies: ScalingPolicy[];
  readonly metrics = new Map<string, MetricSeries>();
  readonly history = new ScalingHistory();
  private lastActivityEndMs: number | null = null;
  /** AZ rebalance: instances launched ahead that are to be matched by terminations once they are up. */
  private rebalanceExtra = 0;
  private launched = 0;
  private readonly warmupMs: number;
  private readonly zones: string[];

  constructor(
    private readonly e: Engine,
    readonly cfg: ScalingGroupConfig,
    readonly index: number,
  ) {
    this.id = cfg.id;
    this.g = e.groupIndex(cfg.targetGroup);
    this.min = cfg.min;
    this.max = cfg.max;
    this.warmupMs = (cfg.warmupSec ?? cfg.cooldownSec) * 1000;
    const members = e.groups[this.g].members;
    this.desired = cfg.desired ?? members.length;
    for (const name of ['CPUUtilization', 'ALBRequestCountPerTarget', 'RequestCount', 'NetworkOut', 'TargetResponseTime']) this.metrics.set(name, new MetricSeries({}));
    this.policies = buildPolicies(cfg.policies, cfg.cooldownSec);
    const zoneNames = new Set<string>();
    for (const t of members) {
      const zone = e.store.zoneOf[t] >= 0 ? e.zoneNames[e.store.zoneOf[t]] : '';
      zoneNames.add(zone);
      this.adopt({ t, zone, readyAtMs: 0, launchedAtMs: 0, warmUntilMs: 0, graceUntilMs: 0, state: INST_IN_SERVICE, protectedFromScaleIn: false });
    }
    // only the zones of the balancers that forward to this group (not another region's)
    const balancerZones = e.scenario.balancers.filter((b) => groupsOf(b).includes(cfg.targetGroup)).flatMap((b) => b.zones ?? []);
    this.zones = balancerZones.length > 0 ? [...new Set(balancerZones)] : [...zoneNames];
    e.queue.push(0, EV_ASG_TICK, index, 0);
  }

  private adopt(inst: Instance): void {
    this.instances.push(inst);
    this.byTarget.set(inst.t, inst);
  }

  private live(): Instance[] {
    return this.instances.filter((i) => i.state === INST_PENDING || i.state === INST_IN_SERVICE);
  }

  private warming(nowMs: number): number {
    return this.instances.filter((i) => i.state === INST_PENDING || (i.state === INST_IN_SERVICE && i.warmUntilMs > nowMs)).length;
  }

  /** Feeds one second of metrics, from in-service instances past their warm-up. */
  sample(boundaryMs: number, requests: Float64Array, util: Float64Array, latencyMs: number): void {
    const store = this.e.store;
    let n = 0;
    let cpu = 0;
    let req = 0;
    for (const i of this.instances) {
      if (i.state !== INST_IN_SERVICE || i.warmUntilMs > boundaryMs - 1000) continue;
      n++;
      cpu += util[i.t] * 100;
      req += requests[i.t];
    }
    let total = 0;
    for (const t of this.e.groups[this.g].members) total += requests[t];
    const at = boundaryMs - 1;
    if (n > 0) {
      this.metrics.get('CPUUtilization')!.add(at, cpu / n);
      this.metrics.get('ALBRequestCountPerTarget')!.add(at, req / n);
      // assumption: 50 KB per response, bytes per instance per minute (as basic EC2 monitoring reports)
      this.metrics.get('NetworkOut')!.add(at, ((req / n) * 50_000 * 60));
    }
    this.metrics.get('RequestCount')!.add(at, total);
    if (latencyMs > 0) this.metrics.get('TargetResponseTime')!.add(at, latencyMs / 1000);
    const inService = this.instances.filter((i) => i.state === INST_IN_SERVICE && store.lifecycle[i.t] === LC_IN_SERVICE).length;
    this.history.push(this.desired, inService, this.live().length, n > 0 ? cpu / n : 0);
  }

  /** Health sweep, policies, then launches or terminations to meet desired. */
  tick(): void {
    const e = this.e;
    const now = e.nowMs;
    this.replaceUnhealthy();
    const ctx: ScalingContext = {
      nowMs: now,
      current: this.live().length,
      warming: this.warming(now),
      desired: this.desired,
      min: this.min,
      max: this.max,
      activityInProgress: this.instances.some((i) => i.state === INST_PENDING || i.state === INST_TERMINATING),
      lastActivityEndMs: this.lastActivityEndMs,
      metrics: (name) => this.metrics.get(name),
      pods: this.pods(now),
    };
    const decisions = this.policies.map((p) => p.evaluate(ctx));
    // scheduled actions (and predictive max raises) set bounds whatever another policy decides
    for (const d of decisions) {
      if (d?.min !== undefined) this.min = d.min;
      if (d?.max !== undefined) this.max = d.max;
    }
    const largest = largestDecision(decisions);
    const decision = largest === null ? null : { ...largest, desired: Math.min(this.max, Math.max(this.min, largest.desired)) };
    if (decision !== null) {
      if (decision.desired !== this.desired) {
        e.log.add(now, 'scaling', this.id, `${this.id} desired ${this.desired} → ${decision.desired}: ${decision.reason}`);
        this.desired = decision.desired;
      }
    }
    this.reconcile();
    this.rebalance();
    const next = Math.min(now + TICK_MS, ...this.policies.map((p) => p.nextEvaluationMs(now)));
    e.queue.push(Math.max(next, now + 1), EV_ASG_TICK, this.index, 0);
  }

  /**
   * What the Kubernetes HPA sees: each instance as a pod with a 1-CPU request and last second's CPU use;
   * a pod with no closed second of data yet is "missing" (the HPA counts it conservatively).
   */
  private pods(nowMs: number): PodSample[] {
    const util = this.e.secTargetUtil;
    const lastSecondStart = this.e.nextSecondMs - 2000;
    return this.instances
      .filter((i) => i.state === INST_PENDING || i.state === INST_IN_SERVICE)
      .map((i) => ({
        status:
          i.state === INST_PENDING || i.warmUntilMs > nowMs
            ? ('unready' as const)
            : this.e.perSecond.length === 0 || i.readyAtMs > lastSecondStart
              ? ('missing' as const)
              : ('ready' as const),
        usageMilli: Math.round((util[i.t] ?? 0) * 1000),
        requestMilli: 1000,
      }));
  }

  /** Sets capacity by hand (or a scheduled change); bounds are checked by the validator. */
  setCapacity(desired: number | undefined, min: number | undefined, max: number | undefined): void {
    if (min !== undefined) this.min = min;
    if (max !== undefined) this.max = max;
    this.desired = Math.min(this.max, Math.max(this.min, desired ?? this.desired));
    this.reconcile();
  }

  /** Zones that can take launches now (not in an outage). */
  private zonesUp(): string[] {
    const up = this.zones.filter((z) => z === '' || !this.e.zoneDown.has(this.e.zoneNames.indexOf(z)));
    return up.length > 0 ? up : this.zones;
  }

  private candidates(): { id: number; zone: string; launchedAtMs: number; protectedFromScaleIn: boolean }[] {
    return this.live().map((i) => ({ id: i.t, zone: i.zone, launchedAtMs: i.launchedAtMs, protectedFromScaleIn: i.protectedFromScaleIn }));
  }

  private reconcile(): void {
    const live = this.live();
    const goal = this.desired + this.rebalanceExtra;
    if (live.length < goal) {
      for (const zone of zonesForLaunches(this.zonesUp(), live, goal - live.length)) this.launch(zone);
    } else if (live.length > goal) {
      for (const t of chooseInstancesToTerminate(this.candidates(), live.length - goal, this.e.nowMs, this.e.rng.failures, this.cfg.terminationPolicy)) {
        this.terminate(this.byTarget.get(t)!, 'scale-in');
      }
    }
  }

  /**
   * AZRebalance: when the instances are uneven across the zones that are up (after a zone came back),
   * launch into the short zones first — going up to 10 % over max — and terminate from the crowded ones
   * once the new instances are running.
   */
  private rebalance(): void {
    const pending = this.instances.some((i) => i.state === INST_PENDING);
    if (this.rebalanceExtra > 0) {
      if (pending) return;
      const zones = this.zonesUp();
      const chosen = chooseRebalanceTerminations(zones, this.candidates().filter((c) => !c.protectedFromScaleIn), this.rebalanceExtra, this.e.nowMs, this.e.rng.failures);
      this.rebalanceExtra = 0;
      for (const t of chosen) this.terminate(this.byTarget.get(t)!, 'AZ rebalance');
      return;
    }
    if (pending || this.instances.some((i) => i.state === INST_TERMINATING)) return;
    const plan = planRebalance(this.zonesUp(), this.candidates(), this.max);
    if (plan === null) return;
    this.e.log.add(this.e.nowMs, 'scaling', this.id, `${this.id} rebalances its zones: launching ${plan.launchZones.length} in ${[...new Set(plan.launchZones)].join(', ')} before terminating as many`);
    this.rebalanceExtra = plan.thenTerminate;
    for (const zone of plan.launchZones) this.launch(zone);
  }

  private launch(zone: string): void {
    const e = this.e;
    const store = e.store;
    const group = e.groups[this.g];
    const last = group.members[group.members.length - 1] ?? this.instances[this.instances.length - 1]?.t ?? 0;
    const template = store.configs[last];
    let id: string;
    do id = `${this.id}-${++this.launched}`;
    while (store.ids.includes(id));
    const type = this.cfg.instanceType ?? template.instanceType;
    const inGroup = store.groupOf.subarray(0, store.count).filter((x) => x === this.g).length;
    const t = store.add({ ...template, id, address: undefined, zone: zone || undefined, instanceType: type }, this.g, defaultAddress(this.g, inGroup), e.mix.names);
    store.zoneOf[t] = zone ? e.zoneNames.indexOf(zone) : -1;
    store.registered[t] = 0;
    store.inRotation[t] = 0;
    store.lifecycle[t] = LC_PENDING;
    applyInstanceType(e, t, this.cfg.market);
    const now = e.nowMs;
    this.adopt({ t, zone, readyAtMs: Infinity, launchedAtMs: now, warmUntilMs: Infinity, graceUntilMs: Infinity, state: INST_PENDING, protectedFromScaleIn: this.cfg.protectFromScaleIn });
    e.queue.push(now + this.cfg.bootSec * 1000, EV_INSTANCE_READY, t, 0);
    if (this.cfg.market === 'spot' && this.cfg.spotInterruptionsPerHour > 0) {
      e.queue.push(now + spotInterruptionDelayMs(e.rng.failures, this.cfg.spotInterruptionsPerHour), EV_SPOT_INTERRUPT, t, 0);
    }
    e.topologyVersion++;
    e.log.add(now, 'launch', id, `${this.id} launched ${id}${zone ? ` in zone ${zone}` : ''}: booting for ${this.cfg.bootSec} s`);
  }

  /** Boot finished: the instance registers with its target group. */
  onReady(t: number): void {
    const inst = this.byTarget.get(t);
    if (!inst || inst.state !== INST_PENDING) return;
    const e = this.e;
    const store = e.store;
    inst.state = INST_IN_SERVICE;
    inst.readyAtMs = e.nowMs;
    inst.warmUntilMs = e.nowMs + this.warmupMs;
    inst.graceUntilMs = e.nowMs + this.cfg.healthCheckGracePeriodSec * 1000;
    store.lifecycle[t] = LC_IN_SERVICE;
    store.registered[t] = 1;
    e.groups[this.g].rebuild();
    e.healthSys.onRegistered(t);
    e.db.reconcile();
    this.lastActivityEndMs = e.nowMs;
    e.topologyVersion++;
    e.log.add(e.nowMs, 'register', store.ids[t], `${store.ids[t]} is running and registered with ${e.groups[this.g].id}; warming up for ${this.warmupMs / 1000} s`);
  }

  private terminate(inst: Instance, why: string): void {
    const e = this.e;
    const id = e.store.ids[inst.t];
    if (inst.state === INST_PENDING) {
      inst.state = INST_TERMINATED;
      e.store.lifecycle[inst.t] = 2;
      stopBilling(e, inst.t);
      this.lastActivityEndMs = e.nowMs;
    } else {
      inst.state = INST_TERMINATING;
      applyChange(e, { action: 'deregister', target: id });
    }
    e.topologyVersion++;
    e.log.add(e.nowMs, 'terminate', id, `${this.id} terminates ${id} (${why})`);
  }

  /** The target finished draining: the instance is gone. */
  onUnused(t: number): void {
    const inst = this.byTarget.get(t);
    if (!inst || inst.state === INST_TERMINATED) return;
    inst.state = INST_TERMINATED;
    this.lastActivityEndMs = this.e.nowMs;
    this.reconcile();
  }

  /** A spot instance is reclaimed: it stops at once, and the group replaces it. */
  onSpotInterruption(t: number): void {
    const inst = this.byTarget.get(t);
    if (!inst || inst.state === INST_TERMINATED || inst.state === INST_TERMINATING) return;
    const e = this.e;
    e.log.add(e.nowMs, 'spot', e.store.ids[t], `spot capacity reclaimed: ${e.store.ids[t]} is interrupted`);
    // a reclaimed instance stops costing at once, even while its target drains
    stopBilling(e, t);
    if (inst.state === INST_IN_SERVICE) applyChange(e, { action: 'crash', target: e.store.ids[t] });
    this.terminate(inst, 'spot interruption');
  }

  /** EC2 health: a stopped instance; ELB health: also unhealthy at the balancer after the grace period. */
  private replaceUnhealthy(): void {
    const e = this.e;
    const limit = Math.max(1, Math.floor(this.desired * 0.1));
    let replaced = 0;
    for (const inst of this.instances) {
      if (inst.state !== INST_IN_SERVICE || replaced >= limit) continue;
      const stopped = e.store.state[inst.t] === TARGET_CRASHED;
      const elb = this.cfg.healthCheckType === 'ELB' && e.nowMs >= inst.graceUntilMs && e.healthSys.health(inst.t) === UNHEALTHY;
      if (!stopped && !elb) continue;
      replaced++;
      this.terminate(inst, stopped ? 'EC2 status check failed' : 'unhealthy at the load balancer');
    }
  }

  /** Instance states for the view: booting, warming, in service, draining, terminated. */
  states(nowMs: number): { id: string; state: 'booting' | 'warming' | 'in-service' | 'draining' | 'terminated'; zone: string }[] {
    return this.instances.map((i) => ({
      id: this.e.store.ids[i.t],
      zone: i.zone,
      state: i.state === INST_PENDING ? 'booting' : i.state === INST_TERMINATING ? 'draining' : i.state === INST_TERMINATED ? 'terminated' : i.warmUntilMs > nowMs ? 'warming' : 'in-service',
    }));
  }
}

/**
 * The discrete-event core: time jumps from event to event (arrival, completion, timeout, scheduled
 * change); each request is admitted by the balancer, routed by listener rules to a target group,
 * placed by the group's algorithm on a target, queued or served there, and finished as ok or with a
 * failure reason. Passive and deterministic: it advances only when the host calls runUntil/step,
 * and all randomness comes from seeded per-purpose streams.
 * Simplifications: the network between client, balancer and target takes no time; the balancer's
 * own CPU is a fluid per-second model (balancer/balancer-cpu.ts).
 */
import type { Change, Scenario } from '../scenario/schema.ts';
import { EventQueue } from './core/event-queue.ts';
import { createStreams, type Rng, type StreamName } from './core/rng.ts';
import { distParams, quantile } from './core/distributions.ts';
import { RateProfile } from './traffic/rate-profile.ts';
import { ClientPopulation } from './traffic/clients.ts';
import { RequestMix } from './traffic/request-mix.ts';
import { RequestPool, REQ_QUEUED, REQ_SERVING, FLAG_SAMPLED } from './backend/requests.ts';
import { TargetStore, TARGET_CRASHED } from './backend/targets.ts';
import { TargetGroup } from './balancer/target-group.ts';
import { BalancerRuntime } from './balancer/balancer-runtime.ts';
import { buildWorld } from './world.ts';
import { ClientCookies } from './traffic/cookies.ts';
import { EdgeStats } from './metrics/edge-stats.ts';
import type { Dns } from './dns/index.ts';
import { LogHistogram } from './metrics/histogram.ts';
import { SecondSeries } from './metrics/series.ts';
import { EventLog } from './metrics/event-log.ts';
import { FlowRecorder } from './metrics/flows.ts';
import { applyChange, defaultAddress, finishDraining } from './changes.ts';
import { buildMetrics, buildSnapshot, buildTopology } from './reporting.ts';
import { FAILURE_REASONS, FLOW_DEPARTED, type FailureReason, type HealthReport, type MetricsReport, type ScalingReport, type Series, type SimEvent, type Simulation, type SimulationOptions, type Snapshot, type Topology } from './types.ts';

import { runDnsChecks, standbyTookOver } from './infrastructure.ts';
import { Deployments } from './deployments.ts';
import { ScalingGroup } from './autoscaling/scaling-group.ts';
import { CostMeter, DEFAULT_INSTANCE_TYPES, type InstanceType } from './scaling/index.ts';
import { applyInstanceType } from './autoscaling/billing.ts';
import { scheduleAttacks, attackArrival } from './traffic/attacks.ts';
import { admit } from './traffic/admit.ts';
import { attemptFailed } from './balancer/retry.ts';
import { rollTo } from './metrics/second-clock.ts';
import { recordFinish } from './metrics/finish.ts';
import { complete, expire, start } from './backend/service.ts';
import { EV_ASG_TICK, EV_INSTANCE_READY, EV_SPOT_INTERRUPT, EV_ATTACK, EV_DEPLOY_STEP, EV_DNS_CHECK, EV_LB_TAKEOVER, EV_ARRIVAL, EV_CB_HALF_OPEN, EV_COMPLETION, EV_DRAIN_DONE, EV_HC_PROBE, EV_HC_RESULT, EV_OUTLIER_SWEEP, EV_SCHEDULED, EV_TIMEOUT, EV_USER } from './event-kinds.ts';
import { HealthSystem } from './health/health-system.ts';
import { DatabaseTier } from './infra/database-tier.ts';
import { Sessions } from './sessions/sessions.ts';
import { buildHealthReport } from './health/health-report.ts';


/** Outcome codes: 0 ok, 1 + index in FAILURE_REASONS. */
export const FAIL = Object.fromEntries(FAILURE_REASONS.map((r, i) => [r, i + 1])) as Record<FailureReason, number>;


export class Engine implements Simulation {
  readonly scenario: Scenario;
  nowMs = 0;
  readonly queue = new EventQueue();
  readonly rng: Record<StreamName, Rng>;
  readonly mix: RequestMix;
  readonly clients: ClientPopulation;
  readonly store: TargetStore;
  readonly pool = new RequestPool();
  readonly groups: TargetGroup[];
  readonly log = new EventLog();
  readonly flows: FlowRecorder;
  readonly perSecond: SecondSeries;
  readonly latency = new LogHistogram(0.01);
  readonly secLatency = new LogHistogram(0.05);
  readonly failures = new Float64Array(FAILURE_REASONS.length);
  readonly balancers: BalancerRuntime[];
  /** The balancer that receives traffic when there is no DNS name. */
  readonly entry: BalancerRuntime;
  /** Zone names; targets' and balancer nodes' zones are indices into this. */
  readonly zoneNames: string[];
  /** Zones in an outage now. */
  readonly zoneDown = new Set<number>();
  readonly dns: Dns | null;
  readonly balancerById: Map<string, BalancerRuntime>;
  readonly healthSys: HealthSystem;
  readonly db: DatabaseTier;
  readonly sessions: Sessions;
  readonly cookies: ClientCookies;
  readonly deployments: Deployments;
  readonly edgeStats = new EdgeStats();
  readonly billing = new CostMeter();
  readonly instanceTypes: Record<string, InstanceType>;
  readonly autoscaling: ScalingGroup[];
  /** The scaling group that owns each target group, or null. */
  readonly asgOfGroup: (ScalingGroup | null)[];
  /** Targets already tried by requests that are being retried (request id → targets). */
  readonly tried = new Map<number, number[]>();
  readonly anySlowStart: boolean;
  readonly closedLoop: boolean;
  profile: RateProfile | null;
  arrivalGeneration = 0;
  topologyVersion = 1;
  processed = 0;
  arrived = 0;
  ok = 0;
  /** Successful requests within the SLO latency. */
  good = 0;
  readonly sloMs: number;
  failed = 0;
  secArrived = 0;
  secOk = 0;
  secFailed = 0;
  nextSecondMs = 1000;
  nextId = 0;
  private readonly thinkParams: { kind: number; p1: number; p2: number } | null;
  readonly onDone: SimulationOptions['onRequestDone'];
  readonly secTargetRequests: Float64Array;
  secTargetUtil: Float64Array;

  constructor(scenario: Scenario, options: SimulationOptions = {}) {
    this.scenario = scenario;
    this.sloMs = scenario.slo.latencyMs;
    this.rng = createStreams(scenario.seed);
    this.mix = new RequestMix(scenario);
    const arrival = scenario.traffic.arrival;
    this.closedLoop = arrival.kind === 'closed';
    const bots = scenario.traffic.attacks.reduce((n, a) => n + a.bots, 0);
    this.clients = new ClientPopulation(arrival.kind === 'closed' ? arrival.users : scenario.traffic.clients.count, scenario.traffic.clients.ipBase, scenario.traffic.clients.nat, bots);
    const classNames = this.mix.names;
    const totalTargets = scenario.targetGroups.reduce((n, g) => n + g.targets.length, 0);
    this.store = new TargetStore(classNames.length, Math.max(16, totalTargets * 2));
    this.groups = scenario.targetGroups.map((g, gi) => new TargetGroup(g, gi, this.store, this.rng.balancer, this.mix.classes));
    scenario.targetGroups.forEach((g, gi) =>
      g.targets.forEach((t, ti) => this.store.add(t, gi, t.address ?? defaultAddress(gi, ti), classNames)),
    );
    for (const g of this.groups) g.setAlgorithm(g.algorithmName);
    this.healthSys = new HealthSystem(this);
    this.groups.forEach((g, gi) => {
      if (this.healthSys.dynamic(gi)) g.allows = (t) => this.healthSys.allows(gi, t, g.members.length === 1);
    });
    this.anySlowStart = scenario.targetGroups.some((g) => g.slowStart !== undefined);

    const world = buildWorld(this);
    this.zoneNames = world.zoneNames;
    this.balancers = world.balancers;
    this.balancerById = new Map(this.balancers.map((b) => [b.id, b]));
    this.entry = this.balancerById.get(scenario.traffic.balancer ?? '') ?? this.balancers[0];
    this.dns = world.dns;

    this.perSecond = new SecondSeries(options.seriesCapacity ?? 3600);
    this.flows = new FlowRecorder(options.flowSampleEvery ?? 0);
    this.onDone = options.onRequestDone;
    this.secTargetRequests = new Float64Array(this.store.count);
    this.secTargetUtil = new Float64Array(this.store.count);

    if (arrival.kind === 'closed') {
      this.profile = null;
      this.thinkParams = distParams(arrival.thinkTimeMs);
      for (let u = 0; u < arrival.users; u++) this.queue.push(this.thinkTime(), EV_USER, u, 0);
    } else {
      this.thinkParams = null;
      this.profile = new RateProfile(arrival.ratePerSec, scenario.traffic.profile ?? []);
      this.scheduleArrival(0);
    }
    this.healthSys.start();
    scheduleAttacks(this);
    this.db = new DatabaseTier(this);
    this.sessions = new Sessions(this);
    this.cookies = new ClientCookies(scenario);
    this.deployments = new Deployments(this);
    this.instanceTypes = { ...DEFAULT_INSTANCE_TYPES };
    for (const [name, t] of Object.entries(scenario.instanceTypes)) this.instanceTypes[name] = { name, ...t };
    for (let t = 0; t < this.store.count; t++) applyInstanceType(this, t, 'on-demand');
    this.autoscaling = scenario.scalingGroups.map((a, i) => new ScalingGroup(this, a, i));
    this.asgOfGroup = this.groups.map((g) => this.autoscaling.find((a) => a.g === g.index) ?? null);
    this.db.reconcile();
    if (this.dns !== null && this.dns.nextCheckMs() < Infinity) this.queue.push(this.dns.nextCheckMs(), EV_DNS_CHECK, 0, 0);
    const scheduled = scenario.events.map((e, i) => ({ e, i })).sort((x, y) => x.e.atSec - y.e.atSec || x.i - y.i);
    for (const { e, i } of scheduled) this.queue.push(e.atSec * 1000, EV_SCHEDULED, i, 0);
    this.log.add(0, 'start', scenario.name, `simulation started with seed ${scenario.seed}`);
  }

  // ---- the host's controls ----

  runUntil(timeMs: number): void {
    const q = this.queue;
    while (q.size > 0 && q.peekTime() <= timeMs) this.processNext();
    if (timeMs > this.nowMs) {
      if (timeMs >= this.nextSecondMs) rollTo(this, timeMs);
      this.nowMs = timeMs;
    }
  }

  step(): boolean {
    if (this.queue.size === 0) return false;
    this.processNext();
    return true;
  }

  nextEventMs(): number {
    return this.queue.peekTime();
  }

  snapshot(): Snapshot {
    return buildSnapshot(this);
  }

  metrics(): MetricsReport {
    return buildMetrics(this);
  }

  series(): Series {
    return this.perSecond.export();
  }

  topology(): Topology {
    return buildTopology(this);
  }

  apply(change: Change): string | null {
    return applyChange(this, change);
  }

  events(sinceSeq = 0): SimEvent[] {
    return this.log.since(sinceSeq);
  }

  health(): HealthReport {
    return buildHealthReport(this);
  }

  scaling(): ScalingReport[] {
    return this.autoscaling.map((a) => ({ id: a.id, desired: a.desired, min: a.min, max: a.max, instances: a.states(this.nowMs), series: a.history.export() }));
  }

  // ---- event processing ----

  private processNext(): void {
    const q = this.queue;
    q.pop();
    const t = q.time;
    if (t >= this.nextSecondMs) rollTo(this, t);
    this.nowMs = t;
    this.processed++;
    switch (q.kind) {
      case EV_ARRIVAL:
        if (q.a === this.arrivalGeneration) {
          this.scheduleArrival(t);
          admit(this, this.clients.normal === 1 ? 0 : this.rng.clients.int(this.clients.normal), -1);
        }
        break;
      case EV_COMPLETION:
        complete(this, q.a, q.b);
        break;
      case EV_TIMEOUT:
        expire(this, this.groups[q.a]);
        break;
      case EV_USER:
        admit(this, q.a, -1);
        break;
      case EV_ATTACK:
        attackArrival(this, q.a);
        break;
      case EV_DRAIN_DONE:
        finishDraining(this, q.a, q.b);
        break;
      case EV_HC_PROBE:
        this.healthSys.onProbe(q.a, q.b);
        break;
      case EV_HC_RESULT:
        this.healthSys.onProbeResult(q.a, q.b);
        break;
      case EV_OUTLIER_SWEEP:
        this.healthSys.onOutlierSweep(q.a);
        break;
      case EV_CB_HALF_OPEN:
        this.healthSys.onHalfOpen(q.a);
        break;
      case EV_DNS_CHECK:
        runDnsChecks(this);
        break;
      case EV_DEPLOY_STEP:
        this.deployments.onStep(q.a, q.b);
        break;
      case EV_ASG_TICK:
        this.autoscaling[q.a].tick();
        break;
      case EV_INSTANCE_READY:
        this.asgOfGroup[this.store.groupOf[q.a]]?.onReady(q.a);
        break;
      case EV_SPOT_INTERRUPT:
        this.asgOfGroup[this.store.groupOf[q.a]]?.onSpotInterruption(q.a);
        break;
      case EV_LB_TAKEOVER:
        standbyTookOver(this, q.a);
        break;
      case EV_SCHEDULED: {
        const e = this.scenario.events[q.a];
        const error = applyChange(this, e);
        if (error !== null) this.log.add(t, 'error', e.action, `scheduled ${e.action} at ${e.atSec} s not applied: ${error}`);
        break;
      }
    }
  }

  /** Schedules the next open-loop arrival after `fromMs` (one draw from the arrivals stream). */
  scheduleArrival(fromMs: number): void {
    const profile = this.profile;
    if (profile === null) return;
    const area = this.scenario.traffic.arrival.kind === 'poisson' ? -Math.log(1 - this.rng.arrivals.next()) : 1;
    const nextSec = profile.advance(fromMs / 1000, area);
    if (nextSec !== Infinity) this.queue.push(nextSec * 1000, EV_ARRIVAL, this.arrivalGeneration, 0);
  }

  thinkTime(): number {
    const p = this.thinkParams!;
    return Math.max(0.001, quantile(p.kind, p.p1, p.p2, this.rng.think.next()));
  }

  /** The balancer forwards the request to target t. */
  send(slot: number, t: number, group: TargetGroup): void {
    const store = this.store;
    const pool = this.pool;
    store.requests[t]++;
    store.secRequests[t]++;
    pool.target[slot] = t;
    if ((pool.flags[slot] & FLAG_SAMPLED) !== 0) this.flows.record(pool.id[slot], t, pool.arrivalMs[slot], NaN, NaN, FLOW_DEPARTED);
    if (store.state[t] === TARGET_CRASHED) return attemptFailed(this, slot, FAIL.refused, 0);
    if (store.busy[t] < store.concurrency[t]) {
      start(this, slot, t);
    } else if (store.queued[t] < store.queueLimit[t]) {
      store.queues[t].push(slot);
      store.queued[t]++;
      pool.state[slot] = REQ_QUEUED;
    } else {
      if (store.rejecting[t] === 0) {
        store.rejecting[t] = 1;
        this.log.add(this.nowMs, 'rejecting', store.ids[t], `${store.ids[t]} is rejecting requests with 503: its queue is full (${store.queueLimit[t]} waiting)`);
      }
      return attemptFailed(this, slot, FAIL.rejected, 0);
    }
    // long-lived connections send keep-alive pings, so the request timeout never cuts them
    if (this.mix.longLived[pool.cls[slot]] === 1) return;
    const timeouts = group.timeouts;
    timeouts.push(this.nowMs + group.timeoutMs, slot, pool.id[slot] * 32 + pool.attempt[slot]);
    if (!timeouts.armed) {
      timeouts.armed = true;
      this.queue.push(timeouts.headDeadline(), EV_TIMEOUT, group.index, 0);
    }
  }

  /** The index of a target group by id, or -1. */
  groupIndex(id: string): number {
    return this.groups.findIndex((g) => g.id === id);
  }

  /**
   * Records a failure. With `keepAs`, the slot stays held in that state (the target still has the
   * request queued or in service); otherwise it is released.
   */
  fail(slot: number, outcome: number, keepAs = 0): void {
    this.finish(slot, outcome);
    if (keepAs === 0) this.release(slot);
    else this.pool.state[slot] = keepAs;
  }

  /** Counts a finished request (ok or failed) in every metric; the slot is released by the caller. */
  finish(slot: number, outcome: number): void {
    recordFinish(this, slot, outcome);
  }

  /** Frees a request slot and drops finished requests from the head of its group's timeout list. */
  release(slot: number): void {
    const g = this.pool.group[slot];
    this.pool.release(slot);
    if (g >= 0) this.compactTimeouts(this.groups[g]);
  }

  compactTimeouts(group: TargetGroup): void {
    const timeouts = group.timeouts;
    const pool = this.pool;
    while (timeouts.size > 0) {
      const s = timeouts.headSlot();
      const st = pool.state[s];
      if (pool.id[s] * 32 + pool.attempt[s] === timeouts.headId() && (st === REQ_QUEUED || st === REQ_SERVING)) break;
      timeouts.drop();
    }
  }


}

/** Creates a simulation of a validated scenario. */
export function createSimulation(scenario: Scenario, options?: SimulationOptions): Simulation {
  return new Engine(scenario, options);
}

/**
 * Builds the state of a run from a validated scenario: random streams, request classes and clients,
 * targets and their groups, balancers and zones, DNS, and the data of every mechanism the scenario
 * uses (null for those it does not). Nothing is scheduled here; simulation.ts starts the run.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { SimState } from './state.ts';
import type { SimulationOptions } from './types.ts';
import type { ExplainHooks } from './explain/hooks.ts';
import { FAILURE_REASONS } from './types.ts';
import { EventQueue } from './core/event-queue.ts';
import { createStreams } from './core/rng.ts';
import { distParams } from './core/distributions.ts';
import { RequestPool } from './request/pool.ts';
import { TargetStore } from './backend/targets.ts';
import { TargetGroup } from './balancer/target-group.ts';
import { RateProfile } from './traffic/rate-profile.ts';
import { ClientPopulation } from './traffic/clients.ts';
import { RequestMix } from './traffic/request-mix.ts';
import { Replay } from './traffic/replay.ts';
import { ClientCookies } from './traffic/cookies.ts';
import { EventLog } from './metrics/event-log.ts';
import { AttemptLog } from './metrics/attempt-log.ts';
import { FlowRecorder } from './metrics/flows.ts';
import { SecondSeries } from './metrics/series.ts';
import { LatencyPair } from './metrics/histogram.ts';
import { EdgeStats } from './metrics/edge-stats.ts';
import { checksEachPick, createHealthData } from './health/health-data.ts';
import { passiveAllows } from './health/passive.ts';
import { SessionData } from './sessions/session-data.ts';
import { DatabaseTier } from './infra/database-tier.ts';
import { buildBalancers, buildDns } from './infra/world.ts';
import { createDeployments } from './releases/deployments.ts';
import { createScalingGroups } from './scaling/runtime.ts';
import { CostMeter, DEFAULT_INSTANCE_TYPES, type InstanceType } from './scaling/index.ts';
import { defaultAddress } from './backend/lifecycle.ts';
import { buildNetwork } from './network/network-state.ts';
import { buildInspection } from './network/inspection-state.ts';

export function buildState(scenario: Scenario, options: SimulationOptions): SimState {
  const rng = createStreams(scenario.seed);
  const recorder = (options.recorder as ExplainHooks<SimState> | undefined) ?? null;
  const mix = new RequestMix(scenario);
  const replay = Replay.of(scenario, mix);
  const arrival = scenario.traffic.arrival;
  const bots = scenario.traffic.attacks.reduce((n, a) => n + a.bots, 0);
  const normal = arrival.kind === 'closed' ? arrival.users : replay !== null ? replay.addresses.length : scenario.traffic.clients.count;
  const clients = new ClientPopulation(normal, scenario.traffic.clients.ipBase, scenario.traffic.clients.nat, bots, replay?.addresses);
  const totalTargets = scenario.targetGroups.reduce((n, g) => n + g.targets.length, 0);
  const store = new TargetStore(mix.names.length, Math.max(16, totalTargets * 2));
  const groups = scenario.targetGroups.map((g, gi) => new TargetGroup(g, gi, store, rng.balancer, mix.forms));
  scenario.targetGroups.forEach((g, gi) => g.targets.forEach((t, ti) => store.add(t, gi, t.address ?? defaultAddress(gi, ti), mix.names)));
  for (const g of groups) g.setAlgorithm(g.algorithmName);
  const { zoneNames, balancers } = buildBalancers(scenario, mix, clients, store, groups);
  const instanceTypes: Record<string, InstanceType> = { ...DEFAULT_INSTANCE_TYPES };
  for (const [name, t] of Object.entries(scenario.instanceTypes)) instanceTypes[name] = { name, ...t };
  const scalingGroups = createScalingGroups(scenario, groups, store, zoneNames);
  const usesEdge = scenario.traffic.attacks.length > 0 || balancers.some((b) => b.edge !== null) || mix.malicious.includes(1);

  const s: SimState = {
    scenario,
    nowMs: 0,
    queue: new EventQueue(),
    rng,
    traffic: {
      profile: arrival.kind === 'closed' || arrival.kind === 'replay' ? null : new RateProfile(arrival.ratePerSec, scenario.traffic.profile ?? []),
      poisson: arrival.kind === 'poisson',
      generation: 0,
      think: arrival.kind === 'closed' ? distParams(arrival.thinkTimeMs) : null,
      nextId: 0,
      attacks: [...scenario.traffic.attacks],
      replay,
    },
    mix,
    clients,
    cookies: new ClientCookies(scenario),
    pool: new RequestPool(),
    store,
    groups,
    tried: new Map(),
    balancers,
    entry: balancers.find((b) => b.id === scenario.traffic.balancer) ?? balancers[0],
    balancerById: new Map(balancers.map((b) => [b.id, b])),
    zoneNames,
    zoneDown: new Set(),
    zoneOff: new Set(),
    totals: { arrived: 0, ok: 0, good: 0, failed: 0, failures: new Float64Array(FAILURE_REASONS.length) },
    second: { endMs: 1000, arrived: 0, ok: 0, failed: 0, targetCpu: new Float64Array(store.count) },
    latency: new LatencyPair(),
    sloMs: scenario.slo.latencyMs,
    series: new SecondSeries(options.seriesCapacity ?? 3600),
    flows: new FlowRecorder(options.flowSampleEvery ?? 0, options.flows ?? true),
    log: new EventLog(2000, options.onEvent ?? null),
    edgeStats: usesEdge ? new EdgeStats() : null,
    topologyVersion: 1,
    onDone: options.onRequestDone ?? null,
    explain: recorder !== null && recorder.recordsJourneys ? recorder : null,
    explainFinish: recorder,
    attemptLog: options.onRequestDone ? new AttemptLog() : null,
    health: createHealthData(scenario),
    sessions: SessionData.needed(scenario) ? new SessionData(scenario, clients.count, groups.length) : null,
    databases: DatabaseTier.needed(scenario) ? new DatabaseTier(scenario) : null,
    dns: buildDns(scenario, rng.dns, clients),
    dnsEpoch: 0,
    deployments: createDeployments(scenario),
    scalingGroups,
    scalingOfGroup: groups.map((g) => scalingGroups.find((a) => a.g === g.index) ?? null),
    instanceTypes,
    billing: new CostMeter(),
    network: buildNetwork(scenario, balancers, clients, 0, null),
    inspection: buildInspection(scenario, groups, clients.count, 0, null),
  };
  // groups with nginx passive health or a circuit breaker ask them on every pick
  groups.forEach((g, gi) => {
    if (checksEachPick(s.health, gi)) g.allows = (t) => passiveAllows(s, gi, t, g.members.length === 1);
  });
  return s;
}

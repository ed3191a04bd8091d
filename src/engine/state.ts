/**
 * The simulation's state as plain data: the clock, the future-event list, the random streams, the
 * requests in flight, the targets and their groups, the balancers, the counters and the event log, and
 * the data of each optional mechanism (null when the scenario does not use it). Everything that acts on
 * a run is a function of this state (request/, health/, commands/…); this module only describes it.
 * It imports the data tables it holds, and none of them imports it, so no import cycle can pass here.
 */
import type { InspectionState } from './network/inspection-state.ts';
import type { Scenario } from '../scenario/schema.ts';

/** A DDoS wave as configured. */
export type AttackConfig = Scenario['traffic']['attacks'][number];
import type { EventQueue } from './core/event-queue.ts';
import type { Rng, StreamName } from './core/rng.ts';
import type { RequestPool } from './request/pool.ts';
import type { TargetStore } from './backend/targets.ts';
import type { TargetGroup } from './balancer/target-group.ts';
import type { Balancer } from './balancer/balancer.ts';
import type { RateProfile } from './traffic/rate-profile.ts';
import type { ClientPopulation } from './traffic/clients.ts';
import type { RequestMix } from './traffic/request-mix.ts';
import type { Replay } from './traffic/replay.ts';
import type { ClientCookies } from './traffic/cookies.ts';
import type { DistParams } from './core/distributions.ts';
import type { EventLog } from './metrics/event-log.ts';
import type { FlowRecorder } from './metrics/flows.ts';
import type { SecondSeries } from './metrics/series.ts';
import type { LatencyPair } from './metrics/histogram.ts';
import type { EdgeStats } from './metrics/edge-stats.ts';
import type { HealthData } from './health/health-data.ts';
import type { SessionData } from './sessions/session-data.ts';
import type { DatabaseTier } from './infra/database-tier.ts';
import type { Dns } from './infra/dns/index.ts';
import type { DeploymentRun } from './releases/deployment-data.ts';
import type { ScalingGroup } from './scaling/scaling-group.ts';
import type { CostMeter, InstanceType } from './scaling/index.ts';
import type { TraceRecord } from './types.ts';
import type { ExplainHooks } from './explain/hooks.ts';
import type { NetworkState } from './network/network-state.ts';
import type { AttemptLog } from './metrics/attempt-log.ts';

/** Run totals since time 0. */
export interface Totals {
  arrived: number;
  ok: number;
  /** Successful within the SLO latency. */
  good: number;
  failed: number;
  /** Finished requests by failure reason (index in FAILURE_REASONS). */
  readonly failures: Float64Array;
}

/** The simulated second being counted, closed by metrics/rollup.ts. */
export interface SecondCounts {
  /** When the current second ends. */
  endMs: number;
  arrived: number;
  ok: number;
  failed: number;
  /** Per target, the last closed second's CPU utilisation (its requests and slot utilisation are the series' last row). */
  targetCpu: Float64Array;
}

/** How clients send requests. */
export interface TrafficState {
  /** Open-loop arrival rate over time; null for closed-loop users. */
  profile: RateProfile | null;
  /** Poisson (an Exp(1) area per arrival) rather than evenly spaced. */
  poisson: boolean;
  /** Bumped when the rate changes live, so the already scheduled arrival is dropped. */
  generation: number;
  /** Closed-loop users' think time, or null for open-loop traffic. */
  think: DistParams | null;
  /** The next request id (arrival order). */
  nextId: number;
  /** Every DDoS wave the run has had, by index (`EV_ATTACK` carries it); a wave a live patch removed is `stopped`. */
  readonly attacks: (AttackConfig & { stopped?: boolean })[];
  /** Replayed requests (`arrival.kind: "replay"`), or null. */
  readonly replay: Replay | null;
}

/**
 * A run's state. Fields that are not readonly are replaced when a live patch changes the scenario
 * (engine/adopt/); everything else keeps its identity for the whole run.
 */
export interface SimState {
  /** The scenario as it is now: the one the run started from, with every live change folded in. */
  scenario: Scenario;
  /** Current simulated time, ms. */
  nowMs: number;
  readonly queue: EventQueue;
  readonly rng: Readonly<Record<StreamName, Rng>>;

  readonly traffic: TrafficState;
  mix: RequestMix;
  clients: ClientPopulation;
  cookies: ClientCookies;

  readonly pool: RequestPool;
  readonly store: TargetStore;
  readonly groups: TargetGroup[];
  /** Targets already tried by requests that are being retried (request id → targets). */
  readonly tried: Map<number, number[]>;

  readonly balancers: Balancer[];
  /** The balancer that receives traffic when there is no DNS name. */
  entry: Balancer;
  readonly balancerById: Map<string, Balancer>;
  /** Zone names; targets' and balancer nodes' zones are indices into this. */
  readonly zoneNames: string[];
  /** Zones in an outage now. */
  readonly zoneDown: Set<number>;
  /** Targets in a zone that no balancer forwarding to their group has (any more): out of rotation (adopt/zone-rotation.ts). */
  readonly zoneOff: Set<number>;

  readonly totals: Totals;
  readonly second: SecondCounts;
  readonly latency: LatencyPair;
  sloMs: number;
  readonly series: SecondSeries;
  readonly flows: FlowRecorder;
  readonly log: EventLog;
  /** What edge protection did; null when nothing in the scenario attacks or protects. */
  edgeStats: EdgeStats | null;
  /** Bumped whenever targets, groups or balancers change shape, so views re-read the topology. */
  topologyVersion: number;
  /** The host's per-request callback (the CLI's --trace), or null. */
  readonly onDone: ((record: TraceRecord) => void) | null;
  /** The explanation recorder (explain/), listening at one-line hooks in request/; null when nobody records journeys. */
  readonly explain: ExplainHooks<SimState> | null;
  /** The recorder again when it only needs finished requests (its notable lists); null otherwise. */
  readonly explainFinish: ExplainHooks<SimState> | null;
  /** Every attempt of the requests in flight, for the trace; null when no host asked for it. */
  readonly attemptLog: AttemptLog | null;

  readonly health: HealthData;
  /** Sticky bindings, sessions and carts; null when no group is sticky and nothing keeps sessions. */
  sessions: SessionData | null;
  /** Databases behind target groups; null when no group queries one. */
  databases: DatabaseTier | null;
  /** Route 53 in front of the balancers; null when the scenario has no DNS name. */
  dns: Dns | null;
  /** Bumped when a live patch replaces the DNS name, so its old health-check events lapse. */
  dnsEpoch: number;
  /** Every deployment the run has had, by index (a removed one stays, marked). */
  readonly deployments: DeploymentRun[];
  readonly scalingGroups: ScalingGroup[];
  /** The scaling group that owns each target group, or null. */
  readonly scalingOfGroup: (ScalingGroup | null)[];
  instanceTypes: Readonly<Record<string, InstanceType>>;
  readonly billing: CostMeter;
  /** Round trips, handshakes and the balancers' bills (network/); rebuilt by a live patch, bills kept. */
  network: NetworkState;
  /** Gateway Load Balancer inspection per balancer (network/inspection.ts); null when no balancer inspects. */
  inspection: InspectionState | null;
}

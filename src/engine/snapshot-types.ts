/**
 * What a view draws from: the simulated world's structure (Topology) and one frame's state (Snapshot), with the
 * balancers, databases, DNS records and GWLB appliances by state (InfraSnapshot). Plain, structured-cloneable data
 * (types.ts re-exports it); the per-target and per-flow parts are typed arrays laid out in codes.ts.
 */
import type { AlgorithmName } from '../scenario/algorithm-names.ts';
import type { FailureReason } from './codes.ts';

/** Static structure of the simulated world; changes only when `apply` adds or removes things. */
export interface Topology {
  version: number;
  /** `inspection`: the target group of the GWLB appliances every flow to it passes (only when it has one). */
  balancers: { id: string; layer: 4 | 7; region: string; zones: string[]; listeners: { port: number; protocol: string; rules: { label: string; group: string }[]; defaultGroup: string | null }[]; inspection?: string }[];
  groups: { id: string; algorithm: AlgorithmName; targets: number[] }[];
  targets: { id: string; group: string; address: string; registered: boolean; zone: string | null; instanceType: string }[];
  /** Scaling groups and the target group each one owns. */
  scalingGroups: { id: string; targetGroup: string }[];
  /** Databases and the target groups that query them (through a proxy or not). */
  databases: { id: string; groups: string[]; proxy: boolean; readReplicas: number }[];
  /** The DNS name, if any: its records and the balancer each points at. */
  dns: { name: string; policy: string; records: { id: string; balancer: string }[] } | null;
  /** Balancer zones and regions. */
  zones: string[];
}

export interface LatencySummary {
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

/** One frame's worth of state for a view. */
export interface Snapshot {
  timeMs: number;
  topologyVersion: number;
  totals: {
    arrived: number;
    ok: number;
    failed: number;
    inFlight: number;
    failures: Record<FailureReason, number>;
    /** Successful within the SLO latency. */
    good: number;
  };
  /** Latency over the whole run so far. */
  latencyMs: LatencySummary;
  /** Latency over the last full second of simulated time. */
  lastSecond: { arrived: number; ok: number; failed: number; latencyMs: LatencySummary };
  targets: Float64Array; // TARGET_STRIDE per target
  flows: Float64Array; // FLOW_STRIDE per flow record made since the host last drained them (Simulation.drainFlows)
  /** How many finished requests one flow stands for (1 = every request is drawn). */
  flowSampleEvery: number;
  lastEventSeq: number;
  /** Balancers, databases and DNS records, by state. */
  infra: InfraSnapshot;
}

export interface InfraSnapshot {
  balancers: { id: string; state: 'up' | 'down' | 'standby'; zonesDown: string[]; cpuLoad: number | null; cpuCores: number | null }[];
  databases: {
    id: string;
    maxConnections: number;
    connectionsOpen: number;
    clientConnections: number;
    starved: number;
    utilization: number;
    proxy: boolean;
    failingOver: boolean;
  }[];
  dns: { id: string; target: string; healthy: boolean }[];
  /** Listeners whose default action splits traffic by weight (ALB weighted target groups), with the live weights. */
  forwards: { balancer: string; port: number; weights: { group: string; weight: number }[] }[];
  /** Deployments: which step they are at and whether they finished or rolled back. */
  deployments: { id: string; from: string; to: string; state: 'waiting' | 'running' | 'done' | 'rolled-back'; percent: number }[];
  /** Shared session stores (one per target group that keeps sessions in one) and whether they are up. */
  sessionStores: { group: string; kind: 'shared' | 'replicated'; down: boolean }[];
  /** GWLB inspection appliances (only when a balancer inspects), by target id: their capacity now. */
  appliances?: ApplianceState[];
}

/** One GWLB appliance now (network/appliance-queue.ts): workers busy of its concurrency, queue, drops, inspection time. */
export interface ApplianceState {
  id: string;
  /** The balancer whose flows it inspects. */
  balancer: string;
  concurrency: number;
  busy: number;
  queued: number;
  queueLimit: number;
  admitted: number;
  dropped: number;
  meanWaitMs: number;
  /** Mean time it takes to inspect a request (its distribution's mean × its slow factor), ms. */
  inspectionMs: number;
}

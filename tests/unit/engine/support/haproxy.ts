// Builders for the HAProxy and nginx vectors of docs/haproxy-integration.md: one group of targets a, b, c…
// answering in 1 ms, and replayed requests, so each request is alone and its pick order is exact.
import { createSimulation, type InFlightRecord, type SimEvent, type Simulation, type TraceRecord } from '../../../../src/engine/index.ts';
import type { Change, ScenarioInput } from '../../../../src/scenario/schema.ts';
import { NO_NETWORK, checked } from './scenarios.ts';

type GroupInput = ScenarioInput['targetGroups'][number];
type TargetInput = GroupInput['targets'][number];
type ReplayRequest = { atMs: number; path?: string; host?: string; client?: string; headers?: Record<string, string>; class?: string };

export interface WorldOptions {
  algorithm: GroupInput['algorithm'];
  weights?: number[];
  /** Per target: extra fields (backup, down, haproxyId…). */
  targets?: Partial<TargetInput>[];
  group?: Partial<GroupInput>;
  requests: ReplayRequest[];
  events?: ScenarioInput['events'];
  clients?: ScenarioInput['traffic']['clients'];
  durationSec?: number;
  serviceMs?: number;
}

/**
 * One balancer, one group "bk" of targets a, b, c… (1 ms each, unless serviceMs), replayed requests. The network
 * takes no time (NO_NETWORK, no balancer processing): the vectors were recorded on 127.0.0.1.
 */
export function world(o: WorldOptions): ScenarioInput {
  const n = o.weights?.length ?? o.targets?.length ?? 3;
  return {
    schemaVersion: 1,
    name: 'haproxy vector',
    durationSec: o.durationSec ?? 60,
    traffic: { arrival: { kind: 'replay', requests: o.requests }, ...(o.clients ? { clients: o.clients } : {}) },
    balancers: [{ id: 'lb', processingMs: 0, listeners: [{ port: 80, defaultForward: 'bk' }] }],
    network: NO_NETWORK,
    targetGroups: [
      {
        id: 'bk',
        algorithm: o.algorithm,
        ...o.group,
        targets: Array.from({ length: n }, (_, i) => ({
          id: String.fromCharCode(97 + i),
          weight: o.weights?.[i] ?? 1,
          concurrency: 10,
          serviceTimeMs: { dist: 'constant' as const, valueMs: o.serviceMs ?? 1 },
          ...o.targets?.[i],
        })),
      },
    ],
    events: o.events ?? [],
  };
}

/** Requests at 0, stepMs, 2·stepMs… (each from `client` when given). */
export function every(stepMs: number, count: number, extra: Partial<ReplayRequest> = {}): ReplayRequest[] {
  return Array.from({ length: count }, (_, i) => ({ atMs: i * stepMs, ...extra }));
}

export interface Run {
  sim: Simulation;
  /** Finished requests, by id. */
  trace: TraceRecord[];
  events: SimEvent[];
}

/** Runs a world to `untilMs` (default its end), applying `changes` at their times; the trace is sorted by id. */
export function run(doc: ScenarioInput, untilMs?: number, changes: { atMs: number; change: Change }[] = []): Run {
  const scenario = checked(doc);
  const trace: TraceRecord[] = [];
  const events: SimEvent[] = [];
  const sim = createSimulation(scenario, { onRequestDone: (r) => trace.push(r), onEvent: (e) => events.push(e) });
  for (const c of [...changes].sort((a, b) => a.atMs - b.atMs)) {
    sim.runUntil(c.atMs);
    const error = sim.apply(c.change);
    if (error !== null) throw new Error(error);
  }
  sim.runUntil(untilMs ?? scenario.durationSec * 1000);
  trace.sort((a, b) => a.id - b.id);
  return { sim, trace, events };
}

/** The targets of the trace, space-separated ("-" for a request that had none). */
export function letters(trace: readonly (TraceRecord | InFlightRecord)[]): string {
  return trace.map((r) => r.target ?? '-').join(' ');
}

// Small scenario builders for engine tests: a valid document with only what a test cares about.
import { validateScenario, formatErrors } from '../../../../src/scenario/validate.ts';
import type { Scenario, ScenarioInput } from '../../../../src/scenario/schema.ts';
import type { AlgorithmName } from '../../../../src/scenario/algorithm-names.ts';

export function checked(doc: ScenarioInput): Scenario {
  const r = validateScenario(doc);
  if (!r.ok) throw new Error(formatErrors(r.errors));
  return r.value;
}

/** A network that takes no time (with `processingMs: 0` on the balancer): for tests of the targets' queueing alone. */
export const NO_NETWORK = { clientRttMs: 0, crossRegionRttMs: 0, sameZoneRttMs: 0, crossZoneRttMs: 0 };

/** The network time of an uncongested request behind a default layer-7 balancer without zones: client RTT 20 + processing 0.5 + hop 0.3 ms (schema/network.ts). */
export const NETWORK_MS = 20 + 0.5 + 0.3;

export interface SimpleOptions {
  /** false: no network time at all (NO_NETWORK, no balancer processing). */
  network?: false;
  algorithm?: AlgorithmName;
  ratePerSec?: number;
  arrival?: 'poisson' | 'constant';
  targets?: number;
  weights?: number[];
  concurrency?: number;
  queueLimit?: number | null;
  serviceMs?: number;
  exponential?: boolean;
  timeoutMs?: number;
  seed?: number;
  clients?: number;
}

/** One layer-7 balancer, one group of identical targets named a, b, c… */
export function simple(o: SimpleOptions = {}): Scenario {
  const n = o.targets ?? o.weights?.length ?? 3;
  return checked({
    schemaVersion: 1,
    name: 'test',
    seed: o.seed ?? 1,
    traffic: { arrival: { kind: o.arrival ?? 'poisson', ratePerSec: o.ratePerSec ?? 10 }, clients: { count: o.clients ?? 1000 } },
    balancers: [{ id: 'lb', ...(o.network === false ? { processingMs: 0 } : {}), listeners: [{ port: 80, defaultForward: 'web' }] }],
    ...(o.network === false ? { network: NO_NETWORK } : {}),
    targetGroups: [
      {
        id: 'web',
        algorithm: o.algorithm ?? 'round-robin',
        ...(o.timeoutMs !== undefined ? { requestTimeoutMs: o.timeoutMs } : {}),
        targets: Array.from({ length: n }, (_, i) => ({
          id: String.fromCharCode(97 + i),
          weight: o.weights?.[i] ?? 1,
          concurrency: o.concurrency ?? 1,
          queueLimit: o.queueLimit ?? null,
          serviceTimeMs: o.exponential === false ? { dist: 'constant' as const, valueMs: o.serviceMs ?? 100 } : { dist: 'exponential' as const, meanMs: o.serviceMs ?? 100 },
        })),
      },
    ],
  });
}

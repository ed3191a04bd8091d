// The fixed scenarios of `npm run bench` (R1: 50 single-slot targets at ρ = 0.9; R2: 1,000,000 req/s over
// 200 targets; R3: Black Friday at 1,000,000 req/s), also replayed in short by `npm run digest`.
import type { ScenarioInput } from '../src/scenario/schema.ts';
import type { AlgorithmName } from '../src/scenario/algorithm-names.ts';

export interface Bench {
  id: string;
  description: string;
  untilSec: number;
  chunkSec: number;
  scenario: ScenarioInput;
}

/** R1: 50 single-slot targets, exponential service mean 1 s, Poisson 45 req/s (ρ = 0.9). */
function r1(algorithm: AlgorithmName): Bench {
  return {
    id: `R1-${algorithm}`,
    description: `50 single-slot targets, exp(1 s) service, Poisson 45 req/s, 100,000 s, ${algorithm}`,
    untilSec: 100_000,
    chunkSec: 1_000,
    scenario: {
      schemaVersion: 1,
      name: `R1 ${algorithm}`,
      seed: 1,
      traffic: { arrival: { kind: 'poisson', ratePerSec: 45 }, clients: { count: 10_000 } },
      balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
      targetGroups: [
        {
          id: 'web',
          algorithm,
          // no timeout, like the floor's model (it had been 100,000 s, which no request reached but every one was listed for)
          requestTimeoutMs: 0,
          targets: Array.from({ length: 50 }, (_, i) => ({ id: `t${i}`, serviceTimeMs: { dist: 'exponential' as const, meanMs: 1000 } })),
        },
      ],
    },
  };
}

/** R2: a large-scale run, 1,000,000 req/s for 10 simulated seconds across 200 targets. */
const r2: Bench = {
  id: 'R2',
  description: '1,000,000 req/s Poisson for 10 s across 200 targets (64 slots, exp(10 ms), ρ ≈ 0.78), power-of-two-choices',
  untilSec: 10,
  chunkSec: 0.5,
  scenario: {
    schemaVersion: 1,
    name: 'R2 large scale',
    seed: 1,
    traffic: { arrival: { kind: 'poisson', ratePerSec: 1_000_000 }, clients: { count: 100_000 } },
    balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
    targetGroups: [
      {
        id: 'web',
        algorithm: 'power-of-two-choices',
        targets: Array.from({ length: 200 }, (_, i) => ({ id: `t${i}`, concurrency: 64, queueLimit: 1024, serviceTimeMs: { dist: 'exponential' as const, meanMs: 10 } })),
      },
    ],
  },
};

/** The four services of the Black Friday design (seed 001), their share of requests and their targets. */
const SERVICES = [
  { id: 'users', share: 0.2, targets: 20 },
  { id: 'products', share: 0.4, targets: 40 },
  { id: 'orders', share: 0.3, targets: 30 },
  { id: 'payments', share: 0.1, targets: 10 },
];

/**
 * R3: Black Friday at 1 M req/s — path rules to four target groups, least connections, carts kept by
 * cookie stickiness on the orders group, ALB health checks, TLS terminated at a managed balancer with its
 * own CPU, 100 targets of 100 slots serving exp(7 ms) (ρ ≈ 0.7), 200,000 clients, for 10 simulated seconds.
 */
const r3: Bench = {
  id: 'R3',
  description: 'Black Friday at 1,000,000 req/s: path rules to 4 groups, least connections, a sticky cart group, health checks, TLS termination, 100 targets × 100 slots',
  untilSec: 10,
  chunkSec: 0.5,
  scenario: {
    schemaVersion: 1,
    name: 'R3 Black Friday',
    seed: 1,
    traffic: {
      arrival: { kind: 'poisson', ratePerSec: 1_000_000 },
      clients: { count: 200_000 },
      mix: SERVICES.map((v) => ({ name: v.id, path: `/${v.id}`, share: v.share })),
    },
    balancers: [
      {
        id: 'gateway',
        listeners: [
          {
            port: 443,
            protocol: 'https',
            tls: { mode: 'terminate', resumptionShare: 0.8, requestsPerConnection: 20 },
            rules: SERVICES.map((v) => ({ match: { pathPrefix: `/${v.id}` }, forward: v.id })),
          },
        ],
        capacity: { cpuCores: 64, routeCpuMs: 0.01, managed: { maxCores: 256 } },
      },
    ],
    targetGroups: SERVICES.map((v) => ({
      id: v.id,
      algorithm: 'least-connections' as const,
      healthCheck: { preset: 'aws-alb' as const },
      ...(v.id === 'orders' ? { stickiness: { kind: 'lb-cookie' as const, durationSec: 1800 } } : {}),
      targets: Array.from({ length: v.targets }, (_, i) => ({ id: `${v.id}-${i + 1}`, concurrency: 100, queueLimit: 1000, serviceTimeMs: { dist: 'exponential' as const, meanMs: 7 } })),
    })),
  },
};

export const BENCHES: Bench[] = [r1('least-connections'), r1('round-robin'), r2, r3];


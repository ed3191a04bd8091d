/**
 * Richer preview scenarios for the health, zone, scaling and region views: every mechanism the lab draws
 * at least once (zones with health checks, a scaling group with target tracking on CPU, a database with a
 * connection limit, sessions, edge protection, and two regions behind a DNS failover name).
 */

const service = (meanMs: number) => ({ dist: 'exponential', meanMs });

/** Two zones, health checks, a scaling group tracking 50 % CPU, a database whose connections run short. */
export const asg = {
  schemaVersion: 1,
  name: 'Auto scaling across two zones, with a database',
  description: 'Traffic quadruples from 10 s; the scaling group tracks 50 % CPU; every instance holds 6 of the database’s 20 connections; a small botnet hits at 60 s.',
  durationSec: 600,
  slo: { latencyMs: 500 },
  traffic: {
    arrival: { kind: 'poisson', ratePerSec: 20 },
    profile: [
      { atSec: 10, ratePerSec: 95, rampSec: 30 },
      { atSec: 420, ratePerSec: 30, rampSec: 30 },
    ],
    clients: { count: 3000 },
    sessions: { idleSec: 600 },
    attacks: [{ atSec: 60, durationSec: 40, ratePerSec: 40, bots: 4 }],
    mix: [
      { name: 'browse', path: '/', share: 8 },
      { name: 'add', path: '/cart', share: 2, cart: 'add', queries: 'write' },
    ],
  },
  balancers: [
    {
      id: 'alb',
      zones: ['us-east-1a', 'us-east-1b'],
      listeners: [{ port: 443, protocol: 'https', defaultForward: 'web' }],
      rateLimit: { ratePerSec: 5, burst: 10 },
      capacity: { cpuCores: 0.5, routeCpuMs: 1.5 },
    },
  ],
  targetGroups: [
    {
      id: 'web',
      algorithm: 'least-outstanding-requests',
      healthCheck: { preset: 'aws-alb', intervalSec: 5, timeoutSec: 2, healthyThreshold: 2, unhealthyThreshold: 2 },
      deregistrationDelaySec: 20,
      database: { id: 'orders', poolSize: 6 },
      targets: ['web-1', 'web-2'].map((id) => ({ id, concurrency: 8, queueLimit: 40, serviceTimeMs: service(120) })),
    },
  ],
  databases: [{ id: 'orders', maxConnections: 20, concurrency: 8 }],
  scalingGroups: [
    {
      id: 'web-asg',
      targetGroup: 'web',
      min: 2,
      max: 8,
      bootSec: 25,
      warmupSec: 30,
      cooldownSec: 60,
      healthCheckType: 'ELB',
      healthCheckGracePeriodSec: 120,
      policies: [{ kind: 'target-tracking', metric: 'CPUUtilization', targetValue: 50 }],
    },
  ],
  events: [{ atSec: 330, action: 'hang', target: 'web-2' }],
};

/** The CPU target of each scaling group's target-tracking policy in `asg`, for the capacity chart. */
export const asgScalingTargets: Record<string, number> = { 'web-asg': 50 };

/** Two regions behind a Route 53 failover name, each balancer in two zones, health checks everywhere. */
export const regions = {
  schemaVersion: 1,
  name: 'Two regions behind DNS failover',
  durationSec: 600,
  traffic: { arrival: { kind: 'poisson', ratePerSec: 60 }, clients: { count: 2000 } },
  balancers: [
    { id: 'east', region: 'us-east-1', zones: ['use1-az1', 'use1-az2'], listeners: [{ port: 443, protocol: 'https', defaultForward: 'east-web' }] },
    { id: 'west', region: 'us-west-2', zones: ['usw2-az1', 'usw2-az2'], listeners: [{ port: 443, protocol: 'https', defaultForward: 'west-web' }] },
  ],
  dns: {
    policy: 'failover',
    ttlSec: 60,
    records: [
      { id: 'primary', balancer: 'east', failover: 'primary', healthCheck: true },
      { id: 'secondary', balancer: 'west', failover: 'secondary', healthCheck: true },
    ],
    resolvers: { count: 200, ignoreTtlShare: 0.05 },
    healthChecks: { intervalSec: 10, failureThreshold: 3 },
  },
  targetGroups: ['east', 'west'].map((r) => ({
    id: `${r}-web`,
    algorithm: 'round-robin',
    healthCheck: { preset: 'aws-alb', intervalSec: 5, timeoutSec: 2, unhealthyThreshold: 2 },
    targets: [1, 2, 3, 4].map((n) => ({ id: `${r[0]}${n}`, concurrency: 8, queueLimit: 50, serviceTimeMs: service(60) })),
  })),
  events: [
    { atSec: 15, action: 'crash', target: 'e2' },
    { atSec: 30, action: 'zone-outage', zone: 'use1-az1' },
    { atSec: 60, action: 'zone-recover', zone: 'use1-az1' },
  ],
};

/** One group over three zones with HAProxy-style checks and passive health: check history and blind windows. */
export const zones = {
  schemaVersion: 1,
  name: 'Three zones, health checks and blind windows',
  durationSec: 300,
  traffic: { arrival: { kind: 'poisson', ratePerSec: 45 }, clients: { count: 2000 } },
  balancers: [{ id: 'alb', zones: ['a', 'b', 'c'], listeners: [{ port: 443, protocol: 'https', defaultForward: 'web' }] }],
  targetGroups: [
    {
      id: 'web',
      algorithm: 'round-robin',
      healthCheck: { preset: 'haproxy', intervalSec: 2 },
      targets: Array.from({ length: 6 }, (_, i) => ({ id: `w${i + 1}`, concurrency: 4, queueLimit: 30, serviceTimeMs: service(100) })),
    },
  ],
  events: [
    { atSec: 8, action: 'crash', target: 'w1' },
    { atSec: 20, action: 'hang', target: 'w4' },
    { atSec: 26, action: 'break-dependency', target: 'w5' },
    { atSec: 40, action: 'recover', target: 'w1' },
    { atSec: 45, action: 'recover', target: 'w4' },
  ],
};

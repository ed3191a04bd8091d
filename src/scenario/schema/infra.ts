/** Infrastructure around the balancers: databases, scaling groups and policies, the DNS name, deployments. */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { DistributionSchema, id, placeName } from './common.ts';

/**
 * A database the targets query: a connection limit, query latency that grows with its load, read
 * replicas, a primary failover, and optionally a connection-pooling proxy in front (like RDS Proxy).
 */
export const DatabaseSchema = z.strictObject({
  id,
  /** Connections the database accepts (PostgreSQL/MySQL max_connections). */
  maxConnections: z.int().min(1).max(100_000).default(100),
  /** Time of one query on an idle database. */
  queryTimeMs: DistributionSchema.default({ dist: 'exponential', meanMs: 5 }),
  /** Queries it runs at once at full speed (roughly its vCPUs); beyond that, latency grows with load. */
  concurrency: z.int().min(1).max(10_000).default(8),
  /** Read replicas: reads are spread over them, writes go to the primary. */
  readReplicas: z.int().min(0).max(15).default(0),
  /** How long a primary failover takes (RDS Multi-AZ: typically 60–120 s). */
  failoverSec: z.number().min(0).max(3600).default(60),
  /** A pooling proxy: targets connect to it, and it multiplexes their queries over at most maxConnections. */
  proxy: z.boolean().default(false),
});

const scalingMetric = z.enum(['CPUUtilization', 'ALBRequestCountPerTarget', 'RequestCount', 'NetworkOut', 'TargetResponseTime']);
const alarm = z.strictObject({
  threshold: z.number().min(-1e12).max(1e12),
  comparison: z.enum(['>', '>=', '<', '<=']),
  periodSec: z.union([z.literal(60), z.literal(300)]).default(60),
  evaluationPeriods: z.int().min(1).max(100).default(1),
  datapointsToAlarm: z.int().min(1).max(100).optional(),
  statistic: z.enum(['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount']).default('Average'),
});
const adjustmentType = z.enum(['ChangeInCapacity', 'ExactCapacity', 'PercentChangeInCapacity']).default('ChangeInCapacity');

/** Scaling policies (EC2 Auto Scaling, Elastic Beanstalk triggers) and the Kubernetes HPA as an alternative. */
export const ScalingPolicySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('target-tracking'), metric: z.enum(['CPUUtilization', 'ALBRequestCountPerTarget']), targetValue: z.number().gt(0).max(1e9), disableScaleIn: z.boolean().default(false) }),
  z.strictObject({
    kind: z.literal('step'),
    metric: scalingMetric,
    alarm,
    adjustmentType,
    steps: z.array(z.strictObject({ lowerBound: z.number().nullable().optional(), upperBound: z.number().nullable().optional(), scalingAdjustment: z.number() })).min(1).max(20),
  }),
  z.strictObject({ kind: z.literal('simple'), metric: scalingMetric, alarm, adjustmentType, scalingAdjustment: z.number(), cooldownSec: z.number().min(0).max(86400).optional() }),
  z.strictObject({
    kind: z.literal('scheduled'),
    actions: z
      .array(z.strictObject({ recurrence: z.string().max(100).optional(), atSec: z.number().min(0).max(LIMITS.maxDurationSec).optional(), min: z.int().min(0).max(10_000).optional(), max: z.int().min(0).max(10_000).optional(), desired: z.int().min(0).max(10_000).optional() }))
      .min(1)
      .max(50),
  }),
  // ForecastAndScale by default here (AWS defaults to ForecastOnly, which never scales: useless in a lab)
  z.strictObject({ kind: z.literal('predictive'), targetRequestsPerInstance: z.number().gt(0).max(1e9), mode: z.enum(['ForecastOnly', 'ForecastAndScale']).default('ForecastAndScale'), schedulingBufferSec: z.number().min(0).lt(3600).default(300) }),
  z.strictObject({
    kind: z.literal('beanstalk'),
    measureName: scalingMetric.default('NetworkOut'),
    statistic: z.enum(['Average', 'Sum', 'Minimum', 'Maximum']).default('Average'),
    periodMinutes: z.int().min(1).max(60).default(5),
    breachDurationMinutes: z.int().min(1).max(600).default(5),
    upperThreshold: z.number().default(6_000_000),
    upperBreachScaleIncrement: z.int().min(-100).max(100).default(1),
    lowerThreshold: z.number().default(2_000_000),
    lowerBreachScaleIncrement: z.int().min(-100).max(100).default(-1),
  }),
  z.strictObject({ kind: z.literal('hpa'), targetUtilizationPercent: z.number().gt(0).max(1000).default(80), legacy: z.boolean().default(false) }),
]);

/** An EC2 Auto Scaling group that owns a target group's targets: launches, warms up, replaces and terminates them. */
export const ScalingGroupSchema = z.strictObject({
  id,
  targetGroup: id,
  min: z.int().min(0).max(10_000),
  max: z.int().min(1).max(10_000),
  /** Default: the number of targets the group starts with. */
  desired: z.int().min(0).max(10_000).optional(),
  /** Default: the group's last target's instance type. */
  instanceType: z.string().min(1).max(40).optional(),
  market: z.enum(['on-demand', 'spot']).default('on-demand'),
  spotInterruptionsPerHour: z.number().min(0).max(100).default(0.05),
  /** From launch until the instance is running and registered. */
  bootSec: z.number().min(0).max(3600).default(60),
  /** After boot, how long an instance is left out of the metrics (DefaultInstanceWarmup; falls back to the cooldown, 300 s). */
  warmupSec: z.number().min(0).max(3600).optional(),
  /** EC2: replace instances that stop; ELB: also replace those the balancer's health check marks unhealthy. */
  healthCheckType: z.enum(['EC2', 'ELB']).default('EC2'),
  healthCheckGracePeriodSec: z.number().min(0).max(7200).default(300),
  cooldownSec: z.number().min(0).max(86400).default(300),
  terminationPolicy: z.enum(['Default', 'OldestInstance', 'NewestInstance', 'OldestLaunchTemplate', 'ClosestToNextInstanceHour']).default('Default'),
  /** New instances are protected from scale-in. */
  protectFromScaleIn: z.boolean().default(false),
  policies: z.array(ScalingPolicySchema).max(10).default([]),
});

/** A DNS name served like Route 53: records point at balancers; resolvers cache answers for the TTL. */
export const DnsSchema = z.strictObject({
  name: z.string().min(1).max(253).default('shop.example.com'),
  ttlSec: z.number().min(0).max(86400).default(60),
  policy: z.enum(['simple', 'multivalue', 'weighted', 'latency', 'failover', 'geolocation']),
  records: z
    .array(
      z.strictObject({
        id,
        balancer: id,
        weight: z.int().min(0).max(255).optional(),
        failover: z.enum(['primary', 'secondary']).optional(),
        location: z.union([z.literal('default'), z.strictObject({ continent: placeName.optional(), country: placeName.optional() })]).optional(),
        healthCheck: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(50),
  resolvers: z
    .strictObject({
      count: z.int().min(1).max(100_000).default(100),
      ignoreTtlShare: z.number().min(0).max(1).default(0),
      ignoreTtlExtraSec: z.number().min(0).max(86400).default(900),
      /** Caches start staggered across the TTL (resolver r's first answer lives until (r + 1) ÷ count × TTL), not all fetched at 0. */
      staggered: z.boolean().default(true),
    })
    .default({ count: 100, ignoreTtlShare: 0, ignoreTtlExtraSec: 900, staggered: true }),
  healthChecks: z
    .strictObject({
      intervalSec: z.union([z.literal(30), z.literal(10)]).default(30),
      failureThreshold: z.int().min(1).max(10).default(3),
      checkers: z.int().min(1).max(64).default(8),
    })
    .default({ intervalSec: 30, failureThreshold: 3, checkers: 8 }),
  /** Measured latency from each client region to each balancer region, ms (latency policy). */
  latencyMs: z.record(placeName, z.record(placeName, z.number().min(0).max(10_000))).default({}),
});

/** Shifting traffic between two target groups of a listener: all at once (blue/green) or in steps (canary), with automatic rollback. */
export const DeploymentSchema = z.strictObject({
  id,
  kind: z.enum(['blue-green', 'canary']),
  atSec: z.number().min(0).max(LIMITS.maxDurationSec),
  balancer: id,
  port: z.int().min(1).max(65535).optional(),
  from: id,
  to: id,
  /** Canary: the share sent to the new group at each step and how long each is watched. */
  steps: z.array(z.strictObject({ percent: z.number().min(0).max(100), holdSec: z.number().gt(0).max(86400) })).min(1).max(20).default([
    { percent: 10, holdSec: 60 },
    { percent: 50, holdSec: 60 },
    { percent: 100, holdSec: 60 },
  ]),
  /** Roll back when the new group's error rate during a step exceeds this (with at least minRequests). */
  rollback: z.strictObject({ errorRatePercent: z.number().gt(0).max(100).default(5), minRequests: z.int().min(1).max(1e6).default(20) }).default({ errorRatePercent: 5, minRequests: 20 }),
});

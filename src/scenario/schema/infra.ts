/** Infrastructure around the balancers: databases, scaling groups and policies, the DNS name, deployments. */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { DistributionSchema, id, placeName } from './common.ts';

/**
 * A database the targets query: a connection limit, query latency that grows with its load, read
 * replicas, a primary failover, and optionally a connection-pooling proxy in front (like RDS Proxy).
 */
export const DatabaseSchema = z.strictObject({
  id: id.describe("The database's name."),
  /** Connections the database accepts (PostgreSQL/MySQL max_connections). */
  maxConnections: z.int().min(1).max(100_000).default(100).describe('Connections the database accepts (max_connections).'),
  /** Time of one query on an idle database. */
  queryTimeMs: DistributionSchema.default({ dist: 'exponential', meanMs: 5 }).describe('Time of one query on an idle database.'),
  /** Queries it runs at once at full speed (roughly its vCPUs); beyond that, latency grows with load. */
  concurrency: z.int().min(1).max(10_000).default(8).describe('Queries it runs at once at full speed; beyond, latency grows.'),
  /** Read replicas: reads are spread over them, writes go to the primary. */
  readReplicas: z.int().min(0).max(15).default(0).describe('Read replicas that share the reads.'),
  /** How long a primary failover takes (RDS Multi-AZ: typically 60–120 s). */
  failoverSec: z.number().min(0).max(3600).default(60).describe('How long a primary failover takes.'),
  /** A pooling proxy: targets connect to it, and it multiplexes their queries over its own connections to the database. */
  proxy: z.boolean().default(false).describe('A pooling proxy (like RDS Proxy) in front of it.'),
  /** RDS Proxy's connection pool settings (ConnectionPoolConfiguration); used when `proxy` is true. */
  proxySettings: z
    .strictObject({
      maxConnectionsPercent: z.int().min(1).max(100).default(100).describe("The proxy's connections to the database, as a percentage of maxConnections (RDS Proxy MaxConnectionsPercent, default 100)."),
      connectionBorrowTimeoutSec: z.int().min(0).max(3600).default(120).describe('How long a request waits for a free proxy connection before it fails, s; 0 waits forever (ConnectionBorrowTimeout, default 120).'),
      addedLatencyMs: z.number().min(0).max(1000).default(1).describe('Time the proxy adds to each query, ms (default 1; assumed, AWS publishes none).'),
    })
    .default({ maxConnectionsPercent: 100, connectionBorrowTimeoutSec: 120, addedLatencyMs: 1 })
    .describe("The proxy's connection pool: its cap, how long requests wait to borrow a connection, and its added time."),
});

const scalingMetric = z.enum(['CPUUtilization', 'ALBRequestCountPerTarget', 'RequestCount', 'NetworkOut', 'TargetResponseTime']);
const alarm = z.strictObject({
  threshold: z.number().min(-1e12).max(1e12).describe('The value the alarm compares the metric with.'),
  comparison: z.enum(['>', '>=', '<', '<=']).describe('How the metric is compared with the threshold.'),
  periodSec: z.union([z.literal(60), z.literal(300)]).default(60).describe('The length of one datapoint.'),
  evaluationPeriods: z.int().min(1).max(100).default(1).describe('Datapoints the alarm looks at.'),
  datapointsToAlarm: z.int().min(1).max(100).optional().describe('How many of them must breach.'),
  statistic: z.enum(['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount']).default('Average').describe('How each datapoint is summarised.'),
});
const adjustmentType = z.enum(['ChangeInCapacity', 'ExactCapacity', 'PercentChangeInCapacity']).default('ChangeInCapacity');

/** Scaling policies (EC2 Auto Scaling, Elastic Beanstalk triggers) and the Kubernetes HPA as an alternative. */
export const ScalingPolicySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('target-tracking'),
    metric: z.enum(['CPUUtilization', 'ALBRequestCountPerTarget']).describe('The metric kept near the target value.'),
    targetValue: z.number().gt(0).max(1e9).describe('The value the policy keeps the metric at.'),
    disableScaleIn: z.boolean().default(false).describe('Only ever add instances.'),
  }),
  z.strictObject({
    kind: z.literal('step'),
    metric: scalingMetric.describe('The metric its alarm watches.'),
    alarm: alarm.describe('When the policy acts.'),
    adjustmentType: adjustmentType.describe('How each step\'s adjustment is read.'),
    steps: z
      .array(
        z.strictObject({
          lowerBound: z.number().nullable().optional().describe('Where this step starts, above the threshold.'),
          upperBound: z.number().nullable().optional().describe('Where it ends.'),
          scalingAdjustment: z.number().describe('Instances (or percent) to add; negative removes.'),
        }),
      )
      .min(1)
      .max(20)
      .describe('Adjustments by how far the metric is past the threshold.'),
  }),
  z.strictObject({
    kind: z.literal('simple'),
    metric: scalingMetric.describe('The metric its alarm watches.'),
    alarm: alarm.describe('When the policy acts.'),
    adjustmentType: adjustmentType.describe('How scalingAdjustment is read.'),
    scalingAdjustment: z.number().describe('Instances (or percent) to add; negative removes.'),
    cooldownSec: z.number().min(0).max(86400).optional().describe('Time after an action before it may act again.'),
  }),
  z.strictObject({
    kind: z.literal('scheduled'),
    actions: z
      .array(
        z.strictObject({
          recurrence: z.string().max(100).optional().describe('A cron expression: when the action repeats.'),
          atSec: z.number().min(0).max(LIMITS.maxDurationSec).optional().describe('When the action happens once.'),
          min: z.int().min(0).max(10_000).optional().describe('The new minimum.'),
          max: z.int().min(0).max(10_000).optional().describe('The new maximum.'),
          desired: z.int().min(0).max(10_000).optional().describe('The new desired capacity.'),
        }),
      )
      .min(1)
      .max(50)
      .describe('Capacity changes at set times.'),
  }),
  // ForecastAndScale by default here (AWS defaults to ForecastOnly, which never scales: useless in a lab)
  z.strictObject({
    kind: z.literal('predictive'),
    targetRequestsPerInstance: z.number().gt(0).max(1e9).describe('Requests each instance should take, from the forecast.'),
    mode: z.enum(['ForecastOnly', 'ForecastAndScale']).default('ForecastAndScale').describe('Forecast only, or also scale.'),
    schedulingBufferSec: z.number().min(0).lt(3600).default(300).describe('How early instances launch before the forecast load.'),
  }),
  z.strictObject({
    kind: z.literal('beanstalk'),
    measureName: scalingMetric.default('NetworkOut').describe('The metric its triggers watch.'),
    statistic: z.enum(['Average', 'Sum', 'Minimum', 'Maximum']).default('Average').describe('How each datapoint is summarised.'),
    periodMinutes: z.int().min(1).max(60).default(5).describe('The length of one datapoint.'),
    breachDurationMinutes: z.int().min(1).max(600).default(5).describe('How long a breach must last.'),
    upperThreshold: z.number().default(6_000_000).describe('Above this the group grows.'),
    upperBreachScaleIncrement: z.int().min(-100).max(100).default(1).describe('Instances added above the upper threshold.'),
    lowerThreshold: z.number().default(2_000_000).describe('Below this the group shrinks.'),
    lowerBreachScaleIncrement: z.int().min(-100).max(100).default(-1).describe('Instances added (negative: removed) below the lower threshold.'),
  }),
  z.strictObject({
    kind: z.literal('hpa'),
    targetUtilizationPercent: z.number().gt(0).max(1000).default(80).describe('The CPU use the Kubernetes HPA aims for.'),
    legacy: z.boolean().default(false).describe('The older HPA algorithm.'),
  }),
]);

/** An EC2 Auto Scaling group that owns a target group's targets: launches, warms up, replaces and terminates them. */
export const ScalingGroupSchema = z.strictObject({
  id: id.describe("The scaling group's name."),
  targetGroup: id.describe('The target group whose targets it launches and terminates.'),
  min: z.int().min(0).max(10_000).describe('The fewest instances it keeps.'),
  max: z.int().min(1).max(10_000).describe('The most instances it launches.'),
  /** Default: the number of targets the group starts with. */
  desired: z.int().min(0).max(10_000).optional().describe('The number of instances it aims for (default: the targets it starts with).'),
  /** Default: the group's last target's instance type. */
  instanceType: z.string().min(1).max(40).optional().describe("What new instances run on (default: the group's last target's)."),
  market: z.enum(['on-demand', 'spot']).default('on-demand').describe('On-demand instances, or cheaper spot ones that may be interrupted.'),
  spotInterruptionsPerHour: z.number().min(0).max(100).default(0.05).describe('How often a spot instance is taken away.'),
  /** From launch until the instance is running and registered. */
  bootSec: z.number().min(0).max(3600).default(60).describe('From launch until the instance is running and registered.'),
  /** After boot, how long an instance is left out of the metrics (DefaultInstanceWarmup; falls back to the cooldown, 300 s). */
  warmupSec: z.number().min(0).max(3600).optional().describe('After boot, how long an instance stays out of the metrics.'),
  /** EC2: replace instances that stop; ELB: also replace those the balancer's health check marks unhealthy. */
  healthCheckType: z.enum(['EC2', 'ELB']).default('EC2').describe('EC2 replaces stopped instances; ELB also unhealthy ones.'),
  healthCheckGracePeriodSec: z.number().min(0).max(7200).default(300).describe("How long after launch health checks don't count."),
  cooldownSec: z.number().min(0).max(86400).default(300).describe('Time after a scaling action before the next.'),
  terminationPolicy: z.enum(['Default', 'OldestInstance', 'NewestInstance', 'OldestLaunchTemplate', 'ClosestToNextInstanceHour']).default('Default').describe('Which instance goes first on scale-in.'),
  /** New instances are protected from scale-in. */
  protectFromScaleIn: z.boolean().default(false).describe('New instances are protected from scale-in.'),
  policies: z.array(ScalingPolicySchema).max(10).default([]).describe('How the group decides its capacity.'),
});

/** A DNS name served like Route 53: records point at balancers; resolvers cache answers for the TTL. */
export const DnsSchema = z.strictObject({
  name: z.string().min(1).max(253).default('shop.example.com').describe('The DNS name clients look up.'),
  ttlSec: z.number().min(0).max(86400).default(60).describe('How long resolvers cache an answer.'),
  policy: z.enum(['simple', 'multivalue', 'weighted', 'latency', 'failover', 'geolocation']).describe('The Route 53 routing policy.'),
  records: z
    .array(
      z.strictObject({
        id: id.describe("The record's name."),
        balancer: id.describe('The balancer this record points at.'),
        weight: z.int().min(0).max(255).optional().describe('Weighted policy: its share of answers.'),
        failover: z.enum(['primary', 'secondary']).optional().describe('Failover policy: primary or secondary.'),
        location: z.union([z.literal('default'), z.strictObject({ continent: placeName.optional(), country: placeName.optional() })]).optional().describe('Geolocation policy: where its clients are.'),
        healthCheck: z.boolean().optional().describe('Route 53 checks the balancer and stops answering with it when down.'),
      }),
    )
    .min(1)
    .max(50)
    .describe('Records: the balancers the name answers with.'),
  resolvers: z
    .strictObject({
      count: z.int().min(1).max(100_000).default(100).describe('How many resolvers the clients use.'),
      ignoreTtlShare: z.number().min(0).max(1).default(0).describe('Share of resolvers that keep answers past the TTL.'),
      ignoreTtlExtraSec: z.number().min(0).max(86400).default(900).describe('How much longer they keep them.'),
      /** Caches start staggered across the TTL (resolver r's first answer lives until (r + 1) ÷ count × TTL), not all fetched at 0. */
      staggered: z.boolean().default(true).describe("Caches start staggered across the TTL, as a real population's do (default on)."),
    })
    .default({ count: 100, ignoreTtlShare: 0, ignoreTtlExtraSec: 900, staggered: true })
    .describe("The clients' DNS resolvers, which cache answers."),
  healthChecks: z
    .strictObject({
      intervalSec: z.union([z.literal(30), z.literal(10)]).default(30).describe('Time between Route 53 health checks.'),
      failureThreshold: z.int().min(1).max(10).default(3).describe('Failed checks before a record is unhealthy.'),
      checkers: z.int().min(1).max(64).default(8).describe('How many checkers look.'),
    })
    .default({ intervalSec: 30, failureThreshold: 3, checkers: 8 })
    .describe('Route 53 health checks of the records that ask for them.'),
  /** Measured latency from each client region to each balancer region, ms (latency policy). */
  latencyMs: z.record(placeName, z.record(placeName, z.number().min(0).max(10_000))).default({}).describe('Latency from each client region to each balancer region.'),
});

/** Shifting traffic between two target groups of a listener: all at once (blue/green) or in steps (canary), with automatic rollback. */
export const DeploymentSchema = z.strictObject({
  id: id.describe("The deployment's name."),
  kind: z.enum(['blue-green', 'canary']).describe('blue-green switches at once; canary shifts in steps.'),
  atSec: z.number().min(0).max(LIMITS.maxDurationSec).describe('When the deployment starts.'),
  balancer: id.describe('The balancer whose listener it shifts.'),
  port: z.int().min(1).max(65535).optional().describe('The listener port (default: the first listener).'),
  from: id.describe('The target group running the old version.'),
  to: id.describe('The target group running the new version.'),
  /** Canary: the share sent to the new group at each step and how long each is watched. */
  steps: z
    .array(z.strictObject({ percent: z.number().min(0).max(100).describe('Share sent to the new group.'), holdSec: z.number().gt(0).max(86400).describe('How long this step is watched.') }))
    .min(1)
    .max(20)
    .default([
      { percent: 10, holdSec: 60 },
      { percent: 50, holdSec: 60 },
      { percent: 100, holdSec: 60 },
    ])
    .describe('Canary: the steps of the shift.'),
  /** Roll back when the new group's error rate during a step exceeds this (with at least minRequests). */
  rollback: z
    .strictObject({ errorRatePercent: z.number().gt(0).max(100).default(5).describe("The new group's error rate that rolls back."), minRequests: z.int().min(1).max(1e6).default(20).describe('Requests before the error rate counts.') })
    .default({ errorRatePercent: 5, minRequests: 20 })
    .describe('When the deployment rolls itself back.'),
});

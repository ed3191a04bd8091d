/**
 * The scenario: one versioned JSON document that describes a whole simulated world.
 * Lessons, the sandbox, saved files, share links and the CLI all use this one format.
 * Strict objects (unknown fields are errors), units in field names, defaults documented in
 * docs/scenario-format.md. Cross-field rules (ids, references) live in validate.ts.
 */
import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { DistributionSchema, positiveMs } from './schema/common.ts';
import { TrafficSchema, MixEntrySchema } from './schema/traffic.ts';
import { BalancerSchema } from './schema/balancer.ts';
import { TargetGroupSchema, HealthCheckSchema, PassiveHealthSchema, RetrySchema, RetryBudgetSchema, SlowStartSchema, CircuitBreakerSchema } from './schema/target-group.ts';
import { ChangeSchema, ScheduledEventSchema } from './schema/changes.ts';
import { NETWORK_DEFAULTS, NetworkSchema } from './schema/network.ts';
import { DatabaseSchema, DeploymentSchema, DnsSchema, ScalingGroupSchema, ScalingPolicySchema } from './schema/infra.ts';

export * from './schema/common.ts';
export * from './schema/traffic.ts';
export * from './schema/balancer.ts';
export * from './schema/target-group.ts';
export * from './schema/changes.ts';
export * from './schema/infra.ts';
export * from './schema/network.ts';

/** The scenario format's version; a breaking change bumps it and ships a migration. */
export const SCHEMA_VERSION = 1;

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  name: z.string().min(1).max(200).describe("The scenario's title."),
  description: z.string().max(4000).optional().describe('Free text shown under the scenario.'),
  seed: z.int().min(0).max(0xffffffff).default(1).describe('Seed of every random draw: the same seed gives the same run.'),
  durationSec: z.number().gt(0).max(LIMITS.maxDurationSec).default(60).describe('Length of a run.'),
  traffic: TrafficSchema.describe('Where requests come from.'),
  balancers: z.array(BalancerSchema).min(1).max(LIMITS.maxBalancers).describe('The load balancers; the first receives the traffic.'),
  targetGroups: z.array(TargetGroupSchema).min(1).max(LIMITS.maxTargetGroups).describe('Target groups: the servers the balancers forward to.'),
  dns: DnsSchema.optional().describe('A Route 53 name in front of the balancers.'),
  /** Round-trip times, message sizes and cross-zone data prices (defaults in schema/network.ts). */
  network: NetworkSchema.default(() => ({ ...NETWORK_DEFAULTS })).describe('Round-trip times, message sizes and the price of cross-zone data.'),
  /** The service-level objective: a request is good only if it succeeded within latencyMs. */
  slo: z.strictObject({ latencyMs: positiveMs.describe('A request is good when it succeeds within this.') }).default({ latencyMs: 1000 }).describe('The service-level objective.'),
  databases: z.array(DatabaseSchema).max(5).default([]).describe('Databases the target groups query.'),
  deployments: z.array(DeploymentSchema).max(20).default([]).describe('Blue/green and canary releases between two target groups.'),
  scalingGroups: z.array(ScalingGroupSchema).max(10).default([]).describe("Auto Scaling groups, each owning one target group's targets."),
  /** Extra or overridden instance types: vCPU, CPU speed (1 = m5) and on-demand price per hour. */
  instanceTypes: z
    .record(
      z.string().min(1).max(40),
      z.strictObject({
        vcpu: z.int().min(1).max(448).describe('Virtual CPUs.'),
        memoryGiB: z.number().gt(0).max(24_576).default(4).describe('Memory.'),
        cpuSpeed: z.number().gt(0).max(100).default(1).describe('CPU speed relative to m5 (2 serves twice as fast).'),
        onDemandHourlyUsd: z.number().min(0).max(1000).describe('On-demand price per hour.'),
      }),
    )
    .default({})
    .describe('Instance types added to, or replacing, the built-in table.'),
  events: z.array(ScheduledEventSchema).max(LIMITS.maxEvents).default([]),
});

export type Distribution = z.output<typeof DistributionSchema>;
export type DnsScenarioConfig = z.output<typeof DnsSchema>;
export type NetworkConfig = z.output<typeof NetworkSchema>;
export type DatabaseConfig = z.output<typeof DatabaseSchema>;
export type ScalingGroupConfig = z.output<typeof ScalingGroupSchema>;
export type ScalingPolicyConfig = z.output<typeof ScalingPolicySchema>;
export type HealthCheckInput = z.output<typeof HealthCheckSchema>;
export type PassiveHealth = z.output<typeof PassiveHealthSchema>;
export type RetryConfig = z.output<typeof RetrySchema>;
export type RetryBudgetConfig = z.output<typeof RetryBudgetSchema>;
export type SlowStartConfig = z.output<typeof SlowStartSchema>;
export type CircuitBreakerConfig = z.output<typeof CircuitBreakerSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type TargetGroupConfig = Scenario['targetGroups'][number];
export type TargetConfig = TargetGroupConfig['targets'][number];
export type BalancerConfig = Scenario['balancers'][number];
export type ListenerConfig = BalancerConfig['listeners'][number];
export type MixEntry = z.output<typeof MixEntrySchema>;
export type Change = z.output<typeof ChangeSchema>;
export type ScheduledEvent = z.output<typeof ScheduledEventSchema>;

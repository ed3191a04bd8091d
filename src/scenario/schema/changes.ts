/** The live-change vocabulary, shared by a scenario's scheduled `events` and changes made while it runs. */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { ALGORITHM_NAMES } from '../algorithm-names.ts';
import { DistributionSchema, id, placeName, rate } from './common.ts';
import { HealthCheckSchema } from './target-group.ts';

const at = { atSec: z.number().min(0).max(LIMITS.maxDurationSec) };

/** One JSON Patch operation (RFC 6902) on the scenario: `path` is a JSON Pointer such as `/targetGroups/0/algorithm`. */
export const PatchOpSchema = z.strictObject({
  op: z.enum(['add', 'replace', 'remove']).default('replace'),
  path: z.string().max(500),
  value: z.unknown().optional(),
});

/** A change to any part of the scenario: one patch (`path`, `value`, `op`), or several applied together (`patches`). */
function patchChange<E extends z.core.$ZodLooseShape>(extra: E) {
  return z
    .strictObject({
      ...extra,
      action: z.literal('patch'),
      op: z.enum(['add', 'replace', 'remove']).optional(),
      path: z.string().max(500).optional(),
      value: z.unknown().optional(),
      patches: z.array(PatchOpSchema).min(1).max(LIMITS.maxPatches).optional(),
    })
    .refine((c) => ((c as { path?: string }).path === undefined) !== ((c as { patches?: unknown[] }).patches === undefined), {
      message: 'a patch has a path (one patch) or patches (several together), one of the two',
      path: ['path'],
    });
}

/** The change vocabulary, optionally with extra fields (a scheduled event adds `atSec`). */
function changeUnion<E extends z.core.$ZodLooseShape>(extra: E) {
  return z.discriminatedUnion('action', [
    z.strictObject({ ...extra, action: z.literal('crash'), target: id }),
    z.strictObject({ ...extra, action: z.literal('recover'), target: id }),
    z.strictObject({ ...extra, action: z.literal('hang'), target: id }),
    z.strictObject({ ...extra, action: z.literal('slow'), target: id, factor: z.number().min(1).max(1000) }),
    z.strictObject({ ...extra, action: z.literal('errors'), target: id, share: z.number().min(0).max(1) }),
    z.strictObject({ ...extra, action: z.literal('brownout'), target: id, factor: z.number().min(1).max(1000), share: z.number().min(0).max(1) }),
    z.strictObject({ ...extra, action: z.literal('deregister'), target: id }),
    z.strictObject({ ...extra, action: z.literal('register'), target: id }),
    z.strictObject({ ...extra, action: z.literal('break-dependency'), target: id }),
    z.strictObject({ ...extra, action: z.literal('set-health-check'), group: id, healthCheck: HealthCheckSchema.nullable() }),
    z.strictObject({ ...extra, action: z.literal('crash-balancer'), balancer: id }),
    z.strictObject({ ...extra, action: z.literal('recover-balancer'), balancer: id }),
    z.strictObject({ ...extra, action: z.literal('zone-outage'), zone: placeName }),
    z.strictObject({ ...extra, action: z.literal('zone-recover'), zone: placeName }),
    z.strictObject({ ...extra, action: z.literal('region-outage'), region: placeName }),
    z.strictObject({ ...extra, action: z.literal('region-recover'), region: placeName }),
    z.strictObject({ ...extra, action: z.literal('db-failover'), database: id }),
    // Elastic Beanstalk SwapEnvironmentCNAMEs: the DNS name's records pointing at one balancer point at the other
    z.strictObject({ ...extra, action: z.literal('swap-cnames'), source: id, destination: id }),
    z.strictObject({ ...extra, action: z.literal('set-capacity'), scalingGroup: id, desired: z.int().min(0).max(10_000).optional(), min: z.int().min(0).max(10_000).optional(), max: z.int().min(0).max(10_000).optional() }),
    z.strictObject({
      ...extra,
      action: z.literal('set-forward-weights'),
      balancer: id,
      port: z.int().min(1).max(65535).optional(),
      weights: z.array(z.strictObject({ group: id, weight: z.int().min(0).max(999) })).min(1).max(5),
    }),
    z.strictObject({ ...extra, action: z.literal('crash-session-store'), group: id }),
    z.strictObject({ ...extra, action: z.literal('recover-session-store'), group: id }),
    z.strictObject({ ...extra, action: z.literal('set-algorithm'), group: id, algorithm: z.enum(ALGORITHM_NAMES) }),
    z.strictObject({ ...extra, action: z.literal('set-weight'), target: id, weight: z.number().min(0).max(LIMITS.maxWeight) }),
    z.strictObject({ ...extra, action: z.literal('set-concurrency'), target: id, concurrency: z.int().min(1).max(LIMITS.maxConcurrency) }),
    z.strictObject({ ...extra, action: z.literal('set-service-time'), target: id, serviceTimeMs: DistributionSchema }),
    z.strictObject({ ...extra, action: z.literal('set-target-count'), group: id, count: z.int().min(1).max(LIMITS.maxTargetsPerGroup) }),
    z.strictObject({ ...extra, action: z.literal('set-rate'), ratePerSec: rate }),
    /**
     * HAProxy's runtime API `set server <backend>/<server> state ready|drain|maint`: drain takes no new
     * load-balanced requests but keeps persistent ones; maint takes nothing.
     */
    z.strictObject({ ...extra, action: z.literal('set-admin-state'), target: id, state: z.enum(['ready', 'drain', 'maint']) }),
    patchChange(extra),
  ]);
}

/** Changes that can be applied live (from the UI, a lesson, the CLI). */
export const ChangeSchema = changeUnion({});
/** The same changes scheduled at a simulated time in a scenario's `events`. */
export const ScheduledEventSchema = changeUnion(at);

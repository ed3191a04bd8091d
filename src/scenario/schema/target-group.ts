/** Target groups and targets: algorithm, hash key, timeouts, health checks, passive health, retries, slow start, circuit breaker, stickiness, session store, database. */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { ALGORITHM_NAMES } from '../algorithm-names.ts';
import { DistributionSchema, id, placeName, positiveMs } from './common.ts';

export const TargetSchema = z.strictObject({
  id,
  weight: z.number().min(0).max(LIMITS.maxWeight).default(1),
  concurrency: z.int().min(1).max(LIMITS.maxConcurrency).default(1),
  queueLimit: z.int().min(0).max(LIMITS.maxQueueLimit).nullable().default(null),
  serviceTimeMs: DistributionSchema,
  /** What the target runs on: sets its price per hour and CPU speed (see docs; default m5.large). */
  instanceType: z.string().min(1).max(40).default('m5.large'),
  /** A share of requests this target answers with 500 from the start (a bad release, for canary lessons). */
  errorShare: z.number().min(0).max(1).default(0),
  /** Per request class (the mix entry's name): a different service time on this target. */
  serviceTimeByClass: z.record(id, DistributionSchema).default({}),
  /** Availability zone; must be one of the zones of the balancers that forward to this target's group. */
  zone: placeName.optional(),
  /** Address used by hash algorithms that hash server names (ketama, Maglev); default "10.1.<group>.<n>:80". */
  address: z.string().min(1).max(64).optional(),
  /** A backup server (nginx / HAProxy `backup`): used only when no primary target can take requests. Default false. */
  backup: z.boolean().optional(),
  /** nginx `down`: never picked, but keeps its place in hash tables (so other keys do not move). Default false. */
  down: z.boolean().optional(),
  /**
   * HAProxy server id (`id`, unique in the group): `haproxy-first` fills servers in id order and consistent
   * hashing places a server's nodes by it. Default: the next id from 1 that no target of the group claims.
   */
  haproxyId: z.int().min(1).max(2_147_483_647).optional(),
  /**
   * How it holds a long-lived connection (a WebSocket): "thread-per-connection" (default) gives it a slot
   * for its life; "event-loop" keeps it without a slot, for memory (connectionMemoryKiB) and a little CPU.
   */
  connectionModel: z.enum(['thread-per-connection', 'event-loop']).optional(),
  /** Event-loop only: memory one open connection holds, KiB (default 70); the instance's memory caps them. */
  connectionMemoryKiB: z.number().gt(0).max(1_048_576).optional(),
});

export const HashKeySchema = z
  .string()
  .regex(/^(client-ip|path|header:[A-Za-z0-9-]+|(cookie|query):[A-Za-z0-9_-]+)$/, 'must be "client-ip", "path", "header:<name>", "cookie:<name>" or "query:<name>"');

/** Active health checks of a target group; any field left out comes from the preset (default aws-alb). */
export const HealthCheckSchema = z.strictObject({
  preset: z.enum(['aws-alb', 'aws-nlb', 'haproxy', 'envoy']).optional(),
  protocol: z.enum(['http', 'tcp']).optional(),
  path: z.string().min(1).max(128).regex(/^\//, 'must start with "/"').optional(),
  intervalSec: z.number().min(1).max(300).optional(),
  timeoutSec: z.number().gt(0).max(120).optional(),
  healthyThreshold: z.int().min(1).max(10).optional(),
  unhealthyThreshold: z.int().min(1).max(10).optional(),
  model: z.enum(['consecutive', 'rise-fall']).optional(),
  successCodes: z.string().regex(/^\d{3}(-\d{3})?(,\d{3}(-\d{3})?)*$/, 'must be a status like "200", a range like "200-399", or a list like "200,302"').optional(),
  jitterPercent: z.number().min(0).max(50).optional(),
  deep: z.boolean().optional(),
  fastIntervalSec: z.number().min(0.1).max(300).optional(),
  downIntervalSec: z.number().min(0.1).max(300).optional(),
  failFastOnBadStatus: z.boolean().optional(),
});

/** nginx proxy_next_upstream conditions our targets can produce: refused/reset (error), timeout, 500, 503 (queue full). */
const failureCondition = z.enum(['error', 'timeout', 'http_500', 'http_503']);

/** Passive health: watching real traffic (nginx max_fails/fail_timeout, or Envoy outlier detection). */
export const PassiveHealthSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('nginx'),
    maxFails: z.int().min(0).max(100).default(1),
    failTimeoutSec: z.int().min(1).max(3600).default(10),
  }),
  z.strictObject({
    kind: z.literal('envoy-outlier'),
    consecutive5xx: z.int().min(1).max(1000).default(5),
    intervalSec: z.number().min(0.1).max(3600).default(10),
    baseEjectionSec: z.number().min(0.1).max(3600).default(30),
    maxEjectionSec: z.number().min(0.1).max(86400).default(300),
    maxEjectionPercent: z.number().min(0).max(100).default(10),
  }),
]);

/** HAProxy `retry-on` conditions our targets can produce: refused connection, response timeout, 500, 503. */
const haproxyRetryCondition = z.enum(['conn-failure', 'response-timeout', '500', '503']);

/**
 * Retrying a failed attempt. nginx (the default style): on another target, like proxy_next_upstream.
 * HAProxy: `retries` more connection attempts on the same server, a turnaround of min(connect timeout,
 * 1 s) after a refused connection, `option redispatch` to go elsewhere, 503 when they are spent.
 */
export const RetrySchema = z.discriminatedUnion('style', [
  z.strictObject({
    style: z.literal('nginx').default('nginx'),
    /** Attempts in all, the first included; 0 = as many as there are targets (nginx's default budget). */
    maxTries: z.int().min(0).max(20).default(0),
    on: z.array(failureCondition).min(1).default(['error', 'timeout']),
  }),
  z
    .strictObject({
      style: z.literal('haproxy'),
      /** HAProxy `retries`: attempts after the first (default 3, so 4 in all). */
      retries: z.int().min(0).max(100).default(3),
      /**
       * HAProxy `option redispatch [<interval>]`: false = off (default); true = -1, the last retry goes to
       * another server; P > 0 every P-th retry; -N the N-th retry before the last; 0 off.
       */
      redispatch: z.union([z.boolean(), z.int().min(-100).max(100)]).default(false),
      /** HAProxy `timeout connect`: a connection not set up by then fails (HAProxy has no default; 5 s is the usual). */
      connectTimeoutMs: positiveMs.default(5000),
      /** HAProxy `retry-on` (default conn-failure). */
      on: z.array(haproxyRetryCondition).min(1).default(['conn-failure']),
    })
    // maxTries (attempts in all) is derived, never written: a compatibility field for code that counts tries
    .transform((r) => ({ ...r, maxTries: r.retries + 1 })),
]);

export const SlowStartSchema = z.discriminatedUnion('kind', [
  /** ALB: the share rises linearly over durationSec (30–900 s) from the moment the target is healthy. */
  z.strictObject({ kind: z.literal('linear'), durationSec: z.number().min(30).max(900) }),
  /** Envoy: weight × max(minWeightPercent, (t / window)^(1/aggression)). */
  z.strictObject({
    kind: z.literal('envoy'),
    windowSec: z.number().gt(0).max(3600),
    aggression: z.number().gt(0).max(100).default(1),
    minWeightPercent: z.number().min(0).max(100).default(10),
  }),
]);

/** A per-target circuit breaker: closed → open on a high error rate → half-open probes → closed. */
export const CircuitBreakerSchema = z.strictObject({
  errorRatePercent: z.number().gt(0).max(100).default(50),
  minRequests: z.int().min(1).max(1_000_000).default(20),
  windowSec: z.int().min(1).max(600).default(10),
  openSec: z.number().gt(0).max(3600).default(30),
  halfOpenRequests: z.int().min(1).max(1000).default(3),
});

/** A session cookie lasts the whole run: the value the cookie kinds' shared `durationSec` takes for HAProxy's. */
const SESSION_COOKIE_SEC = LIMITS.maxDurationSec;

export const TargetGroupSchema = z.strictObject({
  id,
  algorithm: z.enum(ALGORITHM_NAMES),
  hashKey: HashKeySchema.default('client-ip'),
  /** haproxy-source / haproxy-hash: HAProxy `hash-type` map-based (default) or consistent (sdbm + avalanche). */
  hashType: z.enum(['map-based', 'consistent']).optional(),
  /** haproxy-* algorithms: HAProxy `option allbackups`, balance over every usable backup instead of the first. Default false. */
  allBackups: z.boolean().optional(),
  /** Give up on a request after this long (504); nginx proxy_read_timeout / ALB idle timeout: 60 s. */
  requestTimeoutMs: positiveMs.default(60_000),
  /** A deregistered target drains this long before it is unused (ALB deregistration_delay: 300 s, 0–3600). */
  deregistrationDelaySec: z.number().min(0).max(3600).default(300),
  healthCheck: HealthCheckSchema.optional(),
  passiveHealth: PassiveHealthSchema.optional(),
  retries: RetrySchema.optional(),
  /** When no target is healthy: route to all (AWS, Route 53), Envoy's panic threshold, or refuse (nginx 502 / HAProxy 503). */
  whenAllUnhealthy: z.enum(['fail-open', 'panic', 'refuse']).default('fail-open'),
  /** Envoy: below this share of healthy targets the group routes to all of them. */
  panicThresholdPercent: z.number().min(0).max(100).default(50),
  slowStart: SlowStartSchema.optional(),
  circuitBreaker: CircuitBreakerSchema.optional(),
  /**
   * Session affinity: the balancer's own cookie (ALB lb_cookie, AWSALB), the application's cookie (app_cookie),
   * or the client address (NLB source_ip). Stickiness overrides the algorithm once a client is bound.
   */
  stickiness: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('lb-cookie'), durationSec: z.number().min(1).max(604_800).default(86_400) }),
      z.strictObject({ kind: z.literal('app-cookie'), durationSec: z.number().min(1).max(604_800).default(86_400) }),
      z.strictObject({ kind: z.literal('source-ip') }),
      /**
       * HAProxy `cookie <name> insert indirect nocache`: a session cookie naming the server, set when the client
       * has no valid one and ignored while that server is down or in maintenance. The parsed value also carries
       * `durationSec` (the whole run), derived and never written, for code shared with the other cookie kinds.
       */
      z
        .strictObject({ kind: z.literal('haproxy-cookie'), name: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be a cookie name').default('SERVERID') })
        .transform((s) => ({ ...s, durationSec: SESSION_COOKIE_SEC })),
    ])
    .optional(),
  /** Where session state lives: each target's memory, a shared store (like Redis), or replicated to every target. */
  sessionStore: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('memory') }),
      z.strictObject({ kind: z.literal('shared'), latencyMs: z.number().min(0).max(1000).default(1) }),
      z.strictObject({ kind: z.literal('replicated'), costPerWriteMs: z.number().min(0).max(1000).default(0.5) }),
    ])
    .default({ kind: 'memory' }),
  /** The database every target of this group queries, with a connection pool per target. */
  database: z
    .strictObject({ id, poolSize: z.int().min(1).max(10_000).default(10), queriesPerRequest: z.int().min(0).max(100).default(1) })
    .optional(),
  targets: z.array(TargetSchema).min(1).max(LIMITS.maxTargetsPerGroup),
});

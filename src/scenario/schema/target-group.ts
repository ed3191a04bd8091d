/** Target groups and targets: algorithm, hash key, timeouts, health checks, passive health, retries, slow start, circuit breaker, stickiness, session store, database. */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { ALGORITHM_NAMES } from '../algorithm-names.ts';
import { DistributionSchema, id, ms, placeName, positiveMs } from './common.ts';

export const TargetSchema = z.strictObject({
  id: id.describe("The target's name, unique across all groups."),
  weight: z.number().min(0).max(LIMITS.maxWeight).default(1).describe('Its share of the picks for weighted algorithms; 0 is never picked.'),
  concurrency: z.int().min(1).max(LIMITS.maxConcurrency).default(1).describe('Requests it serves at once (slots); more wait in its queue.'),
  queueLimit: z.int().min(0).max(LIMITS.maxQueueLimit).nullable().default(null).describe('Requests that may wait for a slot; beyond it they are rejected (503). Empty: no limit.'),
  serviceTimeMs: DistributionSchema.describe('How long it takes to serve one request: a number, or a distribution.'),
  /** What the target runs on: sets its price per hour and CPU speed (see docs; default m5.large). */
  instanceType: z.string().min(1).max(40).default('m5.large').describe('What it runs on: its price per hour and CPU speed.'),
  /** A share of requests this target answers with 500 from the start (a bad release, for canary lessons). */
  errorShare: z.number().min(0).max(1).default(0).describe('Share of requests it answers with 500 from the start.'),
  /** Per request class (the mix entry's name): a different service time on this target. */
  serviceTimeByClass: z.record(id, DistributionSchema).default({}).describe('A different service time per request class.'),
  /** Availability zone; must be one of the zones of the balancers that forward to this target's group. */
  zone: placeName.optional().describe('Its availability zone, one of the zones of the balancers in front.'),
  /** Address used by hash algorithms that hash server names (ketama, Maglev); default "10.1.<group>.<n>:80". */
  address: z.string().min(1).max(64).optional().describe('The address hash algorithms place it by (ketama, Maglev).'),
  /** A backup server (nginx / HAProxy `backup`): used only when no primary target can take requests. Default false. */
  backup: z.boolean().optional().describe('A backup server: used only when no primary target can take requests.'),
  /** nginx `down`: never picked, but keeps its place in hash tables (so other keys do not move). Default false. */
  down: z.boolean().optional().describe('Never picked, but keeps its place in hash tables (nginx down).'),
  /**
   * HAProxy server id (`id`, unique in the group): `haproxy-first` fills servers in id order and consistent
   * hashing places a server's nodes by it. Default: the next id from 1 that no target of the group claims.
   */
  haproxyId: z.int().min(1).max(2_147_483_647).optional().describe('HAProxy server id: the order haproxy-first fills servers in.'),
  /**
   * How it holds a long-lived connection (a WebSocket): "thread-per-connection" (default) gives it a slot
   * for its life; "event-loop" keeps it without a slot, for memory (connectionMemoryKiB) and a little CPU.
   */
  connectionModel: z.enum(['thread-per-connection', 'event-loop']).optional().describe('How a long-lived connection is held: a worker slot for its life, or an event loop (memory, not a slot).'),
  /** Event-loop only: memory one open connection holds, KiB (default 70); the instance's memory caps them. */
  connectionMemoryKiB: z.number().gt(0).max(1_048_576).optional().describe('Event loop only: memory one open connection holds (default 70 KiB).'),
});

export const HashKeySchema = z
  .string()
  .regex(/^(client-ip|path|header:[A-Za-z0-9-]+|(cookie|query):[A-Za-z0-9_-]+)$/, 'must be "client-ip", "path", "header:<name>", "cookie:<name>" or "query:<name>"');

/** Active health checks of a target group; any field left out comes from the preset (default aws-alb). */
export const HealthCheckSchema = z.strictObject({
  preset: z.enum(['aws-alb', 'aws-nlb', 'aws-gwlb', 'haproxy', 'envoy']).optional().describe('The system whose defaults fill the fields left out.'),
  protocol: z.enum(['http', 'tcp']).optional().describe('tcp passes on a connect; http needs a status in successCodes.'),
  path: z.string().min(1).max(128).regex(/^\//, 'must start with "/"').optional().describe('The path the check asks for (a label).'),
  intervalSec: z.number().min(1).max(300).optional().describe('Time between two probes of one target.'),
  timeoutSec: z.number().gt(0).max(120).optional().describe('A probe without an answer this long fails.'),
  healthyThreshold: z.int().min(1).max(10).optional().describe('Passing checks in a row to become healthy.'),
  unhealthyThreshold: z.int().min(1).max(10).optional().describe('Failed checks in a row to become unhealthy.'),
  model: z.enum(['consecutive', 'rise-fall']).optional().describe('consecutive (AWS, Envoy) run lengths, or HAProxy rise-fall counter.'),
  successCodes: z.string().regex(/^\d{3}(-\d{3})?(,\d{3}(-\d{3})?)*$/, 'must be a status like "200", a range like "200-399", or a list like "200,302"').optional().describe('HTTP statuses that pass: "200", "200-399" or a list.'),
  jitterPercent: z.number().min(0).max(50).optional().describe('Each interval is drawn within ± this share of itself.'),
  deep: z.boolean().optional().describe('A deep check also tests the database; a shallow one only the process.'),
  fastIntervalSec: z.number().min(0.1).max(300).optional().describe('HAProxy fastinter: the interval while a target is between down and up.'),
  downIntervalSec: z.number().min(0.1).max(300).optional().describe('HAProxy downinter: the interval while a target is down.'),
  failFastOnBadStatus: z.boolean().optional().describe('Envoy: one answer with a bad status marks the target unhealthy at once.'),
});

/** nginx proxy_next_upstream conditions our targets can produce: refused/reset (error), timeout, 500, 503 (queue full). */
const failureCondition = z.enum(['error', 'timeout', 'http_500', 'http_503']);

/** Passive health: watching real traffic (nginx max_fails/fail_timeout, or Envoy outlier detection). */
export const PassiveHealthSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('nginx'),
    maxFails: z.int().min(0).max(100).default(1).describe('Failures that disable a target for failTimeoutSec; 0 turns it off.'),
    failTimeoutSec: z.int().min(1).max(3600).default(10).describe('How long a disabled target is skipped, and the window failures count in.'),
  }),
  z.strictObject({
    kind: z.literal('envoy-outlier'),
    consecutive5xx: z.int().min(1).max(1000).default(5).describe('Failed attempts in a row that eject a target.'),
    intervalSec: z.number().min(0.1).max(3600).default(10).describe('Time between sweeps that return ejected targets.'),
    baseEjectionSec: z.number().min(0.1).max(3600).default(30).describe('Ejection time, times the ejections so far.'),
    maxEjectionSec: z.number().min(0.1).max(86400).default(300).describe('The longest ejection.'),
    maxEjectionPercent: z.number().min(0).max(100).default(10).describe('The most of the group ejected at once.'),
  }),
]);

/**
 * Envoy's retry budget (`circuit_breakers.thresholds[].retry_budget`): retries in flight may be at most
 * `budgetPercent` % of the requests in flight to the group, but never fewer than `minRetryConcurrency`.
 */
export const RetryBudgetSchema = z.strictObject({
  budgetPercent: z.number().min(0).max(100).default(20).describe('Envoy budget_percent: retries in flight may be at most this share of the requests in flight.'),
  minRetryConcurrency: z.int().min(0).max(1_000_000).default(3).describe('Envoy min_retry_concurrency: retries in flight always allowed, whatever the share.'),
});

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
    maxTries: z.int().min(0).max(20).default(0).describe('Attempts in all, the first included; 0 = as many as there are targets.'),
    on: z.array(failureCondition).min(1).default(['error', 'timeout']).describe('What a failed attempt must be to be retried.'),
    /** Envoy's retry budget: caps retries in flight as a share of requests in flight (none: no cap). */
    budget: RetryBudgetSchema.optional().describe("Envoy retry budget: caps retries in flight as a share of the group's requests in flight."),
  }),
  z
    .strictObject({
      style: z.literal('haproxy'),
      /** HAProxy `retries`: attempts after the first (default 3, so 4 in all). */
      retries: z.int().min(0).max(100).default(3).describe('HAProxy retries: attempts after the first.'),
      /**
       * HAProxy `option redispatch [<interval>]`: false = off (default); true = -1, the last retry goes to
       * another server; P > 0 every P-th retry; -N the N-th retry before the last; 0 off.
       */
      redispatch: z.union([z.boolean(), z.int().min(-100).max(100)]).default(false).describe('HAProxy option redispatch: when a retry goes to another server.'),
      /** HAProxy `timeout connect`: a connection not set up by then fails (HAProxy has no default; 5 s is the usual). */
      connectTimeoutMs: positiveMs.default(5000).describe('HAProxy timeout connect: a connection not set up by then fails.'),
      /** HAProxy `retry-on` (default conn-failure). */
      on: z.array(haproxyRetryCondition).min(1).default(['conn-failure']).describe('HAProxy retry-on: what a failed attempt must be to be retried.'),
    })
    // maxTries (attempts in all) is derived, never written: a compatibility field for code that counts tries
    .transform((r) => ({ ...r, maxTries: r.retries + 1 })),
]);

export const SlowStartSchema = z.discriminatedUnion('kind', [
  /** ALB: the share rises linearly over durationSec (30–900 s) from the moment the target is healthy. */
  z.strictObject({ kind: z.literal('linear'), durationSec: z.number().min(30).max(900).describe("How long a new target's share takes to reach its full share.") }),
  /** Envoy: weight × max(minWeightPercent, (t / window)^(1/aggression)). */
  z.strictObject({
    kind: z.literal('envoy'),
    windowSec: z.number().gt(0).max(3600).describe('How long a new target warms up.'),
    aggression: z.number().gt(0).max(100).default(1).describe('Envoy aggression: higher is a faster start.'),
    minWeightPercent: z.number().min(0).max(100).default(10).describe('The smallest share of its weight a warming target gets.'),
  }),
]);

/** A per-target circuit breaker: closed → open on a high error rate → half-open probes → closed. */
export const CircuitBreakerSchema = z.strictObject({
  errorRatePercent: z.number().gt(0).max(100).default(50).describe('Error rate over the window that opens the circuit.'),
  minRequests: z.int().min(1).max(1_000_000).default(20).describe('Requests in the window before the error rate counts.'),
  windowSec: z.int().min(1).max(600).default(10).describe('The window the error rate is measured over.'),
  openSec: z.number().gt(0).max(3600).default(30).describe('How long an open circuit stays open before probing.'),
  halfOpenRequests: z.int().min(1).max(1000).default(3).describe('Probe requests let through while half-open.'),
});

/** A session cookie lasts the whole run: the value the cookie kinds' shared `durationSec` takes for HAProxy's. */
const SESSION_COOKIE_SEC = LIMITS.maxDurationSec;

export const TargetGroupSchema = z.strictObject({
  id: id.describe("The target group's name."),
  algorithm: z.enum(ALGORITHM_NAMES).describe('How the balancer picks a target for each request.'),
  hashKey: HashKeySchema.default('client-ip').describe('What hash algorithms hash: client-ip, path, header:, cookie: or query:.'),
  /** haproxy-source / haproxy-hash: HAProxy `hash-type` map-based (default) or consistent (sdbm + avalanche). */
  hashType: z.enum(['map-based', 'consistent']).optional().describe('HAProxy hash-type: map-based or consistent.'),
  /** haproxy-* algorithms: HAProxy `option allbackups`, balance over every usable backup instead of the first. Default false. */
  allBackups: z.boolean().optional().describe('HAProxy allbackups: balance over every usable backup.'),
  /**
   * Give up on a request after this long (504); nginx proxy_read_timeout / ALB idle timeout: 60 s. 0: no timeout
   * (Envoy's route `timeout: 0s`, HAProxy without `timeout server`): the balancer waits as long as it takes.
   */
  requestTimeoutMs: ms.default(60_000).describe('A request unanswered this long fails with a timeout (504); 0: no timeout.'),
  /** A deregistered target drains this long before it is unused (ALB deregistration_delay: 300 s, 0–3600). */
  deregistrationDelaySec: z.number().min(0).max(3600).default(300).describe('How long a deregistered target drains before it is cut off.'),
  healthCheck: HealthCheckSchema.optional().describe('Active health checks: probes that take failing targets out of rotation.'),
  passiveHealth: PassiveHealthSchema.optional().describe('Health judged from real traffic (nginx max_fails, Envoy outlier detection).'),
  retries: RetrySchema.optional().describe('Retry a failed attempt, on another target or the same one.'),
  /** When no target is healthy: route to all (AWS, Route 53), Envoy's panic threshold, or refuse (nginx 502 / HAProxy 503). */
  whenAllUnhealthy: z.enum(['fail-open', 'panic', 'refuse']).default('fail-open').describe('When no target is healthy: send to all, panic, or refuse.'),
  /** Envoy: below this share of healthy targets the group routes to all of them. */
  panicThresholdPercent: z.number().min(0).max(100).default(50).describe('With panic: below this share healthy, the group routes to all.'),
  slowStart: SlowStartSchema.optional().describe("Ramp up a new target's share after it becomes healthy."),
  circuitBreaker: CircuitBreakerSchema.optional().describe('A per-target circuit breaker that stops sending to a failing target.'),
  /**
   * Session affinity: the balancer's own cookie (ALB lb_cookie, AWSALB), the application's cookie (app_cookie),
   * or the client address (NLB source_ip). Stickiness overrides the algorithm once a client is bound.
   */
  stickiness: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('lb-cookie'), durationSec: z.number().min(1).max(604_800).default(86_400).describe("How long the balancer's cookie binds a client to its target.") }),
      z.strictObject({ kind: z.literal('app-cookie'), durationSec: z.number().min(1).max(604_800).default(86_400).describe("How long the application's cookie binds a client to its target.") }),
      z.strictObject({ kind: z.literal('source-ip') }),
      /**
       * HAProxy `cookie <name> insert indirect nocache`: a session cookie naming the server, set when the client
       * has no valid one and ignored while that server is down or in maintenance. The parsed value also carries
       * `durationSec` (the whole run), derived and never written, for code shared with the other cookie kinds.
       */
      z
        .strictObject({ kind: z.literal('haproxy-cookie'), name: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be a cookie name').default('SERVERID').describe('The name of the cookie that names the server.') })
        .transform((s) => ({ ...s, durationSec: SESSION_COOKIE_SEC })),
    ])
    .optional()
    .describe('Session affinity: a client keeps going to the target it was bound to.'),
  /**
   * Where session state lives: each target's memory, a shared store (like Redis), replicated to every target, or
   * nowhere (`none`: a stateless service that keeps no sessions, so the engine tracks none for it).
   */
  sessionStore: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('memory') }),
      z.strictObject({ kind: z.literal('shared'), latencyMs: z.number().min(0).max(1000).default(1).describe('Time each request spends reading and writing the shared store.') }),
      z.strictObject({ kind: z.literal('replicated'), costPerWriteMs: z.number().min(0).max(1000).default(0.5).describe('Time each write spends copying the session to every target.') }),
      z.strictObject({ kind: z.literal('none') }),
    ])
    .default({ kind: 'memory' })
    .describe("Where users' sessions live: in each target's memory, a shared store, replicated, or nowhere (a stateless service)."),
  /** The database every target of this group queries, with a connection pool per target. */
  database: z
    .strictObject({
      id: id.describe('The database the targets query.'),
      poolSize: z.int().min(1).max(10_000).default(10).describe("Connections in each target's pool."),
      queriesPerRequest: z.int().min(0).max(100).default(1).describe('Queries each request makes.'),
    })
    .optional()
    .describe("The database this group's targets query."),
  targets: z.array(TargetSchema).min(1).max(LIMITS.maxTargetsPerGroup).describe('The servers of the group, in configuration order.'),
});

/**
 * The scenario: one versioned JSON document that describes a whole simulated world.
 * Lessons, the sandbox, saved files, share links and the CLI all use this one format.
 * Strict objects (unknown fields are errors), units in field names, defaults documented in
 * docs/scenario-format.md. Cross-field rules (ids, references) live in validate.ts.
 */
import { z } from 'zod';
import { ALGORITHM_NAMES } from './algorithm-names.ts';
import { LIMITS } from './limits.ts';

export const SCHEMA_VERSION = 1;

const id = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, "_", "." or "-" (and start with a letter or digit)');

const ms = z.number().min(0).max(LIMITS.maxMs);
const positiveMs = z.number().gt(0).max(LIMITS.maxMs);

/** A service-time (or think-time) distribution, in milliseconds. */
export const DistributionSchema = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('constant'), valueMs: ms }),
  z.strictObject({ dist: z.literal('exponential'), meanMs: positiveMs }),
  z
    .strictObject({ dist: z.literal('lognormal'), medianMs: positiveMs, p99Ms: positiveMs })
    .refine((d) => d.p99Ms >= d.medianMs, { message: 'p99Ms must be at least medianMs', path: ['p99Ms'] }),
  z
    .strictObject({ dist: z.literal('uniform'), minMs: ms, maxMs: ms })
    .refine((d) => d.maxMs >= d.minMs, { message: 'maxMs must be at least minMs', path: ['maxMs'] }),
]);

const rate = z.number().min(0).max(LIMITS.maxRatePerSec);

export const ArrivalSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('poisson'), ratePerSec: rate }),
  z.strictObject({ kind: z.literal('constant'), ratePerSec: rate }),
  z.strictObject({
    kind: z.literal('closed'),
    users: z.int().min(1).max(LIMITS.maxUsers),
    thinkTimeMs: DistributionSchema.default({ dist: 'exponential', meanMs: 1000 }),
  }),
]);

export const ProfilePointSchema = z.strictObject({
  atSec: z.number().min(0).max(LIMITS.maxDurationSec),
  ratePerSec: rate,
  rampSec: z.number().min(0).max(LIMITS.maxDurationSec).default(0),
});

const placeName = z.string().min(1).max(40);

/** Where a share of the clients are (for DNS latency and geolocation routing). */
export const ClientLocationSchema = z.strictObject({
  region: placeName,
  continent: placeName.default('NA'),
  country: placeName.default('US'),
  share: z.number().gt(0).max(1e6),
});

export const ClientsSchema = z.strictObject({
  count: z.int().min(1).max(LIMITS.maxClients).default(1000),
  /** A share of the clients behind a few NAT addresses (an office, a mobile carrier): hashing by address sees them as one. */
  nat: z.strictObject({ share: z.number().min(0).max(1), addresses: z.int().min(1).max(1000).default(1) }).optional(),
  /** Cookies the clients carry, each client one value by share (for A/B routing rules). */
  cookies: z
    .array(z.strictObject({ name: z.string().min(1).max(64), values: z.array(z.strictObject({ value: z.string().max(256), share: z.number().gt(0) })).min(1).max(20) }))
    .max(10)
    .optional(),
  /** Client locations by share; without it every client is in region "default". */
  locations: z.array(ClientLocationSchema).min(1).max(50).optional(),
  /** First address of the client pool; clients get consecutive addresses from here. */
  ipBase: z
    .string()
    .regex(/^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/, 'must be a dotted IPv4 address')
    .default('10.0.0.1'),
});

const headerName = z.string().min(1).max(64).regex(/^[A-Za-z0-9-]+$/, 'must be an HTTP header name');

export const MixEntrySchema = z.strictObject({
  name: id,
  host: z.string().min(1).max(128).default('example.com'),
  path: z.string().min(1).max(256).regex(/^\//, 'must start with "/"').default('/'),
  headers: z.record(headerName, z.string().max(256)).default({}),
  port: z.int().min(1).max(65535).optional(),
  share: z.number().gt(0).max(1e6),
  /** Whether this class's database queries read (replicas may serve them) or write (primary only). */
  queries: z.enum(['read', 'write']).default('read'),
  /** What the request does to the user's shopping cart (needs traffic.sessions). */
  cart: z.enum(['none', 'add', 'checkout']).default('none'),
  /** Requests of this class are attacks (SQL injection, scrapers): a WAF may block them. */
  malicious: z.boolean().default(false),
  /** A long-lived connection (WebSocket) held open this long; it is not counted in latency percentiles. */
  longLivedMs: DistributionSchema.optional(),
});

export const TrafficSchema = z.strictObject({
  arrival: ArrivalSchema,
  profile: z.array(ProfilePointSchema).max(LIMITS.maxProfilePoints).optional(),
  clients: ClientsSchema.default({ count: 1000, ipBase: '10.0.0.1' }),
  mix: z.array(MixEntrySchema).min(1).max(LIMITS.maxMixEntries).optional(),
  /** Which balancer receives the traffic; default the first one. */
  balancer: id.optional(),
  /** DDoS waves: a botnet sending extra requests (of mix class `class`, or "/" if none) for a while. */
  attacks: z
    .array(
      z.strictObject({
        atSec: z.number().min(0).max(LIMITS.maxDurationSec),
        durationSec: z.number().gt(0).max(LIMITS.maxDurationSec),
        ratePerSec: rate,
        bots: z.int().min(1).max(1_000_000).default(500),
        class: id.optional(),
      }),
    )
    .max(20)
    .default([]),
  /** Users have sessions (a login, a cart); a session ends after idleSec without requests. */
  sessions: z.strictObject({ idleSec: z.number().gt(0).max(86400).default(1800) }).optional(),
});

export const RuleSchema = z.strictObject({
  match: z
    .strictObject({
      pathPrefix: z.string().min(1).max(128).regex(/^\//, 'must start with "/"').optional(),
      host: z.string().min(1).max(128).optional(),
      header: z.strictObject({ name: headerName, value: z.string().max(256) }).optional(),
      /** A/B routing: the client's cookie `name` has this value (clients get cookies from traffic.clients.cookies). */
      cookie: z.strictObject({ name: z.string().min(1).max(64), value: z.string().max(256) }).optional(),
    })
    .refine((m) => m.pathPrefix !== undefined || m.host !== undefined || m.header !== undefined || m.cookie !== undefined, {
      message: 'a rule needs at least one of pathPrefix, host, header or cookie',
    }),
  forward: id,
});

export const ListenerSchema = z.strictObject({
  port: z.int().min(1).max(65535),
  protocol: z.enum(['http', 'https', 'tcp', 'tls', 'udp']).default('http'),
  rules: z.array(RuleSchema).max(LIMITS.maxRules).default([]),
  defaultForward: id.optional(),
  /** TLS on this listener: terminated at the balancer (its CPU pays) or passed through to the targets (layer 4 only; theirs pays). */
  tls: z
    .strictObject({
      mode: z.enum(['terminate', 'passthrough']).default('terminate'),
      handshakeCpuMs: z.number().min(0).max(1000).default(1.5),
      resumedHandshakeCpuMs: z.number().min(0).max(1000).default(0.15),
      /** Share of new connections that resume an earlier TLS session (cheaper handshake). */
      resumptionShare: z.number().min(0).max(1).default(0),
      /** Requests a client sends per connection (keep-alive): one handshake per this many requests. */
      requestsPerConnection: z.number().min(1).max(1e6).default(10),
      perRequestCpuMs: z.number().min(0).max(1000).default(0.02),
    })
    .optional(),
  /** ALB weighted target groups: the default action splits requests by weight (0–999 each); overrides defaultForward. */
  weightedForward: z.array(z.strictObject({ group: id, weight: z.int().min(0).max(999) })).min(1).max(5).optional(),
});

export const BalancerSchema = z.strictObject({
  id,
  layer: z.union([z.literal(4), z.literal(7)]).default(7),
  listeners: z.array(ListenerSchema).min(1).max(50),
  /** Layer 4 only: a client's connection stays on its target until idle this long (NLB: 350 s). */
  idleTimeoutSec: z.number().gt(0).max(86400).default(350),
  /** Layer 4 only: requests a connection carries before the client opens a new one. */
  requestsPerConnection: z.int().min(1).max(1_000_000).default(100),
  /** The region the balancer (and the groups it forwards to) lives in. */
  region: placeName.default('default'),
  /** Availability zones with a balancer node each; clients spread over the nodes. */
  zones: z.array(placeName).min(1).max(10).optional(),
  /** Cross-zone load balancing: a node may send to targets in every zone (ALB: on; NLB: off by default). */
  crossZone: z.boolean().optional(),
  /** How long a client keeps using the node address it resolved (ELB's DNS TTL: 60 s). */
  nodeTtlSec: z.number().min(0).max(86400).default(60),
  /** Per-client rate limiting at the balancer: a token bucket per client address (nginx limit_req, WAF rate rules). */
  rateLimit: z.strictObject({ ratePerSec: z.number().gt(0).max(1e6), burst: z.int().min(1).max(1e6).default(10) }).optional(),
  /** A web application firewall: blocks this share of malicious requests, and wrongly blocks a small share of the rest. */
  waf: z.strictObject({ detectionRate: z.number().min(0).max(1).default(0.95), falsePositiveRate: z.number().min(0).max(1).default(0.001) }).optional(),
  /**
   * The balancer's own CPU: each request costs routeCpuMs, plus TLS work when it terminates TLS. Beyond its
   * capacity it sheds requests (503). A managed balancer doubles its capacity after a sustained high load.
   */
  capacity: z
    .strictObject({
      cpuCores: z.number().gt(0).max(10_000).default(2),
      routeCpuMs: z.number().min(0).max(100).default(0.05),
      managed: z.strictObject({ maxCores: z.number().gt(0).max(100_000).default(64), scaleUpAfterSec: z.number().gt(0).max(3600).default(180), threshold: z.number().gt(0).max(1).default(0.7) }).optional(),
    })
    .optional(),
  /** A hot standby (keepalived/VRRP style) that takes over after missed heartbeats; without it the balancer is a single point of failure. */
  standby: z
    .strictObject({ heartbeatIntervalSec: z.number().gt(0).max(60).default(1), missedHeartbeats: z.int().min(1).max(100).default(3) })
    .optional(),
});

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

/** Retry a failed attempt on another target, like nginx proxy_next_upstream. */
export const RetrySchema = z.strictObject({
  /** Attempts in all, the first included; 0 = as many as there are targets (nginx's default budget). */
  maxTries: z.int().min(0).max(20).default(0),
  on: z.array(failureCondition).min(1).default(['error', 'timeout']),
});

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

export const TargetGroupSchema = z.strictObject({
  id,
  algorithm: z.enum(ALGORITHM_NAMES),
  hashKey: HashKeySchema.default('client-ip'),
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

const at = { atSec: z.number().min(0).max(LIMITS.maxDurationSec) };

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
  ]);
}

/** Changes that can be applied live (from the UI, a lesson, the CLI). */
export const ChangeSchema = changeUnion({});
/** The same changes scheduled at a simulated time in a scenario's `events`. */
export const ScheduledEventSchema = changeUnion(at);

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
    })
    .default({ count: 100, ignoreTtlShare: 0, ignoreTtlExtraSec: 900 }),
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
  steps: z.array(z.strictObject({ percent: z.number().min(0).max(100), holdSec: z.number().gt(0).max(86400) })).max(20).default([
    { percent: 10, holdSec: 60 },
    { percent: 50, holdSec: 60 },
    { percent: 100, holdSec: 60 },
  ]),
  /** Roll back when the new group's error rate during a step exceeds this (with at least minRequests). */
  rollback: z.strictObject({ errorRatePercent: z.number().gt(0).max(100).default(5), minRequests: z.int().min(1).max(1e6).default(20) }).default({ errorRatePercent: 5, minRequests: 20 }),
});

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  name: z.string().min(1).max(200),
  description: z.string().max(4000).optional(),
  seed: z.int().min(0).max(0xffffffff).default(1),
  durationSec: z.number().gt(0).max(LIMITS.maxDurationSec).default(60),
  traffic: TrafficSchema,
  balancers: z.array(BalancerSchema).min(1).max(LIMITS.maxBalancers),
  targetGroups: z.array(TargetGroupSchema).min(1).max(LIMITS.maxTargetGroups),
  dns: DnsSchema.optional(),
  /** The service-level objective: a request is good only if it succeeded within latencyMs. */
  slo: z.strictObject({ latencyMs: positiveMs }).default({ latencyMs: 1000 }),
  databases: z.array(DatabaseSchema).max(5).default([]),
  deployments: z.array(DeploymentSchema).max(20).default([]),
  scalingGroups: z.array(ScalingGroupSchema).max(10).default([]),
  /** Extra or overridden instance types: vCPU, CPU speed (1 = m5) and on-demand price per hour. */
  instanceTypes: z.record(z.string().min(1).max(40), z.strictObject({ vcpu: z.int().min(1).max(448), memoryGiB: z.number().gt(0).max(24_576).default(4), cpuSpeed: z.number().gt(0).max(100).default(1), onDemandHourlyUsd: z.number().min(0).max(1000) })).default({}),
  events: z.array(ScheduledEventSchema).max(LIMITS.maxEvents).default([]),
});

export type Distribution = z.output<typeof DistributionSchema>;
export type DnsScenarioConfig = z.output<typeof DnsSchema>;
export type DatabaseConfig = z.output<typeof DatabaseSchema>;
export type ScalingGroupConfig = z.output<typeof ScalingGroupSchema>;
export type ScalingPolicyConfig = z.output<typeof ScalingPolicySchema>;
export type HealthCheckInput = z.output<typeof HealthCheckSchema>;
export type PassiveHealth = z.output<typeof PassiveHealthSchema>;
export type RetryConfig = z.output<typeof RetrySchema>;
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

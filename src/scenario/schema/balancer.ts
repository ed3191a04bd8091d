/** Balancers: listeners, rules, TLS, weighted forwarding, zones, standby, rate limiting, WAF and CPU capacity. */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { headerName, id, placeName } from './common.ts';

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
      /** TLS version: a full handshake costs 1 round trip in 1.3 and 2 in 1.2; a resumed one costs 1 in both. */
      version: z.enum(['1.2', '1.3']).default('1.3').describe('TLS version: a full handshake costs 1 round trip in 1.3, 2 in 1.2; a resumed one 1 (default 1.3).'),
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
      /** CPU per request for routing; default by layer: 0.05 ms at layer 7 (parse and route), 0.005 ms at layer 4 (forward packets). Assumed: AWS publishes none. */
      routeCpuMs: z.number().min(0).max(100).optional().describe('CPU per request for routing, ms (default 0.05 at layer 7, 0.005 at layer 4; assumed).'),
      managed: z.strictObject({ maxCores: z.number().gt(0).max(100_000).default(64), scaleUpAfterSec: z.number().gt(0).max(3600).default(180), threshold: z.number().gt(0).max(1).default(0.7) }).optional(),
    })
    .optional(),
  /**
   * Time the balancer adds to each request, ms: default 0.5 at layer 7 (terminate, parse, route) and 0.05 at
   * layer 4 (forward a flow's packets). Assumed figures: AWS publishes none.
   */
  processingMs: z.number().min(0).max(1000).optional().describe('Time the balancer adds to each request, ms (default 0.5 at layer 7, 0.05 at layer 4; assumed, AWS publishes none).'),
  /**
   * What the balancer costs: an hourly price plus capacity-unit hours (ELB LCU / NLCU / GLCU). Default: AWS
   * us-east-1, ALB $0.0225/h + $0.008/LCU-h at layer 7, NLB $0.0225/h + $0.006/NLCU-h at layer 4. A self-run
   * balancer (HAProxy, nginx on an instance) is billed as its instance: set both to 0.
   */
  pricing: z
    .strictObject({
      hourlyUsd: z.number().min(0).max(1000).optional().describe('Price per hour the balancer runs, USD (default $0.0225, ALB and NLB in us-east-1).'),
      capacityUnitHourUsd: z.number().min(0).max(1000).optional().describe('Price per capacity-unit hour, USD (default ALB $0.008/LCU-h, NLB $0.006/NLCU-h).'),
    })
    .optional()
    .describe('What the balancer costs per hour and per capacity unit (default AWS us-east-1 ALB or NLB prices; 0 for a self-run balancer).'),
  /** A hot standby (keepalived/VRRP style) that takes over after missed heartbeats; without it the balancer is a single point of failure. */
  standby: z
    .strictObject({ heartbeatIntervalSec: z.number().gt(0).max(60).default(1), missedHeartbeats: z.int().min(1).max(100).default(3) })
    .optional(),
});

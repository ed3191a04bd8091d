/** Balancers: listeners, rules, TLS, weighted forwarding, zones, standby, rate limiting, WAF and CPU capacity. */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { DistributionSchema, headerName, id, placeName } from './common.ts';

export const RuleSchema = z.strictObject({
  match: z
    .strictObject({
      pathPrefix: z.string().min(1).max(128).regex(/^\//, 'must start with "/"').optional().describe('Matches requests whose path starts with this (ALB path condition).'),
      host: z.string().min(1).max(128).optional().describe('Matches requests for this host name (ALB host condition).'),
      header: z.strictObject({ name: headerName.describe('The header to read.'), value: z.string().max(256).describe('The value it must have.') }).optional().describe('Matches requests carrying this header value.'),
      /** A/B routing: the client's cookie `name` has this value (clients get cookies from traffic.clients.cookies). */
      cookie: z.strictObject({ name: z.string().min(1).max(64).describe('The cookie to read.'), value: z.string().max(256).describe('The value it must have.') }).optional().describe("Matches clients whose cookie has this value (A/B routing)."),
    })
    .refine((m) => m.pathPrefix !== undefined || m.host !== undefined || m.header !== undefined || m.cookie !== undefined, {
      message: 'a rule needs at least one of pathPrefix, host, header or cookie',
    })
    .describe('What a request must have for this rule to take it; the first rule that matches wins.'),
  forward: id.describe('The target group this rule forwards matching requests to.'),
});

export const ListenerSchema = z.strictObject({
  port: z.int().min(1).max(65535).describe('The port this listener takes requests on.'),
  protocol: z.enum(['http', 'https', 'tcp', 'tls', 'udp']).default('http').describe('http or https at layer 7; tcp, tls or udp at layer 4.'),
  rules: z.array(RuleSchema).max(LIMITS.maxRules).default([]).describe('Rules tried in order; the first that matches picks the target group.'),
  defaultForward: id.optional().describe('The target group for requests no rule matches.'),
  /** TLS on this listener: terminated at the balancer (its CPU pays) or passed through to the targets (layer 4 only; theirs pays). */
  tls: z
    .strictObject({
      mode: z.enum(['terminate', 'passthrough']).default('terminate').describe('Where TLS ends: at the balancer, or passed through to the targets (layer 4 only).'),
      handshakeCpuMs: z.number().min(0).max(1000).default(1.5).describe('CPU time of one full TLS handshake.'),
      resumedHandshakeCpuMs: z.number().min(0).max(1000).default(0.15).describe('CPU time of one resumed handshake.'),
      /** Share of new connections that resume an earlier TLS session (cheaper handshake). */
      resumptionShare: z.number().min(0).max(1).default(0).describe('Share of new connections that resume an earlier TLS session.'),
      /** Requests a client sends per connection (keep-alive): one handshake per this many requests. */
      requestsPerConnection: z.number().min(1).max(1e6).default(10).describe('Requests a client sends per TLS connection: one handshake per this many.'),
      perRequestCpuMs: z.number().min(0).max(1000).default(0.02).describe('CPU time to encrypt one request and its response.'),
      /** TLS version: a full handshake costs 1 round trip in 1.3 and 2 in 1.2; a resumed one costs 1 in both. */
      version: z.enum(['1.2', '1.3']).default('1.3').describe('TLS version: a full handshake costs 1 round trip in 1.3, 2 in 1.2; a resumed one 1 (default 1.3).'),
    })
    .optional()
    .describe('TLS on this listener: who pays for handshakes and encryption.'),
  /** ALB weighted target groups: the default action splits requests by weight (0–999 each); overrides defaultForward. */
  weightedForward: z
    .array(z.strictObject({ group: id.describe('A target group of the split.'), weight: z.int().min(0).max(999).describe("This group's weight in the split.") }))
    .min(1)
    .max(5)
    .optional()
    .describe('Splits the default action between target groups by weight, in place of the default forward.'),
});

export const BalancerSchema = z.strictObject({
  id: id.describe("The balancer's name."),
  layer: z.union([z.literal(4), z.literal(7)]).default(7).describe('7 routes each request by its content (ALB); 4 routes connections (NLB).'),
  listeners: z.array(ListenerSchema).min(1).max(50).describe('Ports the balancer listens on, each with its rules.'),
  /** Layer 4 only: a client's connection stays on its target until idle this long (NLB: 350 s). */
  idleTimeoutSec: z.number().gt(0).max(86400).default(350).describe("Layer 4: a client's connection stays on its target until idle this long."),
  /** Layer 4 only: requests a connection carries before the client opens a new one. */
  requestsPerConnection: z.int().min(1).max(1_000_000).default(100).describe('Layer 4: requests a connection carries before the client opens a new one.'),
  /** The region the balancer (and the groups it forwards to) lives in. */
  region: placeName.default('default').describe('The region the balancer and its target groups live in.'),
  /** Availability zones with a balancer node each; clients spread over the nodes. */
  zones: z.array(placeName).min(1).max(10).optional().describe('Availability zones, one balancer node in each.'),
  /** Cross-zone load balancing: a node may send to targets in every zone (ALB: on; NLB: off by default). */
  crossZone: z.boolean().optional().describe('Cross-zone load balancing: a node may send to targets in every zone (ALB on, NLB off).'),
  /** How long a client keeps using the node address it resolved (ELB's DNS TTL: 60 s). */
  nodeTtlSec: z.number().min(0).max(86400).default(60).describe('How long a client keeps the balancer node it resolved.'),
  /** Per-client rate limiting at the balancer: a token bucket per client address (nginx limit_req, WAF rate rules). */
  rateLimit: z
    .strictObject({ ratePerSec: z.number().gt(0).max(1e6).describe('Requests per second one client address may send.'), burst: z.int().min(1).max(1e6).default(10).describe('Requests a client may send at once above the rate.') })
    .optional()
    .describe('Per-client rate limiting: a token bucket per address; the excess is refused (429).'),
  /** A web application firewall: blocks this share of malicious requests, and wrongly blocks a small share of the rest. */
  waf: z
    .strictObject({ detectionRate: z.number().min(0).max(1).default(0.95).describe('Share of malicious requests it blocks.'), falsePositiveRate: z.number().min(0).max(1).default(0.001).describe('Share of ordinary requests it blocks by mistake.') })
    .optional()
    .describe('A web application firewall that blocks attacks (403).'),
  /**
   * The balancer's own CPU: each request costs routeCpuMs, plus TLS work when it terminates TLS. Beyond its
   * capacity it sheds requests (503). A managed balancer doubles its capacity after a sustained high load.
   */
  capacity: z
    .strictObject({
      cpuCores: z.number().gt(0).max(10_000).default(2).describe("The balancer's CPU cores."),
      /** CPU per request for routing; default by layer: 0.05 ms at layer 7 (parse and route), 0.005 ms at layer 4 (forward packets). Assumed: AWS publishes none. */
      routeCpuMs: z.number().min(0).max(100).optional().describe('CPU per request for routing, ms (default 0.05 at layer 7, 0.005 at layer 4; assumed).'),
      managed: z
        .strictObject({
          maxCores: z.number().gt(0).max(100_000).default(64).describe('The most cores it scales up to.'),
          scaleUpAfterSec: z.number().gt(0).max(3600).default(180).describe('How long the load stays above the threshold before the cores double.'),
          threshold: z.number().gt(0).max(1).default(0.7).describe('Load (work ÷ capacity) above which it counts as busy.'),
        })
        .optional()
        .describe('A managed balancer (like ELB) that doubles its cores under sustained load.'),
    })
    .optional()
    .describe("The balancer's own CPU; beyond it requests are shed (503)."),
  /**
   * Time the balancer adds to each request, ms: default 0.5 at layer 7 (terminate, parse, route) and 0.05 at
   * layer 4 (forward a flow's packets). Assumed figures: AWS publishes none.
   */
  processingMs: z.number().min(0).max(1000).optional().describe('Time the balancer adds to each request, ms (default 0.5 at layer 7, 0.05 at layer 4; assumed, AWS publishes none).'),
  /**
   * What the balancer costs: an hourly price plus capacity-unit hours (ELB LCU / NLCU / GLCU). Default: AWS
   * us-east-1, ALB $0.0225/h + $0.008/LCU-h at layer 7, NLB $0.0225/h + $0.006/NLCU-h at layer 4. A self-run
   * balancer (HAProxy, nginx on an instance) is billed as its instance: its hourly price, 0 per capacity unit. A
   * hot standby is a second copy that runs all the time: the hourly price counts twice (network/balancer-bill.ts).
   */
  pricing: z
    .strictObject({
      hourlyUsd: z.number().min(0).max(1000).optional().describe('Price per hour the balancer runs, USD (default $0.0225, ALB and NLB in us-east-1).'),
      capacityUnitHourUsd: z.number().min(0).max(1000).optional().describe('Price per capacity-unit hour, USD (default ALB $0.008/LCU-h, NLB $0.006/NLCU-h).'),
    })
    .optional()
    .describe('What the balancer costs per hour and per capacity unit (default AWS us-east-1 ALB or NLB prices; a self-run balancer: its instance price per hour, 0 per unit). A standby doubles the hourly price.'),
  /**
   * A Gateway Load Balancer in front (AWS GWLB, real-systems §4.1): every flow reaching this balancer first
   * passes through one appliance of `targetGroup` (firewalls, IDS), picked by a flow hash and kept for the
   * flow; the appliances' health checks, fail-open and bill are GWLB's (network/inspection.ts); each
   * appliance inspects `applianceConcurrency` requests at once and queues up to `applianceQueueLimit` more
   * (network/appliance-queue.ts).
   */
  inspection: z
    .strictObject({
      targetGroup: id.describe('The target group of inspection appliances (its targets); no listener may forward to it.'),
      stickiness: z
        .enum(['5-tuple', '3-tuple', '2-tuple'])
        .default('5-tuple')
        .describe("What a flow is: 5-tuple (each client connection; GWLB's default), 3-tuple or 2-tuple (all of a client's traffic)."),
      targetFailover: z
        .enum(['no_rebalance', 'rebalance'])
        .default('no_rebalance')
        .describe("An existing flow whose appliance left rotation: stays on it (no_rebalance, GWLB's default; dropped if the appliance is down) or is rehashed (rebalance)."),
      applianceMs: DistributionSchema.default({ dist: 'constant', valueMs: 1 }).describe('Time an appliance takes to inspect a request and its answer together, ms: a number or a distribution (default 1; assumed, it depends on the product).'),
      applianceConcurrency: z.int().min(1).max(448).optional().describe("Requests one appliance inspects at once (default: its instance type's vCPUs); more wait in its queue."),
      applianceQueueLimit: z.int().min(0).max(100_000).default(1024).describe('Requests that may wait for an appliance (default 1,024, our choice); beyond it the flow is dropped.'),
      pricing: z
        .strictObject({
          hourlyUsd: z.number().min(0).max(1000).default(0.0125).describe('GWLB price per hour, USD (default $0.0125, us-east-1).'),
          capacityUnitHourUsd: z.number().min(0).max(1000).default(0.004).describe('Price per GLCU-hour, USD (default $0.004, us-east-1).'),
        })
        .default({ hourlyUsd: 0.0125, capacityUnitHourUsd: 0.004 })
        .describe("The GWLB's bill: hours plus GLCU-hours (600 new flows/s or 1 GB/h each); the appliances are billed as instances."),
    })
    .optional()
    .describe('Inspection: every flow passes through an appliance of a GWLB target group before this balancer forwards it.'),
  /** A hot standby (keepalived/VRRP style) that takes over after missed heartbeats; without it the balancer is a single point of failure. */
  standby: z
    .strictObject({ heartbeatIntervalSec: z.number().gt(0).max(60).default(1).describe('Time between two heartbeats.'), missedHeartbeats: z.int().min(1).max(100).default(3).describe('Heartbeats missed before the standby takes over.') })
    .optional()
    .describe('A hot standby that takes over when the balancer fails.'),
});

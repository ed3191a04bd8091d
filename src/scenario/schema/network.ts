/**
 * The network between clients, balancers and targets: round-trip times, message sizes and the price of
 * data crossing availability zones. Optional; every field has a documented default.
 *
 * Sources (AWS, us-east-1, read November 2026):
 * - Availability zones are "interconnected with high-bandwidth, low-latency networking … single-digit
 *   millisecond latency" (AWS Regions and Availability Zones, docs.aws.amazon.com/global-infrastructure);
 *   measured round trips between zones of one region are about 0.5–1.5 ms, within a zone well under
 *   0.5 ms: defaults 1.0 ms and 0.3 ms.
 * - Data transfer between zones of one region: $0.01/GB in each direction (Amazon EC2 On-Demand pricing,
 *   "Data Transfer within the same AWS Region"). ALB traffic across zones is not charged
 *   (Elastic Load Balancing pricing: "no charge for data transferred … between Availability Zones" for ALB);
 *   NLB and GWLB traffic across zones with cross-zone load balancing on is (Network Load Balancer
 *   user guide, "Cross-zone load balancing").
 * - Clients: 20 ms to a balancer in their own region and 70 ms more to another region are this project's
 *   round figures for a broadband client (no AWS figure); `dns.latencyMs[clientRegion][balancerRegion]`,
 *   when present, is used instead.
 * - Request 2 KB and response 20 KB: a typical API call (assumed), used for data processed and transfer.
 */
import { z } from 'zod';

const rttMs = z.number().min(0).max(10_000);

export const NetworkSchema = z.strictObject({
  /** Round trip between a client and a balancer in the client's region, ms. */
  clientRttMs: rttMs.default(20).describe('Round trip between a client and a balancer in its own region, ms (default 20).'),
  /** Added to clientRttMs when the balancer is in another region and dns.latencyMs has no entry, ms. */
  crossRegionRttMs: rttMs.default(70).describe('Extra round trip to a balancer in another region when dns.latencyMs has no entry, ms (default 70).'),
  /** Round trip between a balancer node and a target in the same zone (or when either has no zone), ms. */
  sameZoneRttMs: rttMs.default(0.3).describe('Round trip between a balancer node and a target in the same zone, ms (default 0.3).'),
  /** Round trip between a balancer node and a target in another zone of the region, ms. */
  crossZoneRttMs: rttMs.default(1).describe('Round trip between a balancer node and a target in another zone, ms (AWS: single-digit ms; default 1).'),
  requestKB: z.number().min(0).max(1_000_000).default(2).describe('Size of a request, KB (default 2).'),
  responseKB: z.number().min(0).max(1_000_000).default(20).describe('Size of a response, KB (default 20).'),
  /** Price of data crossing zones, charged in each direction (so $0.02 per GB that crosses); layer-4 balancers only. */
  crossZoneUsdPerGB: z.number().min(0).max(100).default(0.01).describe('Price per GB crossing zones, in each direction (AWS: $0.01/GB); charged only for layer-4 (NLB) traffic.'),
});

export const NETWORK_DEFAULTS = NetworkSchema.parse({});

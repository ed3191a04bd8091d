/** Traffic: arrivals, the rate profile, the clients (NAT, cookies, locations), the request mix, attacks and sessions. */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { DistributionSchema, headerName, id, ipv4, ms, placeName, rate, requestPath } from './common.ts';

const headers = z
  .record(headerName, z.string().max(256))
  .refine((h) => Object.keys(h).length <= LIMITS.maxHeadersPerRequest, { message: `at most ${LIMITS.maxHeadersPerRequest} headers` });

/** One request of a replay: sent exactly at atMs with exactly these fields (the rest from the first mix class). */
export const ReplayRequestSchema = z.strictObject({
  atMs: ms,
  path: requestPath.optional(),
  host: z.string().min(1).max(128).optional(),
  headers: headers.optional(),
  /** The client's address; requests from one address are one client (its cookies, its session). Default: traffic.clients.ipBase. */
  client: ipv4.optional(),
  /** The request class (a traffic.mix name) whose service times, queries and cart apply. Default: the first class. */
  class: id.optional(),
});

export const ArrivalSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('poisson'), ratePerSec: rate }),
  z.strictObject({ kind: z.literal('constant'), ratePerSec: rate }),
  z.strictObject({
    kind: z.literal('closed'),
    users: z.int().min(1).max(LIMITS.maxUsers),
    thinkTimeMs: DistributionSchema.default({ dist: 'exponential', meanMs: 1000 }),
  }),
  /** Exactly these requests, each at its time (ascending): sent as listed, nothing drawn but their sizes. */
  z.strictObject({ kind: z.literal('replay'), requests: z.array(ReplayRequestSchema).min(1).max(LIMITS.maxReplayRequests) }),
]);

export const ProfilePointSchema = z.strictObject({
  atSec: z.number().min(0).max(LIMITS.maxDurationSec),
  ratePerSec: rate,
  rampSec: z.number().min(0).max(LIMITS.maxDurationSec).default(0),
});


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
  ipBase: ipv4.default('10.0.0.1'),
  /**
   * HAProxy cookie persistence: clients keep sending the persistence cookie they first got and ignore a
   * new one, so persistence returns when their server comes back (needs haproxy-cookie stickiness).
   */
  keepsStaleCookie: z.boolean().optional(),
  /**
   * Share of clients that try the next address of a DNS answer when a connection is refused, as most HTTP
   * clients do (browsers, curl, Java, Go, Python's urllib3); the rest keep failing on the address they
   * picked until their resolver's answer changes (some scripts, embedded clients, a client pinned to one IP).
   */
  triesNextAddressShare: z.number().min(0).max(1).default(1),
});


export const MixEntrySchema = z.strictObject({
  name: id,
  host: z.string().min(1).max(128).default('example.com'),
  path: requestPath.default('/'),
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
  clients: ClientsSchema.default({ count: 1000, ipBase: '10.0.0.1', triesNextAddressShare: 1 }),
  mix: z.array(MixEntrySchema).min(1).max(LIMITS.maxMixEntries).optional(),
  /** Which balancer receives the traffic; default the first one. */
  balancer: id.optional(),
  /** DDoS waves: a botnet sending extra requests (of mix class `class`, or the first class) for a while. */
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

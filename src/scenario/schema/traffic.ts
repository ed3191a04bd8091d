/** Traffic: arrivals, the rate profile, the clients (NAT, cookies, locations), the request mix, attacks and sessions. */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { DistributionSchema, headerName, id, ipv4, ms, placeName, rate, requestPath } from './common.ts';

const headers = z
  .record(headerName, z.string().max(256))
  .refine((h) => Object.keys(h).length <= LIMITS.maxHeadersPerRequest, { message: `at most ${LIMITS.maxHeadersPerRequest} headers` });

/** One request of a replay: sent exactly at atMs with exactly these fields (the rest from the first mix class). */
export const ReplayRequestSchema = z.strictObject({
  atMs: ms.describe('When this request arrives.'),
  path: requestPath.optional().describe('Its path (rules and path hashing read it).'),
  host: z.string().min(1).max(128).optional().describe('Its Host header.'),
  headers: headers.optional().describe('Its headers.'),
  /** The client's address; requests from one address are one client (its cookies, its session). Default: traffic.clients.ipBase. */
  client: ipv4.optional().describe("The client's address; one address is one client."),
  /** The request class (a traffic.mix name) whose service times, queries and cart apply. Default: the first class. */
  class: id.optional().describe('The request class whose service times apply.'),
});

export const ArrivalSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('poisson'), ratePerSec: rate.describe('Requests per second, arriving at random (Poisson).') }),
  z.strictObject({ kind: z.literal('constant'), ratePerSec: rate.describe('Requests per second, evenly spaced.') }),
  z.strictObject({
    kind: z.literal('closed'),
    users: z.int().min(1).max(LIMITS.maxUsers).describe('Users who each send a request, wait for the answer, think, and repeat.'),
    thinkTimeMs: DistributionSchema.default({ dist: 'exponential', meanMs: 1000 }).describe('How long a user thinks between an answer and the next request.'),
  }),
  /** Exactly these requests, each at its time (ascending): sent as listed, nothing drawn but their sizes. */
  z.strictObject({ kind: z.literal('replay'), requests: z.array(ReplayRequestSchema).min(1).max(LIMITS.maxReplayRequests).describe('The requests to send, in time order.') }),
]);

export const ProfilePointSchema = z.strictObject({
  atSec: z.number().min(0).max(LIMITS.maxDurationSec).describe('When this rate change starts.'),
  ratePerSec: rate.describe('The rate to reach.'),
  rampSec: z.number().min(0).max(LIMITS.maxDurationSec).default(0).describe('How long the change takes; 0 is a step.'),
});


/** Where a share of the clients are (for DNS latency and geolocation routing). */
export const ClientLocationSchema = z.strictObject({
  region: placeName.describe("The clients' region (DNS latency routing)."),
  continent: placeName.default('NA').describe('Their continent (DNS geolocation routing).'),
  country: placeName.default('US').describe('Their country (DNS geolocation routing).'),
  share: z.number().gt(0).max(1e6).describe('Relative size of this population.'),
});

export const ClientsSchema = z.strictObject({
  count: z.int().min(1).max(LIMITS.maxClients).default(1000).describe('How many distinct clients send the traffic.'),
  /** A share of the clients behind a few NAT addresses (an office, a mobile carrier): hashing by address sees them as one. */
  nat: z
    .strictObject({ share: z.number().min(0).max(1).describe('Share of the clients behind NAT.'), addresses: z.int().min(1).max(1000).default(1).describe('How many shared addresses they use.') })
    .optional()
    .describe('A share of the clients behind a few shared addresses (an office, a carrier).'),
  /** Cookies the clients carry, each client one value by share (for A/B routing rules). */
  cookies: z
    .array(z.strictObject({ name: z.string().min(1).max(64), values: z.array(z.strictObject({ value: z.string().max(256), share: z.number().gt(0) })).min(1).max(20) }))
    .max(10)
    .optional()
    .describe('Cookies the clients carry, for A/B routing rules.'),
  /** Client locations by share; without it every client is in region "default". */
  locations: z.array(ClientLocationSchema).min(1).max(50).optional().describe('Where the clients are, for DNS latency and geolocation routing.'),
  /** First address of the client pool; clients get consecutive addresses from here. */
  ipBase: ipv4.default('10.0.0.1').describe('The address of the first client.'),
  /**
   * HAProxy cookie persistence: clients keep sending the persistence cookie they first got and ignore a
   * new one, so persistence returns when their server comes back (needs haproxy-cookie stickiness).
   */
  keepsStaleCookie: z.boolean().optional().describe('Clients keep the HAProxy cookie they first got.'),
  /**
   * Share of clients that try the next address of a DNS answer when a connection is refused, as most HTTP
   * clients do (browsers, curl, Java, Go, Python's urllib3); the rest keep failing on the address they
   * picked until their resolver's answer changes (some scripts, embedded clients, a client pinned to one IP).
   */
  triesNextAddressShare: z.number().min(0).max(1).default(1).describe('Share of clients that try the next DNS address when a connection is refused.'),
});


export const MixEntrySchema = z.strictObject({
  name: id.describe("The request class's name."),
  host: z.string().min(1).max(128).default('example.com').describe('The host it asks for (host rules read it).'),
  path: requestPath.default('/').describe('The path it asks for (path rules read it).'),
  headers: z.record(headerName, z.string().max(256)).default({}).describe('Its headers (header rules read them).'),
  port: z.int().min(1).max(65535).optional().describe('The listener port it arrives on.'),
  share: z.number().gt(0).max(1e6).describe('How often this class occurs, relative to the others.'),
  /** Whether this class's database queries read (replicas may serve them) or write (primary only). */
  queries: z.enum(['read', 'write']).default('read').describe('Whether its database queries read or write.'),
  /** What the request does to the user's shopping cart (needs traffic.sessions). */
  cart: z.enum(['none', 'add', 'checkout']).default('none').describe("What it does to the user's cart (needs sessions)."),
  /** Requests of this class are attacks (SQL injection, scrapers): a WAF may block them. */
  malicious: z.boolean().default(false).describe('An attack request: a WAF may block it.'),
  /** A long-lived connection (WebSocket) held open this long; it is not counted in latency percentiles. */
  longLivedMs: DistributionSchema.optional().describe('A long-lived connection (WebSocket) held open this long.'),
});

export const TrafficSchema = z.strictObject({
  arrival: ArrivalSchema.describe('How requests arrive: at random, evenly, from closed-loop users, or replayed.'),
  profile: z.array(ProfilePointSchema).max(LIMITS.maxProfilePoints).optional().describe('Rate changes over time.'),
  clients: ClientsSchema.default({ count: 1000, ipBase: '10.0.0.1', triesNextAddressShare: 1 }).describe('The clients that send the requests.'),
  mix: z.array(MixEntrySchema).min(1).max(LIMITS.maxMixEntries).optional().describe('Request classes: paths, hosts and headers, by share.'),
  /** Which balancer receives the traffic; default the first one. */
  balancer: id.optional().describe('The balancer that receives the traffic (default: the first).'),
  /** DDoS waves: a botnet sending extra requests (of mix class `class`, or the first class) for a while. */
  attacks: z
    .array(
      z.strictObject({
        atSec: z.number().min(0).max(LIMITS.maxDurationSec).describe('When the wave starts.'),
        durationSec: z.number().gt(0).max(LIMITS.maxDurationSec).describe('How long it lasts.'),
        ratePerSec: rate.describe('Attack requests per second.'),
        bots: z.int().min(1).max(1_000_000).default(500).describe('How many bot addresses send them.'),
        class: id.optional().describe('The request class the bots send.'),
      }),
    )
    .max(20)
    .default([])
    .describe('DDoS waves: a botnet sending extra requests for a while.'),
  /** Users have sessions (a login, a cart); a session ends after idleSec without requests. */
  sessions: z
    .strictObject({ idleSec: z.number().gt(0).max(86400).default(1800).describe('A session ends after this long without a request.') })
    .optional()
    .describe('Users have sessions (a login, a cart).'),
});

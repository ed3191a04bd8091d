/**
 * The client population: distinct client ids with IPv4 addresses, so that hashing by client address
 * (ip-hash, consistent hashing, layer-4 flow stickiness) sees realistic variety. Consecutive clients
 * are 257 addresses apart, so each sits in its own /24 (nginx ip_hash keys on the first three octets)
 * and the 2^24 addresses below the base's first octet are all used before any repeats.
 */

/** Parses a dotted IPv4 address into an unsigned 32-bit integer. */
export function parseIpv4(text: string): number {
  const [a, b, c, d] = text.split('.').map(Number);
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

export function formatIpv4(ip: number): string {
  return `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}

/** NAT'd clients share the addresses from here up (TEST-NET-2, 198.51.100.0/24). */
const NAT_BASE = parseIpv4('198.51.100.1');

/** Attack bots get addresses from the shared-address space 100.64.0.0/10, scattered like clients. */
const BOT_BASE = parseIpv4('100.64.0.1');

export class ClientPopulation {
  /** All clients, attack bots included (ids from `normal` on are bots). */
  declare readonly count: number;
  /** Ordinary clients: ids 0 … normal − 1. */
  declare readonly normal: number;
  private declare readonly base: number;
  /** Clients with ids below this sit behind the NAT addresses. */
  private declare readonly natClients: number;
  private declare readonly natAddresses: number;
  /** A replay's clients: the address of each, as listed (null: addresses from ipBase). */
  private declare readonly fixed: Uint32Array | null;

  constructor(count: number, ipBase: string, nat?: { share: number; addresses: number }, bots = 0, addresses?: readonly number[]) {
    this.normal = count;
    this.fixed = addresses === undefined ? null : Uint32Array.from(addresses);
    this.count = count + bots;
    this.base = parseIpv4(ipBase);
    this.natClients = nat ? Math.round(nat.share * count) : 0;
    this.natAddresses = nat?.addresses ?? 1;
  }

  /** The address of client `id`. */
  ip(id: number): number {
    if (id >= this.normal) return (BOT_BASE + (((id - this.normal) * 257) % 0x400000)) >>> 0;
    if (this.fixed !== null) return this.fixed[id];
    if (id < this.natClients) return (NAT_BASE + (id % this.natAddresses)) >>> 0;
    const low = ((this.base & 0xffffff) + id * 257) % 0x1000000;
    return ((this.base & 0xff000000) | low) >>> 0;
  }
}

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

export class ClientPopulation {
  readonly count: number;
  private readonly base: number;

  constructor(count: number, ipBase: string) {
    this.count = count;
    this.base = parseIpv4(ipBase);
  }

  /** The address of client `id`. */
  ip(id: number): number {
    const low = ((this.base & 0xffffff) + id * 257) % 0x1000000;
    return ((this.base & 0xff000000) | low) >>> 0;
  }
}

/**
 * Where a target really is: its `address`, or the engine's default address rule (docs/scenario-format.md 7.4),
 * replicated here so that the exporters need nothing from the engine's internals.
 */
import type { TargetConfig } from '../scenario/schema.ts';

/** The default address of target `indexInGroup` of group `group`: 10.<1 + group / 250>.<group % 250>.<n>, port 80. */
export function defaultAddress(group: number, indexInGroup: number): string {
  const host = indexInGroup + 1;
  return `10.${1 + Math.floor(group / 250) + 4 * Math.floor(host / 250)}.${group % 250}.${host % 250}:80`;
}

export interface HostPort {
  /** A host name, an IPv4 address or an IPv6 address without brackets. */
  host: string;
  port: number;
  /** True when the address named no port and 80 was assumed. */
  portAssumed: boolean;
}

/** Splits "host:port", "[v6]:port" or "host" (port 80 assumed) as nginx reads a `server` address. */
export function splitAddress(address: string): HostPort {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(address);
  if (v6) return { host: v6[1], port: v6[2] ? Number(v6[2]) : 80, portAssumed: !v6[2] };
  const colon = address.lastIndexOf(':');
  const port = colon >= 0 ? address.slice(colon + 1) : '';
  if (colon >= 0 && /^\d{1,5}$/.test(port) && Number(port) <= 65535 && address.indexOf(':') === colon) {
    return { host: address.slice(0, colon), port: Number(port), portAssumed: false };
  }
  return { host: address, port: 80, portAssumed: true };
}

/** The address a target is reached at, and where that came from (a JSON path or the default rule). */
export function targetAddress(target: TargetConfig, group: number, indexInGroup: number): { address: string; from: string } {
  const at = `targetGroups[${group}].targets[${indexInGroup}]`;
  return target.address !== undefined
    ? { address: target.address, from: `${at}.address` }
    : { address: defaultAddress(group, indexInGroup), from: `${at} (the lab's default address)` };
}

/** Is this a dotted IPv4 address? */
export function isIpv4(host: string): boolean {
  return /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(host);
}

/**
 * Adopting the DNS name live. Only a new TTL: answers fetched from now on carry it, cached ones keep
 * theirs (Route 53 behaves so). Anything else (records, routing policy, health checks, resolvers, client
 * locations): a new name with the same random stream; resolvers start with empty caches, so clients ask
 * again at their next request — a simplification (real caches would keep old answers for their TTL).
 * Health checks restart from their first due time, and the old name's check events lapse.
 */
import type { Scenario } from '../../scenario/schema.ts';
import type { SimState } from '../state.ts';
import { buildDns } from '../infra/world.ts';
import { scheduleDnsChecks } from '../infra/dns-checks.ts';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function adoptDns(s: SimState, prev: Scenario, next: Scenario): void {
  // where each client is depends on the locations and on how many clients there are
  const users = (x: Scenario) => (x.traffic.arrival.kind === 'closed' ? x.traffic.arrival.users : x.traffic.clients.count);
  const locationsChanged =
    !same(prev.traffic.clients.locations, next.traffic.clients.locations) || users(prev) !== users(next) || prev.traffic.clients.triesNextAddressShare !== next.traffic.clients.triesNextAddressShare;
  if (same(prev.dns, next.dns) && !locationsChanged) return;
  if (prev.dns !== undefined && next.dns !== undefined && s.dns !== null && !locationsChanged && same({ ...prev.dns, ttlSec: 0 }, { ...next.dns, ttlSec: 0 })) {
    s.dns.setTtl(next.dns.ttlSec);
    return;
  }
  s.dnsEpoch++;
  s.dns = buildDns(next, s.rng.dns, s.clients);
  scheduleDnsChecks(s);
}

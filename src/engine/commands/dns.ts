/**
 * Live changes to the DNS name: Elastic Beanstalk's blue/green by CNAME swap (SwapEnvironmentCNAMEs; Elastic
 * Beanstalk developer guide, "Blue/Green deployments with Elastic Beanstalk"). The name's records pointing at
 * one environment's balancer point at the other's from now on; resolvers that cached an answer keep sending
 * their clients to the old balancer until it expires — the TTL tail AWS warns of ("do not terminate your old
 * environment until the DNS changes have been propagated and your old DNS records expire"), longer for
 * resolvers that ignore the TTL. Contrast ALB weighted target groups (set-forward-weights), which move
 * every request at once because the balancer itself decides.
 */
import type { SimState } from '../state.ts';
import { setInScenario } from './current.ts';
import { refuse, type Refusal } from '../refusal.ts';

export function swapCnames(s: SimState, source: string, destination: string): Refusal | null {
  const dns = s.dns;
  if (dns === null || s.scenario.dns === undefined) return refuse('val_live_no_dns');
  if (source === destination) return refuse('val_live_swap_same');
  for (const id of [source, destination]) if (!s.balancerById.has(id)) return refuse('val_live_no_balancer', { id });
  const moved = dns.swap(source, destination);
  if (moved === 0) return refuse('val_live_swap_no_record', { name: dns.config.name, source, destination });
  const swap = (b: string) => (b === source ? destination : b === destination ? source : b);
  setInScenario(s, ['dns', 'records'], s.scenario.dns.records.map((r) => ({ ...r, balancer: swap(r.balancer) })));
  s.topologyVersion++; // the picture's DNS arrows follow
  s.log.add(s.nowMs, 'config', dns.config.name, `${dns.config.name}: CNAMEs of ${source} and ${destination} swapped (${moved} record${moved === 1 ? '' : 's'}); resolvers keep their cached answers for up to ${dns.config.ttlSec} s`);
  return null;
}

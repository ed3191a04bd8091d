/**
 * Route 53 health checks of the DNS records, run when due: a record aliasing a balancer is healthy when
 * the balancer answers and every target group it forwards to (that has registered targets) has a
 * healthy target in service ("evaluate target health"). Changes go to the event log.
 */
import type { SimState } from '../state.ts';
import { EV_DNS_CHECK } from '../event-kinds.ts';
import { LC_IN_SERVICE, TARGET_CRASHED } from '../backend/targets.ts';
import { HEALTHY } from '../health/health-state.ts';
import { healthOf } from '../health/health-data.ts';
import { groupsOf } from '../balancer/router.ts';
import { HEALTHY_CHECKER_SHARE } from './dns/types.ts';

function endpointUp(s: SimState, balancerId: string): boolean {
  const b = s.balancers.find((x) => x.id === balancerId);
  if (!b || !b.available(s.nowMs)) return false;
  for (const g of groupsOf(b.cfg).map((id) => s.groups.findIndex((x) => x.id === id))) {
    const members = s.groups[g].members;
    if (members.length === 0) continue;
    const ok = members.some((t) => s.store.lifecycle[t] === LC_IN_SERVICE && healthOf(s.health, t) === HEALTHY && s.store.state[t] !== TARGET_CRASHED);
    if (!ok) return false;
  }
  return true;
}

/** The first check, if any record has one. */
export function scheduleDnsChecks(s: SimState): void {
  if (s.dns !== null && s.dns.nextCheckMs() < Infinity) s.queue.push(Math.max(s.dns.nextCheckMs(), s.nowMs), EV_DNS_CHECK, s.dnsEpoch, 0);
}

/** Every check due by now; the next is scheduled. */
export function onDnsCheck(s: SimState, epoch: number): void {
  const dns = s.dns;
  if (dns === null || epoch !== s.dnsEpoch) return;
  for (const tr of dns.runChecks(s.nowMs, (target) => endpointUp(s, target))) {
    const h = dns.health;
    s.log.add(tr.atMs, tr.healthy ? 'dns-healthy' : 'dns-unhealthy', tr.recordId, tr.message, {
      kind: 'dns-vote',
      record: tr.recordId,
      healthy: tr.healthy,
      healthyCheckers: tr.healthyCheckers,
      checkers: tr.checkers,
      thresholdPercent: Math.round(HEALTHY_CHECKER_SHARE * 100),
      failureThreshold: h.failureThreshold,
      intervalSec: h.intervalMs / 1000,
    });
  }
  const next = dns.nextCheckMs();
  if (next < Infinity) s.queue.push(Math.max(next, s.nowMs), EV_DNS_CHECK, s.dnsEpoch, 0);
}

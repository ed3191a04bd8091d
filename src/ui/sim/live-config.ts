/**
 * What the parameter panel shows as "now": the scenario's settings, overridden by the live changes
 * applied since (the snapshot carries weights and slots; service times and the rate come from the log).
 */
import type { Change, Distribution, Scenario } from '../../scenario/schema.ts';
import { describeHealthCheckInput } from './health-check-form.ts';
import { describePatch } from './describe-patch.ts';
import type { LoggedChange } from '../../sim/sim-session.svelte.ts';

function lastChange<A extends Change['action']>(changes: readonly LoggedChange[], action: A, match: (c: Extract<Change, { action: A }>) => boolean): Extract<Change, { action: A }> | undefined {
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i].change;
    if (c.action === action && match(c as Extract<Change, { action: A }>)) return c as Extract<Change, { action: A }>;
  }
  return undefined;
}

/** The arrival rate set last, or the scenario's base rate; null for closed-loop and replayed traffic. */
export function currentRate(scenario: Scenario, changes: readonly LoggedChange[]): number | null {
  const arrival = scenario.traffic.arrival;
  if (arrival.kind === 'closed' || arrival.kind === 'replay') return null;
  return lastChange(changes, 'set-rate', () => true)?.ratePerSec ?? arrival.ratePerSec;
}

/** Whether a rate profile still shapes the traffic (a live set-rate replaces it from then on). */
export function profileActive(scenario: Scenario, changes: readonly LoggedChange[]): boolean {
  return (scenario.traffic.profile?.length ?? 0) > 0 && lastChange(changes, 'set-rate', () => true) === undefined;
}

/** A target's service time now: the last change, its scenario config, or (added targets) its group's last target's. */
export function currentServiceTime(scenario: Scenario, changes: readonly LoggedChange[], targetId: string, groupId: string): Distribution {
  const changed = lastChange(changes, 'set-service-time', (c) => c.target === targetId);
  if (changed) return changed.serviceTimeMs;
  const group = scenario.targetGroups.find((g) => g.id === groupId) ?? scenario.targetGroups[0];
  return (group.targets.find((t) => t.id === targetId) ?? group.targets[group.targets.length - 1]).serviceTimeMs;
}

export function describeDistribution(d: Distribution): string {
  switch (d.dist) {
    case 'constant':
      return `always ${d.valueMs} ms`;
    case 'exponential':
      return `exponential, mean ${d.meanMs} ms`;
    case 'lognormal':
      return `lognormal, median ${d.medianMs} ms, p99 ${d.p99Ms} ms`;
    case 'uniform':
      return `uniform, ${d.minMs}–${d.maxMs} ms`;
  }
}

/** A change in words, for the change log; a patch's pointers are named in `before` (the scenario just before it) when given. */
export function describeChange(c: Change, before: Scenario | null = null): string {
  switch (c.action) {
    case 'set-algorithm':
      return `${c.group}: algorithm ${c.algorithm}`;
    case 'set-weight':
      return `${c.target}: weight ${c.weight}`;
    case 'set-concurrency':
      return `${c.target}: ${c.concurrency} slots`;
    case 'set-service-time':
      return `${c.target}: service time ${describeDistribution(c.serviceTimeMs)}`;
    case 'set-target-count':
      return `${c.group}: ${c.count} targets`;
    case 'set-rate':
      return `traffic: ${c.ratePerSec} req/s`;
    case 'slow':
      return `${c.target}: ${c.factor}× slower`;
    case 'errors':
      return `${c.target}: ${Math.round(c.share * 100)} % errors`;
    case 'brownout':
      return `${c.target}: brownout (${c.factor}× slower, ${Math.round(c.share * 100)} % errors)`;
    case 'set-health-check':
      return `${c.group}: ${describeHealthCheckInput(c.healthCheck)}`;
    case 'set-capacity':
      return `${c.scalingGroup}: ${capacityWords(c).join(', ')}`;
    case 'zone-outage':
    case 'region-outage':
      return `${'zone' in c ? `zone ${c.zone}` : `region ${c.region}`}: outage`;
    case 'zone-recover':
    case 'region-recover':
      return `${'zone' in c ? `zone ${c.zone}` : `region ${c.region}`}: recovered`;
    case 'crash-balancer':
      return `balancer ${c.balancer}: crash`;
    case 'recover-balancer':
      return `balancer ${c.balancer}: recovered`;
    case 'db-failover':
      return `database ${c.database}: failover`;
    case 'swap-cnames':
      return `DNS: swap ${c.source} and ${c.destination}`;
    case 'patch':
      return describePatch(c, before).words;
    case 'set-forward-weights':
      return `${c.balancer}: weights ${c.weights.map((w) => `${w.group} ${w.weight}`).join(', ')}`;
    case 'set-admin-state':
      return `${c.target}: ${c.state}`;
    default: {
      const subject = 'target' in c ? c.target : 'group' in c ? c.group : '';
      return `${subject}: ${c.action}`;
    }
  }
}

function capacityWords(c: Extract<Change, { action: 'set-capacity' }>): string[] {
  const words: string[] = [];
  if (c.desired !== undefined) words.push(`desired ${c.desired}`);
  if (c.min !== undefined) words.push(`min ${c.min}`);
  if (c.max !== undefined) words.push(`max ${c.max}`);
  return words.length > 0 ? words : ['capacity unchanged'];
}

/**
 * Every logged change in words, in order: each patch is named in the scenario as `start` and the patches
 * before it left it, so `/targetGroups/1/algorithm` reads "target group orders: algorithm = …" even after an
 * earlier patch added `orders`. Without `start`, patches show their pointers.
 */
export function describeChanges(changes: readonly LoggedChange[], start: Scenario | null): string[] {
  let s = start;
  return changes.map(({ change }) => {
    if (change.action !== 'patch') return describeChange(change);
    const { words, after } = describePatch(change, s);
    s = after;
    return words;
  });
}

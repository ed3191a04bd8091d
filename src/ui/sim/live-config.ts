/**
 * What the parameter panel shows as "now": the scenario's settings, overridden by the live changes
 * applied since (the snapshot carries weights and slots; service times and the rate come from the log).
 */
import type { Change, Distribution, Scenario } from '../../scenario/schema.ts';
import { m } from '../../i18n/paraglide/messages.js';
import { localizeNumberText as num } from '../../viz/number-format.ts';
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
      return m.log_dist_constant({ ms: num(String(d.valueMs)) });
    case 'exponential':
      return m.log_dist_exponential({ ms: num(String(d.meanMs)) });
    case 'lognormal':
      return m.log_dist_lognormal({ median: num(String(d.medianMs)), p99: num(String(d.p99Ms)) });
    case 'uniform':
      return m.log_dist_uniform({ min: num(String(d.minMs)), max: num(String(d.maxMs)) });
  }
}

/** A change in words, for the change log; a patch's pointers are named in `before` (the scenario just before it) when given. */
export function describeChange(c: Change, before: Scenario | null = null): string {
  switch (c.action) {
    case 'set-algorithm':
      return m.log_set_algorithm({ group: c.group, algorithm: c.algorithm });
    case 'set-weight':
      return m.log_set_weight({ target: c.target, weight: num(String(c.weight)) });
    case 'set-concurrency':
      return m.log_set_slots({ target: c.target, count: c.concurrency });
    case 'set-service-time':
      return m.log_set_service_time({ target: c.target, time: describeDistribution(c.serviceTimeMs) });
    case 'set-target-count':
      return m.log_set_target_count({ group: c.group, count: c.count });
    case 'set-rate':
      return m.log_set_rate({ rate: num(String(c.ratePerSec)) });
    case 'slow':
      return m.log_slow({ target: c.target, factor: num(String(c.factor)) });
    case 'errors':
      return m.log_errors({ target: c.target, percent: Math.round(c.share * 100) });
    case 'brownout':
      return m.log_brownout({ target: c.target, factor: num(String(c.factor)), percent: Math.round(c.share * 100) });
    case 'set-health-check':
      return `${c.group}: ${describeHealthCheckInput(c.healthCheck)}`;
    case 'set-capacity':
      return `${c.scalingGroup}: ${capacityWords(c).join(', ')}`;
    case 'zone-outage':
      return m.log_zone_outage({ zone: c.zone });
    case 'region-outage':
      return m.log_region_outage({ region: c.region });
    case 'zone-recover':
      return m.log_zone_recovered({ zone: c.zone });
    case 'region-recover':
      return m.log_region_recovered({ region: c.region });
    case 'crash-balancer':
      return m.log_balancer_crash({ balancer: c.balancer });
    case 'recover-balancer':
      return m.log_balancer_recovered({ balancer: c.balancer });
    case 'db-failover':
      return m.log_db_failover({ database: c.database });
    case 'swap-cnames':
      return m.log_swap_cnames({ source: c.source, destination: c.destination });
    case 'patch':
      return describePatch(c, before).words;
    case 'set-forward-weights':
      return m.log_forward_weights({ balancer: c.balancer, weights: c.weights.map((w) => `${w.group} ${num(String(w.weight))}`).join(', ') });
    case 'set-admin-state':
      return `${c.target}: ${c.state}`;
    default: {
      const subject = 'target' in c ? c.target : 'group' in c ? c.group : '';
      return `${subject}: ${ACTION_WORDS[c.action]?.() ?? c.action}`;
    }
  }
}

/** A target action's name in the change list. */
const ACTION_WORDS: Partial<Record<Change['action'], () => string>> = {
  crash: m.log_action_crash,
  recover: m.log_action_recover,
  hang: m.log_action_hang,
  deregister: m.log_action_deregister,
  register: m.log_action_register,
  'break-dependency': m.log_action_break_dependency,
};

function capacityWords(c: Extract<Change, { action: 'set-capacity' }>): string[] {
  const words: string[] = [];
  if (c.desired !== undefined) words.push(m.lab_desired({ desired: c.desired }));
  if (c.min !== undefined) words.push(m.log_min({ min: c.min }));
  if (c.max !== undefined) words.push(m.log_max({ max: c.max }));
  return words.length > 0 ? words : [m.log_capacity_unchanged()];
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

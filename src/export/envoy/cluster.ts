/**
 * Envoy (v3 API) clusters for target groups: the nearest `lb_policy` (real-systems.md §3), endpoints with
 * weights and zones (localities), active `health_checks`, `outlier_detection`, the panic threshold, slow
 * start and the retry budget (`circuit_breakers.thresholds[].retry_budget`, from `retries.budget`). Simplifies: Envoy's random policy ignores weights, and its ring hash uses xxHash, not nginx's CRC32.
 */
import { resolveHealthCheck } from '../../scenario/health-presets.ts';
import type { TargetGroupConfig } from '../../scenario/schema.ts';
import { isIpv4, splitAddress, targetAddress } from '../address.ts';
import type { NotExported } from '../notes.ts';
import type { BalancerPlan, GroupRef } from '../plan.ts';
import { integerWeights } from '../weights.ts';
import { YamlList, YamlMap, ylist, ymap } from './yaml.ts';

/** An Envoy duration ("1.5s"). */
export function envoyDuration(sec: number): string {
  return `${Number(sec.toFixed(3))}s`;
}

function policy(group: TargetGroupConfig): { lbPolicy: string; usesWeights: boolean; note?: string } {
  switch (group.algorithm) {
    case 'round-robin':
      return { lbPolicy: 'ROUND_ROBIN', usesWeights: false };
    case 'weighted-round-robin':
      return { lbPolicy: 'ROUND_ROBIN', usesWeights: true, note: 'Envoy\'s weighted round robin is an EDF scheduler with a random start: the same shares as nginx\'s smooth round robin, in another order' };
    case 'least-connections':
      return { lbPolicy: 'LEAST_REQUEST', usesWeights: true, note: 'Envoy LEAST_REQUEST compares two random hosts (nginx least_conn scans them all)' };
    case 'least-outstanding-requests':
      return { lbPolicy: 'LEAST_REQUEST', usesWeights: false, note: 'Envoy LEAST_REQUEST compares two random hosts (ALB takes the fewest outstanding requests of all)' };
    case 'random':
      return { lbPolicy: 'RANDOM', usesWeights: false, note: 'Envoy\'s RANDOM policy ignores endpoint weights (nginx `random` uses them)' };
    case 'power-of-two-choices':
      return { lbPolicy: 'LEAST_REQUEST', usesWeights: true };
    case 'peak-ewma':
      return { lbPolicy: 'LEAST_REQUEST', usesWeights: false, note: 'Envoy has no peak-EWMA in its core policies; nearest: LEAST_REQUEST (two random picks, fewer active requests wins)' };
    case 'least-response-time':
      return { lbPolicy: 'LEAST_REQUEST', usesWeights: true, note: 'Envoy does not balance by response time; nearest: LEAST_REQUEST' };
    case 'ip-hash':
      return { lbPolicy: 'RING_HASH', usesWeights: true, note: 'Envoy has no modulo hash: a ring hash of the whole client address replaces nginx ip_hash' };
    case 'hash':
      return { lbPolicy: 'RING_HASH', usesWeights: true, note: 'Envoy has no modulo hash: a ring hash (consistent) replaces nginx `hash`' };
    case 'consistent-hash':
      return { lbPolicy: 'RING_HASH', usesWeights: true, note: 'Envoy\'s ring hash uses xxHash and its own ring size: keys map to other hosts than nginx\'s ketama' };
    case 'maglev':
      return { lbPolicy: 'MAGLEV', usesWeights: true };
    case 'flow-hash':
      return { lbPolicy: 'RANDOM', usesWeights: false, note: 'Envoy has no NLB flow hash; a new connection\'s random source port makes it a random pick per connection: RANDOM' };
    case 'haproxy-roundrobin':
    case 'haproxy-static-rr':
      return { lbPolicy: 'ROUND_ROBIN', usesWeights: true, note: 'Envoy\'s weighted round robin (EDF) gives HAProxy\'s shares in another order' };
    case 'haproxy-leastconn':
      return { lbPolicy: 'LEAST_REQUEST', usesWeights: true, note: 'Envoy LEAST_REQUEST compares two random hosts (HAProxy leastconn takes the least loaded of all)' };
    case 'haproxy-first':
      return { lbPolicy: 'LEAST_REQUEST', usesWeights: true, note: 'Envoy has no `balance first` (fill servers in id order); nearest: LEAST_REQUEST, which spreads instead of filling' };
    case 'haproxy-source':
    case 'haproxy-hash':
      return { lbPolicy: 'RING_HASH', usesWeights: true, note: 'Envoy\'s ring hash (xxHash) maps keys to other hosts than HAProxy\'s sdbm hashing' };
  }
}

/** The zone of each target: its own, else spread over the balancer's zones (docs/scenario-format.md 5.5). */
function zoneOf(plan: BalancerPlan, group: TargetGroupConfig, ti: number): string | undefined {
  const zones = plan.balancer.zones;
  return group.targets[ti].zone ?? (zones ? zones[ti % zones.length] : undefined);
}

function endpoints(plan: BalancerPlan, ref: GroupRef, usesWeights: boolean, notes: NotExported): { list: YamlList; dns: boolean } {
  const { group, path, index: gi } = ref;
  const ints = integerWeights(group.targets.map((t) => t.weight));
  if (usesWeights && !ints.exact) notes.add(`${path}.targets[*].weight`, 'rounded to whole numbers for Envoy');
  const byZone = new Map<string, YamlList>();
  let dns = false;
  group.targets.forEach((t, ti) => {
    if (t.weight === 0) {
      notes.add(`${path}.targets[${ti}].weight`, 'Envoy weights are at least 1: a target of weight 0 is left out of the cluster');
      return;
    }
    const { address, from } = targetAddress(t, gi, ti);
    const { host, port } = splitAddress(address);
    if (!isIpv4(host) && !host.includes(':')) dns = true;
    const e = ymap(['endpoint', ymap(['address', ymap(['socket_address', ymap(['address', host, from], ['port_value', port])])])]);
    if (usesWeights) e.set('load_balancing_weight', ints.weights[ti], `${path}.targets[${ti}].weight ${t.weight}`);
    const zone = zoneOf(plan, group, ti) ?? '';
    if (!byZone.has(zone)) byZone.set(zone, new YamlList());
    byZone.get(zone)!.push(e, `"${t.id}"`);
  });
  const list = new YamlList();
  for (const [zone, eps] of byZone) {
    const loc = new YamlMap();
    if (zone) loc.set('locality', ymap(['zone', zone]), `the targets' zone (targets[].zone, or spread over ${plan.path}.zones)`);
    loc.set('lb_endpoints', eps);
    list.push(loc);
  }
  return { list, dns };
}

function healthChecks(ref: GroupRef, notes: NotExported): YamlList | null {
  const { group, path } = ref;
  if (!group.healthCheck) return null;
  const hc = resolveHealthCheck(group.healthCheck);
  const h = ymap(
    ['timeout', envoyDuration(hc.timeoutSec), `${path}.healthCheck.timeoutSec`],
    ['interval', envoyDuration(hc.intervalSec), `${path}.healthCheck.intervalSec`],
    ['unhealthy_threshold', hc.unhealthyThreshold, `${path}.healthCheck.unhealthyThreshold`],
    ['healthy_threshold', hc.healthyThreshold, `${path}.healthCheck.healthyThreshold`],
  );
  if (hc.jitterPercent > 0) h.set('interval_jitter_percent', Math.round(hc.jitterPercent), `${path}.healthCheck.jitterPercent`);
  if (hc.model === 'rise-fall') {
    h.set('unhealthy_interval', envoyDuration(hc.downIntervalSec), `${path}.healthCheck.downIntervalSec`);
    notes.add(`${path}.healthCheck.model "rise-fall"`, 'Envoy counts consecutive results, not HAProxy\'s rise/fall counter; fastIntervalSec is not exported');
  }
  if (hc.protocol === 'http') {
    const statuses = new YamlList();
    for (const part of hc.successCodes.split(',')) {
      const [lo, hi = lo] = part.split('-').map(Number);
      statuses.push(ymap(['start', lo], ['end', hi + 1, 'exclusive']));
    }
    h.set('http_health_check', ymap(['path', hc.path, `${path}.healthCheck.path`], ['expected_statuses', statuses, `${path}.healthCheck.successCodes "${hc.successCodes}"`]), `${path}.healthCheck.protocol "http"`);
    if (!hc.failFastOnBadStatus) notes.add(`${path}.healthCheck.failFastOnBadStatus`, 'Envoy always marks a host unhealthy at once when it answers a check with an unexpected HTTP status');
  } else h.set('tcp_health_check', new YamlMap(), `${path}.healthCheck.protocol "tcp"`);
  if (hc.deep) notes.add(`${path}.healthCheck.deep`, 'how deep a check goes is up to the application behind the checked path');
  return new YamlList().push(h, `${path}.healthCheck`);
}

function outlier(ref: GroupRef, notes: NotExported): YamlMap | null {
  const p = ref.group.passiveHealth;
  const at = `${ref.path}.passiveHealth`;
  if (!p) return null;
  if (p.kind === 'envoy-outlier') {
    return ymap(
      ['consecutive_5xx', p.consecutive5xx, `${at}.consecutive5xx`],
      ['interval', envoyDuration(p.intervalSec), `${at}.intervalSec`],
      ['base_ejection_time', envoyDuration(p.baseEjectionSec), `${at}.baseEjectionSec`],
      ['max_ejection_time', envoyDuration(Math.max(p.maxEjectionSec, p.baseEjectionSec)), `${at}.maxEjectionSec`],
      ['max_ejection_percent', p.maxEjectionPercent, `${at}.maxEjectionPercent`],
      ['enforcing_success_rate', 0, '(the lab models only the consecutive-5xx rule)'],
    );
  }
  if (p.maxFails === 0) return null;
  notes.add(at, `nginx max_fails approximated by Envoy outlier detection: ${p.maxFails} consecutive failures eject the host for ${p.failTimeoutSec} s (nginx counts failures within a window)`);
  return ymap(
    ['consecutive_5xx', p.maxFails, `${at}.maxFails`],
    ['interval', envoyDuration(p.failTimeoutSec), `${at}.failTimeoutSec`],
    ['base_ejection_time', envoyDuration(p.failTimeoutSec), `${at}.failTimeoutSec`],
    ['max_ejection_percent', 100, '(nginx may disable every server)'],
    ['enforcing_success_rate', 0, '(nginx has no success-rate rule)'],
  );
}

function panicThreshold(ref: GroupRef): [number, string] {
  const g = ref.group;
  if (g.whenAllUnhealthy === 'panic') return [g.panicThresholdPercent, `${ref.path}.whenAllUnhealthy "panic", .panicThresholdPercent`];
  if (g.whenAllUnhealthy === 'refuse') return [0, `${ref.path}.whenAllUnhealthy "refuse" (0: never panic, answer 503)`];
  return [0.001, `${ref.path}.whenAllUnhealthy "fail-open": panic (route to all hosts) only when none is healthy`];
}

/** The cluster of a target group. */
export function cluster(plan: BalancerPlan, ref: GroupRef, notes: NotExported): YamlMap {
  const { group, path } = ref;
  const p = policy(group);
  if (p.note) notes.add(`${path}.algorithm "${group.algorithm}"`, p.note);
  const eps = endpoints(plan, ref, p.usesWeights, notes);
  const c = ymap(
    ['name', group.id, `${path} "${group.id}"`],
    ['type', eps.dns ? 'STRICT_DNS' : 'STATIC', eps.dns ? '(some target addresses are host names)' : '(target addresses are IP addresses)'],
    ['connect_timeout', '5s', '(Envoy needs it; in the lab a target accepts or refuses a connection within one hop, never leaving it unanswered)'],
    ['lb_policy', p.lbPolicy, `${path}.algorithm "${group.algorithm}"`],
  );
  if (group.algorithm === 'consistent-hash' || group.algorithm === 'hash' || group.algorithm === 'ip-hash') {
    c.set('ring_hash_lb_config', ymap(['minimum_ring_size', 1024, '(Envoy\'s default; nginx places 160 points per unit of weight)']), `${path}.algorithm`);
  }
  if (group.slowStart) {
    const s = group.slowStart;
    const cfg = s.kind === 'envoy'
      ? ymap(['slow_start_window', envoyDuration(s.windowSec), `${path}.slowStart.windowSec`], ['aggression', ymap(['default_value', s.aggression], ['runtime_key', `lab.${group.id}.slow_start_aggression`]), `${path}.slowStart.aggression`], ['min_weight_percent', ymap(['value', s.minWeightPercent]), `${path}.slowStart.minWeightPercent`])
      : ymap(['slow_start_window', envoyDuration(s.durationSec), `${path}.slowStart.durationSec`], ['aggression', ymap(['default_value', 1], ['runtime_key', `lab.${group.id}.slow_start_aggression`]), '(linear, as ALB slow start)']);
    if (p.lbPolicy === 'ROUND_ROBIN') c.set('round_robin_lb_config', ymap(['slow_start_config', cfg]), `${path}.slowStart`);
    else if (p.lbPolicy === 'LEAST_REQUEST') c.set('least_request_lb_config', ymap(['slow_start_config', cfg]), `${path}.slowStart`);
    else notes.add(`${path}.slowStart`, `Envoy slow start works only with ROUND_ROBIN and LEAST_REQUEST, not ${p.lbPolicy}`);
    if (s.kind === 'linear') notes.add(`${path}.slowStart`, 'Envoy\'s slow start never goes below 10 % of the weight (min_weight_percent); ALB\'s starts from 0');
  }
  const [panic, panicFrom] = panicThreshold(ref);
  c.set('common_lb_config', ymap(['healthy_panic_threshold', ymap(['value', panic]), panicFrom]));
  c.set('load_assignment', ymap(['cluster_name', group.id], ['endpoints', eps.list]), `${path}.targets`);
  const hcs = healthChecks(ref, notes);
  if (hcs) c.set('health_checks', hcs);
  const od = outlier(ref, notes);
  if (od) c.set('outlier_detection', od, `${path}.passiveHealth`);
  const budget = group.retries?.style === 'nginx' ? group.retries.budget : undefined;
  if (budget) {
    const rb = ymap(['budget_percent', ymap(['value', budget.budgetPercent]), `${path}.retries.budget.budgetPercent`], ['min_retry_concurrency', budget.minRetryConcurrency, `${path}.retries.budget.minRetryConcurrency`]);
    c.set('circuit_breakers', ymap(['thresholds', ylist(ymap(['priority', 'DEFAULT'], ['retry_budget', rb]))]), `${path}.retries.budget`);
  }
  if (group.circuitBreaker) notes.add(`${path}.circuitBreaker`, 'Envoy\'s circuit_breakers cap concurrent connections and requests; they do not open on an error rate (outlier detection is the nearest)');
  if (group.stickiness) notes.add(`${path}.stickiness`, 'not exported; nearest in Envoy: the stateful_session HTTP filter (cookie) or a hash_policy with RING_HASH');
  notes.add(`${path}.deregistrationDelaySec`, 'with static endpoints there is no deregistration; Envoy drains hosts removed through EDS');
  return c;
}

/**
 * Terraform for AWS target groups (hashicorp/aws 5.x `aws_lb_target_group`): the ALB routing algorithm
 * (real-systems.md §4.3), health check, stickiness, slow start, deregistration delay and the unhealthy-state
 * routing that mirrors a panic threshold; and the registration of the lab's targets by IP address.
 * Simplifies: ALB has no per-target weights and no hashing; NLB target groups always hash flows.
 */
import { resolveHealthCheck } from '../../scenario/health-presets.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { isIpv4, splitAddress, targetAddress } from '../address.ts';
import type { NotExported } from '../notes.ts';
import { hasHealthMechanism, type GroupRef } from '../plan.ts';
import { weightsEqual } from '../weights.ts';
import { awsName, expr, tfName, type Hcl } from './hcl.ts';

/** The layer and listener protocol a group is reached with (from the first balancer that forwards to it). */
export function groupProtocol(scenario: Scenario, groupId: string): { layer: 4 | 7; protocol: 'HTTP' | 'TCP' | 'UDP'; balancer: number } {
  for (const [bi, b] of scenario.balancers.entries()) {
    for (const l of b.listeners) {
      const ids = [...l.rules.map((r) => r.forward), l.defaultForward, ...(l.weightedForward ?? []).map((w) => w.group)];
      if (ids.includes(groupId)) return { layer: b.layer, protocol: b.layer === 7 ? 'HTTP' : l.protocol === 'udp' ? 'UDP' : 'TCP', balancer: bi };
    }
  }
  return { layer: 7, protocol: 'HTTP', balancer: -1 };
}

function algorithm(ref: GroupRef, notes: NotExported): string {
  const { group, path } = ref;
  const nearest: Record<string, string> = {
    'round-robin': 'round_robin',
    'weighted-round-robin': 'round_robin',
    'least-outstanding-requests': 'least_outstanding_requests',
    'least-connections': 'least_outstanding_requests',
    random: 'weighted_random',
    'power-of-two-choices': 'least_outstanding_requests',
    'peak-ewma': 'least_outstanding_requests',
    'least-response-time': 'least_outstanding_requests',
  };
  const algo = nearest[group.algorithm] ?? 'round_robin';
  if (!['round-robin', 'least-outstanding-requests'].includes(group.algorithm)) {
    const hash = ['ip-hash', 'hash', 'consistent-hash', 'maglev', 'flow-hash'].includes(group.algorithm);
    notes.add(`${path}.algorithm "${group.algorithm}"`, hash ? 'ALB does not hash requests to targets; exported as round_robin (stickiness is the nearest way to pin clients)' : `ALB offers round_robin, least_outstanding_requests and weighted_random; nearest: ${algo}`);
  }
  if (!weightsEqual(group.targets.map((t) => t.weight))) notes.add(`${path}.targets[*].weight`, 'ALB and NLB target groups have no per-target weights');
  return algo;
}

function healthCheck(h: Hcl, ref: GroupRef, layer: 4 | 7, notes: NotExported): void {
  const { group, path } = ref;
  if (!group.healthCheck) {
    notes.add(`${path}.healthCheck`, 'absent in the lab (every target healthy), but AWS always checks targets: the AWS defaults apply');
    return;
  }
  const hc = resolveHealthCheck(group.healthCheck);
  const at = `${path}.healthCheck`;
  const clamp = (v: number, lo: number, hi: number, field: string) => {
    const c = Math.min(hi, Math.max(lo, v));
    if (c !== v) notes.add(`${at}.${field}`, `AWS allows ${lo}–${hi}: ${v} became ${c}`);
    return c;
  };
  h.block('health_check', `${at}`, () => {
    h.attr('enabled', true, at);
    h.attr('protocol', hc.protocol === 'http' ? 'HTTP' : 'TCP', `${at}.protocol "${hc.protocol}"`);
    if (hc.protocol === 'http') h.attr('path', hc.path, `${at}.path`);
    h.attr('port', 'traffic-port', '(the target\'s own port, as the lab probes it)');
    h.attr('interval', clamp(Math.round(hc.intervalSec), 5, 300, 'intervalSec'), `${at}.intervalSec`);
    h.attr('timeout', clamp(Math.round(hc.timeoutSec), 2, 120, 'timeoutSec'), `${at}.timeoutSec`);
    h.attr('healthy_threshold', clamp(hc.healthyThreshold, 2, 10, 'healthyThreshold'), `${at}.healthyThreshold`);
    h.attr('unhealthy_threshold', clamp(hc.unhealthyThreshold, 2, 10, 'unhealthyThreshold'), `${at}.unhealthyThreshold`);
    if (hc.protocol === 'http') h.attr('matcher', hc.successCodes, `${at}.successCodes`);
  });
  if (hc.model === 'rise-fall') notes.add(`${at}.model "rise-fall"`, 'AWS counts consecutive results (HAProxy\'s rise/fall counter does not exist there)');
  if (hc.jitterPercent > 0) notes.add(`${at}.jitterPercent`, 'AWS sets no jitter');
  if (hc.fastIntervalSec !== hc.intervalSec || hc.downIntervalSec !== hc.intervalSec) notes.add(`${at}.fastIntervalSec, downIntervalSec`, 'AWS checks at one interval');
  if (hc.failFastOnBadStatus) notes.add(`${at}.failFastOnBadStatus`, 'AWS always waits for unhealthyThreshold failures');
  if (hc.deep) notes.add(`${at}.deep`, 'how deep a check goes is up to the application behind the checked path');
  if (layer === 4 && hc.protocol === 'http') notes.add(`${at}.protocol`, 'kept as an HTTP check on a TCP target group, which NLB allows');
}

function stickiness(h: Hcl, ref: GroupRef, layer: 4 | 7, notes: NotExported): void {
  const s = ref.group.stickiness;
  const at = `${ref.path}.stickiness`;
  if (!s) return;
  if (s.kind === 'source-ip' && layer === 7) {
    notes.add(at, 'source_ip stickiness is for NLB target groups; an ALB has lb_cookie and app_cookie');
    return;
  }
  if (s.kind !== 'source-ip' && layer === 4) {
    notes.add(at, 'cookie stickiness is for ALB target groups; an NLB has source_ip');
    return;
  }
  h.block('stickiness', at, () => {
    h.attr('enabled', true, at);
    h.attr('type', s.kind === 'lb-cookie' ? 'lb_cookie' : s.kind === 'app-cookie' ? 'app_cookie' : 'source_ip', `${at}.kind "${s.kind}"`);
    if (s.kind !== 'source-ip') h.attr('cookie_duration', Math.round(s.durationSec), `${at}.durationSec`);
    if (s.kind === 'app-cookie') h.attr('cookie_name', 'SESSIONID', '(the application\'s cookie: the lab does not name it)');
  });
}

/** Writes the target group and (for groups no scaling group owns) the registration of its targets. */
export function writeTargetGroup(h: Hcl, scenario: Scenario, ref: GroupRef, notes: NotExported): void {
  const { group, path, index: gi } = ref;
  const { layer, protocol } = groupProtocol(scenario, group.id);
  const name = tfName(group.id);
  const first = splitAddress(targetAddress(group.targets[0], gi, 0).address);
  h.block(`resource "aws_lb_target_group" "${name}"`, `${path} "${group.id}"`, () => {
    h.attr('name', awsName(group.id), `${path}.id`);
    h.attr('port', first.port, `${path}.targets[0].address (port)`);
    h.attr('protocol', protocol, `layer ${layer} (the balancer that forwards here)`);
    h.attr('target_type', 'ip', '(the lab\'s targets are addresses)');
    h.attr('vpc_id', expr('var.vpc_id'), '(where the targets live: not in the lab)');
    if (layer === 7) h.attr('load_balancing_algorithm_type', algorithm(ref, notes), `${path}.algorithm "${group.algorithm}"`);
    else if (group.algorithm !== 'flow-hash') notes.add(`${path}.algorithm "${group.algorithm}"`, 'an NLB always picks by a flow hash of the connection');
    h.attr('deregistration_delay', Math.round(group.deregistrationDelaySec), `${path}.deregistrationDelaySec`);
    const s = group.slowStart;
    if (s && layer === 7 && group.algorithm !== 'least-outstanding-requests') {
      const sec = Math.min(900, Math.max(30, Math.round(s.kind === 'linear' ? s.durationSec : s.windowSec)));
      h.attr('slow_start', sec, `${path}.slowStart${s.kind === 'envoy' ? '.windowSec (Envoy\'s curve becomes linear)' : '.durationSec'}`);
      if (s.kind === 'envoy') notes.add(`${path}.slowStart`, 'ALB slow start is linear from 0: Envoy\'s aggression and minimum weight are not exported');
    } else if (s) notes.add(`${path}.slowStart`, layer === 4 ? 'NLB has no slow start' : 'ALB does not allow slow start with least_outstanding_requests');
    if (group.whenAllUnhealthy === 'panic') {
      h.block('target_group_health', `${path}.whenAllUnhealthy "panic"`, () => {
        h.block('unhealthy_state_routing', undefined, () => {
          h.attr('minimum_healthy_targets_percentage', String(Math.max(1, Math.round(group.panicThresholdPercent))), `${path}.panicThresholdPercent: below it, route to all targets`);
        });
      });
    }
    healthCheck(h, ref, layer, notes);
    stickiness(h, ref, layer, notes);
  });
  if (group.whenAllUnhealthy === 'refuse' && hasHealthMechanism(group)) notes.add(`${path}.whenAllUnhealthy "refuse"`, 'ELB always fails open: with no healthy target it routes to all of them');
  if (group.passiveHealth) notes.add(`${path}.passiveHealth`, 'ELB judges targets only by its active health checks');
  if (group.retries) notes.add(`${path}.retries`, 'ALB does not retry a request on another target');
  if (group.circuitBreaker) notes.add(`${path}.circuitBreaker`, 'ELB has no circuit breaker');
  if (group.hashKey !== 'client-ip') notes.add(`${path}.hashKey`, 'ELB does not hash requests');
  if (group.requestTimeoutMs !== 60_000) notes.add(`${path}.requestTimeoutMs`, 'ALB has one idle timeout per load balancer (idle_timeout), not a request timeout per target group');

  const owned = scenario.scalingGroups.some((s) => s.targetGroup === group.id);
  if (owned) {
    notes.add(`${path}.targets`, 'this group\'s instances are launched by its Auto Scaling group, which registers them itself');
    return;
  }
  group.targets.forEach((t, ti) => {
    const { address, from } = targetAddress(t, gi, ti);
    const hp = splitAddress(address);
    if (!isIpv4(hp.host)) notes.add(`${path}.targets[${ti}].address`, `"${address}" is not an IPv4 address; an "ip" target group needs one`);
    h.blank();
    h.block(`resource "aws_lb_target_group_attachment" "${name}_${tfName(t.id)}"`, `${path}.targets[${ti}] "${t.id}"`, () => {
      h.attr('target_group_arn', expr(`aws_lb_target_group.${name}.arn`), path);
      h.attr('target_id', hp.host, from);
      h.attr('port', hp.port, from);
    });
  });
}

/**
 * Terraform for AWS Elastic Load Balancing (hashicorp/aws 5.x): an `aws_lb` per balancer (ALB for layer 7, NLB
 * for layer 4), an `aws_lb_listener` per listener with its default action (forward, weighted forward, or 404),
 * and an `aws_lb_listener_rule` per rule, with the rule's position as its priority (real-systems.md §4.5).
 * Simplifies: a cookie condition becomes a wildcard match on the Cookie header.
 */
import type { Scenario } from '../../scenario/schema.ts';
import type { NotExported } from '../notes.ts';
import { awsName, expr, tfName, type Hcl } from './hcl.ts';

function listenerProtocol(layer: 4 | 7, protocol: string, passthrough: boolean): string {
  if (layer === 7) return protocol === 'https' ? 'HTTPS' : 'HTTP';
  if (protocol === 'udp') return 'UDP';
  return protocol === 'tls' && !passthrough ? 'TLS' : 'TCP';
}

function tgArn(id: string) {
  return expr(`aws_lb_target_group.${tfName(id)}.arn`);
}

function writeRules(h: Hcl, bi: number, li: number, scenario: Scenario, resource: string, notes: NotExported): void {
  const l = scenario.balancers[bi].listeners[li];
  l.rules.forEach((rule, r) => {
    const at = `balancers[${bi}].listeners[${li}].rules[${r}]`;
    const m = rule.match;
    h.blank();
    h.block(`resource "aws_lb_listener_rule" "${resource}_r${r}"`, at, () => {
      h.attr('listener_arn', expr(`aws_lb_listener.${resource}.arn`), `balancers[${bi}].listeners[${li}]`);
      h.attr('priority', r + 1, `${at} (its position: rules are tried in list order)`);
      h.block('action', `${at}.forward`, () => {
        h.attr('type', 'forward');
        h.attr('target_group_arn', tgArn(rule.forward), `${at}.forward "${rule.forward}"`);
      });
      if (m.pathPrefix !== undefined) {
        if (/[*?]/.test(m.pathPrefix)) notes.add(`${at}.match.pathPrefix`, 'ALB path patterns read * and ? as wildcards; the lab takes them literally');
        h.block('condition', `${at}.match.pathPrefix`, () => h.block('path_pattern', undefined, () => h.attr('values', [`${m.pathPrefix}*`], `${at}.match.pathPrefix "${m.pathPrefix}" (a prefix: pattern + *)`)));
      }
      if (m.host !== undefined) h.block('condition', `${at}.match.host`, () => h.block('host_header', undefined, () => h.attr('values', [m.host!], `${at}.match.host`)));
      if (m.header !== undefined) {
        h.block('condition', `${at}.match.header`, () => h.block('http_header', undefined, () => {
          h.attr('http_header_name', m.header!.name, `${at}.match.header.name`);
          h.attr('values', [m.header!.value], `${at}.match.header.value`);
        }));
      }
      if (m.cookie !== undefined) {
        notes.add(`${at}.match.cookie`, 'ALB has no cookie condition: approximated by a case-insensitive wildcard match on the whole Cookie header');
        h.block('condition', `${at}.match.cookie≈`, () => h.block('http_header', undefined, () => {
          h.attr('http_header_name', 'Cookie', `${at}.match.cookie`);
          h.attr('values', [`*${m.cookie!.name}=${m.cookie!.value}*`], `${at}.match.cookie.name, .value`);
        }));
      }
    });
  });
}

/** Writes the load balancer, its listeners and their rules. */
export function writeLoadBalancer(h: Hcl, scenario: Scenario, bi: number, notes: NotExported): void {
  const b = scenario.balancers[bi];
  const at = `balancers[${bi}]`;
  const name = tfName(b.id);
  h.block(`resource "aws_lb" "${name}"`, `${at} "${b.id}"`, () => {
    h.attr('name', awsName(b.id), `${at}.id`);
    h.attr('load_balancer_type', b.layer === 7 ? 'application' : 'network', `${at}.layer ${b.layer}`);
    h.attr('internal', false, '(clients come from the internet)');
    h.attr('subnets', expr('var.subnet_ids'), b.zones ? `${at}.zones: one subnet per zone (${b.zones.join(', ')})` : '(the lab\'s balancer has no zones: give at least two subnets, as AWS requires for an ALB)');
    if (b.layer === 4) h.attr('enable_cross_zone_load_balancing', b.crossZone ?? false, `${at}.crossZone${b.crossZone === undefined ? ' (layer 4 default: off)' : ''}`);
    if (b.layer === 7) {
      const groups = new Set(b.listeners.flatMap((l) => [...l.rules.map((r) => r.forward), l.defaultForward, ...(l.weightedForward ?? []).map((w) => w.group)]));
      // 0 (no timeout) asks for the longest an ALB allows, 4,000 s
      const timeouts = scenario.targetGroups.filter((g) => groups.has(g.id)).map((g) => (g.requestTimeoutMs === 0 ? 4_000_000 : g.requestTimeoutMs));
      const sec = Math.min(4000, Math.max(1, Math.round(Math.max(60_000, ...timeouts) / 1000)));
      h.attr('idle_timeout', sec, 'the longest requestTimeoutMs of the groups it forwards to (at least ALB\'s default 60 s; 0, no timeout, as ALB\'s longest, 4000 s)');
    }
    if (b.crossZone === false && b.layer === 7) notes.add(`${at}.crossZone`, 'an ALB always balances across zones (a target group can opt out with load_balancing_cross_zone_enabled)');
  });
  if (b.layer === 4) notes.add(`${at}.idleTimeoutSec`, 'set per listener on an NLB (tcp_idle_timeout_seconds, provider 5.60+); the default is 350 s');
  if (b.standby) notes.add(`${at}.standby`, 'an ELB is managed and runs several nodes; there is no standby to configure');
  if (b.capacity) notes.add(`${at}.capacity`, 'an ELB scales its own capacity (pre-warming is a support request or an LCU reservation)');
  if (b.rateLimit) notes.add(`${at}.rateLimit`, 'needs AWS WAF (aws_wafv2_web_acl with a rate_based_statement), not exported');
  if (b.waf) notes.add(`${at}.waf`, 'needs AWS WAF (aws_wafv2_web_acl with managed rule groups), not exported');
  if (b.region !== 'default') notes.add(`${at}.region "${b.region}"`, 'the provider\'s region decides where resources go: use one provider alias per region');
  if (b.nodeTtlSec !== 60) notes.add(`${at}.nodeTtlSec`, 'an ELB\'s DNS name has a fixed 60 s TTL');

  b.listeners.forEach((l, li) => {
    const lat = `${at}.listeners[${li}]`;
    const resource = `${name}_${l.port}`;
    const passthrough = l.tls?.mode === 'passthrough';
    const protocol = listenerProtocol(b.layer, l.protocol, passthrough);
    h.blank();
    h.block(`resource "aws_lb_listener" "${resource}"`, `${lat} (port ${l.port})`, () => {
      h.attr('load_balancer_arn', expr(`aws_lb.${name}.arn`), at);
      h.attr('port', l.port, `${lat}.port`);
      h.attr('protocol', protocol, `${lat}.protocol "${l.protocol}"${passthrough ? ', .tls.mode "passthrough"' : ''}`);
      if (protocol === 'HTTPS' || protocol === 'TLS') {
        h.attr('certificate_arn', expr('var.certificate_arn'), '(the lab has no certificates)');
        h.attr('ssl_policy', 'ELBSecurityPolicy-TLS13-1-2-2021-06', '(AWS\'s recommended policy)');
      }
      h.block('default_action', l.weightedForward ? `${lat}.weightedForward` : l.defaultForward ? `${lat}.defaultForward` : `${lat}: no defaultForward (404)`, () => {
        if (l.weightedForward) {
          h.attr('type', 'forward');
          h.block('forward', undefined, () => {
            l.weightedForward!.forEach((w, wi) => h.block('target_group', `${lat}.weightedForward[${wi}]`, () => {
              h.attr('arn', tgArn(w.group), `${lat}.weightedForward[${wi}].group`);
              h.attr('weight', w.weight, `${lat}.weightedForward[${wi}].weight`);
            }));
          });
        } else if (l.defaultForward) {
          h.attr('type', 'forward');
          h.attr('target_group_arn', tgArn(l.defaultForward), `${lat}.defaultForward "${l.defaultForward}"`);
        } else {
          h.attr('type', 'fixed-response');
          h.block('fixed_response', undefined, () => {
            h.attr('content_type', 'text/plain');
            h.attr('status_code', '404', '(the lab\'s no-route answer)');
          });
        }
      });
    });
    writeRules(h, bi, li, scenario, resource, notes);
  });
}

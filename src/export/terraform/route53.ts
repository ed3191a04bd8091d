/**
 * Terraform for Amazon Route 53 (hashicorp/aws 5.x): one alias record per DNS record of the scenario, pointing
 * at its load balancer with the routing policy (real-systems.md §5.1), and a Route 53 health check for each
 * checked record. Simplifies: an alias record has no TTL of its own (ELB's is 60 s), and alias records cannot use
 * the multivalue policy.
 */
import type { Scenario } from '../../scenario/schema.ts';
import type { NotExported } from '../notes.ts';
import { expr, tfName, type Hcl } from './hcl.ts';

export function writeDns(h: Hcl, scenario: Scenario, notes: NotExported): void {
  const dns = scenario.dns;
  if (!dns) return;
  notes.add('dns.ttlSec', 'alias records to a load balancer take its TTL (60 s) and have none of their own');
  notes.add('dns.resolvers', 'the resolvers belong to the clients\' networks, not to AWS');
  if (Object.keys(dns.latencyMs).length > 0) notes.add('dns.latencyMs', 'Route 53 measures latency itself');
  notes.add('dns.healthChecks.checkers', 'Route 53 chooses its checker locations (at least 3 regions, each with several checkers)');
  if (dns.policy === 'multivalue') notes.add('dns.policy "multivalue"', 'alias records cannot use multivalue answers: exported as weighted records of equal weight');
  if (dns.policy === 'simple' && dns.records.length > 1) notes.add('dns.records', 'a simple alias record points at one target: only the first record is exported');
  const records = dns.policy === 'simple' ? dns.records.slice(0, 1) : dns.records;
  records.forEach((r, ri) => {
    const at = `dns.records[${ri}]`;
    const bi = scenario.balancers.findIndex((b) => b.id === r.balancer);
    const b = scenario.balancers[bi];
    const lb = tfName(b.id);
    const name = tfName(r.id);
    const checked = dns.policy !== 'simple' && r.healthCheck !== false;
    if (checked) {
      const l = b.listeners[0];
      h.blank();
      h.block(`resource "aws_route53_health_check" "${name}"`, `${at}.healthCheck`, () => {
        h.attr('fqdn', expr(`aws_lb.${lb}.dns_name`), `${at}.balancer "${r.balancer}"`);
        h.attr('port', l.port, `balancers[${bi}].listeners[0].port`);
        h.attr('type', b.layer === 4 ? 'TCP' : l.protocol === 'https' ? 'HTTPS' : 'HTTP', `balancers[${bi}].listeners[0].protocol`);
        if (b.layer === 7) h.attr('resource_path', '/', '(the balancer\'s default route)');
        h.attr('request_interval', dns.healthChecks.intervalSec, 'dns.healthChecks.intervalSec');
        h.attr('failure_threshold', dns.healthChecks.failureThreshold, 'dns.healthChecks.failureThreshold');
      });
    }
    h.blank();
    h.block(`resource "aws_route53_record" "${name}"`, at, () => {
      h.attr('zone_id', expr('var.route53_zone_id'), '(the hosted zone: not in the lab)');
      h.attr('name', dns.name, 'dns.name');
      h.attr('type', 'A', '(an alias to a load balancer)');
      if (dns.policy !== 'simple') h.attr('set_identifier', r.id, `${at}.id`);
      h.block('alias', `${at}.balancer "${r.balancer}"`, () => {
        h.attr('name', expr(`aws_lb.${lb}.dns_name`), `${at}.balancer`);
        h.attr('zone_id', expr(`aws_lb.${lb}.zone_id`), `${at}.balancer`);
        h.attr('evaluate_target_health', checked, checked ? `${at}.healthCheck (the record is healthy while its balancer has healthy targets)` : `${at}: not checked`);
      });
      if (dns.policy === 'weighted' || dns.policy === 'multivalue') {
        h.block('weighted_routing_policy', `dns.policy "${dns.policy}"`, () => h.attr('weight', dns.policy === 'weighted' ? r.weight ?? 1 : 1, dns.policy === 'weighted' ? `${at}.weight` : '(equal weights)'));
      } else if (dns.policy === 'failover') {
        const role = r.failover ?? (ri === 0 ? 'primary' : 'secondary');
        h.block('failover_routing_policy', 'dns.policy "failover"', () => h.attr('type', role.toUpperCase(), `${at}.failover${r.failover ? '' : ` (default for record ${ri})`}`));
      } else if (dns.policy === 'latency') {
        h.block('latency_routing_policy', 'dns.policy "latency"', () => h.attr('region', b.region, `balancers[${bi}].region (must be an AWS region name)`));
      } else if (dns.policy === 'geolocation') {
        const loc = r.location;
        h.block('geolocation_routing_policy', 'dns.policy "geolocation"', () => {
          if (loc === undefined || loc === 'default') h.attr('country', '*', loc === 'default' ? `${at}.location "default"` : `${at}: no location (matches nothing in the lab; exported as the default)`);
          else if (loc.country) h.attr('country', loc.country, `${at}.location.country`);
          else h.attr('continent', loc.continent ?? 'NA', `${at}.location.continent`);
        });
        if (loc === undefined) notes.add(`${at}.location`, 'a record without a location never matches in the lab; Route 53 needs one, so it was exported as the default location');
      }
      if (checked) h.attr('health_check_id', expr(`aws_route53_health_check.${name}.id`), `${at}.healthCheck`);
    });
  });
}

/**
 * Terraform (hashicorp/aws provider 5.x) for the whole scenario on AWS: every balancer as an ALB or NLB with its
 * listeners and rules, every target group with its health check and stickiness, the Auto Scaling groups and
 * their policies, and the Route 53 records with their health checks. Networking, the AMI and the certificate are
 * variables: the lab does not describe them.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { headerComment, NotExported } from '../notes.ts';
import { noteServers, noteWorld } from '../plan.ts';
import type { ExportResult } from '../types.ts';
import { writeScalingGroup } from './autoscaling.ts';
import { expr, Hcl } from './hcl.ts';
import { writeLoadBalancer } from './load-balancer.ts';
import { writeDns } from './route53.ts';
import { writeTargetGroup } from './target-group.ts';

function variable(h: Hcl, name: string, type: string, description: string, from: string): void {
  h.blank();
  h.block(`variable "${name}"`, from, () => {
    h.attr('type', expr(type));
    h.attr('description', description);
  });
}

export function exportTerraform(scenario: Scenario): ExportResult {
  const notes = new NotExported();
  noteWorld(scenario, notes);
  const h = new Hcl();
  h.block('terraform', '(the providers this file needs)', () => {
    h.block('required_providers', undefined, () => {
      h.block('aws =', undefined, () => {
        h.attr('source', 'hashicorp/aws');
        h.attr('version', '>= 5.50', '(target_group_health and the ALB algorithms need a recent provider)');
      });
    });
  });
  variable(h, 'vpc_id', 'string', 'The VPC of the targets', '(the lab has no networks)');
  const zones = [...new Set(scenario.balancers.flatMap((b) => b.zones ?? []))];
  variable(h, 'subnet_ids', 'list(string)', zones.length > 0 ? `One subnet per zone: ${zones.join(', ')}` : 'At least two subnets in different zones', zones.length > 0 ? 'balancers[*].zones' : '(the lab\'s balancers have no zones)');
  if (scenario.balancers.some((b) => b.listeners.some((l) => (l.protocol === 'https' || l.protocol === 'tls') && l.tls?.mode !== 'passthrough'))) {
    variable(h, 'certificate_arn', 'string', 'The ACM certificate of the HTTPS and TLS listeners', 'balancers[*].listeners[*].protocol');
  }
  if (scenario.scalingGroups.length > 0) variable(h, 'ami_id', 'string', 'The machine image the Auto Scaling groups launch', 'scalingGroups');
  if (scenario.dns) variable(h, 'route53_zone_id', 'string', `The hosted zone of ${scenario.dns.name}`, 'dns.name');

  scenario.balancers.forEach((_, bi) => {
    h.blank();
    writeLoadBalancer(h, scenario, bi, notes);
  });
  scenario.targetGroups.forEach((group, gi) => {
    const ref = { index: gi, group, path: `targetGroups[${gi}]` };
    noteServers(ref, notes);
    if (group.targets.some((t) => t.zone)) notes.add(`targetGroups[${gi}].targets[*].zone`, 'an IP target\'s zone is the zone of its subnet');
    h.blank();
    writeTargetGroup(h, scenario, ref, notes);
  });
  scenario.scalingGroups.forEach((_, si) => writeScalingGroup(h, scenario, si, notes));
  writeDns(h, scenario, notes);
  scenario.deployments.forEach((d, di) => notes.add(`deployments[${di}] "${d.id}"`, `timed weight shifts between "${d.from}" and "${d.to}" need a release tool (AWS CodeDeploy, or changing the listener's forward weights)`));

  const notExported = notes.list();
  const head = headerComment('#', [
    `Terraform for AWS (hashicorp/aws 5.x) exported by Balancer Lab from the scenario "${scenario.name}".`,
    'Each line names, in its comment, the lab setting it comes from. Check it with: terraform init && terraform validate',
  ], notExported);
  return { text: head.join('\n') + '\n' + h.out.toString(), notExported };
}

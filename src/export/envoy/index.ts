/**
 * An Envoy bootstrap (v3 API, `static_resources`) for one balancer of a scenario: a listener per lab listener
 * and a cluster per target group (real-systems.md §3). Envoy has no modulo hash, no per-client rate limit of
 * its own and no error-rate circuit breaker; those are listed at the top of the file.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { headerComment, NotExported } from '../notes.ts';
import { noteBalancerMachine, noteOtherBalancers, noteServers, noteWorld, planBalancer } from '../plan.ts';
import type { ExportOptions, ExportResult } from '../types.ts';
import { cluster } from './cluster.ts';
import { listener } from './listener.ts';
import { toYaml, YamlList, ymap } from './yaml.ts';

export function exportEnvoy(scenario: Scenario, options: ExportOptions = {}): ExportResult {
  const plan = planBalancer(scenario, options.balancer);
  const b = plan.balancer;
  const notes = new NotExported();
  noteWorld(scenario, notes);
  noteOtherBalancers(scenario, plan, 'Envoy', notes);
  noteBalancerMachine(plan, 'Envoy', notes);
  if (scenario.dns) notes.add('dns', 'Route 53 answers DNS queries before any request reaches Envoy');
  if (scenario.scalingGroups.length > 0) notes.add('scalingGroups', 'EC2 Auto Scaling launches and terminates machines; static endpoints do not follow it (EDS would)');
  scenario.deployments.forEach((d, di) => {
    if (d.balancer === b.id) notes.add(`deployments[${di}] "${d.id}"`, `Envoy has no timed traffic shifts: change the weighted_clusters between "${d.from}" and "${d.to}" (or use runtime fractions)`);
  });
  if (b.rateLimit) notes.add(`${plan.path}.rateLimit`, 'Envoy\'s local_ratelimit filter keeps one token bucket per listener or route, not one per client address');
  const certDir = options.paths?.certDir ?? '/etc/envoy/certs';
  const listeners = new YamlList();
  for (const l of plan.listeners) listeners.push(listener(plan, l, certDir, notes));
  const clusters = new YamlList();
  for (const g of plan.groups) {
    noteServers(g, notes);
    clusters.push(cluster(plan, g, notes));
  }
  const root = ymap(['static_resources', ymap(['listeners', listeners, `${plan.path}.listeners`], ['clusters', clusters, 'targetGroups'])]);
  const notExported = notes.list();
  const head = headerComment('#', [
    `Envoy bootstrap (v3 API, static_resources) exported by Balancer Lab from the scenario "${scenario.name}"`,
    `balancer ${plan.path} "${b.id}" (layer ${b.layer}). Each entry names, in its comment, the lab setting it comes from.`,
    'Check it with: envoy --mode validate -c <this file>',
  ], notExported);
  return { text: head.join('\n') + '\n' + toYaml(root), notExported };
}

/**
 * A complete HAProxy configuration (2.6 as in Debian 12, or later) for one balancer of a scenario: one
 * frontend per listener, one backend per target group (real-systems.md §2). What HAProxy lacks (fail-open,
 * circuit breakers, Maglev, ip_hash's three octets) is listed at the top of the file.
 */
import { resolveHealthCheck } from '../../scenario/health-presets.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { ConfigText } from '../config-text.ts';
import { headerComment, NotExported } from '../notes.ts';
import { noteBalancerMachine, noteOtherBalancers, noteServers, noteWorld, planBalancer } from '../plan.ts';
import type { ExportOptions, ExportResult } from '../types.ts';
import { writeBackend } from './backend.ts';
import { NO_ROUTE_BACKEND, writeFrontend } from './frontend.ts';

export function exportHaproxy(scenario: Scenario, options: ExportOptions = {}): ExportResult {
  const plan = planBalancer(scenario, options.balancer);
  const b = plan.balancer;
  const notes = new NotExported();
  noteWorld(scenario, notes);
  noteOtherBalancers(scenario, plan, 'HAProxy', notes);
  noteBalancerMachine(plan, 'HAProxy', notes);
  if (scenario.dns) notes.add('dns', 'Route 53 answers DNS queries before any request reaches HAProxy');
  if (scenario.scalingGroups.length > 0) notes.add('scalingGroups', 'EC2 Auto Scaling launches and terminates machines; HAProxy only lists the servers it knows');
  scenario.deployments.forEach((d, di) => {
    if (d.balancer === b.id) notes.add(`deployments[${di}] "${d.id}"`, `HAProxy has no timed traffic shifts: change the listener's weights between "${d.from}" and "${d.to}" by hand (or with the runtime API)`);
  });
  plan.groups.forEach((g) => noteServers(g, notes));
  const certDir = options.paths?.certDir ?? '/etc/haproxy/certs';

  const body = new ConfigText();
  body.line(0, 'global', '(process-wide settings)');
  const jitters = plan.groups.flatMap((g) => (g.group.healthCheck ? [{ g, j: resolveHealthCheck(g.group.healthCheck).jitterPercent }] : [])).filter((x) => x.j > 0);
  if (jitters.length > 0) {
    const j = Math.min(50, Math.max(...jitters.map((x) => x.j)));
    body.line(1, `spread-checks ${Math.round(j)}`, `${jitters.map((x) => `${x.g.path}.healthCheck.jitterPercent`).join(', ')} (one value for every backend)`);
  }
  body.line(1, 'log stdout format raw local0', '(logs go to standard output)');
  body.blank();
  body.line(0, 'defaults', '(settings every section starts from)');
  body.line(1, 'log global', '(log requests)');
  body.line(1, `option ${b.layer === 7 ? 'httplog' : 'tcplog'}`, `${plan.path}.layer ${b.layer}`);
  body.line(1, 'timeout connect 5s', '(HAProxy needs it; in the lab a target accepts or refuses a connection within one hop, never leaving it unanswered)');
  body.line(1, 'timeout client 60s', '(HAProxy needs it; the lab\'s clients wait as long as the request timeout)');
  body.line(1, 'timeout server 60s', '(each backend sets its own below)');
  body.blank();
  for (const l of plan.listeners) {
    writeFrontend(body, plan, l, certDir, notes);
    body.blank();
  }
  for (const g of plan.groups) {
    writeBackend(body, g, b.layer, notes);
    body.blank();
  }
  if (plan.listeners.some((l) => !l.listener.defaultForward && !l.listener.weightedForward)) {
    body.line(0, `backend ${NO_ROUTE_BACKEND}`, 'listeners without defaultForward: no rule matched');
    body.line(1, 'mode http', '(layer 7)');
    body.line(1, 'http-request return status 404', '(the lab answers no-route with 404)');
  }
  const notExported = notes.list();
  const head = headerComment('#', [
    `HAProxy configuration exported by Balancer Lab from the scenario "${scenario.name}"`,
    `for HAProxy 2.6 or later (Debian 12); balancer ${plan.path} "${b.id}" (layer ${b.layer}).`,
    'Each line names, in its comment, the lab setting it comes from. Check it with: haproxy -c -f <this file>',
  ], notExported);
  return { text: head.join('\n') + '\n' + body.toString(), notExported };
}

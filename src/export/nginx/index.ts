/**
 * A complete nginx configuration (open source, 1.22 as in Debian 12, or later) for one balancer of a scenario:
 * layer 7 in `http`, layer 4 in `stream`. Mirrors real-systems.md §1; what nginx open source lacks (active
 * health checks, slow start, sticky cookies, fail-open) is listed at the top of the file.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { ConfigText } from '../config-text.ts';
import { headerComment, NotExported } from '../notes.ts';
import { hasHealthMechanism, noteBalancerMachine, noteOtherBalancers, noteServers, noteWorld, planBalancer, type GroupRef } from '../plan.ts';
import type { ExportOptions, ExportResult } from '../types.ts';
import { writeRouting, type Route } from './routing.ts';
import { writeHttpServer, writeStreamServer } from './server.ts';
import { writeUpstream } from './upstream.ts';

/** Debian and Ubuntu build the stream module as a dynamic module (package libnginx-mod-stream). */
export const NGINX_STREAM_MODULE = '/usr/lib/nginx/modules/ngx_stream_module.so';

/** The access-log format: combined plus $upstream_addr, which `src/import` reads back. */
const LOG_FORMAT = `'$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $upstream_addr'`;

function noteGroup(ref: GroupRef, notes: NotExported): void {
  const { group, path } = ref;
  noteServers(ref, notes);
  if (group.slowStart) notes.add(`${path}.slowStart`, '`slow_start=` is NGINX Plus only');
  if (group.circuitBreaker) notes.add(`${path}.circuitBreaker`, 'nginx has no circuit breaker (passive max_fails is the nearest)');
  if (group.stickiness) notes.add(`${path}.stickiness`, '`sticky` is NGINX Plus only before nginx 1.29.6; nearest in 1.22: `hash $cookie_<name> consistent` or `ip_hash` instead of the algorithm');
  notes.add(`${path}.deregistrationDelaySec`, 'nginx has no draining delay: mark the server `down` and reload; old workers finish their requests');
  if (group.whenAllUnhealthy !== 'refuse' && hasHealthMechanism(group)) notes.add(`${path}.whenAllUnhealthy "${group.whenAllUnhealthy}"`, 'nginx never routes to failed servers: with every server unavailable it answers 502 ("no live upstreams")');
}

export function exportNginx(scenario: Scenario, options: ExportOptions = {}): ExportResult {
  const plan = planBalancer(scenario, options.balancer);
  const b = plan.balancer;
  const notes = new NotExported();
  noteWorld(scenario, notes);
  noteOtherBalancers(scenario, plan, 'nginx', notes);
  noteBalancerMachine(plan, 'nginx', notes);
  if (scenario.dns) notes.add('dns', 'Route 53 answers DNS queries before any request reaches nginx');
  if (scenario.scalingGroups.length > 0) notes.add('scalingGroups', 'EC2 Auto Scaling launches and terminates machines; nginx only lists the servers it knows');
  scenario.deployments.forEach((d, di) => {
    if (d.balancer === b.id) notes.add(`deployments[${di}] "${d.id}"`, `nginx has no timed traffic shifts: change the weights of the listener's split_clients between "${d.from}" and "${d.to}" by hand and reload`);
  });
  plan.groups.forEach((g) => noteGroup(g, notes));
  if (b.rateLimit && b.layer === 4) notes.add(`${plan.path}.rateLimit`, 'the stream module limits connections, not request rates');

  const certDir = options.paths?.certDir ?? '/etc/nginx/certs';
  const logDir = options.paths?.logDir ?? '/var/log/nginx';
  const body = new ConfigText();
  if (b.layer === 4) {
    body.line(0, `load_module ${NGINX_STREAM_MODULE};`, '(layer 4 needs the stream module; drop this line where it is built in)');
  }
  body.line(0, 'worker_processes auto;', '(each upstream has a `zone`, so every worker shares its algorithm state)');
  body.line(0, 'events { worker_connections 1024; }', '(nginx needs an events block)');
  body.blank();
  const ctx = b.layer === 7 ? 'http' : 'stream';
  body.line(0, `${ctx} {`, `${plan.path} "${b.id}", layer ${b.layer}`);
  if (b.layer === 7) {
    body.line(1, `log_format lab_upstream ${LOG_FORMAT};`, '(combined log format plus the server chosen: Balancer Lab imports this log)');
    body.line(1, `access_log ${logDir}/balancer-lab-${b.id}.access.log lab_upstream;`, '(where requests are logged)');
    if (b.rateLimit) {
      const perMin = b.rateLimit.ratePerSec * 60;
      const rate = Number.isInteger(b.rateLimit.ratePerSec) ? `${b.rateLimit.ratePerSec}r/s` : `${Math.max(1, Math.round(perMin))}r/m`;
      if (!Number.isInteger(b.rateLimit.ratePerSec) && !Number.isInteger(perMin)) notes.add(`${plan.path}.rateLimit.ratePerSec`, 'nginx takes whole requests per second or per minute: rounded');
      body.line(1, `limit_req_zone $binary_remote_addr zone=lab_rate:10m rate=${rate};`, `${plan.path}.rateLimit.ratePerSec ${b.rateLimit.ratePerSec}: a bucket per client address`);
    }
  }
  body.blank();
  const routes: Route[] = [];
  for (const l of plan.listeners) {
    if (b.layer === 7) routes.push(writeRouting(body, 1, l));
    else if (l.listener.weightedForward) {
      const entries = l.listener.weightedForward.filter((w) => w.weight > 0);
      const total = entries.reduce((s, w) => s + w.weight, 0);
      body.line(1, `split_clients "$remote_addr$remote_port" $lab_${l.listener.port}_weighted {`, `${l.path}.weightedForward: one draw per connection`);
      entries.forEach((w, i) => body.line(2, i === entries.length - 1 ? `* ${w.group};` : `${Math.floor((w.weight / total) * 10000) / 100}% ${w.group};`, `${l.path}.weightedForward weight ${w.weight} of ${total}`));
      body.line(1, '}');
    }
  }
  body.blank();
  for (const g of plan.groups) {
    writeUpstream(body, 1, g, b.layer, notes);
    body.blank();
  }
  plan.listeners.forEach((l, i) => {
    if (b.layer === 7) writeHttpServer(body, 1, plan, l, routes[i], certDir, notes);
    else writeStreamServer(body, 1, plan, l, certDir, notes);
    body.blank();
  });
  body.line(0, '}');

  const notExported = notes.list();
  const head = headerComment('#', [
    `nginx configuration exported by Balancer Lab from the scenario "${scenario.name}"`,
    `for nginx open source 1.22 or later (Debian 12); balancer ${plan.path} "${b.id}" (layer ${b.layer}).`,
    'Each line names, in its comment, the lab setting it comes from. Check it with: nginx -t -c <this file>',
  ], notExported);
  return { text: head.join('\n') + '\n' + body.toString(), notExported };
}

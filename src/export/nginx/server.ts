/**
 * nginx (open source 1.22+) `server` blocks for a balancer's listeners: `http` servers for layer 7 (TLS
 * termination, rate limiting, retries, timeouts) and `stream` servers for layer 4. Retry and timeout settings
 * are per location in nginx but per target group in the lab: a listener that reaches several groups takes its
 * default group's values, and a difference is noted.
 */
import type { TargetGroupConfig } from '../../scenario/schema.ts';
import type { ConfigText } from '../config-text.ts';
import type { NotExported } from '../notes.ts';
import type { BalancerPlan, GroupRef, ListenerPlan } from '../plan.ts';
import type { Route } from './routing.ts';
import { LIMITS } from '../../scenario/limits.ts';

/** An nginx time: whole seconds when exact, else milliseconds. */
export function nginxTime(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${Math.max(1, Math.round(ms))}ms`;
}

/** The group whose per-group settings a listener's location takes: its default, else its first group. */
function settingsGroup(plan: ListenerPlan): GroupRef | null {
  const id = plan.listener.defaultForward ?? plan.listener.weightedForward?.[0]?.group;
  return plan.groups.find((g) => g.group.id === id) ?? plan.groups[0] ?? null;
}

function noteDifferences(plan: ListenerPlan, chosen: GroupRef, notes: NotExported): void {
  const same = (a: TargetGroupConfig, b: TargetGroupConfig) => a.requestTimeoutMs === b.requestTimeoutMs && JSON.stringify(a.retries) === JSON.stringify(b.retries);
  for (const g of plan.groups) {
    if (!same(g.group, chosen.group)) notes.add(`${g.path}.requestTimeoutMs, retries`, `nginx sets them per location, and ${plan.path} reaches several groups: it uses those of ${chosen.path} "${chosen.group.id}"`);
  }
}

function tlsEnds(plan: ListenerPlan): boolean {
  const { protocol, tls } = plan.listener;
  return (protocol === 'https' || protocol === 'tls') && tls?.mode !== 'passthrough';
}

function writeListen(out: ConfigText, depth: number, balancer: BalancerPlan, plan: ListenerPlan, certDir: string): void {
  const { listener, path } = plan;
  const ssl = tlsEnds(plan);
  const udp = listener.protocol === 'udp' ? ' udp' : '';
  out.line(depth, `listen ${listener.port}${ssl ? ' ssl' : ''}${udp};`, `${path}.port, .protocol "${listener.protocol}"${ssl ? (listener.tls ? ', .tls.mode "terminate"' : ' (TLS ends at the balancer, as on an ALB HTTPS or NLB TLS listener)') : ''}`);
  if (ssl) {
    const file = `${certDir}/${balancer.balancer.id}.pem`;
    out.line(depth, `ssl_certificate ${file};`, '(the lab has no certificates: put the certificate chain here)');
    out.line(depth, `ssl_certificate_key ${file};`, '(and its private key; one PEM file may hold both)');
  }
}

function writeRetries(out: ConfigText, depth: number, ref: GroupRef, layer: 4 | 7, notes: NotExported): void {
  const r = ref.group.retries;
  if (!r) {
    out.line(depth, 'proxy_next_upstream off;', `${ref.path}: no retries (nginx's default would retry on error and timeout)`);
    return;
  }
  if (layer === 7) out.line(depth, `proxy_next_upstream ${r.on.join(' ')};`, `${ref.path}.retries.on`);
  else {
    out.line(depth, 'proxy_next_upstream on;', `${ref.path}.retries (layer 4: only a failed connection is retried)`);
    if (r.on.some((c) => c !== 'error')) notes.add(`${ref.path}.retries.on`, 'a layer-4 proxy sees no HTTP status or request timeout: only connection errors are retried');
  }
  out.line(depth, `proxy_next_upstream_tries ${r.maxTries};`, `${ref.path}.retries.maxTries${r.maxTries === 0 ? ' (0: as many as there are servers, in both)' : ''}`);
}

/** An http `server` for a layer-7 listener. */
export function writeHttpServer(out: ConfigText, depth: number, balancer: BalancerPlan, plan: ListenerPlan, route: Route, certDir: string, notes: NotExported): void {
  out.line(depth, 'server {', `${plan.path} (port ${plan.listener.port})`);
  writeListen(out, depth + 1, balancer, plan, certDir);
  const rl = balancer.balancer.rateLimit;
  if (rl) {
    out.line(depth + 1, `limit_req zone=lab_rate burst=${rl.burst - 1} nodelay;`, `${balancer.path}.rateLimit.burst ${rl.burst} (nginx's burst counts the requests beyond the first)`);
    out.line(depth + 1, 'limit_req_status 429;', `${balancer.path}.rateLimit (the lab answers rate-limited requests with 429)`);
  }
  out.line(depth + 1, 'location / {', `${plan.path}: every path`);
  if (route.noRouteCheck) out.line(depth + 2, `if (${route.noRouteCheck} = "") { return 404; }`, `${plan.path}: no defaultForward, no rule matched`);
  out.line(depth + 2, `proxy_pass http://${route.proxyTo};`, plan.listener.rules.length > 0 ? `${plan.path}.rules, defaultForward` : plan.listener.weightedForward ? `${plan.path}.weightedForward` : `${plan.path}.defaultForward`);
  const ref = settingsGroup(plan);
  if (ref) {
    noteDifferences(plan, ref, notes);
    writeRetries(out, depth + 2, ref, 7, notes);
    if (ref.group.requestTimeoutMs > 0) out.line(depth + 2, `proxy_read_timeout ${nginxTime(ref.group.requestTimeoutMs)};`, `${ref.path}.requestTimeoutMs (nginx: the longest wait between two reads)`);
    else {
      // nginx cannot turn its read timeout off: the longest one the lab allows stands in for none
      out.line(depth + 2, `proxy_read_timeout ${nginxTime(LIMITS.maxMs)};`, `${ref.path}.requestTimeoutMs 0 (no timeout): nginx always has one, so the longest the lab allows`);
      notes.add(`${ref.path}.requestTimeoutMs`, `nginx has no way to turn proxy_read_timeout off: the export sets ${nginxTime(LIMITS.maxMs)}`);
    }
  }
  out.line(depth + 1, '}');
  out.line(depth, '}');
}

/** A stream `server` for a layer-4 listener. */
export function writeStreamServer(out: ConfigText, depth: number, balancer: BalancerPlan, plan: ListenerPlan, certDir: string, notes: NotExported): void {
  out.line(depth, 'server {', `${plan.path} (port ${plan.listener.port})`);
  writeListen(out, depth + 1, balancer, plan, certDir);
  const weighted = plan.listener.weightedForward;
  out.line(depth + 1, `proxy_pass ${weighted ? `$lab_${plan.listener.port}_weighted` : plan.listener.defaultForward};`, weighted ? `${plan.path}.weightedForward` : `${plan.path}.defaultForward`);
  out.line(depth + 1, `proxy_timeout ${nginxTime(balancer.balancer.idleTimeoutSec * 1000)};`, `${balancer.path}.idleTimeoutSec (a connection idle this long is closed)`);
  const ref = settingsGroup(plan);
  if (ref) {
    writeRetries(out, depth + 1, ref, 4, notes);
    notes.add(`${ref.path}.requestTimeoutMs`, 'a layer-4 proxy sees connections, not requests: only the idle timeout applies');
  }
  out.line(depth, '}');
}

/**
 * HAProxy (2.6) `frontend` sections for a balancer's listeners: binds (TLS termination), ALB-style rules as
 * ACLs with `use_backend` in list order (HAProxy takes the first that matches), a weighted default action as
 * one random draw per request, and the per-client rate limit as a stick table. Simplifies: HAProxy limits a
 * rate over a sliding window, not with a token bucket, and counts refused requests too.
 */
import type { ConfigText } from '../config-text.ts';
import type { NotExported } from '../notes.ts';
import { cookieRegex, wildcardRegex } from '../patterns.ts';
import type { BalancerPlan, ListenerPlan } from '../plan.ts';
import { haproxyQuote, haproxyTime } from './quote.ts';

/** The backend that answers requests no rule matches on a listener without a default (the lab's 404). */
export const NO_ROUTE_BACKEND = 'lab_no_route';

function tlsEnds(plan: ListenerPlan): boolean {
  const { protocol, tls } = plan.listener;
  return (protocol === 'https' || protocol === 'tls') && tls?.mode !== 'passthrough';
}

function writeRules(out: ConfigText, plan: ListenerPlan): void {
  const { listener, path } = plan;
  listener.rules.forEach((rule, r) => {
    const m = rule.match;
    const at = `${path}.rules[${r}].match`;
    const acls: string[] = [];
    const acl = (kind: string, test: string, from: string) => {
      out.line(1, `acl lab_r${r}_${kind} ${test}`, from);
      acls.push(`lab_r${r}_${kind}`);
    };
    if (m.pathPrefix !== undefined) acl('path', `path_beg ${haproxyQuote(m.pathPrefix)}`, `${at}.pathPrefix (case-sensitive)`);
    if (m.host !== undefined) acl('host', `req.hdr(host),field(1,:) -m reg -i ${haproxyQuote(wildcardRegex(m.host))}`, `${at}.host (case-insensitive, port ignored)`);
    if (m.header !== undefined) acl('header', `req.fhdr(${m.header.name}) -m reg -i ${haproxyQuote(wildcardRegex(m.header.value))}`, `${at}.header`);
    if (m.cookie !== undefined) acl('cookie', `req.fhdr(cookie) -m reg ${haproxyQuote(cookieRegex(m.cookie.name, m.cookie.value))}`, `${at}.cookie (exact value)`);
    out.line(1, `use_backend ${rule.forward} if ${acls.join(' ')}`, `${path}.rules[${r}].forward (rules are tried in list order)`);
  });
}

function writeWeighted(out: ConfigText, plan: ListenerPlan, layer: 4 | 7): void {
  const entries = (plan.listener.weightedForward ?? []).filter((w) => w.weight > 0);
  const total = entries.reduce((s, w) => s + w.weight, 0);
  const scope = layer === 7 ? 'txn' : 'sess';
  out.line(1, `${layer === 7 ? 'http-request' : 'tcp-request content'} set-var(${scope}.lab_draw) rand(${total})`, `${plan.path}.weightedForward: one draw per ${layer === 7 ? 'request' : 'connection'}`);
  let upTo = 0;
  entries.forEach((w, i) => {
    upTo += w.weight;
    const wi = plan.listener.weightedForward!.indexOf(w);
    if (i === entries.length - 1) out.line(1, `default_backend ${w.group}`, `${plan.path}.weightedForward[${wi}] weight ${w.weight} of ${total} (the rest)`);
    else out.line(1, `use_backend ${w.group} if { var(${scope}.lab_draw) -m int lt ${upTo} }`, `${plan.path}.weightedForward[${wi}] weight ${w.weight} of ${total}`);
  });
}

function writeRateLimit(out: ConfigText, balancer: BalancerPlan, notes: NotExported): void {
  const rl = balancer.balancer.rateLimit;
  if (!rl) return;
  if (balancer.balancer.layer === 4) {
    notes.add(`${balancer.path}.rateLimit`, 'a layer-4 frontend sees connections, not requests');
    return;
  }
  const windowMs = Math.max(1, Math.round((rl.burst / rl.ratePerSec) * 1000));
  out.line(1, `stick-table type ip size 1m expire ${haproxyTime(Math.max(windowMs, 1000))} store http_req_rate(${haproxyTime(windowMs)})`, `${balancer.path}.rateLimit: per client address, a window of burst ÷ ratePerSec`);
  out.line(1, 'http-request track-sc0 src', `${balancer.path}.rateLimit`);
  out.line(1, `http-request deny deny_status 429 if { sc_http_req_rate(0) gt ${rl.burst} }`, `${balancer.path}.rateLimit.burst ${rl.burst}, .ratePerSec ${rl.ratePerSec}`);
  notes.add(`${balancer.path}.rateLimit`, `approximated: HAProxy counts requests over a sliding ${windowMs} ms window (at most ${rl.burst} per window) instead of a token bucket, and refused requests count too`);
}

/** Writes `frontend <balancer>_<port>` for one listener. */
export function writeFrontend(out: ConfigText, balancer: BalancerPlan, plan: ListenerPlan, certDir: string, notes: NotExported): void {
  const { listener, path } = plan;
  const layer = balancer.balancer.layer;
  out.line(0, `frontend ${balancer.balancer.id}_${listener.port}`, `${path} (port ${listener.port})`);
  out.line(1, `mode ${layer === 7 ? 'http' : 'tcp'}`, `${balancer.path}.layer ${layer}`);
  if (listener.protocol === 'udp') notes.add(`${path}.protocol "udp"`, 'HAProxy 2.6 does not balance UDP: exported as TCP');
  const ssl = tlsEnds(plan);
  out.line(1, `bind :${listener.port}${ssl ? ` ssl crt ${certDir}/${balancer.balancer.id}.pem` : ''}`, `${path}.port, .protocol "${listener.protocol}"${ssl ? ' (TLS ends here: the lab has no certificate, put yours in this file)' : ''}`);
  if (layer === 4) out.line(1, `timeout client ${haproxyTime(balancer.balancer.idleTimeoutSec * 1000)}`, `${balancer.path}.idleTimeoutSec`);
  writeRateLimit(out, balancer, notes);
  writeRules(out, plan);
  if (listener.weightedForward) writeWeighted(out, plan, layer);
  else if (listener.defaultForward) out.line(1, `default_backend ${listener.defaultForward}`, `${path}.defaultForward`);
  else out.line(1, `default_backend ${NO_ROUTE_BACKEND}`, `${path}: no defaultForward, so unmatched requests get 404`);
}

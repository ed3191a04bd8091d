/**
 * Layer-7 listener rules, AWS ALB style: rules are evaluated in order (their position is their
 * priority), the first whose conditions all match forwards the request; otherwise the default
 * action applies (forward to a group, or a 404 fixed response when there is none).
 * Conditions: path prefix (case-sensitive), host (case-insensitive, `*` and `?` wildcards), one
 * header (name case-insensitive, value case-insensitive with wildcards) and a cookie. Because request
 * classes are fixed, everything but cookies and weighted forwarding is resolved once per class; what
 * is left for each request is a short list of candidate rules per class (cookieRules).
 */
import type { BalancerConfig, ListenerConfig } from '../../scenario/schema.ts';
import type { RequestClass } from '../traffic/request-mix.ts';

/** A host or header pattern with `*` and `?` as a case-insensitive RegExp (built when routes are resolved, never per request). */
function wildcard(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/** The path without its query string. */
export function pathOnly(path: string): string {
  const q = path.indexOf('?');
  return q < 0 ? path : path.slice(0, q);
}

/** Does the rule's match block accept a request of this class? */
export function ruleMatches(match: ListenerConfig['rules'][number]['match'], cls: RequestClass): boolean {
  // like ALB path conditions: the path only, not the query string
  if (match.pathPrefix !== undefined && !pathOnly(cls.path).startsWith(match.pathPrefix)) return false;
  if (match.host !== undefined && !wildcard(match.host).test(cls.host)) return false;
  if (match.header !== undefined) {
    const value = cls.headers[match.header.name.toLowerCase()];
    if (value === undefined || !wildcard(match.header.value).test(value)) return false;
  }
  return true;
}

/** The listener a class arrives on: the one on its port, else the balancer's first. */
export function listenerFor(balancer: BalancerConfig, cls: RequestClass): ListenerConfig {
  return balancer.listeners.find((l) => l.port === cls.port) ?? balancer.listeners[0];
}

/** Every target group a balancer can forward to: rule targets, default and weighted default actions. */
export function groupsOf(balancer: BalancerConfig): string[] {
  const ids = balancer.listeners.flatMap((l) => [...l.rules.map((r) => r.forward), ...(l.defaultForward ? [l.defaultForward] : []), ...(l.weightedForward ?? []).map((w) => w.group)]);
  return [...new Set(ids)];
}

/** A listener whose routing depends on more than the request class: cookie rules or a weighted default. */
export function routesPerRequest(listener: ListenerConfig): boolean {
  return listener.weightedForward !== undefined || listener.rules.some((r) => r.match.cookie !== undefined);
}

/** Marks a class whose target group is decided per request (see routeRequest). */
export const PER_REQUEST = '*';

/**
 * For each class, the id of the target group it is forwarded to, null for "no route" (404), or
 * PER_REQUEST when the listener needs the client's cookies or a weighted draw.
 */
export function routeClasses(balancer: BalancerConfig, classes: readonly RequestClass[]): (string | null)[] {
  return classes.map((cls) => {
    const listener = listenerFor(balancer, cls);
    if ((balancer.layer === 7 && routesPerRequest(listener)) || listener.weightedForward !== undefined) return PER_REQUEST;
    if (balancer.layer === 7) {
      for (const rule of listener.rules) if (ruleMatches(rule.match, cls)) return rule.forward;
    }
    return listener.defaultForward ?? null;
  });
}

/** A rule that matches a class on everything but its cookie: forwards when the client's cookie has the value (or always, with no cookie condition). */
export interface CookieRule {
  readonly cookie: { readonly name: string; readonly value: string } | null;
  readonly forward: string;
}

/** For one class, the rules of its listener that match it apart from cookies, in order. */
export function cookieRules(balancer: BalancerConfig, cls: RequestClass): CookieRule[] {
  const listener = listenerFor(balancer, cls);
  return listener.rules.filter((r) => ruleMatches(r.match, cls)).map((r) => ({ cookie: r.match.cookie ?? null, forward: r.forward }));
}

/** A weighted draw over a listener's weighted default action (ALB weighted target groups); `u` is uniform in [0, 1). */
export function weightedGroup(weights: readonly { group: string; weight: number }[], u: number): string {
  const total = weights.reduce((a, w) => a + w.weight, 0);
  let x = u * total;
  for (const w of weights) {
    if (x < w.weight) return w.group;
    x -= w.weight;
  }
  return weights[weights.length - 1].group;
}

/** A short human label for a rule, for the topology view. */
export function ruleLabel(match: ListenerConfig['rules'][number]['match']): string {
  const parts: string[] = [];
  if (match.host !== undefined) parts.push(`host ${match.host}`);
  if (match.pathPrefix !== undefined) parts.push(`path ${match.pathPrefix}*`);
  if (match.header !== undefined) parts.push(`${match.header.name}: ${match.header.value}`);
  if (match.cookie !== undefined) parts.push(`cookie ${match.cookie.name}=${match.cookie.value}`);
  return parts.join(' & ');
}

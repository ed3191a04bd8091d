/**
 * Layer-7 listener rules, AWS ALB style: rules are evaluated in order (their position is their
 * priority), the first whose conditions all match forwards the request; otherwise the default
 * action applies (forward to a group, or a 404 fixed response when there is none).
 * Conditions: path prefix (case-sensitive), host (case-insensitive, `*` and `?` wildcards) and one
 * header (name case-insensitive, value case-insensitive with wildcards). Because request classes are
 * fixed, routing is resolved once per class, not once per request.
 */
import type { BalancerConfig, ListenerConfig } from '../../scenario/schema.ts';
import type { RequestClass } from '../traffic/request-mix.ts';

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

/**
 * Per-request routing: rules in order, a cookie condition reading the client's cookie; the default
 * action is a weighted draw over `weights` (ALB weighted target groups), else defaultForward.
 */
export function routeRequest(
  listener: ListenerConfig,
  cls: RequestClass,
  cookie: (name: string) => string | undefined,
  weights: readonly { group: string; weight: number }[] | undefined,
  draw: () => number,
): string | null {
  for (const rule of listener.rules) {
    const c = rule.match.cookie;
    if (c !== undefined && cookie(c.name) !== c.value) continue;
    if (ruleMatches(rule.match, cls)) return rule.forward;
  }
  if (weights !== undefined) {
    const total = weights.reduce((a, w) => a + w.weight, 0);
    let x = draw() * total;
    for (const w of weights) {
      if (x < w.weight) return w.group;
      x -= w.weight;
    }
    return weights[weights.length - 1].group;
  }
  return listener.defaultForward ?? null;
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

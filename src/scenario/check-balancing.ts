/**
 * Cross-field rules for server flags (backup, down, haproxyId) and the HAProxy options of a target
 * group (hashType, allBackups, weights, hash keys, retries style, cookie persistence), each naming the
 * JSON path and what is wrong. nginx refuses `backup` with hash, ip_hash and random (their modules lack
 * NGX_HTTP_UPSTREAM_BACKUP, real-systems §1.1); HAProxy allows it with every algorithm.
 */
import type { Scenario } from './schema.ts';
import type { ValidationError } from './zod-errors.ts';
import { HAPROXY_ALGORITHMS, NGINX_NO_BACKUP, type AlgorithmName } from './algorithm-names.ts';
import { LIMITS } from './limits.ts';

type Group = Scenario['targetGroups'][number];

/** The nginx directive behind each key that cannot have backups. */
const NGINX_DIRECTIVE: Partial<Record<AlgorithmName, string>> = { 'ip-hash': 'ip_hash', hash: 'hash', 'consistent-hash': 'hash … consistent', random: 'random' };

function checkTargets(g: Group, at: string): ValidationError[] {
  const errors: ValidationError[] = [];
  const haproxy = HAPROXY_ALGORITHMS.includes(g.algorithm);
  const idOwner = new Map<number, string>();
  g.targets.forEach((t, ti) => {
    const tat = `${at}.targets[${ti}]`;
    if (t.backup && NGINX_NO_BACKUP.includes(g.algorithm)) {
      errors.push({ path: `${tat}.backup`, message: `nginx's ${NGINX_DIRECTIVE[g.algorithm]} has no backup servers (nginx refuses the config); use weighted-round-robin or least-connections, or a haproxy-* algorithm` });
    }
    if (t.haproxyId !== undefined) {
      const other = idOwner.get(t.haproxyId);
      if (other !== undefined) errors.push({ path: `${tat}.haproxyId`, message: `id ${t.haproxyId} is already target "${other}"'s; HAProxy server ids are unique in a group` });
      else idOwner.set(t.haproxyId, t.id);
    }
    if (haproxy && (!Number.isInteger(t.weight) || t.weight > LIMITS.maxHaproxyWeight)) {
      errors.push({ path: `${tat}.weight`, message: `HAProxy weights are whole numbers from 0 to ${LIMITS.maxHaproxyWeight}, got ${t.weight}` });
    }
  });
  return errors;
}

function checkOptions(g: Group, at: string): ValidationError[] {
  const errors: ValidationError[] = [];
  const a = g.algorithm;
  if (g.hashType !== undefined && a !== 'haproxy-source' && a !== 'haproxy-hash') {
    errors.push({ path: `${at}.hashType`, message: `only haproxy-source and haproxy-hash read hashType; "${a}" does not` });
  }
  if (g.allBackups === true && !HAPROXY_ALGORITHMS.includes(a)) {
    errors.push({ path: `${at}.allBackups`, message: `allBackups is HAProxy's option allbackups and needs a haproxy-* algorithm; "${a}" does not read it` });
  }
  if (a === 'haproxy-source' && g.hashKey !== 'client-ip') {
    errors.push({ path: `${at}.hashKey`, message: 'haproxy-source always hashes the client address (balance source); use haproxy-hash for a path, query parameter or header' });
  }
  if (a === 'haproxy-hash' && !/^(path|query:|header:)/.test(g.hashKey)) {
    errors.push({ path: `${at}.hashKey`, message: `haproxy-hash hashes "path" (balance uri), "query:<name>" (url_param) or "header:<name>" (hdr), not "${g.hashKey}"; use haproxy-source for the client address` });
  }
  const r = g.retries;
  if (r?.style === 'haproxy' && typeof r.redispatch === 'number' && r.redispatch < 0 && -r.redispatch > r.retries) {
    errors.push({ path: `${at}.retries.redispatch`, message: `${r.redispatch} asks for a redispatch ${-r.redispatch} retries before the last, but there are only ${r.retries} retries` });
  }
  return errors;
}

/** Groups that a layer-4 balancer forwards to (it sees no cookies). */
function layer4Groups(s: Scenario): Set<string> {
  const out = new Set<string>();
  for (const b of s.balancers) {
    if (b.layer !== 4) continue;
    for (const l of b.listeners) {
      if (l.defaultForward !== undefined) out.add(l.defaultForward);
      for (const w of l.weightedForward ?? []) out.add(w.group);
    }
  }
  return out;
}

/** Every rule on server flags and HAProxy options. */
export function checkBalancing(s: Scenario): ValidationError[] {
  const errors: ValidationError[] = [];
  const l4 = layer4Groups(s);
  s.targetGroups.forEach((g, gi) => {
    const at = `targetGroups[${gi}]`;
    errors.push(...checkTargets(g, at), ...checkOptions(g, at));
    if (g.stickiness?.kind === 'haproxy-cookie' && l4.has(g.id)) {
      errors.push({ path: `${at}.stickiness`, message: 'a layer-4 balancer sees no cookies, so it cannot insert or read a haproxy-cookie' });
    }
  });
  if (s.traffic.clients.keepsStaleCookie === true && !s.targetGroups.some((g) => g.stickiness?.kind === 'haproxy-cookie')) {
    errors.push({ path: 'traffic.clients.keepsStaleCookie', message: 'only haproxy-cookie stickiness sets a persistence cookie a client could keep, and no target group uses it' });
  }
  return errors;
}

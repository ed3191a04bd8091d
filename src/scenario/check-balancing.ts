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
import { coded } from './error-codes.ts';

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
      errors.push(coded(`${tat}.backup`, 'val_backup_nginx', { directive: NGINX_DIRECTIVE[g.algorithm] ?? g.algorithm }));
    }
    if (t.haproxyId !== undefined) {
      const other = idOwner.get(t.haproxyId);
      if (other !== undefined) errors.push(coded(`${tat}.haproxyId`, 'val_haproxy_id', { id: String(t.haproxyId), other }));
      else idOwner.set(t.haproxyId, t.id);
    }
    if (haproxy && (!Number.isInteger(t.weight) || t.weight > LIMITS.maxHaproxyWeight)) {
      errors.push(coded(`${tat}.weight`, 'val_haproxy_weight', { max: LIMITS.maxHaproxyWeight, weight: t.weight }));
    }
  });
  return errors;
}

function checkOptions(g: Group, at: string): ValidationError[] {
  const errors: ValidationError[] = [];
  const a = g.algorithm;
  if (g.hashType !== undefined && a !== 'haproxy-source' && a !== 'haproxy-hash') {
    errors.push(coded(`${at}.hashType`, 'val_hash_type', { algorithm: a }));
  }
  if (g.allBackups === true && !HAPROXY_ALGORITHMS.includes(a)) {
    errors.push(coded(`${at}.allBackups`, 'val_all_backups', { algorithm: a }));
  }
  if (a === 'haproxy-source' && g.hashKey !== 'client-ip') {
    errors.push(coded(`${at}.hashKey`, 'val_haproxy_source_key'));
  }
  if (a === 'haproxy-hash' && !/^(path|query:|header:)/.test(g.hashKey)) {
    errors.push(coded(`${at}.hashKey`, 'val_haproxy_hash_key', { key: g.hashKey }));
  }
  const r = g.retries;
  if (r?.style === 'haproxy' && typeof r.redispatch === 'number' && r.redispatch < 0 && -r.redispatch > r.retries) {
    errors.push(coded(`${at}.retries.redispatch`, 'val_redispatch', { redispatch: r.redispatch, before: -r.redispatch, retries: r.retries }));
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
      errors.push(coded(`${at}.stickiness`, 'val_l4_cookie'));
    }
  });
  if (s.traffic.clients.keepsStaleCookie === true && !s.targetGroups.some((g) => g.stickiness?.kind === 'haproxy-cookie')) {
    errors.push(coded('traffic.clients.keepsStaleCookie', 'val_stale_cookie'));
  }
  return errors;
}

/**
 * HAProxy (2.6, as in Debian 12) `backend` sections for target groups: the algorithm's nearest `balance`
 * (real-systems.md §2), weights (0–256), active checks (`check inter fastinter downinter rise fall`, HAProxy's
 * rise/fall counter), passive observation, retries with redispatch, slow start and cookie or source stickiness.
 */
import { resolveHealthCheck } from '../../scenario/health-presets.ts';
import type { TargetGroupConfig } from '../../scenario/schema.ts';
import { splitAddress, targetAddress } from '../address.ts';
import type { ConfigText } from '../config-text.ts';
import type { NotExported } from '../notes.ts';
import { hasHealthMechanism, type GroupRef } from '../plan.ts';
import { integerWeights } from '../weights.ts';
import { haproxyQuote, haproxyTime, statusRegex } from './quote.ts';

/** HAProxy's largest server weight. */
const MAX_WEIGHT = 256;

function hashBalance(hashKey: string, layer: 4 | 7): string {
  if (hashKey === 'client-ip' || layer === 4) return 'source';
  if (hashKey === 'path') return 'uri path-only';
  const [kind, name] = hashKey.split(':');
  if (kind === 'header') return `hdr(${name})`;
  if (kind === 'cookie') return `hash req.cook(${name})`;
  return `url_param ${name}`;
}

function balanceLine(group: TargetGroupConfig, layer: 4 | 7): { balance: string; hashType?: string; usesWeights: boolean; note?: string } {
  switch (group.algorithm) {
    case 'round-robin':
      return { balance: 'roundrobin', usesWeights: false };
    case 'weighted-round-robin':
      return { balance: 'roundrobin', usesWeights: true, note: 'HAProxy\'s weighted round robin gives the same shares as nginx\'s smooth one but in another order (weights 5, 1, 1: a a a b a a c, not a a b a c a a)' };
    case 'least-connections':
      return { balance: 'leastconn', usesWeights: true, note: 'HAProxy leastconn treats every idle server as equal whatever its weight (nginx least_conn breaks ties by weight)' };
    case 'least-outstanding-requests':
      return { balance: 'leastconn', usesWeights: false };
    case 'random':
      return { balance: 'random(1)', usesWeights: true };
    case 'power-of-two-choices':
      return { balance: 'random(2)', usesWeights: true };
    case 'peak-ewma':
      return { balance: 'random(2)', usesWeights: false, note: 'HAProxy has no peak-EWMA; nearest: two random draws, the less loaded wins (latency is not used)' };
    case 'least-response-time':
      return { balance: 'leastconn', usesWeights: true, note: 'HAProxy does not balance by response time; nearest: leastconn' };
    case 'ip-hash':
      return { balance: 'source', hashType: 'map-based', usesWeights: true, note: 'HAProxy `balance source` hashes the whole address (modulo the weights), not nginx ip_hash\'s first three octets: clients map to other servers' };
    case 'hash':
      return { balance: hashBalance(group.hashKey, layer), hashType: 'map-based', usesWeights: true, note: 'HAProxy map-based hashing (sdbm) maps keys to other servers than nginx\'s CRC32 `hash`' };
    case 'consistent-hash':
      return { balance: hashBalance(group.hashKey, layer), hashType: 'consistent', usesWeights: true, note: 'HAProxy\'s consistent hashing places servers by id, not nginx\'s ketama points of the address: keys map to other servers' };
    case 'flow-hash':
      return { balance: 'random(1)', usesWeights: false, note: 'HAProxy has no NLB flow hash; with a random source port per connection it is a random pick per connection: `random(1)`' };
    case 'maglev':
      return { balance: hashBalance(group.hashKey, layer), hashType: 'consistent', usesWeights: true, note: 'HAProxy has no Maglev; nearest: `hash-type consistent`' };
    case 'haproxy-roundrobin':
      return { balance: 'roundrobin', usesWeights: true };
    case 'haproxy-static-rr':
      return { balance: 'static-rr', usesWeights: true };
    case 'haproxy-leastconn':
      return { balance: 'leastconn', usesWeights: true };
    case 'haproxy-first':
      return { balance: 'first', usesWeights: true };
    case 'haproxy-source':
      return { balance: 'source', hashType: group.hashType, usesWeights: true };
    case 'haproxy-hash':
      return { balance: hashBalance(group.hashKey, layer), hashType: group.hashType, usesWeights: true };
  }
}

function retries(out: ConfigText, ref: GroupRef): void {
  const r = ref.group.retries;
  if (!r) {
    out.line(1, 'retries 0', `${ref.path}: no retries (HAProxy's default is 3 connection retries)`);
    return;
  }
  if (r.style === 'haproxy') {
    // HAProxy's own retries: written as they are
    out.line(1, `retries ${r.retries}`, `${ref.path}.retries.retries`);
    const p = r.redispatch === true ? -1 : r.redispatch === false ? 0 : r.redispatch;
    if (p !== 0) out.line(1, p === -1 ? 'option redispatch' : `option redispatch ${p}`, `${ref.path}.retries.redispatch ${JSON.stringify(r.redispatch)}`);
    out.line(1, `timeout connect ${r.connectTimeoutMs}ms`, `${ref.path}.retries.connectTimeoutMs`);
    out.line(1, `retry-on ${r.on.join(' ')}`, `${ref.path}.retries.on`);
    return;
  }
  const tries = Math.min(32, r.maxTries === 0 ? ref.group.targets.length : r.maxTries);
  out.line(1, `retries ${tries - 1}`, `${ref.path}.retries.maxTries ${r.maxTries}${r.maxTries === 0 ? ' (as many tries as targets)' : ''}: tries after the first`);
  out.line(1, 'option redispatch 1', `${ref.path}.retries (every retry goes to another server, as in the lab)`);
  const words = r.on.flatMap((c) => (c === 'error' ? ['conn-failure', 'empty-response'] : c === 'timeout' ? ['response-timeout'] : [c.slice(5)]));
  out.line(1, `retry-on ${words.join(' ')}`, `${ref.path}.retries.on`);
}

/** Server-line options for health and slow start, and the backend lines they need. */
function health(out: ConfigText, ref: GroupRef, notes: NotExported): string {
  const { group, path } = ref;
  const opts: string[] = [];
  if (group.healthCheck) {
    const hc = resolveHealthCheck(group.healthCheck);
    if (hc.protocol === 'http') {
      out.line(1, `option httpchk GET ${hc.path}`, `${path}.healthCheck.protocol "http", .path`);
      out.line(1, hc.successCodes.includes('-') || hc.successCodes.includes(',') ? `http-check expect rstatus ${haproxyQuote(statusRegex(hc.successCodes))}` : `http-check expect status ${hc.successCodes}`, `${path}.healthCheck.successCodes "${hc.successCodes}"`);
    }
    out.line(1, `timeout check ${haproxyTime(hc.timeoutSec * 1000)}`, `${path}.healthCheck.timeoutSec`);
    opts.push(`check inter ${haproxyTime(hc.intervalSec * 1000)} fastinter ${haproxyTime(hc.fastIntervalSec * 1000)} downinter ${haproxyTime(hc.downIntervalSec * 1000)} rise ${hc.healthyThreshold} fall ${hc.unhealthyThreshold}`);
    if (hc.model === 'consecutive') notes.add(`${path}.healthCheck.model "consecutive"`, 'HAProxy always uses its rise/fall health counter: one failure between passes is forgotten rather than restarting the count');
    if (hc.deep) notes.add(`${path}.healthCheck.deep`, 'how deep a check goes is up to the application behind the checked path');
    if (hc.failFastOnBadStatus) notes.add(`${path}.healthCheck.failFastOnBadStatus`, 'HAProxy counts a bad status as one failed check, never as an immediate down');
    const p = group.passiveHealth;
    if (p) {
      const limit = p.kind === 'nginx' ? p.maxFails : p.consecutive5xx;
      if (limit > 0) opts.push(`observe layer7 error-limit ${limit} on-error mark-down`);
      notes.add(`${path}.passiveHealth`, `approximated by HAProxy's \`observe layer7 error-limit ${limit} on-error mark-down\`: the server is then down until its checks pass again${p.kind === 'nginx' ? ' (not for fail_timeout)' : ' (not for an ejection time)'}`);
    }
  } else if (group.passiveHealth) {
    notes.add(`${path}.passiveHealth`, 'HAProxy observes real traffic (`observe`) only on servers with active checks, to bring them back; the group has none');
  }
  if (group.slowStart) {
    const sec = group.slowStart.kind === 'linear' ? group.slowStart.durationSec : group.slowStart.windowSec;
    opts.push(`slowstart ${haproxyTime(sec * 1000)}`);
    notes.add(`${path}.slowStart`, `HAProxy's slowstart ramps the weight linearly in 16 steps, and only for a server coming back from down (not at start-up)${group.slowStart.kind === 'envoy' ? '; Envoy\'s aggression and minimum weight are not exported' : ''}`);
  }
  return opts.join(' ');
}

function stickiness(out: ConfigText, ref: GroupRef, notes: NotExported): boolean {
  const s = ref.group.stickiness;
  if (!s) return false;
  if (s.kind === 'source-ip') {
    out.line(1, 'stick-table type ip size 1m', `${ref.path}.stickiness "source-ip" (entries never expire, as in the lab)`);
    out.line(1, 'stick on src', `${ref.path}.stickiness`);
    return false;
  }
  if (s.kind === 'haproxy-cookie') {
    out.line(1, `cookie ${s.name} insert indirect nocache`, `${ref.path}.stickiness "haproxy-cookie" (a session cookie naming each server by its id)`);
    return true;
  }
  if (s.kind === 'app-cookie') notes.add(`${ref.path}.stickiness "app-cookie"`, 'exported as a cookie HAProxy inserts itself; the application\'s own cookie name is not in the scenario');
  out.line(1, `cookie LABSERVER insert indirect nocache maxidle ${s.durationSec}s`, `${ref.path}.stickiness "${s.kind}", .durationSec (expires after this long without a request)`);
  return true;
}

/** Writes `backend <group id>`. */
export function writeBackend(out: ConfigText, ref: GroupRef, layer: 4 | 7, notes: NotExported): void {
  const { group, path, index: gi } = ref;
  const b = balanceLine(group, layer);
  if (b.note) notes.add(`${path}.algorithm "${group.algorithm}"`, b.note);
  out.line(0, `backend ${group.id}`, `${path} "${group.id}"`);
  out.line(1, `mode ${layer === 7 ? 'http' : 'tcp'}`, `layer ${layer} (the balancer that forwards here)`);
  out.line(1, `balance ${b.balance}`, `${path}.algorithm "${group.algorithm}"${b.hashType ? `, ${path}.hashKey "${group.hashKey}"` : ''}`);
  if (b.hashType) out.line(1, `hash-type ${b.hashType}`, `${path}.algorithm "${group.algorithm}"`);
  // 0 overrides the defaults section's timeout with none: HAProxy waits as long as the server takes (and warns at start)
  if (group.requestTimeoutMs > 0) out.line(1, `timeout server ${haproxyTime(group.requestTimeoutMs)}`, `${path}.requestTimeoutMs`);
  else out.line(1, 'timeout server 0', `${path}.requestTimeoutMs 0 (0: no timeout; HAProxy warns "missing timeouts" about it)`);
  retries(out, ref);
  const opts = health(out, ref, notes);
  const cookies = stickiness(out, ref, notes);
  if (group.circuitBreaker) notes.add(`${path}.circuitBreaker`, 'HAProxy has no circuit breaker (`observe` with `on-error` is the nearest)');
  notes.add(`${path}.deregistrationDelaySec`, 'HAProxy drains a server put in `drain` state (runtime API) for as long as you wait; there is no timer');
  if (group.whenAllUnhealthy !== 'refuse' && hasHealthMechanism(group)) notes.add(`${path}.whenAllUnhealthy "${group.whenAllUnhealthy}"`, 'HAProxy never routes to servers that are down: with none up it answers 503');

  const ints = integerWeights(group.targets.map((t) => t.weight), MAX_WEIGHT);
  if (b.usesWeights && !ints.exact) notes.add(`${path}.targets[*].weight`, `scaled to whole numbers from 0 to ${MAX_WEIGHT} for HAProxy: shares are approximate`);
  group.targets.forEach((t, ti) => {
    const { address, from } = targetAddress(t, gi, ti);
    const { host, port } = splitAddress(address);
    const words = [`server ${t.id} ${host.includes(':') ? `[${host}]` : host}:${port}`];
    const froms = [from];
    const weight = t.weight === 0 ? 0 : b.usesWeights ? ints.weights[ti] : 1;
    if (weight !== 1) {
      words.push(`weight ${weight}`);
      froms.push(`.weight ${t.weight}`);
    }
    if (opts) words.push(opts);
    if (cookies) words.push(`cookie ${t.id}`);
    out.line(1, words.join(' '), `"${t.id}": ${froms.join(', ')}${opts ? `; check: ${path}.healthCheck` : ''}`);
  });
}

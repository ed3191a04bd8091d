/**
 * nginx (open source 1.22+) `upstream` blocks for target groups: the algorithm's nearest directive
 * (real-systems.md §1), `server` lines with weights, and passive health (`max_fails`/`fail_timeout`), since
 * nginx open source has no active health checks. Simplifies: a weight of 0 becomes `down`, which nginx's hash
 * methods still count in their tables (the lab leaves such a target out).
 */
import type { TargetGroupConfig } from '../../scenario/schema.ts';
import { resolveHealthCheck } from '../../scenario/health-presets.ts';
import { splitAddress, targetAddress } from '../address.ts';
import type { ConfigText } from '../config-text.ts';
import type { NotExported } from '../notes.ts';
import type { GroupRef } from '../plan.ts';
import { integerWeights } from '../weights.ts';

/** The nginx variable that holds a hash key (docs/scenario-format.md 6.2). */
export function nginxHashKey(hashKey: string, layer: 4 | 7): { variable: string; note?: string } {
  if (hashKey === 'client-ip' || layer === 4) return { variable: '$remote_addr' };
  if (hashKey === 'path') return { variable: '$uri', note: 'nginx\'s $uri is the decoded, normalised path without the query string' };
  const [kind, name] = hashKey.split(':');
  const plain = name.toLowerCase().replace(/-/g, '_');
  if (kind === 'header') return { variable: `$http_${plain}` };
  if (/^[A-Za-z0-9_]+$/.test(name)) return { variable: kind === 'cookie' ? `$cookie_${name}` : `$arg_${name}` };
  return { variable: kind === 'cookie' ? `$cookie_${plain}` : `$arg_${plain}`, note: `nginx variable names cannot hold "-": "${name}" is read as "${plain}"` };
}

interface AlgorithmLine {
  directive: string | null;
  usesWeights: boolean;
  note?: string;
}

function algorithmLine(group: TargetGroupConfig, layer: 4 | 7, key: string): AlgorithmLine {
  switch (group.algorithm) {
    case 'round-robin':
      return { directive: null, usesWeights: false };
    case 'weighted-round-robin':
      return { directive: null, usesWeights: true };
    case 'least-connections':
      return { directive: 'least_conn', usesWeights: true };
    case 'least-outstanding-requests':
      return { directive: 'least_conn', usesWeights: false, note: 'ALB least outstanding requests: nginx least_conn without weights (ties take turns in configuration order in both)' };
    case 'random':
      return { directive: 'random', usesWeights: true };
    case 'power-of-two-choices':
      return { directive: 'random two least_conn', usesWeights: true, note: 'Envoy LEAST_REQUEST draws two hosts with replacement; nginx `random two` draws two different servers' };
    case 'peak-ewma':
      return { directive: 'random two least_conn', usesWeights: false, note: 'nginx has no peak-EWMA; nearest: two random picks, fewer active connections wins (latency is not used)' };
    case 'least-response-time':
      return { directive: 'least_conn', usesWeights: true, note: '`least_time last_byte` is NGINX Plus (or nginx 1.31+), not in nginx 1.22 open source; nearest: least_conn' };
    case 'ip-hash':
      return layer === 7
        ? { directive: 'ip_hash', usesWeights: true }
        : { directive: 'hash $remote_addr', usesWeights: true, note: 'the stream module has no ip_hash: `hash $remote_addr` hashes the whole address, not its first three octets' };
    case 'hash':
      return { directive: `hash ${key}`, usesWeights: true };
    case 'consistent-hash':
      return { directive: `hash ${key} consistent`, usesWeights: true };
    case 'flow-hash':
      return layer === 7
        ? { directive: 'random', usesWeights: false, note: 'nginx has no NLB flow hash; with a random source port per connection it is a random pick: `random`' }
        : { directive: 'hash $remote_addr$remote_port', usesWeights: false, note: 'NLB flow hash: the stream module hashes the client address and source port, so each new connection may land elsewhere' };
    case 'maglev':
      return { directive: `hash ${key} consistent`, usesWeights: true, note: 'nginx has no Maglev; nearest: ketama consistent hashing (`hash … consistent`), which places keys differently' };
    case 'haproxy-roundrobin':
    case 'haproxy-static-rr':
      return { directive: null, usesWeights: true, note: 'HAProxy\'s weighted round robin gives the same shares as nginx\'s smooth one but in another order (weights 5, 1, 1: a a a b a a c in HAProxy, a a b a c a a in nginx)' };
    case 'haproxy-leastconn':
      return { directive: 'least_conn', usesWeights: true, note: 'HAProxy leastconn lets idle servers take turns whatever their weights; nginx least_conn breaks ties by smooth weighted round robin' };
    case 'haproxy-first':
      return { directive: 'least_conn', usesWeights: true, note: 'nginx has no `balance first` (fill servers in id order up to maxconn); nearest: least_conn, which spreads instead of filling' };
    case 'haproxy-source':
      return layer === 7
        ? { directive: 'ip_hash', usesWeights: true, note: 'HAProxy `balance source` hashes the whole address; nginx ip_hash its first three octets: clients map to other servers' }
        : { directive: 'hash $remote_addr', usesWeights: true, note: 'HAProxy `balance source` and nginx `hash $remote_addr` hash differently: clients map to other servers' };
    case 'haproxy-hash':
      return { directive: group.hashType === 'consistent' ? `hash ${key} consistent` : `hash ${key}`, usesWeights: true, note: 'HAProxy\'s hashes (sdbm, its own consistent tree) and nginx\'s (CRC32, ketama) map keys to other servers' };
  }
}

/** Passive health for every `server` line of a group, and where it came from. */
function passiveHealth(ref: GroupRef, notes: NotExported): { params: string; from: string; why: string } {
  const { group, path } = ref;
  const p = group.passiveHealth;
  if (p?.kind === 'nginx') {
    if (group.healthCheck) notes.add(`${path}.healthCheck`, 'nginx open source has no active health checks (NGINX Plus `health_check`); the group\'s passive max_fails/fail_timeout are exported instead');
    return { params: `max_fails=${p.maxFails} fail_timeout=${p.failTimeoutSec}s`, from: `${path}.passiveHealth`, why: `${path}.passiveHealth: nginx max_fails ${p.maxFails} within fail_timeout ${p.failTimeoutSec} s` };
  }
  if (group.healthCheck) {
    const hc = resolveHealthCheck(group.healthCheck);
    const back = Math.max(1, Math.ceil(hc.intervalSec * hc.healthyThreshold));
    notes.add(`${path}.healthCheck`, `nginx open source has no active health checks (NGINX Plus \`health_check\`); approximated by passive max_fails=${hc.unhealthyThreshold} (unhealthyThreshold) fail_timeout=${back}s (intervalSec × healthyThreshold): real requests, not probes, find the failure`);
    if (p) notes.add(`${path}.passiveHealth`, 'Envoy outlier detection has no nginx counterpart; the active check\'s approximation is used');
    return { params: `max_fails=${hc.unhealthyThreshold} fail_timeout=${back}s`, from: `${path}.healthCheck≈`, why: `${path}.healthCheck, approximated by passive failure accounting (see the top)` };
  }
  if (p?.kind === 'envoy-outlier') {
    const t = Math.max(1, Math.ceil(p.baseEjectionSec));
    notes.add(`${path}.passiveHealth`, `Envoy outlier detection approximated by nginx max_fails=${p.consecutive5xx} fail_timeout=${t}s: nginx counts failures in a window rather than in a row, and never ejects for longer`);
    return { params: `max_fails=${p.consecutive5xx} fail_timeout=${t}s`, from: `${path}.passiveHealth≈`, why: `${path}.passiveHealth (Envoy outlier detection), approximated (see the top)` };
  }
  return { params: 'max_fails=0', from: `${path}.passiveHealth (none)`, why: `${path} has no passiveHealth: max_fails=0 turns failure accounting off (nginx's default is max_fails=1)` };
}

/** Writes `upstream <group id> { … }` for a group, in http (layer 7) or stream (layer 4) context. */
export function writeUpstream(out: ConfigText, depth: number, ref: GroupRef, layer: 4 | 7, notes: NotExported): void {
  const { group, path, index: gi } = ref;
  const key = nginxHashKey(group.hashKey, layer);
  if (key.note && ['hash', 'consistent-hash', 'maglev'].includes(group.algorithm)) notes.add(`${path}.hashKey`, key.note);
  const algo = algorithmLine(group, layer, key.variable);
  if (algo.note) notes.add(`${path}.algorithm "${group.algorithm}"`, algo.note);

  out.line(depth, `upstream ${group.id} {`, `${path} "${group.id}"`);
  // a peer takes a few hundred bytes of the zone (nginx fails to start when it is too small)
  out.line(depth + 1, `zone ${group.id} ${64 + group.targets.length}k;`, '(shared memory: all workers share one algorithm state, as the lab\'s one balancer does)');
  if (algo.directive) out.line(depth + 1, `${algo.directive};`, `${path}.algorithm "${group.algorithm}"${group.algorithm.includes('hash') && group.algorithm !== 'ip-hash' ? `, ${path}.hashKey "${group.hashKey}"` : ''}`);
  else out.comment(depth + 1, `${path}.algorithm "${group.algorithm}": nginx's default method, smooth weighted round robin${algo.usesWeights ? '' : ' with equal weights (strict rotation)'}`);

  const raw = group.targets.map((t) => t.weight);
  const ints = integerWeights(raw);
  if (algo.usesWeights && !ints.exact) notes.add(`${path}.targets[*].weight`, 'rounded to whole numbers for nginx');
  if (algo.usesWeights && ['ip-hash', 'hash'].includes(group.algorithm) && raw.some((w) => !Number.isInteger(w))) {
    notes.add(`${path}.targets[*].weight`, 'fractional weights were scaled to whole numbers; nginx hashes modulo the total weight, so keys map differently than in the lab');
  }
  const health = passiveHealth(ref, notes);
  out.comment(depth + 1, `max_fails, fail_timeout: ${health.why}`);
  group.targets.forEach((t, ti) => {
    const { address, from } = targetAddress(t, gi, ti);
    const { host, port } = splitAddress(address);
    const hostText = host.includes(':') ? `[${host}]` : host;
    const params: string[] = [];
    const froms = [from];
    if (t.weight === 0) {
      params.push('down');
      froms.push(`.weight 0`);
    } else if (algo.usesWeights && ints.weights[ti] !== 1) {
      params.push(`weight=${ints.weights[ti]}`);
      froms.push(`.weight ${t.weight}`);
    }
    params.push(health.params);
    out.line(depth + 1, `server ${address.startsWith('unix:') ? address : `${hostText}:${port}`} ${params.join(' ')};`, `"${t.id}": ${froms.join(', ')}; max_fails: ${health.from}`);
  });
  out.line(depth, '}');
}

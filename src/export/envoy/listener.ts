/**
 * Envoy (v3 API) listeners for a balancer's listeners: an HTTP connection manager whose routes are the ALB-style
 * rules in list order (Envoy takes the first route that matches) for layer 7, a TCP proxy for layer 4. Per-group
 * settings that Envoy keeps on the route (timeout, retries, hash key) follow the group each route goes to.
 */
import type { NotExported } from '../notes.ts';
import { cookieRegex, wildcardRegex } from '../patterns.ts';
import type { BalancerPlan, GroupRef, ListenerPlan } from '../plan.ts';
import { envoyDuration } from './cluster.ts';
import { YamlList, YamlMap, ylist, ymap } from './yaml.ts';

const HCM = 'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager';
const ROUTER = 'type.googleapis.com/envoy.extensions.filters.http.router.v3.Router';
const TCP_PROXY = 'type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy';
const TLS = 'type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext';
const PREVIOUS_HOSTS = 'type.googleapis.com/envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsPredicate';

const HASH_ALGORITHMS = ['ip-hash', 'hash', 'consistent-hash', 'maglev'];

function hashPolicy(ref: GroupRef, notes: NotExported): YamlList | null {
  const g = ref.group;
  if (!HASH_ALGORITHMS.includes(g.algorithm)) return null;
  const key = g.algorithm === 'ip-hash' ? 'client-ip' : g.hashKey;
  const from = `${ref.path}.hashKey "${key}"`;
  if (key === 'client-ip') return new YamlList().push(ymap(['connection_properties', ymap(['source_ip', true])]), from);
  if (key === 'path') {
    notes.add(`${ref.path}.hashKey "path"`, 'Envoy hashes the :path header, which includes the query string');
    return new YamlList().push(ymap(['header', ymap(['header_name', ':path'])]), from);
  }
  const [kind, name] = key.split(':');
  const item = kind === 'header' ? ymap(['header', ymap(['header_name', name.toLowerCase()])]) : kind === 'cookie' ? ymap(['cookie', ymap(['name', name])]) : ymap(['query_parameter', ymap(['name', name])]);
  return new YamlList().push(item, from);
}

function retryPolicy(ref: GroupRef): YamlMap | null {
  const r = ref.group.retries;
  if (!r) return null;
  const tries = Math.min(32, r.maxTries === 0 ? ref.group.targets.length : r.maxTries);
  const on = [...new Set(r.on.flatMap((c) => (c === 'error' ? ['connect-failure', 'reset'] : c === 'timeout' ? ['gateway-error'] : ['retriable-status-codes'])))];
  const m = ymap(['retry_on', on.join(','), `${ref.path}.retries.on`], ['num_retries', tries - 1, `${ref.path}.retries.maxTries ${r.maxTries}: retries after the first try`]);
  const codes = r.on.filter((c) => c.startsWith('http_')).map((c) => Number(c.slice(5)));
  if (codes.length > 0) m.set('retriable_status_codes', ylist(...codes), `${ref.path}.retries.on`);
  if (ref.group.requestTimeoutMs > 0) m.set('per_try_timeout', envoyDuration(ref.group.requestTimeoutMs / 1000), `${ref.path}.requestTimeoutMs (each try)`);
  m.set('retry_host_predicate', new YamlList().push(ymap(['name', 'envoy.retry_host_predicates.previous_hosts'], ['typed_config', ymap(['@type', PREVIOUS_HOSTS])])), '(each retry goes to a host not tried yet, as in the lab)');
  m.set('host_selection_retry_max_attempts', 5, '(how hard Envoy looks for an untried host)');
  return m;
}

function routeAction(groups: GroupRef[], target: { cluster: string } | { weighted: { group: string; weight: number; from: string }[] }, from: string, notes: NotExported, path: string): YamlMap {
  const a = new YamlMap();
  let ref: GroupRef | undefined;
  if ('cluster' in target) {
    a.set('cluster', target.cluster, from);
    ref = groups.find((g) => g.group.id === target.cluster);
  } else {
    const clusters = new YamlList();
    for (const w of target.weighted.filter((x) => x.weight > 0)) clusters.push(ymap(['name', w.group], ['weight', w.weight]), w.from);
    a.set('weighted_clusters', ymap(['clusters', clusters]), from);
    ref = groups.find((g) => g.group.id === target.weighted[0].group);
    if (target.weighted.some((w) => { const o = groups.find((g) => g.group.id === w.group); return o && ref && (o.group.requestTimeoutMs !== ref.group.requestTimeoutMs || JSON.stringify(o.group.retries) !== JSON.stringify(ref.group.retries)); })) {
      notes.add(`${path}.weightedForward`, `Envoy sets the timeout and retries per route: the weighted route uses those of ${ref?.path}`);
    }
  }
  if (!ref) return a;
  const noLimit = ref.group.requestTimeoutMs === 0;
  a.set('timeout', envoyDuration(ref.group.retries || noLimit ? 0 : ref.group.requestTimeoutMs / 1000), noLimit ? `${ref.path}.requestTimeoutMs 0 (0s: no timeout)` : ref.group.retries ? '(0: no overall limit; each try has per_try_timeout)' : `${ref.path}.requestTimeoutMs`);
  const retry = retryPolicy(ref);
  if (retry) a.set('retry_policy', retry, `${ref.path}.retries`);
  const hash = hashPolicy(ref, notes);
  if (hash) a.set('hash_policy', hash);
  return a;
}

function ruleMatch(l: ListenerPlan, r: number): YamlMap {
  const m = l.listener.rules[r].match;
  const at = `${l.path}.rules[${r}].match`;
  const match = ymap(['prefix', m.pathPrefix ?? '/', m.pathPrefix !== undefined ? `${at}.pathPrefix (case-sensitive)` : '(any path)']);
  const headers = new YamlList();
  const regexHeader = (name: string, regex: string, from: string) => headers.push(ymap(['name', name], ['string_match', ymap(['safe_regex', ymap(['regex', regex])])]), from);
  if (m.host !== undefined) regexHeader(':authority', `(?i)${wildcardRegex(m.host).slice(0, -1)}(:[0-9]+)?$`, `${at}.host (case-insensitive)`);
  if (m.header !== undefined) regexHeader(m.header.name.toLowerCase(), `(?i)${wildcardRegex(m.header.value)}`, `${at}.header`);
  if (m.cookie !== undefined) regexHeader('cookie', cookieRegex(m.cookie.name, m.cookie.value), `${at}.cookie (exact value)`);
  if (headers.items.length > 0) match.set('headers', headers);
  return match;
}

function ruleRoutes(b: BalancerPlan, l: ListenerPlan, notes: NotExported): YamlList {
  const routes = new YamlList();
  l.listener.rules.forEach((rule, r) => {
    routes.push(ymap(['match', ruleMatch(l, r)], ['route', routeAction(b.groups, { cluster: rule.forward }, `${l.path}.rules[${r}].forward`, notes, l.path)]), `${l.path}.rules[${r}] (routes are tried in order)`);
  });
  return routes;
}

function transportSocket(b: BalancerPlan, l: ListenerPlan, certDir: string): YamlMap | null {
  const { protocol, tls } = l.listener;
  if (!((protocol === 'https' || protocol === 'tls') && tls?.mode !== 'passthrough')) return null;
  const file = `${certDir}/${b.balancer.id}.pem`;
  const certificate = ymap(['certificate_chain', ymap(['filename', file])], ['private_key', ymap(['filename', file])]);
  const context = ymap(['tls_certificates', new YamlList().push(certificate, '(the lab has no certificates: put yours in this file)')]);
  return ymap(['name', 'envoy.transport_sockets.tls'], ['typed_config', ymap(['@type', TLS], ['common_tls_context', context])]);
}

/** The listener for one of the balancer's listeners. */
export function listener(b: BalancerPlan, l: ListenerPlan, certDir: string, notes: NotExported): YamlMap {
  const name = `${b.balancer.id}_${l.listener.port}`;
  const filter = new YamlMap();
  if (b.balancer.layer === 7) {
    const routes = ruleRoutes(b, l, notes);
    const w = l.listener.weightedForward;
    if (w) routes.push(ymap(['match', ymap(['prefix', '/'])], ['route', routeAction(b.groups, { weighted: w.map((x, i) => ({ group: x.group, weight: x.weight, from: `${l.path}.weightedForward[${i}]` })) }, `${l.path}.weightedForward`, notes, l.path)]), `${l.path}.weightedForward (any other request)`);
    else if (l.listener.defaultForward) routes.push(ymap(['match', ymap(['prefix', '/'])], ['route', routeAction(b.groups, { cluster: l.listener.defaultForward }, `${l.path}.defaultForward`, notes, l.path)]), `${l.path}.defaultForward (any other request)`);
    else routes.push(ymap(['match', ymap(['prefix', '/'])], ['direct_response', ymap(['status', 404])]), `${l.path}: no defaultForward, so unmatched requests get 404`);
    filter.set('name', 'envoy.filters.network.http_connection_manager');
    filter.set('typed_config', ymap(
      ['@type', HCM],
      ['stat_prefix', name],
      ['route_config', ymap(['name', name], ['virtual_hosts', ylist(ymap(['name', name], ['domains', ylist('*'), '(every host; host rules are route conditions)'], ['routes', routes]))])],
      ['http_filters', ylist(ymap(['name', 'envoy.filters.http.router'], ['typed_config', ymap(['@type', ROUTER])]))],
    ), `${b.path}.layer 7`);
  } else {
    const cfg = ymap(['@type', TCP_PROXY], ['stat_prefix', name]);
    const w = l.listener.weightedForward;
    if (w) {
      const clusters = new YamlList();
      w.filter((x) => x.weight > 0).forEach((x) => clusters.push(ymap(['name', x.group], ['weight', x.weight]), `${l.path}.weightedForward[${w.indexOf(x)}]`));
      cfg.set('weighted_clusters', ymap(['clusters', clusters]), `${l.path}.weightedForward`);
    } else cfg.set('cluster', l.listener.defaultForward!, `${l.path}.defaultForward`);
    cfg.set('idle_timeout', envoyDuration(b.balancer.idleTimeoutSec), `${b.path}.idleTimeoutSec`);
    const ref = b.groups.find((g) => g.group.id === (l.listener.defaultForward ?? w?.[0]?.group));
    if (ref && HASH_ALGORITHMS.includes(ref.group.algorithm)) cfg.set('hash_policy', new YamlList().push(ymap(['source_ip', new YamlMap()])), `${ref.path}.hashKey "client-ip" (layer 4 sees only addresses)`);
    if (ref?.group.retries) notes.add(`${ref.path}.retries`, 'Envoy\'s TCP proxy retries only the connection (max_connect_attempts)');
    if (ref?.group.retries) cfg.set('max_connect_attempts', Math.min(32, ref.group.retries.maxTries || ref.group.targets.length), `${ref.path}.retries.maxTries`);
    filter.set('name', 'envoy.filters.network.tcp_proxy');
    filter.set('typed_config', cfg, `${b.path}.layer 4`);
  }
  if (l.listener.protocol === 'udp') notes.add(`${l.path}.protocol "udp"`, 'exported as a TCP listener; Envoy balances UDP with a separate udp_proxy listener filter');
  const chain = ymap(['filters', new YamlList().push(filter)]);
  const tls = transportSocket(b, l, certDir);
  if (tls) chain.set('transport_socket', tls, `${l.path}.protocol "${l.listener.protocol}" (TLS ends here)`);
  return ymap(
    ['name', name, `${l.path} (port ${l.listener.port})`],
    ['address', ymap(['socket_address', ymap(['address', '0.0.0.0', '(every interface)'], ['port_value', l.listener.port, `${l.path}.port`])])],
    ['filter_chains', new YamlList().push(chain)],
  );
}

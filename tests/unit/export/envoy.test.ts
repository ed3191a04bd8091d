// The Envoy export is a v3 bootstrap (checked against a schema of the protos' fields, since no envoy binary is
// at hand), its routes only name clusters it defines, and its choices follow real-systems.md §3.
import { ALGORITHM_NAMES } from '../../../src/scenario/algorithm-names.ts';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportConfig } from '../../../src/export/index.ts';
import { allScenarios, everyLayer4Setting, everyLayer7Setting, repositoryScenarios } from './support/fixtures.ts';
import { EnvoyBootstrap } from './support/envoy-schema.ts';

function bootstrap(text: string): EnvoyBootstrap {
  const r = EnvoyBootstrap.safeParse(parse(text));
  if (!r.success) throw new Error(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  return r.data;
}

describe('Envoy export', () => {
  for (const [name, s] of allScenarios()) {
    it(`${name}: every balancer's bootstrap fits the v3 schema and names only its own clusters`, () => {
      for (const b of s.balancers) {
        const doc = bootstrap(exportConfig(s, 'envoy', { balancer: b.id }).text);
        const clusters = new Set(doc.static_resources.clusters.map((c) => c.name));
        const named = JSON.stringify(doc.static_resources.listeners).match(/"(cluster|name)":"[^"]+"/g) ?? [];
        for (const l of doc.static_resources.listeners) {
          const f = l.filter_chains[0].filters[0].typed_config as { route_config?: { virtual_hosts: { routes: { route?: { cluster?: string; weighted_clusters?: { clusters: { name: string }[] } } }[] }[] }; cluster?: string };
          const targets = [f.cluster, ...(f.route_config?.virtual_hosts.flatMap((v) => v.routes.flatMap((r) => [r.route?.cluster, ...(r.route?.weighted_clusters?.clusters.map((c) => c.name) ?? [])])) ?? [])];
          for (const t of targets) if (t !== undefined) expect(clusters.has(t), `route to ${t}`).toBe(true);
        }
        expect(named.length).toBeGreaterThan(0);
      }
    });
  }

  it('three servers, round robin: one listener on port 80 to cluster "web" with three endpoints 10.1.0.1-3:80, no weights', () => {
    const s = repositoryScenarios().find(([n]) => n === 'scenarios/three-servers.json')![1];
    const doc = bootstrap(exportConfig(s, 'envoy').text);
    expect(doc.static_resources.listeners.map((l) => l.address.socket_address.port_value)).toEqual([80]);
    const c = doc.static_resources.clusters[0];
    expect(c).toMatchObject({ name: 'web', type: 'STATIC', lb_policy: 'ROUND_ROBIN' });
    const eps = c.load_assignment.endpoints.flatMap((e) => e.lb_endpoints);
    // the lab's default address rule: 10.1.<group>.<n>:80
    expect(eps.map((e) => `${e.endpoint.address.socket_address.address}:${e.endpoint.address.socket_address.port_value}`)).toEqual(['10.1.0.1:80', '10.1.0.2:80', '10.1.0.3:80']);
    expect(eps.every((e) => e.load_balancing_weight === undefined)).toBe(true);
  });

  it('maps each algorithm to its nearest lb_policy, weights 2.5 : 1 to 5 : 2, and weight 0 to no endpoint', () => {
    const doc = bootstrap(exportConfig(everyLayer7Setting(), 'envoy').text);
    const policy = Object.fromEntries(doc.static_resources.clusters.map((c) => [c.name.slice(2), c.lb_policy]));
    expect(policy).toEqual({
      'round-robin': 'ROUND_ROBIN', 'weighted-round-robin': 'ROUND_ROBIN', 'least-connections': 'LEAST_REQUEST', 'least-outstanding-requests': 'LEAST_REQUEST',
      random: 'RANDOM', 'power-of-two-choices': 'LEAST_REQUEST', 'peak-ewma': 'LEAST_REQUEST', 'least-response-time': 'LEAST_REQUEST',
      'ip-hash': 'RING_HASH', hash: 'RING_HASH', 'consistent-hash': 'RING_HASH', maglev: 'MAGLEV', 'flow-hash': 'RANDOM',
      'haproxy-roundrobin': 'ROUND_ROBIN', 'haproxy-static-rr': 'ROUND_ROBIN', 'haproxy-leastconn': 'LEAST_REQUEST', 'haproxy-first': 'LEAST_REQUEST',
      'haproxy-source': 'RING_HASH', 'haproxy-hash': 'RING_HASH',
    });
    const wrr = doc.static_resources.clusters.find((c) => c.name === 'g-weighted-round-robin')!;
    expect(wrr.load_assignment.endpoints.flatMap((e) => e.lb_endpoints.map((x) => x.load_balancing_weight))).toEqual([5, 2, 2]);
    const rr = doc.static_resources.clusters.find((c) => c.name === 'g-round-robin')!;
    // targets 1-3 of an even group: weight 0 for the third, which Envoy (weights ≥ 1) cannot hold
    expect(rr.load_assignment.endpoints.flatMap((e) => e.lb_endpoints)).toHaveLength(2);
  });

  it('carries the ALB health check, the panic threshold, retries and the first-match order of rules', () => {
    const text = exportConfig(everyLayer7Setting(), 'envoy').text;
    const doc = bootstrap(text);
    const rr = doc.static_resources.clusters.find((c) => c.name === 'g-round-robin')!;
    // preset aws-alb: 30 s, 5 s, 5 to become healthy, 2 to become unhealthy; successCodes 200-299,302
    expect(rr.health_checks![0]).toMatchObject({ interval: '30s', timeout: '5s', healthy_threshold: 5, unhealthy_threshold: 2, http_health_check: { path: '/health', expected_statuses: [{ start: 200, end: 300 }, { start: 302, end: 303 }] } });
    expect(rr.common_lb_config!.healthy_panic_threshold.value).toBe(40);
    const routes = (doc.static_resources.listeners[0].filter_chains[0].filters[0].typed_config as unknown as { route_config: { virtual_hosts: { routes: { match: { prefix: string }; route?: { cluster?: string; retry_policy?: unknown } }[] }[] } }).route_config.virtual_hosts[0].routes;
    // one route per rule (one rule per group but the first) and the default route last
    expect(routes).toHaveLength(ALGORITHM_NAMES.length);
    expect(routes[0].match.prefix).toBe('/r0/a.b+c');
    expect(routes[routes.length - 1]).toMatchObject({ match: { prefix: '/' }, route: { cluster: 'g-round-robin', retry_policy: { retry_on: 'connect-failure,reset,gateway-error,retriable-status-codes', num_retries: 1, retriable_status_codes: [503] } } });
    expect(text).toMatch(/# not exported \(or only approximated\), with the reason:\n(# {3}- .*\n)*# {3}- balancers\[0\]\.rateLimit: Envoy's local_ratelimit/);
  });

  it('a retry budget becomes the cluster\'s circuit_breakers retry_budget; a group without one has no circuit_breakers', () => {
    const s = everyLayer7Setting();
    const g = s.targetGroups[0];
    if (g.retries?.style !== 'nginx') throw new Error('the fixture\'s first group retries nginx-style');
    g.retries = { ...g.retries, budget: { budgetPercent: 25, minRetryConcurrency: 5 } };
    const text = exportConfig(s, 'envoy').text;
    const clusters = bootstrap(text).static_resources.clusters;
    expect(clusters.find((c) => c.name === g.id)!.circuit_breakers).toEqual({ thresholds: [{ priority: 'DEFAULT', retry_budget: { budget_percent: { value: 25 }, min_retry_concurrency: 5 } }] });
    expect(clusters.filter((c) => c.circuit_breakers !== undefined).map((c) => c.name)).toEqual([g.id]);
    expect(text).toMatch(/budget_percent: {2}# targetGroups\[0\]\.retries\.budget\.budgetPercent\n\s+value: 25\n\s+min_retry_concurrency: 5 {2}# targetGroups\[0\]\.retries\.budget\.minRetryConcurrency/);
  });

  it('layer 4 becomes TCP proxies; a hash group hashes the source address', () => {
    const doc = bootstrap(exportConfig(everyLayer4Setting(), 'envoy').text);
    const first = doc.static_resources.listeners[0].filter_chains[0].filters[0];
    expect(first.name).toBe('envoy.filters.network.tcp_proxy');
    expect(first.typed_config).toMatchObject({ cluster: 'hashed', idle_timeout: '120s', hash_policy: [{ source_ip: {} }], max_connect_attempts: 2 });
    expect(doc.static_resources.listeners[2].filter_chains[0].transport_socket).toBeDefined();
    expect(doc.static_resources.listeners[1].filter_chains[0].transport_socket).toBeUndefined();
  });
});

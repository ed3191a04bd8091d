// A minimal schema of the Envoy v3 bootstrap parts the exporter writes (static_resources: listeners with an HTTP
// connection manager or a TCP proxy, clusters with load assignments, health checks and outlier detection),
// written from the v3 protos (envoy.config.bootstrap.v3.Bootstrap, listener.v3.Listener, cluster.v3.Cluster,
// core.v3.HealthCheck, route.v3.RouteConfiguration). Strict objects: a misspelt field fails, as Envoy would fail.
import { z } from 'zod';

const duration = z.string().regex(/^\d+(\.\d+)?s$/, 'a protobuf Duration such as "5s" or "0.5s"');
const uint = z.number().int().min(0);
const socketAddress = z.strictObject({ socket_address: z.strictObject({ address: z.string().min(1), port_value: z.number().int().min(1).max(65535) }) });
const regexMatcher = z.strictObject({ safe_regex: z.strictObject({ regex: z.string().min(1) }) });
const typed = (type: string, fields: z.ZodRawShape = {}) => z.strictObject({ '@type': z.literal(`type.googleapis.com/${type}`), ...fields });

const hashPolicy = z.array(
  z.union([
    z.strictObject({ connection_properties: z.strictObject({ source_ip: z.literal(true) }) }),
    z.strictObject({ header: z.strictObject({ header_name: z.string().min(1) }) }),
    z.strictObject({ cookie: z.strictObject({ name: z.string().min(1) }) }),
    z.strictObject({ query_parameter: z.strictObject({ name: z.string().min(1) }) }),
  ]),
);

const routeAction = z.strictObject({
  cluster: z.string().optional(),
  weighted_clusters: z.strictObject({ clusters: z.array(z.strictObject({ name: z.string(), weight: uint })).min(1) }).optional(),
  timeout: duration.optional(),
  retry_policy: z
    .strictObject({
      retry_on: z.string().regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/),
      num_retries: uint,
      retriable_status_codes: z.array(z.number().int()).optional(),
      per_try_timeout: duration.optional(),
      retry_host_predicate: z.array(z.strictObject({ name: z.literal('envoy.retry_host_predicates.previous_hosts'), typed_config: typed('envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsPredicate') })).optional(),
      host_selection_retry_max_attempts: uint.optional(),
    })
    .optional(),
  hash_policy: hashPolicy.optional(),
});

const route = z.strictObject({
  match: z.strictObject({ prefix: z.string().startsWith('/'), headers: z.array(z.strictObject({ name: z.string().min(1), string_match: regexMatcher })).optional() }),
  route: routeAction.refine((a) => (a.cluster === undefined) !== (a.weighted_clusters === undefined), 'a route names one cluster or weighted clusters').optional(),
  direct_response: z.strictObject({ status: z.number().int().min(100).max(599) }).optional(),
});

const hcm = typed('envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager', {
  stat_prefix: z.string().min(1),
  route_config: z.strictObject({ name: z.string(), virtual_hosts: z.array(z.strictObject({ name: z.string(), domains: z.array(z.string()).min(1), routes: z.array(route).min(1) })).min(1) }),
  http_filters: z.array(z.strictObject({ name: z.literal('envoy.filters.http.router'), typed_config: typed('envoy.extensions.filters.http.router.v3.Router') })).min(1),
});

const tcpProxy = typed('envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy', {
  stat_prefix: z.string().min(1),
  cluster: z.string().optional(),
  weighted_clusters: z.strictObject({ clusters: z.array(z.strictObject({ name: z.string(), weight: uint })).min(1) }).optional(),
  idle_timeout: duration.optional(),
  hash_policy: z.array(z.strictObject({ source_ip: z.strictObject({}) })).optional(),
  max_connect_attempts: z.number().int().min(1).optional(),
});

const listener = z.strictObject({
  name: z.string().min(1),
  address: socketAddress,
  filter_chains: z
    .array(
      z.strictObject({
        filters: z.array(z.union([z.strictObject({ name: z.literal('envoy.filters.network.http_connection_manager'), typed_config: hcm }), z.strictObject({ name: z.literal('envoy.filters.network.tcp_proxy'), typed_config: tcpProxy })])).length(1),
        transport_socket: z
          .strictObject({
            name: z.literal('envoy.transport_sockets.tls'),
            typed_config: typed('envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext', {
              common_tls_context: z.strictObject({ tls_certificates: z.array(z.strictObject({ certificate_chain: z.strictObject({ filename: z.string() }), private_key: z.strictObject({ filename: z.string() }) })).min(1) }),
            }),
          })
          .optional(),
      }),
    )
    .min(1),
});

const slowStart = z.strictObject({
  slow_start_window: duration,
  aggression: z.strictObject({ default_value: z.number(), runtime_key: z.string().min(1) }).optional(),
  min_weight_percent: z.strictObject({ value: z.number().min(0).max(100) }).optional(),
});

const healthCheck = z
  .strictObject({
    timeout: duration,
    interval: duration,
    unhealthy_threshold: z.number().int().min(1),
    healthy_threshold: z.number().int().min(1),
    interval_jitter_percent: uint.optional(),
    unhealthy_interval: duration.optional(),
    http_health_check: z.strictObject({ path: z.string().startsWith('/'), expected_statuses: z.array(z.strictObject({ start: z.number().int().min(100), end: z.number().int().max(600) })).optional() }).optional(),
    tcp_health_check: z.strictObject({}).optional(),
  })
  .refine((h) => (h.http_health_check === undefined) !== (h.tcp_health_check === undefined), 'exactly one health checker');

const cluster = z.strictObject({
  name: z.string().min(1),
  type: z.enum(['STATIC', 'STRICT_DNS', 'LOGICAL_DNS', 'EDS', 'ORIGINAL_DST']),
  connect_timeout: duration,
  lb_policy: z.enum(['ROUND_ROBIN', 'LEAST_REQUEST', 'RING_HASH', 'RANDOM', 'MAGLEV', 'CLUSTER_PROVIDED', 'LOAD_BALANCING_POLICY_CONFIG']),
  ring_hash_lb_config: z.strictObject({ minimum_ring_size: uint }).optional(),
  round_robin_lb_config: z.strictObject({ slow_start_config: slowStart }).optional(),
  least_request_lb_config: z.strictObject({ slow_start_config: slowStart }).optional(),
  common_lb_config: z.strictObject({ healthy_panic_threshold: z.strictObject({ value: z.number().min(0).max(100) }) }).optional(),
  load_assignment: z.strictObject({
    cluster_name: z.string(),
    endpoints: z.array(z.strictObject({ locality: z.strictObject({ zone: z.string() }).optional(), lb_endpoints: z.array(z.strictObject({ endpoint: z.strictObject({ address: socketAddress }), load_balancing_weight: z.number().int().min(1).optional() })).min(1) })),
  }),
  health_checks: z.array(healthCheck).optional(),
  // config.cluster.v3.CircuitBreakers: only the retry budget is exported (Percent is { value: double }, min_retry_concurrency a UInt32Value)
  circuit_breakers: z
    .strictObject({ thresholds: z.array(z.strictObject({ priority: z.enum(['DEFAULT', 'HIGH']), retry_budget: z.strictObject({ budget_percent: z.strictObject({ value: z.number().min(0).max(100) }), min_retry_concurrency: uint }) })).min(1) })
    .optional(),
  outlier_detection: z
    .strictObject({ consecutive_5xx: uint, interval: duration, base_ejection_time: duration, max_ejection_time: duration.optional(), max_ejection_percent: z.number().min(0).max(100), enforcing_success_rate: uint })
    .optional(),
});

/** The bootstrap: only static_resources, with at least one listener and one cluster. */
export const EnvoyBootstrap = z.strictObject({ static_resources: z.strictObject({ listeners: z.array(listener).min(1), clusters: z.array(cluster).min(1) }) });
export type EnvoyBootstrap = z.infer<typeof EnvoyBootstrap>;

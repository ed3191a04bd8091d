/**
 * An export's "not exported" list (src/export/notes.ts) as the page shows it. The exporter writes each item as
 * "path: reason" in English, the same line as in the file's comment block (a configuration file's comments stay
 * English). The page keeps the path (a place in the scenario, data) and words the reason in its language: each
 * reason the exporter writes has a message (`exp_*`) whose English is that sentence, so the sentence is read back
 * by matching it against the English message, its values in the places of the message's own; a reason no message
 * knows is shown as written, marked as English. tests/unit/i18n/not-exported-words.test.ts exports every example
 * and lesson world in every format and requires a Spanish wording for each reason, and an English one equal to
 * the file's.
 */
import { m } from '../../../i18n/paraglide/messages.js';
import { getLocale } from '../../../i18n/paraglide/runtime.js';

type Reason = (inputs: Record<string, string>, options?: { locale?: 'en' | 'es' }) => string;

const REASONS = [
  m.exp_no_target_weights,
  m.exp_alb_no_hash,
  m.exp_alb_no_retry,
  m.exp_alb_idle_timeout,
  m.exp_alb_lor_nginx,
  m.exp_alb_offers,
  m.exp_asg_lists,
  m.exp_asg_envoy,
  m.exp_elb_no_hash,
  m.exp_elb_active_only,
  m.exp_envoy_lr_alb,
  m.exp_envoy_lr_nginx,
  m.exp_nginx_two_choices,
  m.exp_envoy_bad_status,
  m.exp_envoy_flow_hash,
  m.exp_envoy_peak_ewma,
  m.exp_envoy_shifts,
  m.exp_envoy_ring_ketama,
  m.exp_envoy_edf,
  m.exp_haproxy_rise_fall,
  m.exp_haproxy_drain,
  m.exp_haproxy_flow_hash,
  m.exp_haproxy_peak_ewma,
  m.exp_haproxy_shifts,
  m.exp_haproxy_leastconn_idle,
  m.exp_haproxy_never_down,
  m.exp_haproxy_observe,
  m.exp_haproxy_consistent,
  m.exp_haproxy_wrr_order,
  m.exp_nginx_flow_hash,
  m.exp_dns_before,
  m.exp_r53_checkers,
  m.exp_nginx_sticky,
  m.exp_where_runs,
  m.exp_l4_timeout,
  m.exp_aws_default_check,
  m.exp_alias_multivalue,
  m.exp_alias_ttl,
  m.exp_nlb_flow_hash,
  m.exp_not_forwarded,
  m.exp_boot,
  m.exp_requests_per_conn,
  m.exp_nginx_no_drain,
  m.exp_nginx_peak_ewma,
  m.exp_nginx_shifts,
  m.exp_envoy_max_fails,
  m.exp_nginx_never_failed,
  m.exp_nginx_no_active,
  m.exp_envoy_sticky,
  m.exp_one_machine,
  m.exp_zones,
  m.exp_server_properties,
  m.exp_nlb_idle,
  m.exp_database,
  m.exp_region,
  m.exp_resolvers,
  m.exp_simulation_only,
  m.exp_asg_registers,
  m.exp_release_tool,
  m.exp_envoy_no_dereg,
  m.exp_instance_types,
  m.exp_tls_costs,
  m.exp_session_store,
  m.exp_balancer_cpu,
  m.exp_standby,
  m.exp_waf,
  m.exp_deep_check,
  m.exp_alb_cookie,
  m.exp_aws_range,
  m.exp_aws_consecutive,
  m.exp_beanstalk,
  m.exp_envoy_lr_haproxy,
  m.exp_envoy_rise_fall,
  m.exp_envoy_ip_hash,
  m.exp_envoy_ratelimit,
  m.exp_envoy_ring_sdbm,
  m.exp_envoy_edf_haproxy,
  m.exp_nginx_source_hash,
  m.exp_haproxy_source,
  m.exp_nginx_leastconn_idle,
  m.exp_nginx_wrr_order,
  m.exp_r53_latency,
  m.exp_elb_capacity,
  m.exp_ip_zone,
  m.exp_haproxy_ratelimit,
  m.exp_spot,
  m.exp_waf_rate,
  m.exp_waf_rules,
  m.exp_nginx_per_location,
  m.exp_requests_per_minute,
  m.exp_envoy_random_weights,
  m.exp_envoy_response_time,
  m.exp_envoy_hash,
  m.exp_envoy_first,
  m.exp_envoy_rounded,
  m.exp_envoy_weight_zero,
  m.exp_envoy_slow_start_policy,
  m.exp_envoy_slow_start_min,
  m.exp_envoy_breakers,
  m.exp_envoy_path_hash,
  m.exp_envoy_route_timeouts,
  m.exp_envoy_tcp_retries,
  m.exp_envoy_udp,
  m.exp_haproxy_response_time,
  m.exp_haproxy_map_hash,
  m.exp_haproxy_maglev,
  m.exp_haproxy_bad_status,
  m.exp_haproxy_observe_nginx,
  m.exp_haproxy_observe_envoy,
  m.exp_haproxy_slowstart,
  m.exp_haproxy_slowstart_envoy,
  m.exp_haproxy_app_cookie,
  m.exp_haproxy_breaker,
  m.exp_haproxy_scaled,
  m.exp_haproxy_l4_rate,
  m.exp_haproxy_udp,
  m.exp_nginx_slow_start,
  m.exp_nginx_breaker,
  m.exp_nginx_stream_rate,
  m.exp_nginx_rate_rounded,
  m.exp_nginx_l4_retries,
  m.exp_nginx_uri,
  m.exp_nginx_variable_dash,
  m.exp_nginx_least_time,
  m.exp_nginx_stream_ip_hash,
  m.exp_nginx_no_flow_hash,
  m.exp_nginx_maglev,
  m.exp_nginx_first,
  m.exp_nginx_source_ip_hash,
  m.exp_nginx_haproxy_hashes,
  m.exp_nginx_no_active_passive,
  m.exp_nginx_outlier_unused,
  m.exp_nginx_outlier,
  m.exp_nginx_rounded,
  m.exp_nginx_fractional,
  m.exp_asg_no_alb,
  m.exp_hpa,
  m.exp_alb_wildcards,
  m.exp_alb_cross_zone,
  m.exp_elb_standby,
  m.exp_elb_ttl,
  m.exp_simple_alias,
  m.exp_record_location,
  m.exp_aws_jitter,
  m.exp_aws_waits,
  m.exp_nlb_http_check,
  m.exp_source_ip_sticky,
  m.exp_cookie_sticky,
  m.exp_alb_slow_start,
  m.exp_elb_fail_open,
  m.exp_elb_breaker,
  m.exp_not_ipv4,
] as unknown as readonly Reason[];

interface Pattern {
  readonly re: RegExp;
  readonly words: Reason;
}

const OPEN = '\u0001';
const CLOSE = '\u0002';
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The English message as a pattern: its text as written, each value a named group. */
function patternOf(words: Reason): Pattern {
  const marks = new Proxy({}, { get: (_, name) => `${OPEN}${String(name)}${CLOSE}` }) as Record<string, string>;
  const names: string[] = [];
  const source = words(marks, { locale: 'en' })
    .split(new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`))
    .map((part, i) => {
      if (i % 2 === 0) return escape(part);
      if (names.includes(part)) return `\\k<${part}>`;
      names.push(part);
      return `(?<${part}>.+?)`;
    })
    .join('');
  return { re: new RegExp(`^${source}$`), words };
}

let patterns: Pattern[] | null = null;

/** A reason the exporter wrote (English), in the page's language. */
export function reasonWords(because: string): string {
  patterns ??= REASONS.map(patternOf);
  for (const p of patterns) {
    const found = p.re.exec(because);
    if (found !== null) return p.words({ ...found.groups });
  }
  return m.export_reason_english({ reason: because });
}

/** One item of the list: its path as written, its reason in the page's language (in English, the exporter's line). */
export function notExportedItem(line: string): { path: string; reason: string } {
  const at = line.indexOf(': ');
  if (at < 0) return { path: '', reason: line };
  const because = line.slice(at + 2);
  return { path: line.slice(0, at), reason: getLocale() === 'en' ? because : reasonWords(because) };
}

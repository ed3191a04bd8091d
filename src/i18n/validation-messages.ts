/**
 * The wording of validation errors (src/scenario/error-codes.ts) from messages/*.json (`val_*`): a chunk of its
 * own, loaded only when the page is not in English (validation-words.ts), since the validator's own sentences
 * are English. Its code picks the message and its values are worded here: numbers the page's way, quoted input
 * values, type names, "a or b" lists. An unknown code keeps the English.
 */
import { m } from './paraglide/messages.js';
import { localizeNumberText } from '../viz/number-format.ts';
import { engineErrorWords } from './engine-error-words.ts';
import type { ErrorParam, Got, ValidationError } from '../scenario/validated.ts';
import type { ErrorCode } from '../scenario/error-templates.ts';

type Values = Record<string, string>;

const WORDS: Readonly<Record<ErrorCode, (v: Values) => string>> = {
  val_required: (v) => m.val_required(v as never),
  val_type: (v) => m.val_type(v as never),
  val_min_items_one: (v) => m.val_min_items_one(v as never),
  val_min_items: (v) => m.val_min_items(v as never),
  val_not_empty: () => m.val_not_empty(),
  val_min: (v) => m.val_min(v as never),
  val_max_items: (v) => m.val_max_items(v as never),
  val_too_long: (v) => m.val_too_long(v as never),
  val_max: (v) => m.val_max(v as never),
  val_unknown_key: (v) => m.val_unknown_key(v as never),
  val_unknown_keys: (v) => m.val_unknown_keys(v as never),
  val_enum: (v) => m.val_enum(v as never),
  val_tag_required: () => m.val_tag_required(),
  val_tag_required_one_of: (v) => m.val_tag_required_one_of(v as never),
  val_tag_unknown: (v) => m.val_tag_unknown(v as never),
  val_tag_unknown_one_of: (v) => m.val_tag_unknown_one_of(v as never),
  val_kinds: (v) => m.val_kinds(v as never),
  val_no_shape: () => m.val_no_shape(),
  val_starts_slash: () => m.val_starts_slash(),
  val_id_chars: () => m.val_id_chars(),
  val_ipv4: () => m.val_ipv4(),
  val_hash_key_form: () => m.val_hash_key_form(),
  val_p99_median: () => m.val_p99_median(),
  val_max_min: () => m.val_max_min(),
  val_rule_needs_match: () => m.val_rule_needs_match(),
  val_patch_one_of: () => m.val_patch_one_of(),
  val_not_json_at: (v) => m.val_not_json_at(v as never),
  val_file_too_large: (v) => m.val_file_too_large(v as never),
  val_not_json: (v) => m.val_not_json(v as never),
  val_not_object: (v) => m.val_not_object(v as never),
  val_version_required: (v) => m.val_version_required(v as never),
  val_version_newer: (v) => m.val_version_newer(v as never),
  val_more_errors: (v) => m.val_more_errors(v as never),
  val_duplicate_balancer: (v) => m.val_duplicate_balancer(v as never),
  val_duplicate_group: (v) => m.val_duplicate_group(v as never),
  val_duplicate_target: (v) => m.val_duplicate_target(v as never),
  val_duplicate_class: (v) => m.val_duplicate_class(v as never),
  val_duplicate_deployment: (v) => m.val_duplicate_deployment(v as never),
  val_duplicate_scaling_group: (v) => m.val_duplicate_scaling_group(v as never),
  val_duplicate_database: (v) => m.val_duplicate_database(v as never),
  val_duplicate_record: (v) => m.val_duplicate_record(v as never),
  val_no_group: (v) => m.val_no_group(v as never),
  val_no_balancer: (v) => m.val_no_balancer(v as never),
  val_no_target: (v) => m.val_no_target(v as never),
  val_no_scaling_group: (v) => m.val_no_scaling_group(v as never),
  val_no_database: (v) => m.val_no_database(v as never),
  val_no_class: (v) => m.val_no_class(v as never),
  val_no_zone: (v) => m.val_no_zone(v as never),
  val_no_zone_known: (v) => m.val_no_zone_known(v as never),
  val_no_region: (v) => m.val_no_region(v as never),
  val_unknown_type: (v) => m.val_unknown_type(v as never),
  val_unknown_type_known: (v) => m.val_unknown_type_known(v as never),
  val_all_down: () => m.val_all_down(),
  val_all_zero: () => m.val_all_zero(),
  val_hash_key_unused: (v) => m.val_hash_key_unused(v as never),
  val_ip_hash_key: () => m.val_ip_hash_key(),
  val_too_many_targets: (v) => m.val_too_many_targets(v as never),
  val_port_twice: (v) => m.val_port_twice(v as never),
  val_l4_rules: () => m.val_l4_rules(),
  val_l4_protocol: (v) => m.val_l4_protocol(v as never),
  val_l7_protocol: (v) => m.val_l7_protocol(v as never),
  val_l7_passthrough: () => m.val_l7_passthrough(),
  val_tls_protocol: (v) => m.val_tls_protocol(v as never),
  val_weights_zero: () => m.val_weights_zero(),
  val_default_forward: () => m.val_default_forward(),
  val_l4_hash: (v) => m.val_l4_hash(v as never),
  val_listener_port: (v) => m.val_listener_port(v as never),
  val_profile_closed: () => m.val_profile_closed(),
  val_profile_order: () => m.val_profile_order(),
  val_event_patch: (v) => m.val_event_patch(v as never),
  val_event_patched: (v) => m.val_event_patched(v as never),
  val_event_changes_events: () => m.val_event_changes_events(),
  val_zone_not_served: (v) => m.val_zone_not_served(v as never),
  val_zone_twice: (v) => m.val_zone_twice(v as never),
  val_carts_need_sessions: () => m.val_carts_need_sessions(),
  val_deploy_port: (v) => m.val_deploy_port(v as never),
  val_deploy_same: () => m.val_deploy_same(),
  val_group_managed: (v) => m.val_group_managed(v as never),
  val_min_above_max: (v) => m.val_min_above_max(v as never),
  val_desired_capacity: (v) => m.val_desired_capacity(v as never),
  val_desired_outside: (v) => m.val_desired_outside(v as never),
  val_steps_none: () => m.val_steps_none(),
  val_steps_no_lower: () => m.val_steps_no_lower(),
  val_steps_no_upper: () => m.val_steps_no_upper(),
  val_steps_overlap: (v) => m.val_steps_overlap(v as never),
  val_steps_gap: (v) => m.val_steps_gap(v as never),
  val_scheduled_needs: () => m.val_scheduled_needs(),
  val_dns_traffic_balancer: () => m.val_dns_traffic_balancer(),
  val_failover_record: () => m.val_failover_record(),
  val_failover_two: () => m.val_failover_two(),
  val_one_primary: () => m.val_one_primary(),
  val_hc_timeout_at_most: (v) => m.val_hc_timeout_at_most(v as never),
  val_hc_timeout_shorter: (v) => m.val_hc_timeout_shorter(v as never),
  val_hc_interval_range: (v) => m.val_hc_interval_range(v as never),
  val_hc_timeout_range: (v) => m.val_hc_timeout_range(v as never),
  val_hc_threshold_range: (v) => m.val_hc_threshold_range(v as never),
  val_hc_protocol: (v) => m.val_hc_protocol(v as never),
  val_hc_codes: (v) => m.val_hc_codes(v as never),
  val_no_shared_store: (v) => m.val_no_shared_store(v as never),
  val_count_scaling: (v) => m.val_count_scaling(v as never),
  val_swap_needs_dns: () => m.val_swap_needs_dns(),
  val_swap_same: () => m.val_swap_same(),
  val_rate_closed: () => m.val_rate_closed(),
  val_rate_replay: () => m.val_rate_replay(),
  val_haproxy_weight: (v) => m.val_haproxy_weight(v as never),
  val_backup_nginx: (v) => m.val_backup_nginx(v as never),
  val_haproxy_id: (v) => m.val_haproxy_id(v as never),
  val_hash_type: (v) => m.val_hash_type(v as never),
  val_all_backups: (v) => m.val_all_backups(v as never),
  val_haproxy_source_key: () => m.val_haproxy_source_key(),
  val_haproxy_hash_key: (v) => m.val_haproxy_hash_key(v as never),
  val_redispatch: (v) => m.val_redispatch(v as never),
  val_l4_cookie: () => m.val_l4_cookie(),
  val_stale_cookie: () => m.val_stale_cookie(),
  val_inspection_used: (v) => m.val_inspection_used(v as never),
  val_inspection_shared: (v) => m.val_inspection_shared(v as never),
  val_replay_order: (v) => m.val_replay_order(v as never),
  val_replay_late: (v) => m.val_replay_late(v as never),
  val_replay_profile: () => m.val_replay_profile(),
  val_link_no_scenario: () => m.val_link_no_scenario(),
  val_link_characters: () => m.val_link_characters(),
  val_link_unpack: () => m.val_link_unpack(),
  val_link_not_json: () => m.val_link_not_json(),
  val_link_no_run: () => m.val_link_no_run(),
  val_link_version: () => m.val_link_version(),
  val_link_too_long: (v) => m.val_link_too_long(v as never),
  val_link_too_large: (v) => m.val_link_too_large(v as never),
  val_link_newer: () => m.val_link_newer(),
  val_link_code: (v) => m.val_link_code(v as never),
  val_cron_fields: (v) => m.val_cron_fields(v as never),
  val_cron_value: (v) => m.val_cron_value(v as never),
  val_cron_step: (v) => m.val_cron_step(v as never),
  val_cron_range: (v) => m.val_cron_range(v as never),
  val_cron_empty: (v) => m.val_cron_empty(v as never),
  val_pointer_slash: (v) => m.val_pointer_slash(v as never),
  val_pointer_tilde: (v) => m.val_pointer_tilde(v as never),
  val_patch_needs_value: (v) => m.val_patch_needs_value(v as never),
  val_patch_remove_root: () => m.val_patch_remove_root(),
  val_patch_end_add: () => m.val_patch_end_add(),
  val_patch_not_position: (v) => m.val_patch_not_position(v as never),
  val_patch_no_item: (v) => m.val_patch_no_item(v as never),
  val_patch_no_key: (v) => m.val_patch_no_key(v as never),
  val_patch_scenario_no_parts: () => m.val_patch_scenario_no_parts(),
  val_patch_value_no_parts: () => m.val_patch_value_no_parts(),
  val_patch_parent: () => m.val_patch_parent(),
  val_patch_nothing_to: (v) => m.val_patch_nothing_to(v as never),
  val_patch_at: (v) => m.val_patch_at(v as never),
  val_patch_nth: (v) => m.val_patch_nth(v as never),
  val_adopt_seed: () => m.val_adopt_seed(),
  val_adopt_events: () => m.val_adopt_events(),
  val_adopt_closed: () => m.val_adopt_closed(),
  val_adopt_replay: () => m.val_adopt_replay(),
  val_adopt_replay_mix: () => m.val_adopt_replay_mix(),
  val_adopt_scaled: (v) => m.val_adopt_scaled(v as never),
  val_adopt_target_group: (v) => m.val_adopt_target_group(v as never),
  val_adopt_scaling_group: () => m.val_adopt_scaling_group(),
  val_live_no_target: (v) => m.val_live_no_target(v as never),
  val_live_no_group: (v) => m.val_live_no_group(v as never),
  val_live_no_balancer: (v) => m.val_live_no_balancer(v as never),
  val_live_no_zone: (v) => m.val_live_no_zone(v as never),
  val_live_no_region: (v) => m.val_live_no_region(v as never),
  val_live_no_database: (v) => m.val_live_no_database(v as never),
  val_live_no_scaling_group: (v) => m.val_live_no_scaling_group(v as never),
  val_live_scaled_group: (v) => m.val_live_scaled_group(v as never),
  val_live_remaining_weight_zero: (v) => m.val_live_remaining_weight_zero(v as never),
  val_live_too_many_targets: (v) => m.val_live_too_many_targets(v as never),
  val_live_all_weight_zero: (v) => m.val_live_all_weight_zero(v as never),
  val_live_no_dns: () => m.val_live_no_dns(),
  val_live_swap_same: () => m.val_live_swap_same(),
  val_live_swap_no_record: (v) => m.val_live_swap_no_record(v as never),
  val_live_no_listener: (v) => m.val_live_no_listener(v as never),
  val_live_crashed: (v) => m.val_live_crashed(v as never),
  val_live_hung: (v) => m.val_live_hung(v as never),
  val_live_draining: (v) => m.val_live_draining(v as never),
  val_live_deregistered: (v) => m.val_live_deregistered(v as never),
  val_live_no_sessions: (v) => m.val_live_no_sessions(v as never),
  val_live_sessions_memory: (v) => m.val_live_sessions_memory(v as never),
  val_live_sessions_replicas: (v) => m.val_live_sessions_replicas(v as never),
  val_live_rate_replay: () => m.val_live_rate_replay(),
  val_live_rate_closed: () => m.val_live_rate_closed(),
  val_live_stopped: () => m.val_live_stopped(),
  val_run_path: (v) => m.val_run_path(v as never),
  val_run_refused: (v) => m.val_run_refused(v as never),
  val_run_too_long: (v) => m.val_run_too_long(v as never),
  val_run_at: (v) => m.val_run_at(v as never),
  val_run_list: () => m.val_run_list(),
  val_run_entry: () => m.val_run_entry(),
  val_run_field: () => m.val_run_field(),
  val_run_order: (v) => m.val_run_order(v as never),
  val_run_seed: (v) => m.val_run_seed(v as never),
  val_run_start: (v) => m.val_run_start({ reason: engineErrorWords(v.reason) }),
  val_import_alb_fields: (v) => m.val_import_alb_fields(v as never),
  val_import_alb_type: (v) => m.val_import_alb_type(v as never),
  val_import_alb_time: (v) => m.val_import_alb_time(v as never),
  val_import_alb_request: (v) => m.val_import_alb_request(v as never),
  val_import_nginx_format: () => m.val_import_nginx_format(),
  val_import_nginx_time: (v) => m.val_import_nginx_time(v as never),
  val_import_nginx_request: (v) => m.val_import_nginx_request(v as never),
  val_import_path_long: (v) => m.val_import_path_long(v as never),
  val_import_not_target: (v) => m.val_import_not_target(v as never),
  val_import_too_many: (v) => m.val_import_too_many(v as never),
  val_import_empty: (v) => m.val_import_empty(v as never),
  val_import_unreadable: (v) => m.val_import_unreadable(v as never),
};

const GOT: Readonly<Record<Got['got'], ((g: Got) => string) | undefined>> = {
  nothing: () => m.val_got_nothing(),
  null: () => 'null',
  list: () => m.val_got_list(),
  object: () => m.val_got_object(),
  text: (g) => m.val_got_text({ text: g.text }),
  number: (g) => m.val_got_number({ n: localizeNumberText(g.text) }),
  boolean: (g) => m.val_got_boolean({ value: g.text }),
  other: undefined,
};

/** zod's type names (scenario/zod-errors.ts) in words. */
const TYPES: Readonly<Record<string, () => string>> = {
  number: m.val_type_number,
  int: m.val_type_int,
  string: m.val_type_string,
  boolean: m.val_type_boolean,
  object: m.val_type_object,
  array: m.val_type_array,
  record: m.val_type_record,
};

/** The AWS balancers whose health-check limits an error names (scenario/health-limits.ts). */
const SYSTEMS: Readonly<Record<string, () => string>> = {
  'an ALB': m.val_system_alb,
  'an NLB': m.val_system_nlb,
  'a GWLB': m.val_system_gwlb,
};

/** The fields of a cron expression (scenario/cron.ts). */
const CRON_FIELDS: Readonly<Record<string, () => string>> = {
  minute: m.val_cron_field_minute,
  hour: m.val_cron_field_hour,
  'day of month': m.val_cron_field_day_of_month,
  month: m.val_cron_field_month,
  'day of week': m.val_cron_field_day_of_week,
};

/** The access logs an import reads (import/replay.ts). */
const LOGS: Readonly<Record<string, () => string>> = {
  'nginx access log': m.val_import_log_nginx,
  'ALB access log': m.val_import_log_alb,
};

/** Values that are names from a fixed set, worded by their own table. */
const NAMED: Readonly<Record<string, Readonly<Record<string, () => string>>>> = { system: SYSTEMS, cronField: CRON_FIELDS, log: LOGS };

const typeWords = (type: string): string => TYPES[type]?.() ?? type;

/** One value of an error in the page's language; a `…Text` value is a number written as text ("12.500"). */
function paramWords(name: string, p: ErrorParam): string {
  if (typeof p === 'string') return name.endsWith('Text') ? localizeNumberText(p) : (NAMED[name]?.[p]?.() ?? p);
  if (typeof p === 'number') return localizeNumberText(String(p));
  if ('got' in p) return GOT[p.got]?.(p) ?? p.text;
  if ('list' in p) return p.list.join(p.sep === 'or' ? m.val_or() : ', ');
  if ('type' in p) return typeWords(p.type);
  return p.types.map(typeWords).join(m.val_or());
}

/** The reason of an error worded from its code and values, whatever the locale; its English when it has no known code. */
export function wordError(e: ValidationError): string {
  const words = e.code === undefined ? undefined : WORDS[e.code as ErrorCode];
  if (words === undefined) return e.message;
  const values: Values = {};
  for (const [name, p] of Object.entries(e.params ?? {})) values[name] = paramWords(name, p);
  if (e.inner !== undefined) values.inner = wordError(e.inner);
  return words(values);
}

/**
 * The sandbox's examples and templates by name and description in the page's language (messages `example_*` and
 * `example_desc_*`: in English each is the example file's own `name` or `description`, a test keeps them equal). A
 * scenario's name and description belong to its document, which is saved, shared and exported as written, so only
 * what the page shows is translated: the picker's entries, and the title (and its tooltip) of an open scenario
 * whose name (and description) is still an example's.
 */
import { m } from '../../i18n/paraglide/messages.js';

/** Catalogue key (the example's file name, a template's key) → its name. */
export const EXAMPLE_NAMES: Readonly<Record<string, () => string>> = {
  'black-friday-autoscaling': m.example_black_friday_autoscaling,
  'canary-release': m.example_canary_release,
  'closed-loop-users': m.example_closed_loop_users,
  'consistent-hashing': m.example_consistent_hashing,
  'health-check-blind-window': m.example_health_check_blind_window,
  'nlb-layer4': m.example_nlb_layer4,
  'rush-hour': m.example_rush_hour,
  'sticky-vs-shared-sessions': m.example_sticky_vs_shared_sessions,
  'three-servers': m.example_three_servers,
  'two-regions-dns-failover': m.example_two_regions_dns_failover,
  'weighted-5-1-1': m.example_weighted_5_1_1,
  blank: m.example_blank,
  'large-fleet': m.example_large_fleet,
};

/** Example file name → its description (in English the file's own `description`), shown as the title's tooltip. */
export const EXAMPLE_DESCRIPTIONS: Readonly<Record<string, () => string>> = {
  'black-friday-autoscaling': m.example_desc_black_friday_autoscaling,
  'canary-release': m.example_desc_canary_release,
  'closed-loop-users': m.example_desc_closed_loop_users,
  'consistent-hashing': m.example_desc_consistent_hashing,
  'health-check-blind-window': m.example_desc_health_check_blind_window,
  'nlb-layer4': m.example_desc_nlb_layer4,
  'rush-hour': m.example_desc_rush_hour,
  'sticky-vs-shared-sessions': m.example_desc_sticky_vs_shared_sessions,
  'three-servers': m.example_desc_three_servers,
  'two-regions-dns-failover': m.example_desc_two_regions_dns_failover,
  'weighted-5-1-1': m.example_desc_weighted_5_1_1,
};

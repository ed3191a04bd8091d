/**
 * What a lesson unlocks, in the page's language: the unlock groups of content/unlocks.ts (whose English labels
 * the lesson checks and the CLI use) worded by messages; a pattern ("/dns/healthChecks") by its field names.
 */
import { m } from '../../i18n/paraglide/messages.js';
import { UNLOCK_GROUPS } from '../../content/unlocks.ts';
import { fieldWords } from './field-words.ts';
import { labelOf } from './schema-fields.ts';

const GROUP_WORDS: Readonly<Record<string, () => string>> = { 'traffic': m.unlock_traffic, 'target-groups': m.unlock_target_groups, 'targets': m.unlock_targets, 'algorithm': m.unlock_algorithm, 'routing': m.unlock_routing, 'health-checks': m.unlock_health_checks, 'resilience': m.unlock_resilience, 'stickiness': m.unlock_stickiness, 'session-store': m.unlock_session_store, 'tls': m.unlock_tls, 'zones': m.unlock_zones, 'edge': m.unlock_edge, 'inspection': m.unlock_inspection, 'balancers': m.unlock_balancers, 'dns': m.unlock_dns, 'databases': m.unlock_databases, 'scaling': m.unlock_scaling, 'everything': m.unlock_everything };

/** A pattern in words: `/dns/healthChecks` → "dns › health checks", `/balancers/*\/standby` → "balancers › standby". */
export function patternWords(pattern: string): string {
  return pattern
    .split('/')
    .filter((p) => p !== '' && p !== '*')
    .map((p) => fieldWords(p, labelOf(p)))
    .join(' › ');
}

/** One unlock (a group's name or a pattern) in words. */
export function unlockWords(unlock: string): string {
  return GROUP_WORDS[unlock]?.() ?? UNLOCK_GROUPS[unlock]?.label ?? patternWords(unlock);
}

/** What a lesson unlocks, in words: "session stickiness; where sessions live" ("nothing" for none). */
export function unlocksWords(unlocks: readonly string[]): string {
  return unlocks.map(unlockWords).join('; ') || m.unlock_nothing();
}

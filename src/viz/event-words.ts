/**
 * The event log's lines in the page's language. The engine writes each event's message in English
 * (`SimEvent.message`: the CLI's --events, the lesson digests and the replay tests read it as it is), so
 * the page does not change it: this module reads the message back with one pattern per kind of line and
 * words it again through a message template (messages/*.json, `ev_*`) with its ids and numbers as
 * parameters; numbers are rewritten in the page's locale (number-format.ts). A line no pattern knows (a
 * newer event, a reason in free words) is shown as the engine wrote it. In English every template
 * gives back the engine's own line (tests/unit/viz/event-words.test.ts checks that on real runs).
 */
import type { SimEvent } from '../engine/types.ts';
import { m } from '../i18n/paraglide/messages.js';
import { errorLine, errorWords } from '../i18n/validation-words.ts';
import { firstWords, ID, num, nums, phrase, rule, type Rule, type Table } from './event-rule.ts';
import { INFRA_RULES } from './event-words-infra.ts';

const PROBE: Table = [
  [/^connection refused$/, () => m.ev_probe_refused()],
  [/^timed out after (?<s>[\d.]+) s$/, (g) => m.ev_probe_timeout({ seconds: num(g.s) })],
  [/^answered HTTP (?<status>\d+)$/, (g) => m.ev_probe_status({ status: g.status })],
  [/^status outside (?<codes>.+)$/, (g) => m.ev_probe_outside({ codes: g.codes })],
];

/** Why a health check failed ('connection refused'), in the page's language; unknown words as they are. */
export function probeWords(reason: string): string {
  return phrase(reason, PROBE) ?? reason;
}

const WHY: Table = [
  [/^1 consecutive check passed$/, () => m.ev_why_passed_one()],
  [/^(?<n>\d+) consecutive checks passed$/, (g) => m.ev_why_passed({ count: num(g.n) })],
  [/^(?<n>\d+) consecutive checks failed \((?<reason>.+)\)$/, (g) => m.ev_why_failed({ count: num(g.n), reason: phrase(g.reason, PROBE) ?? g.reason })],
  [/^check (?<reason>.+) \(a bad status marks it unhealthy at once\)$/, (g) => m.ev_why_bad_status({ reason: phrase(g.reason, PROBE) ?? g.reason })],
  // HAProxy's rise/fall counter (health-state.ts)
  [/^health counter reached rise \((?<rise>\d+)\) after 1 passed check$/, (g) => m.ev_why_rise_reached_one({ rise: num(g.rise) })],
  [/^health counter reached rise \((?<rise>\d+)\) after (?<n>\d+) passed checks$/, (g) => m.ev_why_rise_reached({ rise: num(g.rise), count: num(g.n) })],
  [/^health counter fell below rise \((?<rise>\d+)\): last check (?<reason>.+)$/, (g) => m.ev_why_rise_fell({ rise: num(g.rise), reason: probeWords(g.reason) })],
];

const CAUSE: Table = [
  [/^crashed$/, () => m.ev_cause_crashed()],
  [/^hung$/, () => m.ev_cause_hung()],
  [/^lost its database connection$/, () => m.ev_cause_db()],
  [/^started failing (?<p>\d+) % of requests$/, (g) => m.ev_cause_failing({ percent: num(g.p) })],
];

const BY: Table = [
  [/^health$/, () => m.ev_by_health()],
  [/^active health check$/, () => m.ev_by_active()],
  [/^deregistration$/, () => m.ev_by_deregistration()],
  [/^outlier detection$/, () => m.ev_by_outlier()],
  [/^maintenance$/, () => m.ev_by_maintenance()],
  [/^drain$/, () => m.ev_by_drain()],
  [/^passive health \(max_fails\)$/, () => m.ev_by_max_fails()],
  [/^removal$/, () => m.ev_by_removal()],
  [/^circuit breaker$/, () => m.ev_by_circuit()],
  [/^zone$/, () => m.ev_by_zone()],
];

/** What took a target out of rotation ('active health check'), in the page's language with its article; unknown words as they are. */
export function detectorWords(by: string): string {
  return phrase(by, BY) ?? by;
}

const TERMINATION: Table = [
  [/^scale-in$/, () => m.ev_term_scale_in()],
  [/^AZ rebalance$/, () => m.ev_term_rebalance()],
  [/^spot interruption$/, () => m.ev_term_spot()],
  [/^spot interruption notice$/, () => m.ev_term_spot_notice()],
  [/^EC2 status check failed$/, () => m.ev_term_ec2()],
  [/^unhealthy at the load balancer$/, () => m.ev_term_lb()],
];

const DIST: Record<string, () => string> = { exponential: m.change_dist_exponential, lognormal: m.change_dist_lognormal, constant: m.change_dist_constant, uniform: m.change_dist_uniform };

/** A degraded target's state: "3× slower and answering 50 % of requests with 500". */
function degradeWords(how: string): string | null {
  if (how === 'back to normal') return m.ev_degrade_normal();
  const found = /^(?:(?<f>[\d.]+)× slower)?(?: and )?(?:answering (?<p>\d+) % of requests with 500)?$/.exec(how);
  const g = found?.groups;
  if (!g || (g.f === undefined && g.p === undefined)) return null;
  const slow = g.f === undefined ? null : m.ev_degrade_slow({ factor: num(g.f) });
  const errors = g.p === undefined ? null : m.ev_degrade_errors({ percent: num(g.p) });
  return slow !== null && errors !== null ? m.ev_degrade_and({ a: slow, b: errors }) : (slow ?? errors);
}

/** The patterns by event kind, tried in order (then event-words-infra.ts's for the same kind). */
const OWN_RULES: Record<string, Rule[]> = {
  start: [rule('simulation started with seed (?<seed>-?\\d+)', (g) => m.ev_start({ seed: g.seed }))],
  crash: [
    rule(`${ID} crashed: its in-flight requests failed and new connections are refused`, (g) => m.ev_crash({ id: g.id })),
    rule(`${ID} failed; its standby takes over after (?<n>\\d+) missed heartbeats \\((?<s>[\\d.]+) s\\)`, (g) => m.ev_lb_failed_standby({ id: g.id, count: num(g.n), seconds: num(g.s) })),
    rule(`${ID} failed: it was a single point of failure, so every client that reaches it now fails`, (g) => m.ev_lb_failed_single({ id: g.id })),
    rule('the session store of (?<group>\\S+) is down: requests that need a session fail with 500', (g) => m.ev_store_down({ group: g.group })),
  ],
  takeover: [rule(`the standby of ${ID} took over after missed heartbeats`, (g) => m.ev_lb_takeover({ id: g.id }))],
  hang: [rule(`${ID} hangs: it accepts requests but never answers, so they time out`, (g) => m.ev_hang({ id: g.id }))],
  degrade: [
    rule(`${ID} lost its database connection: every real request fails with 500, yet a shallow health check still passes`, (g) => m.ev_db_lost({ id: g.id })),
    rule(`${ID} is (?<how>.+)`, (g) => {
      const how = degradeWords(g.how);
      return how === null ? null : m.ev_degrade({ id: g.id, how });
    }),
  ],
  recover: [
    rule(`${ID} recovered and answers normally again`, (g) => m.ev_recover({ id: g.id })),
    rule('zone (?<zone>\\S+) is back', (g) => m.ev_zone_back({ zone: g.zone })),
    rule('region (?<region>\\S+) is back', (g) => m.ev_region_back({ region: g.region })),
    rule('the session store of (?<group>\\S+) is back', (g) => m.ev_store_back({ group: g.group })),
    rule(`${ID} is back: its standby is the new primary, and queries reach it again`, (g) => m.ev_db_back({ id: g.id })),
    rule(`${ID} is back`, (g) => m.ev_back({ id: g.id })),
  ],
  outage: [
    rule('zone (?<zone>\\S+) is down: its targets and balancer nodes stopped', (g) => m.ev_zone_down({ zone: g.zone })),
    rule('region (?<region>\\S+) is down: (?<ids>.+) and their targets stopped', (g) => m.ev_region_down({ region: g.region, ids: g.ids })),
  ],
  db: [
    rule(`${ID} fails over to its standby: writes fail \\(reads go on at its read replicas\\) for (?<s>[\\d.]+) s`, (g) => m.ev_db_failover_reads({ id: g.id, seconds: num(g.s) })),
    rule(`${ID} fails over to its standby: every query fails for (?<s>[\\d.]+) s`, (g) => m.ev_db_failover_all({ id: g.id, seconds: num(g.s) })),
    rule(`${ID} fails over to its standby: queries through the proxy wait (?<s>[\\d.]+) s \\(the proxy cut (?<cut>-?\\d+) % off the (?<full>[\\d.]+) s failover; AWS: up to 66 %\\)`, (g) =>
      m.ev_db_failover_proxy({ id: g.id, seconds: num(g.s), cut: num(g.cut), full: num(g.full) }),
    ),
    rule(`${ID} could not connect to (?<db>\\S+): too many connections \\((?<open>\\d+) of (?<max>\\d+) in use\\); its requests fail with 500`, (g) =>
      m.ev_db_refused({ id: g.id, db: g.db, open: num(g.open), max: num(g.max) }),
    ),
    rule(`${ID} connected to (?<db>\\S+)`, (g) => m.ev_db_connected({ id: g.id, db: g.db })),
  ],
  deploy: [
    rule(`${ID} rolled back: (?<to>\\S+) failed (?<rate>[\\d.]+) % of (?<n>\\d+) requests \\(limit (?<limit>[\\d.]+) %\\); all traffic is back on (?<from>\\S+)`, (g) =>
      m.ev_deploy_rolled_back({ id: g.id, to: g.to, rate: num(g.rate), count: num(g.n), limit: num(g.limit), from: g.from }),
    ),
    rule(`${ID} finished: (?<to>\\S+) takes (?<p>[\\d.]+) % of the traffic`, (g) => m.ev_deploy_done({ id: g.id, to: g.to, percent: num(g.p) })),
    rule(`(?<id>\\S+?): (?<p>[\\d.]+) % of requests to (?<to>\\S+), watched for (?<s>[\\d.]+) s`, (g) => m.ev_deploy_step({ id: g.id, percent: num(g.p), to: g.to, seconds: num(g.s) })),
  ],
  drain: [rule(`${ID} deregistered: draining for up to (?<s>[\\d.]+) s; no new requests, in-flight ones finish`, (g) => m.ev_drain({ id: g.id, seconds: num(g.s) }))],
  register: [
    rule(`${ID} registered and back in rotation`, (g) => m.ev_register({ id: g.id })),
    rule(`${ID} is running and registered with (?<group>\\S+); warming up for (?<s>[\\d.]+) s`, (g) => m.ev_warming({ id: g.id, group: g.group, seconds: num(g.s) })),
  ],
  unused: [
    rule(`${ID} finished draining and is now unused`, (g) => m.ev_unused({ id: g.id })),
    rule(`${ID} finished draining: (?<n>\\d+) request\\(s\\) still open were cut off \\(502\\)`, (g) => m.ev_unused_cut({ id: g.id, count: num(g.n) })),
  ],
  rejecting: [rule(`${ID} is rejecting requests with 503: its queue is full \\((?<n>\\d+) waiting\\)`, (g) => m.ev_rejecting({ id: g.id, count: num(g.n) }))],
  accepting: [rule(`${ID} is accepting requests again: its queue has room`, (g) => m.ev_accepting({ id: g.id }))],
  detected: [
    rule(`${ID} out of rotation (?<s>[\\d.]+) s after it (?<cause>.+) \\(by (?<by>.+)\\); (?<n>\\d+) requests? failed in the blind window`, (g) => {
      const cause = phrase(g.cause, CAUSE);
      const by = phrase(g.by, BY);
      if (cause === null || by === null) return null;
      const params = { id: g.id, seconds: num(g.s), cause, by };
      return g.n === '1' ? m.ev_detected_one(params) : m.ev_detected({ ...params, count: num(g.n) });
    }),
  ],
  unhealthy: [rule(`${ID} marked unhealthy: (?<why>.+)`, (g) => m.ev_unhealthy({ id: g.id, why: phrase(g.why, WHY) ?? g.why }))],
  healthy: [rule(`${ID} marked healthy: (?<why>.+)`, (g) => m.ev_healthy({ id: g.id, why: phrase(g.why, WHY) ?? g.why }))],
  config: [
    rule('(?<group>\\S+) now balances with (?<alg>\\S+)', (g) => m.ev_algorithm({ group: g.group, algorithm: g.alg })),
    rule(`${ID} health check changed`, (g) => m.ev_hc_changed({ id: g.id })),
    rule(`${ID} no longer has an active health check`, (g) => m.ev_hc_off({ id: g.id })),
    rule('(?<group>\\S+) now has 1 target \\(was (?<before>\\d+)\\)', (g) => m.ev_target_count_one({ group: g.group, before: num(g.before) })),
    rule('(?<group>\\S+) now has (?<n>\\d+) targets \\(was (?<before>\\d+)\\)', (g) => m.ev_target_count({ group: g.group, count: num(g.n), before: num(g.before) })),
    rule('arrival rate set to (?<rate>.+)', (g) => m.ev_rate({ rate: nums(g.rate) })),
    rule(`weight of ${ID} set to (?<w>[\\d.]+)`, (g) => m.ev_weight({ id: g.id, weight: num(g.w) })),
    rule(`${ID} now serves 1 request at once`, (g) => m.ev_concurrency_one({ id: g.id })),
    rule(`${ID} now serves (?<n>\\d+) requests at once`, (g) => m.ev_concurrency({ id: g.id, count: num(g.n) })),
    rule(`service time of ${ID} changed to (?<dist>\\S+)`, (g) => (DIST[g.dist] ? m.ev_service_time({ id: g.id, dist: DIST[g.dist]() }) : null)),
  ],
  scaling: [
    rule('(?<group>\\S+) capacity set by hand: desired (?<d>\\d+), min (?<min>\\d+), max (?<max>\\d+)', (g) => m.ev_capacity({ group: g.group, desired: num(g.d), min: num(g.min), max: num(g.max) })),
  ],
  launch: [
    rule(`(?<group>\\S+) launched ${ID} in zone (?<zone>\\S+): booting for (?<s>[\\d.]+) s`, (g) => m.ev_launch_zone({ group: g.group, id: g.id, zone: g.zone, seconds: num(g.s) })),
    rule(`(?<group>\\S+) launched ${ID}: booting for (?<s>[\\d.]+) s`, (g) => m.ev_launch({ group: g.group, id: g.id, seconds: num(g.s) })),
  ],
  terminate: [
    rule(`(?<group>\\S+) terminates ${ID} \\((?<why>.+)\\)`, (g) => {
      const why = phrase(g.why, TERMINATION);
      return why === null ? null : m.ev_terminate({ group: g.group, id: g.id, why });
    }),
  ],
  passive: [rule(`${ID} temporarily disabled: (?<n>\\d+) failure\\(s\\) within (?<s>[\\d.]+) s \\(nginx max_fails\\)`, (g) => m.ev_max_fails({ id: g.id, count: num(g.n), seconds: num(g.s) }))],
  ejected: [rule(`${ID} ejected for (?<s>[\\d.]+) s: (?<n>\\d+) consecutive errors \\(Envoy outlier detection\\)`, (g) => m.ev_ejected({ id: g.id, seconds: num(g.s), count: num(g.n) }))],
  unejected: [rule(`${ID} returned from ejection`, (g) => m.ev_unejected({ id: g.id }))],
  circuit: [
    rule(`circuit to ${ID} opened: (?<p>\\d+) % of recent requests failed; retrying in (?<s>[\\d.]+) s`, (g) => m.ev_circuit_open({ id: g.id, percent: num(g.p), seconds: num(g.s) })),
    rule(`circuit to ${ID} closed: (?<n>\\d+) probe requests succeeded`, (g) => m.ev_circuit_closed({ id: g.id, count: num(g.n) })),
    rule(`circuit to ${ID} half-open: letting (?<n>\\d+) probe requests through`, (g) => m.ev_circuit_half({ id: g.id, count: num(g.n) })),
  ],
  'group-mode': [
    rule(`${ID} routes to its healthy targets again`, (g) => m.ev_mode_normal({ id: g.id })),
    rule(`${ID} fails open: no target is healthy, so it sends to all (?<n>\\d+) \\(as AWS load balancers do\\)`, (g) => m.ev_mode_fail_open({ id: g.id, count: num(g.n) })),
    rule(`${ID} has no healthy target and refuses requests with 503 \\(as nginx and HAProxy do\\)`, (g) => m.ev_mode_refuse({ id: g.id })),
  ],
};

const RULES: Record<string, Rule[]> = Object.fromEntries(
  [...new Set([...Object.keys(OWN_RULES), ...Object.keys(INFRA_RULES)])].map((kind) => [kind, [...(OWN_RULES[kind] ?? []), ...(INFRA_RULES[kind] ?? [])]]),
);

/** A scheduled change the run did not apply: its action and time read from the line, its reason worded from its codes. */
function refusedWords(e: Pick<SimEvent, 'message' | 'refusal'>): string | null {
  const found = /^scheduled (?<action>\S+) at (?<s>[\d.]+) s not applied: /.exec(e.message);
  if (found === null || e.refusal === undefined) return null;
  const { action, s } = found.groups!;
  // as the engine's refusalText: a patch's errors with their paths, any other change's reason alone
  const reason = e.refusal.map((r) => (action === 'patch' ? errorLine(r) : errorWords(r))).join('; ');
  return m.ev_scheduled_refused({ action, seconds: num(s), reason });
}

/** The event's line in the page's language (the engine's English line when no pattern knows it). */
export function eventWords(e: Pick<SimEvent, 'kind' | 'message' | 'refusal'>): string {
  if (e.kind === 'error') return refusedWords(e) ?? e.message;
  return firstWords(RULES[e.kind] ?? [], e.message) ?? e.message;
}

const KINDS: Record<string, () => string> = {
  start: m.kind_start, crash: m.kind_crash, hang: m.kind_hang, degrade: m.kind_degrade, recover: m.kind_recover, drain: m.kind_drain,
  register: m.kind_register, unused: m.kind_unused, rejecting: m.kind_rejecting, accepting: m.kind_accepting, detected: m.kind_detected,
  healthy: m.kind_healthy, unhealthy: m.kind_unhealthy, config: m.kind_config, scaling: m.kind_scaling, launch: m.kind_launch,
  terminate: m.kind_terminate, outage: m.kind_outage, passive: m.kind_passive, ejected: m.kind_ejected, unejected: m.kind_unejected,
  circuit: m.kind_circuit, error: m.kind_error, deploy: m.kind_deploy, db: m.kind_db, takeover: m.kind_takeover,
  'group-mode': m.kind_group_mode, spot: m.kind_spot, ready: m.kind_ready, maint: m.kind_maint, 'lb-scale': m.kind_lb_scale,
  'appliance-full': m.kind_appliance_full, 'appliance-ok': m.kind_appliance_ok, 'dns-healthy': m.kind_dns_healthy, 'dns-unhealthy': m.kind_dns_unhealthy,
};

/** The event kind's short name for the log's chip ('crash' → 'caída'); kinds without one are shown as they are. */
export function kindWords(kind: string): string {
  return KINDS[kind]?.() ?? kind;
}

/**
 * A lesson goal's detail in the page's language. The engine's goals (src/engine/goals) and the lessons' report
 * goals (src/content/conditions.ts) say how a run stands against a goal in English ("large's share of requests
 * over the last 30 s: 33.3 % (goal ≥ 54 % and ≤ 60 %)"); an English page shows that as it is, and another
 * reads it back, one pattern per kind of detail, and words it again (messages/*.json, `gd_*`) with its numbers in
 * the page's locale. A detail no pattern knows is shown as the engine wrote it.
 */
import { getLocale } from '../i18n/paraglide/runtime.js';
import { m } from '../i18n/paraglide/messages.js';
import { nums, phrase, type Table } from './event-rule.ts';
import { detectorWords, kindWords } from './event-words.ts';

const METRICS: Record<string, () => string> = {
  'error rate': m.gd_metric_error_rate,
  'failed requests': m.gd_metric_failed,
  'successful requests per second': m.gd_metric_ok_per_sec,
  'p50 latency': m.gd_metric_p50,
  'p95 latency': m.gd_metric_p95,
  'p99 latency': m.gd_metric_p99,
  'share of requests': m.gd_metric_share,
  utilisation: m.gd_metric_utilisation,
  'busiest target’s utilisation': m.gd_metric_busiest,
  'spread of open connections (busiest − quietest, ÷ mean)': m.gd_metric_spread,
};

/** The numbers of a run's report a lesson's report goal names (src/content/report-paths.ts), by their English words. */
const REPORT: Record<string, () => string> = {
  ...METRICS,
  requests: m.gd_r_requests,
  'successful requests': m.gd_r_ok,
  'imbalance (spread of requests over the targets)': m.gd_r_imbalance,
  'requests within the SLO': m.gd_r_slo_good,
  'share of requests within the SLO': m.gd_r_slo_share,
  'mean latency (ms)': m.gd_r_mean_ms,
  'p50 latency (ms)': m.gd_r_p50_ms,
  'p90 latency (ms)': m.gd_r_p90_ms,
  'p95 latency (ms)': m.gd_r_p95_ms,
  'p99 latency (ms)': m.gd_r_p99_ms,
  'slowest request (ms)': m.gd_r_max_ms,
  'sessions started': m.gd_r_sessions_started,
  'sessions lost': m.gd_r_sessions_lost,
  'carts lost': m.gd_r_carts_lost,
  'cart items lost': m.gd_r_items_lost,
  checkouts: m.gd_r_checkouts,
  'cost (USD)': m.gd_r_cost,
  'cost per million good requests (USD)': m.gd_r_cost_per_million,
  'instance cost (USD)': m.gd_r_instance_cost,
  'balancer cost (USD)': m.gd_r_balancer_cost,
  'data transfer cost (USD)': m.gd_r_transfer_cost,
  'attack requests': m.gd_r_attack,
  'attack requests stopped at the balancer': m.gd_r_attack_stopped,
  'attack requests served': m.gd_r_attack_served,
  'malicious requests blocked': m.gd_r_malicious_blocked,
  'malicious requests let through': m.gd_r_malicious_allowed,
  'ordinary requests rate-limited': m.gd_r_legit_limited,
  'ordinary requests blocked by mistake': m.gd_r_legit_blocked,
  'failed attempts': m.gd_r_failed_attempts,
  'new flows through the GWLB': m.gd_r_new_flows,
  'requests the GWLB dropped': m.gd_r_gwlb_dropped,
  'requests dropped for a full appliance queue': m.gd_r_gwlb_dropped_full,
  'requests inspected at once': m.gd_r_inspected_at_once,
  'queue limit': m.gd_r_queue_limit,
  'requests admitted for inspection': m.gd_r_admitted,
  'requests waiting for inspection': m.gd_r_queued,
  'longest queue': m.gd_r_peak_queued,
  'requests dropped for a full queue': m.gd_r_dropped_full,
  'mean wait for inspection (ms)': m.gd_r_mean_wait,
  'requests rejected by a full queue (503)': m.gd_r_fail_rejected,
  'requests that timed out (504)': m.gd_r_fail_timeout,
  'requests refused by a target that was down (502)': m.gd_r_fail_refused,
  'requests with no target to take them (503)': m.gd_r_fail_no_target,
  'requests that matched no rule (404)': m.gd_r_fail_no_route,
  'requests a target answered with an error (5xx)': m.gd_r_fail_error,
  'requests that could not reach the balancer': m.gd_r_fail_unreachable,
  'requests over the rate limit (429)': m.gd_r_fail_rate_limited,
  'requests blocked by the firewall (403)': m.gd_r_fail_blocked,
  'requests shed by an overloaded balancer (503)': m.gd_r_fail_lb_overloaded,
};

/** A report number's words ("carts lost", "web-1's requests", "requests that matched no rule (404)"); null when unknown. */
function reportWords(words: string): string | null {
  const own = /^(?<id>\S+)'s (?<words>.+)$/.exec(words)?.groups;
  const shown = REPORT[own?.words ?? words]?.();
  if (shown === undefined) return null;
  return own === undefined ? shown : m.gd_of({ words: shown, id: own.id });
}

/** "large's share of requests" or "error rate"; null when the metric is not one of the engine's. */
function subjectWords(subject: string): string | null {
  const own = /^(?<id>\S+)'s (?<words>.+)$/.exec(subject)?.groups;
  const words = METRICS[own?.words ?? subject]?.();
  if (words === undefined) return null;
  return own === undefined ? words : m.gd_of({ words, id: own.id });
}

const WHERE: Table = [
  [/^over the whole run$/, () => m.gd_whole_run()],
  [/^now$/, () => m.gd_now()],
  [/^over the last (?<n>[\d.]+) s$/, (g) => m.gd_last({ seconds: nums(g.n) })],
  [/^from (?<a>[\d.]+) s on$/, (g) => m.gd_from({ from: nums(g.a) })],
  [/^from (?<a>[\d.]+) s to (?<b>[\d.]+) s$/, (g) => m.gd_from_to({ from: nums(g.a), to: nums(g.b) })],
  // a day-long world's moments, as clocks from the run's start (goals/format.ts `moment`)
  [/^from (?<a>\d+:\d\d:\d\d) on$/, (g) => m.gd_from_clock({ from: g.a })],
  [/^from (?<a>\d+:\d\d:\d\d) to (?<b>\d+:\d\d:\d\d)$/, (g) => m.gd_from_to_clock({ from: g.a, to: g.b })],
];

/** Where a metric was measured, with the window's aggregate when it has one. */
function whereWords(where: string): string | null {
  const agg = /^(?<w>.+) \((?<a>worst second|mean of the seconds)\)$/.exec(where)?.groups;
  const base = phrase(agg?.w ?? where, WHERE);
  if (base === null) return null;
  return agg === undefined ? base : `${base} (${agg.a === 'worst second' ? m.gd_worst_second() : m.gd_mean_of_seconds()})`;
}

/** "≥ 54 % and ≤ 60 %" in the page's words and numbers. */
const boundWords = (bound: string): string => nums(bound).replace(/ and /g, m.gd_and());

const HOW: Table = [
  [/^still in rotation$/, () => m.gd_still_in_rotation()],
  [/^recovered undetected$/, () => m.gd_recovered_undetected()],
  [/^out of rotation after (?<s>[\d.]+) s \((?<by>.+)\)$/, (g) => m.gd_out_after({ seconds: nums(g.s), by: detectorWords(g.by) })],
];

const PROBLEMS: Table = [
  [/^(?<t>\S+) \(failed at (?<s>[\d.]+) s\) is still in rotation$/, (g) => m.gd_problem_in_rotation({ target: g.t, seconds: nums(g.s) })],
  [/^(?<t>\S+) \(failed at (?<s>[\d.]+) s\) recovered before anything noticed$/, (g) => m.gd_problem_unnoticed({ target: g.t, seconds: nums(g.s) })],
  [/^(?<t>\S+) \(failed at (?<s>[\d.]+) s\) left rotation after (?<d>[\d.]+) s \(goal (?<b>.+)\)$/, (g) => m.gd_problem_slow({ target: g.t, seconds: nums(g.s), after: nums(g.d), bound: boundWords(g.b) })],
  [/^(?<t>\S+) \(failed at (?<s>[\d.]+) s\) failed (?<n>\d+) requests in its blind window \(goal (?<b>.+)\)$/, (g) => m.gd_problem_blind({ target: g.t, seconds: nums(g.s), count: nums(g.n), bound: boundWords(g.b) })],
  [/^protocol is (?<p>\S+), not (?<q>\S+)$/, (g) => m.gd_problem_protocol({ protocol: g.p, wanted: g.q })],
  [/^(?<f>intervalSec|timeoutSec|healthyThreshold|unhealthyThreshold) is (?<v>[\d.]+) \(goal (?<b>.+)\)$/, (g) => m.gd_problem_field({ field: g.f, value: nums(g.v), bound: boundWords(g.b) })],
];

/** Problems joined with '; ', each worded; null when one is not known. */
function problemsWords(list: string): string | null {
  const words = list.split('; ').map((p) => phrase(p, PROBLEMS));
  return words.some((w) => w === null) ? null : words.join('; ');
}

const SESSIONS: Record<string, () => string> = {
  "in its targets' memory": m.gd_sessions_memory,
  'nowhere (stateless)': m.gd_sessions_none,
  'in a shared store': m.gd_sessions_shared,
  'replicated to every target': m.gd_sessions_replicated,
};

const DETAILS: [RegExp, (g: Record<string, string>) => string | null][] = [
  [/^(?<subject>.+?) (?<where>over the whole run|now|over the last .+|from [\d.]+ s.*|from \d+:\d\d:\d\d.*): (?<value>[^:]+) \(goal (?<bound>.+)\)$/, (g) => {
    const subject = subjectWords(g.subject);
    const where = whereWords(g.where);
    return subject === null || where === null ? null : m.gd_metric({ subject, where, value: nums(g.value), bound: boundWords(g.bound) });
  }],
  // a report goal (src/content/conditions.ts): the run's report so far
  [/^(?<words>.+) over the run so far: (?<value>\S+(?: %)?) \(goal (?<bound>.+)\)$/, (g) => {
    const words = reportWords(g.words);
    return words === null ? null : m.gd_report({ words, value: nums(g.value), bound: boundWords(g.bound) });
  }],
  [/^the run has no (?<words>.+)$/, (g) => {
    const words = reportWords(g.words);
    return words === null ? null : m.gd_report_none({ words });
  }],
  [/^no successful request (?<where>.+), so no (?<words>.+)$/, (g) => {
    const where = whereWords(g.where);
    const words = METRICS[g.words]?.();
    return where === null || words === undefined ? null : m.gd_no_success({ where, words });
  }],
  [/^needs (?<n>\d+) s of run, has (?<h>\d+) s$/, (g) => m.gd_needs({ seconds: nums(g.n), has: nums(g.h) })],
  [/^the run has not reached (?<n>\d+) s yet$/, (g) => m.gd_not_reached({ seconds: nums(g.n) })],
  [/^the run has not reached (?<c>\d+:\d\d:\d\d) yet$/, (g) => m.gd_not_reached_clock({ clock: g.c })],
  [/^seconds before (?<n>\d+) are no longer kept$/, (g) => m.gd_not_kept({ seconds: nums(g.n) })],
  [/^no target "(?<id>[^"]+)"$/, (g) => m.gd_no_target({ id: g.id })],
  [/^no target group "(?<id>[^"]+)"$/, (g) => m.gd_no_group({ id: g.id })],
  [/^(?<g>\S+) has no active health check$/, (g) => m.gd_no_check({ group: g.g })],
  [/^(?<g>\S+) still has an active health check$/, (g) => m.gd_still_check({ group: g.g })],
  [/^(?<g>\S+) checks (?<p>\S+) every (?<i>[\d.]+) s, timeout (?<t>[\d.]+) s, healthy after (?<h>\d+), unhealthy after (?<u>\d+)$/, (g) =>
    m.gd_checks({ group: g.g, protocol: g.p, interval: nums(g.i), timeout: nums(g.t), healthy: nums(g.h), unhealthy: nums(g.u) }),
  ],
  [/^(?<g>\S+)'s health check: (?<p>.+)$/, (g) => {
    const problems = problemsWords(g.p);
    return problems === null ? null : m.gd_check_problems({ group: g.g, problems });
  }],
  [/^(?<g>\S+) balances with (?<a>\S+)$/, (g) => m.gd_algorithm({ group: g.g, algorithm: g.a })],
  [/^weights (?<w>.+) \(goal (?<r>[\d.:]+)\)$/, (g) => m.gd_weights({ weights: nums(g.w), ratio: g.r.split(':').map(nums).join(':') })],
  [/^(?<g>\S+) has 1 registered target \(goal (?<b>.+)\)$/, (g) => m.gd_target_count_one({ group: g.g, bound: boundWords(g.b) })],
  [/^(?<g>\S+) has (?<n>\d+) registered targets \(goal (?<b>.+)\)$/, (g) => m.gd_target_count({ group: g.g, count: nums(g.n), bound: boundWords(g.b) })],
  [/^(?<g>\S+) is sticky \((?<k>\S+)\)$/, (g) => m.gd_sticky({ group: g.g, kind: g.k })],
  [/^(?<g>\S+) is not sticky$/, (g) => m.gd_not_sticky({ group: g.g })],
  [/^(?<g>\S+) watches real traffic \((?<k>\S+)\)$/, (g) => m.gd_passive({ group: g.g, kind: g.k })],
  [/^(?<g>\S+) has no passive health$/, (g) => m.gd_no_passive({ group: g.g })],
  [/^(?<g>\S+) keeps sessions (?<w>.+)$/, (g) => (SESSIONS[g.w] ? m.gd_sessions({ group: g.g, where: SESSIONS[g.w]() }) : null)],
  [/^no healthy target was taken out of rotation$/, () => m.gd_no_false_removal()],
  [/^1 healthy target removal \(goal (?<b>.+)\)$/, (g) => m.gd_false_removal_one({ bound: boundWords(g.b) })],
  [/^(?<n>\d+) healthy target removals \(goal (?<b>.+)\)$/, (g) => m.gd_false_removals({ count: nums(g.n), bound: boundWords(g.b) })],
  [/^(?<n>\d+) "(?<e>[^"]+)" entr(?:y|ies)(?: for (?<s>\S+))? \(goal (?<b>.+)\)$/, (g) => {
    const params = { count: nums(g.n), entry: kindWords(g.e), subject: g.s ?? '', bound: boundWords(g.b) };
    if (g.n === '1') return g.s === undefined ? m.gd_log_one(params) : m.gd_log_for_one(params);
    return g.s === undefined ? m.gd_log(params) : m.gd_log_for(params);
  }],
  [/^(?<t>\S+) has not failed$/, (g) => m.gd_not_failed({ target: g.t })],
  [/^no target has failed$/, () => m.gd_none_failed()],
  [/^(?<t>\S+) failed at (?<s>[\d.]+) s: (?<how>.+); (?<n>\d+) requests failed in its blind window$/, (g) => {
    const how = phrase(g.how, HOW);
    return how === null ? null : m.gd_failed({ target: g.t, seconds: nums(g.s), how, count: nums(g.n) });
  }],
  [/^(?<p>.+ \(failed at [\d.]+ s\) .+)$/, (g) => problemsWords(g.p)],
];

/** A goal's detail in the page's language (the engine's English on an English page, or when no pattern knows it). */
export function goalDetailWords(detail: string): string {
  if (getLocale() === 'en') return detail;
  for (const [re, words] of DETAILS) {
    const found = re.exec(detail);
    if (found === null) continue;
    const w = words(found.groups ?? {});
    if (w !== null) return w;
  }
  return detail;
}

/**
 * The numbers of a run's report (`metrics()`) that lessons may name by a dotted path: in `report`
 * conditions, in claims and in reveals (`{{report.sessions.cartsLost|12}}`). One list, so the three agree.
 */
import { FAILURE_REASONS, type FailureReason, type MetricsReport } from '../engine/types.ts';

/** The requests failed for each reason, in words, with the status a client gets (engine/codes.ts). */
const FAILURE_WORDS: Record<FailureReason, string> = {
  rejected: 'requests rejected by a full queue (503)',
  timeout: 'requests that timed out (504)',
  refused: 'requests refused by a target that was down (502)',
  'no-target': 'requests with no target to take them (503)',
  'no-route': 'requests that matched no rule (404)',
  error: 'requests a target answered with an error (5xx)',
  unreachable: 'requests that could not reach the balancer',
  'rate-limited': 'requests over the rate limit (429)',
  blocked: 'requests blocked by the firewall (403)',
  'lb-overloaded': 'requests shed by an overloaded balancer (503)',
};

/** The report's numbers a condition, a claim or a reveal may read, with the words a learner reads for each. */
const REPORT_WORDS: Record<string, string> = {
  'requests.total': 'requests',
  'requests.ok': 'successful requests',
  'requests.failed': 'failed requests',
  errorRate: 'error rate',
  throughputPerSec: 'successful requests per second',
  imbalance: 'imbalance (spread of requests over the targets)',
  'slo.good': 'requests within the SLO',
  'slo.goodShare': 'share of requests within the SLO',
  'latencyMs.mean': 'mean latency (ms)',
  'latencyMs.p50': 'p50 latency (ms)',
  'latencyMs.p90': 'p90 latency (ms)',
  'latencyMs.p95': 'p95 latency (ms)',
  'latencyMs.p99': 'p99 latency (ms)',
  'latencyMs.max': 'slowest request (ms)',
  'sessions.sessionsStarted': 'sessions started',
  'sessions.sessionsLost': 'sessions lost',
  'sessions.cartsLost': 'carts lost',
  'sessions.itemsLost': 'cart items lost',
  'sessions.checkouts': 'checkouts',
  'cost.totalUsd': 'cost (USD)',
  'cost.perMillionGoodUsd': 'cost per million good requests (USD)',
  'cost.instanceUsd': 'instance cost (USD)',
  'cost.balancerUsd': 'balancer cost (USD)',
  'cost.dataTransferUsd': 'data transfer cost (USD)',
  'edge.attackRequests': 'attack requests',
  'edge.attackStopped': 'attack requests stopped at the balancer',
  'edge.attackServed': 'attack requests served',
  'edge.maliciousBlocked': 'malicious requests blocked',
  'edge.maliciousAllowed': 'malicious requests let through',
  'edge.legitRateLimited': 'ordinary requests rate-limited',
  'edge.legitBlocked': 'ordinary requests blocked by mistake',
  ...Object.fromEntries(FAILURE_REASONS.map((r) => [`failures.${r}`, FAILURE_WORDS[r]])),
};
const TARGET_FIELDS: Record<string, string> = { requests: 'requests', ok: 'successful requests', failed: 'failed attempts', utilization: 'utilisation', meanLatencyMs: 'mean latency (ms)' };
const TARGET_PATH = /^targets\.([A-Za-z0-9][A-Za-z0-9_-]*)\.(requests|ok|failed|utilization|meanLatencyMs)$/;

const INSPECTION_FIELDS: Record<string, string> = { newFlows: 'new flows through the GWLB', dropped: 'requests the GWLB dropped', droppedFull: 'requests dropped for a full appliance queue' };
const APPLIANCE_FIELDS: Record<string, string> = { concurrency: 'requests inspected at once', queueLimit: 'queue limit', admitted: 'requests admitted for inspection', queued: 'requests waiting for inspection', peakQueued: 'longest queue', dropped: 'requests dropped for a full queue', meanWaitMs: 'mean wait for inspection (ms)' };
/** A GWLB's numbers: `inspection.<balancer>.<newFlows|dropped|droppedFull>` or `inspection.<balancer>.appliances.<id>.<field>`. */
const INSPECTION_PATH = /^inspection\.([A-Za-z0-9][A-Za-z0-9_-]*)\.(?:(newFlows|dropped|droppedFull)|appliances\.([A-Za-z0-9][A-Za-z0-9_-]*)\.(concurrency|queueLimit|admitted|queued|peakQueued|dropped|meanWaitMs))$/;

/** Every report path that is not about one target (those are `targets.<id>.<requests|ok|failed|utilization|meanLatencyMs>`). */
export const REPORT_PATHS: readonly string[] = Object.keys(REPORT_WORDS);

/** Why a report path cannot be read (null when it can); `targets` are the ids that exist. */
export function reportPathError(path: string, targets?: ReadonlySet<string>): string | null {
  if (path in REPORT_WORDS) return null;
  const g = INSPECTION_PATH.exec(path);
  if (g !== null) return g[3] !== undefined && targets !== undefined && !targets.has(g[3]) ? `no appliance "${g[3]}"` : null;
  const t = TARGET_PATH.exec(path);
  if (t === null) return `"${path}" is not a number of the run's report (known: ${REPORT_PATHS.slice(0, 6).join(', ')}, …, targets.<id>.requests, inspection.<balancer>.appliances.<id>.admitted; see docs/writing-lessons.md)`;
  if (targets !== undefined && !targets.has(t[1])) return `no target "${t[1]}"`;
  return null;
}

/** The number at a report path, or null when the run has none (no sessions, an unknown target). */
export function reportValue(metrics: MetricsReport, path: string): number | null {
  const t = TARGET_PATH.exec(path);
  if (t !== null) return (metrics.targets[t[1]]?.[t[2] as keyof MetricsReport['targets'][string]] as number | undefined) ?? null;
  let at: unknown = metrics;
  for (const part of path.split('.')) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
  return typeof at === 'number' ? at : null;
}

/** The report's numbers that are shares of 1 (error rate, share within the SLO, a target's utilisation): a learner reads them as percentages. */
export function isShareOf1(path: string): boolean {
  return path === 'errorRate' || path === 'slo.goodShare' || TARGET_PATH.exec(path)?.[2] === 'utilization';
}

/** How a learner reads the number at a path: "carts lost", "web-1's requests". */
export function wordsOf(path: string): string {
  const t = TARGET_PATH.exec(path);
  if (t !== null) return `${t[1]}'s ${TARGET_FIELDS[t[2]]}`;
  const g = INSPECTION_PATH.exec(path);
  if (g !== null) return g[3] !== undefined ? `${g[3]}'s ${APPLIANCE_FIELDS[g[4]]}` : `${g[1]}'s ${INSPECTION_FIELDS[g[2]]}`;
  return REPORT_WORDS[path] ?? path;
}

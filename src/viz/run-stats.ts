/**
 * The run's bottom line in a compact strip: goodput under the SLO next to what it cost, availability,
 * and — only when the scenario has them — sessions and carts lost, edge protection at work, the
 * balancers' own CPU, and where each deployment (canary, blue/green) stands. Each item is a label, a value and a detail line, plain words for every reader.
 */
import { m } from '../i18n/paraglide/messages.js';
import type { HealthReport, InfraSnapshot, MetricsReport } from '../engine/types.ts';
import { formatCompact, formatMs, formatPercent, localizeNumberText } from './number-format.ts';

export interface StatItem {
  key: string;
  label: string;
  value: string;
  detail: string;
  /** Something is wrong here (lost sessions, an overloaded balancer): drawn with a warning mark. */
  warn: boolean;
}

/**
 * Dollars: '$0.0042', '$0.82', '$1.23', '$1,234' (two significant digits below a dollar: runs cost cents); the
 * digits in the page's locale ('$0,82', '$1234' in Spanish), the sign where the project's costs always put it.
 */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '—';
  if (usd === 0) return '$0';
  if (Math.abs(usd) < 1) return `$${localizeNumberText(String(Number(usd.toPrecision(2))))}`;
  if (Math.abs(usd) < 100) return `$${localizeNumberText(usd.toFixed(2))}`;
  return `$${localizeNumberText(Math.round(usd).toLocaleString('en-GB'))}`;
}

/**
 * Instance-hours beside a cost: under one, two significant digits (30 s of one instance is 0.0083; one decimal
 * showed "0 instance-hours" beside "instances $0.0008", and 3 × 60 s as 0.1 for 0.05), else as any count.
 */
export function formatHours(hours: number): string {
  if (!Number.isFinite(hours)) return '—';
  if (hours === 0) return '0';
  return Math.abs(hours) < 1 ? localizeNumberText(String(Number(hours.toPrecision(2)))) : formatCompact(hours);
}

function plural(n: number, one: string, many: string): string {
  return `${formatCompact(n)} ${n === 1 ? one : many}`;
}

/** Where a deployment stands, in the page's language: "v2: 50 % to green" and "canary running", "rolled back to blue"… */
export function deploymentStat(d: InfraSnapshot['deployments'][number]): StatItem {
  const base = { key: `deploy-${d.id}`, label: m.stats_deployment({ id: d.id }) };
  // the engine's percentages come from the scenario's steps as written: only the decimal mark changes
  const share = (percent: number): string => m.stats_deployment_share({ percent: localizeNumberText(String(percent)), group: d.to });
  switch (d.state) {
    case 'waiting':
      return { ...base, value: share(0), detail: m.stats_deployment_waiting({ from: d.from }), warn: false };
    case 'running':
      return { ...base, value: share(d.percent), detail: m.stats_deployment_running({ percent: localizeNumberText(String(100 - d.percent)), from: d.from }), warn: false };
    case 'done':
      return { ...base, value: share(d.percent), detail: m.stats_deployment_done(), warn: false };
    case 'rolled-back':
      return { ...base, value: m.stats_deployment_rolled_back(), detail: m.stats_deployment_rolled_back_detail({ from: d.from }), warn: true };
  }
}

export function runStats(metrics: MetricsReport | null | undefined, health: HealthReport | null | undefined, infra: InfraSnapshot | undefined): StatItem[] {
  const items: StatItem[] = [];
  if (metrics) {
    const slo = metrics.slo;
    // before any request has finished (a report from time 0) there is no goodput yet, rather than "0/s, 0% ok"
    const none = metrics.requests.ok + metrics.requests.failed === 0;
    const percent = none ? '—' : formatPercent(slo.goodShare);
    items.push({ key: 'goodput', label: m.stats_goodput(), value: none ? '—' : `${formatCompact(slo.goodPerSec)}/s`, detail: m.stats_goodput_detail({ percent, latency: formatMs(slo.latencyMs) }), warn: false });
    const c = metrics.cost;
    items.push({ key: 'cost', label: m.stats_cost(), value: formatUsd(c.totalUsd), detail: costDetail(c), warn: false });
    items.push({ key: 'cost-per-million', label: m.stats_per_million(), value: c.perMillionGoodUsd === null ? '—' : formatUsd(c.perMillionGoodUsd), detail: m.stats_per_million_detail(), warn: false });
  }
  if (health) {
    // null until a request has finished in a closed second: nothing to say yet, rather than "100 %"
    const a = health.availabilityLast60s;
    items.push({ key: 'availability', label: m.stats_availability(), value: a === null ? '—' : formatPercent(a), detail: m.stats_availability_detail(), warn: a !== null && a < 0.99 });
  }
  const s = metrics?.sessions;
  if (s) {
    items.push({ key: 'sessions-lost', label: m.stats_sessions_lost(), value: formatCompact(s.sessionsLost), detail: m.stats_of({ what: plural(s.sessionsStarted, m.unit_session(), m.unit_sessions()) }), warn: s.sessionsLost > 0 });
    items.push({ key: 'carts-lost', label: m.stats_carts_lost(), value: formatCompact(s.cartsLost), detail: `${plural(s.itemsLost, m.unit_item(), m.unit_items())} · ${plural(s.checkouts, m.unit_checkout(), m.unit_checkouts())}`, warn: s.cartsLost > 0 });
  }
  const e = metrics?.edge;
  if (e && e.attackRequests > 0) {
    const detail = m.stats_attack_detail({ served: formatCompact(e.attackServed), total: formatCompact(e.attackRequests) });
    items.push({ key: 'attack', label: m.stats_attack(), value: formatPercent(e.attackStopped / e.attackRequests), detail, warn: e.attackServed > 0 });
  }
  if (e && e.maliciousBlocked + e.maliciousAllowed + e.legitBlocked > 0) {
    const detail = m.stats_waf_detail({ malicious: formatCompact(e.maliciousAllowed), legit: formatCompact(e.legitBlocked) });
    items.push({ key: 'waf', label: m.stats_waf(), value: m.stats_waf_value({ count: formatCompact(e.maliciousBlocked) }), detail, warn: e.legitBlocked + e.maliciousAllowed > 0 });
  }
  if (e && e.legitRateLimited > 0) {
    items.push({ key: 'rate-limited', label: m.stats_rate_limited(), value: formatCompact(e.legitRateLimited), detail: m.stats_rate_limited_detail(), warn: true });
  }
  for (const b of infra?.balancers ?? []) {
    if (b.cpuLoad === null) continue;
    const detail = b.cpuCores === null ? m.stats_cpu_capacity() : b.cpuCores === 1 ? m.stats_cpu_core_one() : m.stats_cpu_cores({ cores: formatCompact(b.cpuCores) });
    items.push({ key: `cpu-${b.id}`, label: m.stats_cpu({ id: b.id }), value: formatPercent(b.cpuLoad), detail, warn: b.cpuLoad > 0.9 });
  }
  for (const d of infra?.deployments ?? []) items.push(deploymentStat(d));
  return items;
}

/** What the cost is made of: instances, the balancers and cross-zone data when they cost anything. */
function costDetail(c: MetricsReport['cost']): string {
  const parts = [m.cost_instances({ usd: formatUsd(c.instanceUsd) })];
  if (c.balancerUsd > 0) parts.push(m.cost_balancers({ usd: formatUsd(c.balancerUsd) }));
  if (c.dataTransferUsd > 0) parts.push(m.cost_cross_zone({ usd: formatUsd(c.dataTransferUsd) }));
  return `${parts.join(' + ')} · ${m.cost_instance_hours({ hours: formatHours(c.instanceSeconds / 3600) })}`;
}

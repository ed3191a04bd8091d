/**
 * The run's bottom line in a compact strip: goodput under the SLO next to what it cost, availability,
 * and — only when the scenario has them — sessions and carts lost, edge protection at work, the
 * balancers' own CPU, and where each deployment (canary, blue/green) stands. Each item is a label, a value and a detail line, plain words for every reader.
 */
import type { HealthReport, InfraSnapshot, MetricsReport } from '../engine/types.ts';
import { formatCompact, formatMs, formatPercent } from './number-format.ts';

export interface StatItem {
  key: string;
  label: string;
  value: string;
  detail: string;
  /** Something is wrong here (lost sessions, an overloaded balancer): drawn with a warning mark. */
  warn: boolean;
}

/** Dollars: '$0.0042', '$0.82', '$1.23', '$1,234' (two significant digits below a dollar: runs cost cents). */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '—';
  if (usd === 0) return '$0';
  if (Math.abs(usd) < 1) return `$${Number(usd.toPrecision(2))}`;
  if (Math.abs(usd) < 100) return `$${usd.toFixed(2)}`;
  return `$${Math.round(usd).toLocaleString('en-GB')}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCompact(n)} ${n === 1 ? one : many}`;
}

/** Where a deployment stands: "v2: 50 % to green" and "canary running", "rolled back to blue"… */
export function deploymentStat(d: InfraSnapshot['deployments'][number]): StatItem {
  const base = { key: `deploy-${d.id}`, label: `Deployment ${d.id}` };
  switch (d.state) {
    case 'waiting':
      return { ...base, value: `0 % to ${d.to}`, detail: `waiting to start · all on ${d.from}`, warn: false };
    case 'running':
      return { ...base, value: `${d.percent} % to ${d.to}`, detail: `running · ${100 - d.percent} % still on ${d.from}`, warn: false };
    case 'done':
      return { ...base, value: `${d.percent} % to ${d.to}`, detail: 'done', warn: false };
    case 'rolled-back':
      return { ...base, value: 'rolled back', detail: `all traffic back on ${d.from}`, warn: true };
  }
}

export function runStats(metrics: MetricsReport | null | undefined, health: HealthReport | null | undefined, infra: InfraSnapshot | undefined): StatItem[] {
  const items: StatItem[] = [];
  if (metrics) {
    const slo = metrics.slo;
    items.push({ key: 'goodput', label: 'Goodput', value: `${formatCompact(slo.goodPerSec)}/s`, detail: `${formatPercent(slo.goodShare)} ok within ${formatMs(slo.latencyMs)}`, warn: false });
    const c = metrics.cost;
    items.push({ key: 'cost', label: 'Cost so far', value: formatUsd(c.totalUsd), detail: costDetail(c), warn: false });
    items.push({ key: 'cost-per-million', label: 'Per million good', value: c.perMillionGoodUsd === null ? '—' : formatUsd(c.perMillionGoodUsd), detail: 'cost ÷ good requests', warn: false });
  }
  if (health) {
    const a = health.availabilityLast60s;
    items.push({ key: 'availability', label: 'Availability', value: formatPercent(a), detail: 'ok share, last 60 s', warn: a < 0.99 });
  }
  const s = metrics?.sessions;
  if (s) {
    items.push({ key: 'sessions-lost', label: 'Sessions lost', value: formatCompact(s.sessionsLost), detail: `of ${plural(s.sessionsStarted, 'session')}`, warn: s.sessionsLost > 0 });
    items.push({ key: 'carts-lost', label: 'Carts lost', value: formatCompact(s.cartsLost), detail: `${plural(s.itemsLost, 'item')} · ${plural(s.checkouts, 'checkout')}`, warn: s.cartsLost > 0 });
  }
  const e = metrics?.edge;
  if (e && e.attackRequests > 0) {
    items.push({ key: 'attack', label: 'Attack stopped', value: formatPercent(e.attackStopped / e.attackRequests), detail: `${formatCompact(e.attackServed)} of ${formatCompact(e.attackRequests)} attack requests served`, warn: e.attackServed > 0 });
  }
  if (e && e.maliciousBlocked + e.maliciousAllowed + e.legitBlocked > 0) {
    items.push({ key: 'waf', label: 'Firewall', value: `${formatCompact(e.maliciousBlocked)} blocked`, detail: `${formatCompact(e.maliciousAllowed)} malicious let through · ${formatCompact(e.legitBlocked)} legitimate blocked`, warn: e.legitBlocked + e.maliciousAllowed > 0 });
  }
  if (e && e.legitRateLimited > 0) {
    items.push({ key: 'rate-limited', label: 'Rate-limited', value: formatCompact(e.legitRateLimited), detail: 'legitimate requests answered 429', warn: true });
  }
  for (const b of infra?.balancers ?? []) {
    if (b.cpuLoad === null) continue;
    items.push({ key: `cpu-${b.id}`, label: `${b.id} CPU`, value: formatPercent(b.cpuLoad), detail: b.cpuCores === null ? 'of its capacity' : `of ${formatCompact(b.cpuCores)} cores`, warn: b.cpuLoad > 0.9 });
  }
  for (const d of infra?.deployments ?? []) items.push(deploymentStat(d));
  return items;
}

/** What the cost is made of: instances, the balancers and cross-zone data when they cost anything. */
function costDetail(c: MetricsReport['cost']): string {
  const parts = [`instances ${formatUsd(c.instanceUsd)}`];
  if (c.balancerUsd > 0) parts.push(`balancers ${formatUsd(c.balancerUsd)}`);
  if (c.dataTransferUsd > 0) parts.push(`cross-zone data ${formatUsd(c.dataTransferUsd)}`);
  return `${parts.join(' + ')} · ${formatCompact(c.instanceSeconds / 3600)} instance-hours`;
}

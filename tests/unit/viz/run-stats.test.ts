import { describe, expect, it } from 'vitest';
import type { HealthReport, InfraSnapshot, MetricsReport } from '../../../src/engine/types.ts';
import { deploymentStat, formatHours, formatUsd, runStats } from '../../../src/viz/run-stats.ts';

const edge = { attackRequests: 0, attackStopped: 0, attackServed: 0, maliciousBlocked: 0, maliciousAllowed: 0, legitRateLimited: 0, legitBlocked: 0 };
const metrics = (over: Partial<MetricsReport> = {}): MetricsReport =>
  ({
    requests: { total: 9400, ok: 8000, failed: 1350, inFlight: 50 },
    slo: { latencyMs: 500, good: 7200, goodPerSec: 72, goodShare: 0.77 },
    cost: { totalUsd: 0.0123, instanceUsd: 0.01, balancerUsd: 0.002, dataTransferUsd: 0.0003, instanceSeconds: 720, capacityUnitHours: 0.1, perMillionGoodUsd: 0.82 },
    sessions: null,
    edge,
    ...over,
  }) as MetricsReport;
const health = { availabilityLast60s: 0.95 } as HealthReport;

describe('instance-hours beside a cost', () => {
  it('never read 0 beside a cost that is not, nor round 0.05 to 0.1', () => {
    expect(formatHours(30 / 3600)).toBe('0.0083'); // lesson 1 at 30 s: one instance, "instances $0.0008"
    expect(formatHours((3 * 60) / 3600)).toBe('0.05'); // the sandbox's three targets at 60 s
    expect(formatHours(0.2)).toBe('0.2');
    expect(formatHours(0)).toBe('0');
    expect(formatHours(27.5)).toBe('28');
    const cost = { totalUsd: 0.0012, instanceUsd: 0.0008, balancerUsd: 0.00035, dataTransferUsd: 0, instanceSeconds: 30, capacityUnitHours: 0, perMillionGoodUsd: 1.86 };
    expect(runStats(metrics({ cost }), null, undefined).find((i) => i.key === 'cost')?.detail).toBe('instances $0.0008 + balancers $0.00035 · 0.0083 instance-hours');
  });
});

describe('the run’s stats strip', () => {
  it('puts goodput under the SLO next to what it cost', () => {
    const items = runStats(metrics(), null, undefined);
    expect(items.map((i) => [i.key, i.value, i.detail])).toEqual([
      ['goodput', '72/s', '77% ok within 500 ms'],
      ['cost', '$0.012', 'instances $0.01 + balancers $0.002 + cross-zone data $0.0003 · 0.2 instance-hours'],
      ['cost-per-million', '$0.82', 'cost ÷ good requests'],
    ]);
  });

  it('has no goodput before any request has finished (the report from time 0), rather than 0/s and 0 % ok', () => {
    const atZero = metrics({ requests: { total: 0, ok: 0, failed: 0, inFlight: 0 }, slo: { latencyMs: 500, good: 0, goodPerSec: 0, goodShare: 0 } });
    expect(runStats(atZero, null, undefined).find((i) => i.key === 'goodput')).toMatchObject({ value: '—', detail: '— ok within 500 ms' });
    // every request failed: a real 0, said as such
    const allFailed = metrics({ requests: { total: 10, ok: 0, failed: 10, inFlight: 0 }, slo: { latencyMs: 500, good: 0, goodPerSec: 0, goodShare: 0 } });
    expect(runStats(allFailed, null, undefined).find((i) => i.key === 'goodput')).toMatchObject({ value: '0/s', detail: '0% ok within 500 ms' });
  });

  it('adds availability from the health report, flagged below 99 %', () => {
    expect(runStats(null, health, undefined)).toEqual([{ key: 'availability', label: 'Availability', value: '95%', detail: 'ok share, last 60 s', warn: true }]);
  });

  it('has no availability before a request has finished in a closed second, rather than 100 %', () => {
    expect(runStats(null, { availabilityLast60s: null } as HealthReport, undefined)).toEqual([{ key: 'availability', label: 'Availability', value: '—', detail: 'ok share, last 60 s', warn: false }]);
  });

  it('shows sessions and carts lost only when the scenario has sessions', () => {
    expect(runStats(metrics(), null, undefined).some((i) => i.key === 'sessions-lost')).toBe(false);
    const items = runStats(metrics({ sessions: { sessionsStarted: 100, sessionsLost: 7, cartsLost: 2, itemsLost: 3, checkouts: 40 } }), null, undefined);
    expect(items.find((i) => i.key === 'sessions-lost')).toMatchObject({ value: '7', detail: 'of 100 sessions', warn: true });
    expect(items.find((i) => i.key === 'carts-lost')).toMatchObject({ value: '2', detail: '3 items · 40 checkouts' });
  });

  it('shows edge protection only when it did something', () => {
    const keys = (e: Partial<MetricsReport['edge']>) => runStats(metrics({ edge: { ...edge, ...e } }), null, undefined).map((i) => i.key);
    expect(keys({})).not.toContain('attack');
    expect(keys({ attackRequests: 1000, attackStopped: 900, attackServed: 100 })).toContain('attack');
    expect(keys({ maliciousBlocked: 5 })).toContain('waf');
    expect(keys({ legitRateLimited: 3 })).toContain('rate-limited');
  });

  it('shows a balancer’s CPU load when it has a CPU model', () => {
    const infra: InfraSnapshot = { balancers: [{ id: 'alb', state: 'up', zonesDown: [], cpuLoad: 0.95, cpuCores: 2 }, { id: 'nlb', state: 'up', zonesDown: [], cpuLoad: null, cpuCores: null }], databases: [], dns: [], forwards: [], deployments: [], sessionStores: [] };
    expect(runStats(null, null, infra)).toEqual([{ key: 'cpu-alb', label: 'alb CPU', value: '95%', detail: 'of 2 cores', warn: true }]);
  });

  it('writes dollars readably at every size', () => {
    expect([formatUsd(0), formatUsd(0.00421), formatUsd(0.5), formatUsd(1.234), formatUsd(1234.5), formatUsd(NaN)]).toEqual(['$0', '$0.0042', '$0.5', '$1.23', '$1,235', '—']);
  });

  it('says where each deployment stands: its share on the new group, running, done or rolled back', () => {
    const d = { id: 'v2', from: 'blue', to: 'green', percent: 50 };
    const text = (state: InfraSnapshot['deployments'][number]['state'], percent = 50) => {
      const i = deploymentStat({ ...d, state, percent });
      return [i.label, i.value, i.detail, i.warn];
    };
    expect(text('waiting', 0)).toEqual(['Deployment v2', '0 % to green', 'waiting to start · all on blue', false]);
    expect(text('running')).toEqual(['Deployment v2', '50 % to green', 'running · 50 % still on blue', false]);
    expect(text('done', 100)).toEqual(['Deployment v2', '100 % to green', 'done', false]);
    expect(text('rolled-back', 0)).toEqual(['Deployment v2', 'rolled back', 'all traffic back on blue', true]);
    const infra = { balancers: [], databases: [], dns: [], forwards: [], deployments: [{ ...d, state: 'running' as const }], sessionStores: [] } satisfies InfraSnapshot;
    expect(runStats(null, null, infra).map((i) => i.key)).toEqual(['deploy-v2']);
  });
});

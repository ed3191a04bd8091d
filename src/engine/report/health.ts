/** The health report of a run: blind windows, per-target health and per-group mode, recent availability. */
import type { SimState } from '../state.ts';
import { HEALTH_STATES, type HealthReport } from '../types.ts';
import { healthOf } from '../health/health-data.ts';

export function buildHealthReport(s: SimState): HealthReport {
  const h = s.health;
  const targets: HealthReport['targets'] = {};
  for (let t = 0; t < s.store.count; t++) {
    targets[s.store.ids[t]] = { health: HEALTH_STATES[healthOf(h, t)], transitions: h.transitions[t] ?? 0, falseRemovals: h.falseRemovals[t] ?? 0, checks: h.checkCount[t] ?? 0 };
  }
  const groups: HealthReport['groups'] = {};
  s.groups.forEach((g, gi) => {
    if (!g.retired) groups[g.id] = { mode: h.groups[gi].mode };
  });
  const series = s.series.export();
  let ok = 0;
  let failed = 0;
  for (let i = Math.max(0, series.seconds - 60); i < series.seconds; i++) {
    ok += series.ok[i];
    failed += series.failed[i];
  }
  return { windows: [...h.blind.closed, ...h.blind.openWindows(s.store.ids)], targets, groups, availabilityLast60s: ok + failed === 0 ? null : ok / (ok + failed) };
}

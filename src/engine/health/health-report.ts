/** The health report of a run: blind windows, per-target health and per-group mode, recent availability. */
import type { Engine } from '../simulation.ts';
import { HEALTH_STATES, type HealthReport } from '../types.ts';

export function buildHealthReport(e: Engine): HealthReport {
  const h = e.healthSys;
  const targets: HealthReport['targets'] = {};
  for (let t = 0; t < e.store.count; t++) {
    targets[e.store.ids[t]] = { health: HEALTH_STATES[h.health(t)], transitions: h.transitions[t] ?? 0, falseRemovals: h.falseRemovals[t] ?? 0, checks: h.checkCount[t] ?? 0 };
  }
  const groups: HealthReport['groups'] = {};
  e.groups.forEach((g, gi) => (groups[g.id] = { mode: h.mode(gi) }));
  const s = e.perSecond.export();
  let ok = 0;
  let failed = 0;
  for (let i = Math.max(0, s.seconds - 60); i < s.seconds; i++) {
    ok += s.ok[i];
    failed += s.failed[i];
  }
  return { windows: [...h.blind.closed, ...h.blind.openWindows()], targets, groups, availabilityLast60s: ok + failed === 0 ? 1 : ok / (ok + failed) };
}

/**
 * A running simulation adopts a new scenario — the result of a live patch — without a reset: requests in
 * flight finish where they are, and each subject keeps what still makes sense (docs/scenario-format.md,
 * "What a live patch keeps"). Entities are matched by id; new ones are added, removed ones retired in
 * place, so every index the run has handed out (events, requests, views) stays valid. A change that
 * cannot be adopted while running is refused before anything changes, at the path that would change, with a
 * code and values (scenario/error-codes.ts) so the page can say why in its own language.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { coded } from '../../scenario/error-codes.ts';
import type { ValidationError } from '../../scenario/validated.ts';
import type { SimState } from '../state.ts';
import { noteHooks } from '../health/health-data.ts';
import { adoptTraffic, adoptArrivals, trafficRefusal } from './traffic.ts';
import { adoptGroups, groupsRefusal } from './groups.ts';
import { adoptBalancers } from './balancers.ts';
import { adoptZoneRotation } from './zone-rotation.ts';
import { adoptDns } from './dns.ts';
import { adoptDatabases } from './databases.ts';
import { adoptScaling, scalingRefusal } from './scaling.ts';
import { adoptDeployments } from './deployments.ts';
import { DEFAULT_INSTANCE_TYPES, type InstanceType } from '../scaling/index.ts';
import { EdgeStats } from '../metrics/edge-stats.ts';
import { buildNetwork } from '../network/network-state.ts';
import { buildInspection } from '../network/inspection-state.ts';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Why `next` cannot be adopted while the run goes on, or null. */
function refusal(s: SimState, prev: Scenario, next: Scenario): ValidationError | null {
  if (prev.seed !== next.seed) return coded('seed', 'val_adopt_seed');
  if (!same(prev.events, next.events)) return coded('events', 'val_adopt_events');
  return trafficRefusal(prev, next) ?? groupsRefusal(s, next) ?? scalingRefusal(s, next);
}

/** Adopts `next` as the run's scenario; returns why it cannot (changing nothing), or null. */
export function adoptScenario(s: SimState, next: Scenario): ValidationError | null {
  const prev = s.scenario;
  const why = refusal(s, prev, next);
  if (why !== null) return why;
  if (!same(prev.instanceTypes, next.instanceTypes)) {
    const types: Record<string, InstanceType> = { ...DEFAULT_INSTANCE_TYPES };
    for (const [name, t] of Object.entries(next.instanceTypes)) types[name] = { name, ...t };
    s.instanceTypes = types;
  }
  adoptTraffic(s, prev, next);
  adoptDatabases(s, prev, next);
  adoptGroups(s, next);
  adoptBalancers(s, prev, next);
  adoptZoneRotation(s);
  // round trips, handshake tables and prices follow the balancers, clients and network settings; bills are kept
  s.network = buildNetwork(next, s.balancers, s.clients, s.nowMs, s.network);
  s.inspection = buildInspection(next, s.groups, s.clients.count, s.nowMs, s.inspection);
  adoptDns(s, prev, next);
  adoptScaling(s, next);
  adoptDeployments(s, next);
  adoptArrivals(s, prev, next);
  if (s.edgeStats === null && (s.traffic.attacks.length > 0 || s.balancers.some((b) => b.edge !== null) || s.mix.malicious.includes(1))) s.edgeStats = new EdgeStats();
  s.sloMs = next.slo.latencyMs;
  s.scenario = next;
  noteHooks(s.health, s.groups.filter((g) => !g.retired).map((g) => g.cfg));
  s.topologyVersion++;
  return null;
}

/**
 * Adopting target groups and targets live. Groups are matched by id: a new group joins with its
 * targets registering (its health check decides when they take traffic); a removed group's targets stop
 * taking requests and finish what they hold. A group's settings apply at once; a new algorithm, hash key,
 * HAProxy hash type or allbackups starts fresh (as a reload does); new passive health or a new circuit
 * breaker starts with nothing held against any target; a changed health check keeps every verdict and
 * restarts the counters. Targets are matched by id within their group: new ones register, removed ones
 * finish what they hold, changed ones take their new weight, slots, queue, service time, zone, address or instance type. A target keeps its
 * place in the rotation even if the list is reordered.
 */
import type { Scenario, TargetConfig, TargetGroupConfig } from '../../scenario/schema.ts';
import type { SimState } from '../state.ts';
import { TargetGroup } from '../balancer/target-group.ts';
import { EV_OUTLIER_SWEEP } from '../event-kinds.ts';
import { LC_UNUSED, TARGET_CRASHED, TARGET_HUNG } from '../backend/targets.ts';
import { addTarget, degradeTarget, removeTarget, reuseTarget } from '../backend/lifecycle.ts';
import { applyConnectionLimit, applyInstanceType, stopBilling } from '../backend/instance.ts';
import { startQueued } from '../request/serve.ts';
import { checksEachPick, groupHealth } from '../health/health-data.ts';
import { passiveAllows } from '../health/passive.ts';
import { replaceHealthCheck, targetRegistered } from '../health/checks.ts';
import { recomputeRotation } from '../health/rotation.ts';
import { SessionData } from '../sessions/session-data.ts';
import { defaultZone, zoneIndexOf } from '../infra/world.ts';
import { coded } from '../../scenario/error-codes.ts';
import type { ValidationError } from '../../scenario/validated.ts';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function groupsRefusal(s: SimState, next: Scenario): ValidationError | null {
  for (const [gi, cfg] of next.targetGroups.entries()) {
    const g = s.groups.find((x) => x.id === cfg.id && !x.retired);
    if (g !== undefined && s.scalingOfGroup[g.index] !== null && !same(g.cfg.targets, cfg.targets)) {
      return coded(`targetGroups[${gi}].targets`, 'val_adopt_scaled', { id: cfg.id, scaling: s.scalingOfGroup[g.index]!.id });
    }
    for (const [ti, t] of cfg.targets.entries()) {
      const i = s.store.ids.indexOf(t.id);
      if (i >= 0 && s.groups[s.store.groupOf[i]].id !== cfg.id) {
        return coded(`targetGroups[${gi}].targets[${ti}].id`, 'val_adopt_target_group', { id: t.id, group: s.groups[s.store.groupOf[i]].id });
      }
    }
  }
  return null;
}

export function adoptGroups(s: SimState, next: Scenario): void {
  const seen = new Set<TargetGroup>();
  for (const cfg of next.targetGroups) {
    const g = s.groups.find((x) => x.id === cfg.id);
    seen.add(g === undefined ? addGroup(s, cfg) : updateGroup(s, g, cfg));
  }
  for (const g of s.groups) if (!seen.has(g) && !g.retired) retireGroup(s, g);
  if (s.sessions !== null) s.sessions.fit(next, s.clients.count, s.groups.length);
  else if (SessionData.needed(next)) s.sessions = new SessionData(next, s.clients.count, s.groups.length);
  const tier = s.databases;
  if (tier !== null) s.groups.forEach((g) => (tier.ofGroup[g.index] = g.retired || !g.cfg.database ? null : (tier.dbs.find((d) => d.cfg.id === g.cfg.database!.id && !d.retired) ?? null)));
}

function addGroup(s: SimState, cfg: TargetGroupConfig): TargetGroup {
  const g = new TargetGroup(cfg, s.groups.length, s.store, s.rng.balancer, s.mix.forms);
  s.groups.push(g);
  s.health.groups.push(groupHealth(cfg));
  s.scalingOfGroup.push(null);
  const added = cfg.targets.map((tc) => newTarget(s, g, tc));
  g.setAlgorithm(cfg.algorithm);
  watchPassiveHealth(s, g);
  for (const t of added) targetRegistered(s, t);
  return g;
}

function updateGroup(s: SimState, g: TargetGroup, cfg: TargetGroupConfig): TargetGroup {
  const was = g.cfg;
  const revived = g.retired;
  g.retired = false;
  g.configure(cfg, s.mix.forms);
  const gh = s.health.groups[g.index];
  if (!same(was.passiveHealth, cfg.passiveHealth) || !same(was.circuitBreaker, cfg.circuitBreaker)) {
    const fresh = groupHealth(cfg);
    gh.nginx = fresh.nginx;
    gh.outlier = fresh.outlier;
    gh.breaker = fresh.breaker;
    watchPassiveHealth(s, g);
  }
  const { added, removed, reweighed } = adoptTargets(s, g, was.targets, cfg.targets);
  // HAProxy's hash-type and allbackups are read when the algorithm is made, so they start it afresh too
  const algorithmChanged = was.algorithm !== cfg.algorithm || was.hashKey !== cfg.hashKey || was.hashType !== cfg.hashType || was.allBackups !== cfg.allBackups;
  if (revived || algorithmChanged) g.setAlgorithm(cfg.algorithm);
  else if (added.length > 0 || removed || reweighed) g.rebuild();
  if (!same(was.healthCheck, cfg.healthCheck)) replaceHealthCheck(s, g.index, cfg.healthCheck ?? null);
  for (const t of added) targetRegistered(s, t);
  if (removed || was.whenAllUnhealthy !== cfg.whenAllUnhealthy || was.panicThresholdPercent !== cfg.panicThresholdPercent) recomputeRotation(s, g.index, 'removal');
  if (s.sessions !== null && cfg.sessionStore.kind !== 'shared') s.sessions.storeDown[g.index] = false;
  return g;
}

/** nginx passive health and circuit breakers are asked on every pick; outlier detection sweeps on its interval. */
function watchPassiveHealth(s: SimState, g: TargetGroup): void {
  const gi = g.index;
  g.allows = checksEachPick(s.health, gi) ? (t) => passiveAllows(s, gi, t, g.members.length === 1) : null;
  const outlier = s.health.groups[gi].outlier;
  if (outlier !== null) s.queue.push(s.nowMs + outlier.config.intervalSec * 1000, EV_OUTLIER_SWEEP, gi, 0);
}

function retireGroup(s: SimState, g: TargetGroup): void {
  for (const t of [...g.members]) removeTarget(s, t);
  g.rebuild();
  g.retired = true;
  if (s.sessions !== null) s.sessions.storeDown[g.index] = false;
}

/** A target that joins group g live (its zone, address and instance set); registered by the caller. */
function newTarget(s: SimState, g: TargetGroup, tc: TargetConfig): number {
  const t = addTarget(s, g.index, tc);
  s.store.zoneOf[t] = tc.zone === undefined ? defaultZone(s, t) : zoneIndexOf(s, tc.zone);
  applyInstanceType(s, t, 'on-demand');
  return t;
}

function adoptTargets(s: SimState, g: TargetGroup, was: readonly TargetConfig[], now: readonly TargetConfig[]): { added: number[]; removed: boolean; reweighed: boolean } {
  const store = s.store;
  const added: number[] = [];
  let reweighed = false;
  const present = new Set<number>();
  const before = new Set(was.map((t) => t.id));
  for (const tc of now) {
    let t = store.ids.indexOf(tc.id);
    if (t < 0) {
      t = newTarget(s, g, tc);
      added.push(t);
    } else {
      // a target taken out earlier (a patch, a smaller count) comes back
      if (!before.has(tc.id) && store.registered[t] === 0) {
        if (store.lifecycle[t] === LC_UNUSED) reuseTarget(s, t);
        added.push(t);
      }
      reweighed = updateTarget(s, t, store.configs[t], tc) || reweighed;
    }
    present.add(t);
  }
  let removed = false;
  for (const t of [...g.members]) {
    if (present.has(t)) continue;
    removeTarget(s, t);
    removed = true;
  }
  return { added, removed, reweighed };
}

/** Applies a target's new settings; returns true when what the balancer's algorithm reads changed. */
function updateTarget(s: SimState, t: number, was: TargetConfig, tc: TargetConfig): boolean {
  const store = s.store;
  store.configs[t] = tc;
  let algorithmSees = false;
  if (was.weight !== tc.weight) {
    store.weight[t] = tc.weight;
    algorithmSees = true;
  }
  if (was.address !== tc.address && tc.address !== undefined) {
    store.addresses[t] = tc.address;
    algorithmSees = true;
  }
  if (was.concurrency !== tc.concurrency) {
    store.accrue(t, s.nowMs);
    store.concurrency[t] = tc.concurrency;
    startQueued(s, t);
  }
  if (was.queueLimit !== tc.queueLimit) store.queueLimit[t] = tc.queueLimit ?? Infinity;
  if (!same(was.serviceTimeMs, tc.serviceTimeMs) || !same(was.serviceTimeByClass, tc.serviceTimeByClass)) store.setServiceTime(t, tc.serviceTimeMs, tc.serviceTimeByClass, s.mix.names);
  if (was.zone !== tc.zone) store.zoneOf[t] = tc.zone === undefined ? defaultZone(s, t) : zoneIndexOf(s, tc.zone);
  if (was.instanceType !== tc.instanceType && store.registered[t] === 1) {
    stopBilling(s, t);
    applyInstanceType(s, t, 'on-demand');
  } else if (was.connectionMemoryKiB !== tc.connectionMemoryKiB) {
    applyConnectionLimit(s, t);
  }
  // connections already held stay where they are; new ones follow the new model
  if (was.connectionModel !== tc.connectionModel) store.eventLoop[t] = tc.connectionModel === 'event-loop' ? 1 : 0;
  if (was.errorShare !== tc.errorShare && store.state[t] !== TARGET_CRASHED && store.state[t] !== TARGET_HUNG) degradeTarget(s, t, undefined, tc.errorShare);
  return algorithmSees || !same(pickFlags(was), pickFlags(tc));
}

/** The server flags algorithms read besides weight and address (nginx `backup`/`down`, HAProxy ids). */
function pickFlags(t: TargetConfig): unknown[] {
  const r = t as Record<string, unknown>;
  return [r.backup, r.down, r.haproxyId];
}

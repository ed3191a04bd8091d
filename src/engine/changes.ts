/**
 * Live changes — the same vocabulary as a scenario's scheduled `events`: crash and recover a
 * target, switch a group's algorithm, change weights, slots, service times, the number of targets
 * and the arrival rate, all while the simulation runs. A change that cannot apply returns a message
 * and leaves everything as it was.
 */
import type { Change, TargetConfig } from '../scenario/schema.ts';
import type { Engine } from './simulation.ts';
import { applyInstanceType, stopBilling } from './autoscaling/billing.ts';
import { FAIL } from './simulation.ts';
import { startQueued } from './backend/service.ts';
import { REQ_ABANDONED, REQ_FREE, REQ_ORPHANED, REQ_QUEUED, REQ_SERVING } from './backend/requests.ts';
import { LIMITS } from '../scenario/limits.ts';
import { LC_DRAINING, LC_IN_SERVICE, LC_UNUSED, TARGET_CRASHED, TARGET_DEGRADED, TARGET_HUNG, TARGET_UP } from './backend/targets.ts';
import { EV_DRAIN_DONE } from './event-kinds.ts';
import { formatRate } from './format.ts';
import { applyInfraChange } from './infrastructure.ts';
import { defaultZone } from './world.ts';
import { setWeights } from './deployments.ts';

function targetIndex(e: Engine, id: string): number {
  return e.store.ids.indexOf(id);
}

export function applyChange(e: Engine, change: Change): string | null {
  const error = applyOne(e, change);
  // pools follow the targets: a crash closes them, a registration opens them
  if (error === null) e.db?.reconcile();
  return error;
}

function applyOne(e: Engine, change: Change): string | null {
  const now = e.nowMs;
  const store = e.store;
  switch (change.action) {
    case 'crash':
    case 'recover':
    case 'hang':
    case 'slow':
    case 'errors':
    case 'brownout':
    case 'deregister':
    case 'register':
    case 'break-dependency': {
      const t = targetIndex(e, change.target);
      if (t < 0) return `no target with id "${change.target}"`;
      return applyTargetChange(e, t, change);
    }
    case 'set-algorithm': {
      const g = e.groups.find((x) => x.id === change.group);
      if (!g) return `no target group with id "${change.group}"`;
      g.setAlgorithm(change.algorithm);
      e.topologyVersion++;
      e.log.add(now, 'config', g.id, `${g.id} now balances with ${change.algorithm}`);
      return null;
    }
    case 'set-weight': {
      const t = targetIndex(e, change.target);
      if (t < 0) return `no target with id "${change.target}"`;
      const group = e.groups[store.groupOf[t]];
      const total = group.members.reduce((s, m) => s + (m === t ? change.weight : store.weight[m]), 0);
      if (total === 0) return `every target of ${group.id} would have weight 0, so no request could be sent`;
      store.weight[t] = change.weight;
      store.configs[t] = { ...store.configs[t], weight: change.weight };
      group.rebuild();
      e.log.add(now, 'config', change.target, `weight of ${change.target} set to ${change.weight}`);
      return null;
    }
    case 'set-concurrency': {
      const t = targetIndex(e, change.target);
      if (t < 0) return `no target with id "${change.target}"`;
      store.accrue(t, now);
      store.concurrency[t] = change.concurrency;
      store.configs[t] = { ...store.configs[t], concurrency: change.concurrency };
      startQueued(e, t);
      e.log.add(now, 'config', change.target, `${change.target} now serves ${change.concurrency} request${change.concurrency === 1 ? '' : 's'} at once`);
      return null;
    }
    case 'set-service-time': {
      const t = targetIndex(e, change.target);
      if (t < 0) return `no target with id "${change.target}"`;
      store.configs[t] = { ...store.configs[t], serviceTimeMs: change.serviceTimeMs };
      store.setServiceTime(t, change.serviceTimeMs, store.configs[t].serviceTimeByClass, e.mix.names);
      e.log.add(now, 'config', change.target, `service time of ${change.target} changed to ${change.serviceTimeMs.dist}`);
      return null;
    }
    case 'set-target-count':
      return setTargetCount(e, change.group, change.count);
    case 'crash-balancer':
    case 'recover-balancer':
    case 'zone-outage':
    case 'zone-recover':
    case 'region-outage':
    case 'region-recover':
      return applyInfraChange(e, change);
    case 'db-failover':
      return e.db.failover(change.database);
    case 'set-capacity': {
      const a = e.autoscaling.find((x) => x.id === change.scalingGroup);
      if (!a) return `no scaling group with id "${change.scalingGroup}"`;
      a.setCapacity(change.desired, change.min, change.max);
      e.log.add(now, 'scaling', a.id, `${a.id} capacity set by hand: desired ${a.desired}, min ${a.min}, max ${a.max}`);
      return null;
    }
    case 'set-forward-weights': {
      const error = setWeights(e, change.balancer, change.port, change.weights);
      if (error === null) e.log.add(now, 'config', change.balancer, `${change.balancer} now forwards ${change.weights.map((w) => `${w.weight} to ${w.group}`).join(', ')}`);
      return error;
    }
    case 'crash-session-store':
    case 'recover-session-store': {
      const gi = e.groups.findIndex((x) => x.id === change.group);
      if (gi < 0) return `no target group with id "${change.group}"`;
      if (e.scenario.targetGroups[gi].sessionStore.kind !== 'shared') return `${change.group} keeps sessions in ${e.scenario.targetGroups[gi].sessionStore.kind === 'memory' ? 'target memory' : 'replicas'}, not in a shared store`;
      const down = change.action === 'crash-session-store';
      e.sessions.storeDown[gi] = down;
      e.log.add(now, down ? 'crash' : 'recover', `${change.group}-sessions`, down ? `the session store of ${change.group} is down: requests that need a session fail with 500` : `the session store of ${change.group} is back`);
      return null;
    }
    case 'set-health-check': {
      const gi = e.groups.findIndex((x) => x.id === change.group);
      if (gi < 0) return `no target group with id "${change.group}"`;
      e.healthSys.setHealthCheck(gi, change.healthCheck);
      e.log.add(now, 'config', change.group, change.healthCheck ? `${change.group} health check changed` : `${change.group} no longer has an active health check`);
      return null;
    }
    case 'set-rate': {
      if (e.profile === null) return 'closed-loop traffic has users, not a rate';
      e.profile.setConstantFrom(now / 1000, change.ratePerSec);
      e.arrivalGeneration++;
      e.scheduleArrival(now);
      e.log.add(now, 'config', 'traffic', `arrival rate set to ${formatRate(change.ratePerSec)}`);
      return null;
    }
  }
}

type TargetChange = Extract<Change, { target: string; action: 'crash' | 'recover' | 'hang' | 'slow' | 'errors' | 'brownout' | 'deregister' | 'register' | 'break-dependency' }>;

/** Failure modes and registration of one target. */
function applyTargetChange(e: Engine, t: number, change: TargetChange): string | null {
  const store = e.store;
  const now = e.nowMs;
  const id = store.ids[t];
  switch (change.action) {
    case 'crash':
      if (store.state[t] === TARGET_CRASHED) return null;
      e.healthSys.blind.begin(t, 'crashed');
      crash(e, t);
      e.log.add(now, 'crash', id, `${id} crashed: its in-flight requests failed and new connections are refused`);
      return null;
    case 'hang':
      if (store.state[t] === TARGET_CRASHED) return `${id} is crashed; recover it first`;
      store.state[t] = TARGET_HUNG;
      e.healthSys.blind.begin(t, 'hung');
      e.log.add(now, 'hang', id, `${id} hangs: it accepts requests but never answers, so they time out`);
      return null;
    case 'break-dependency':
      if (store.state[t] === TARGET_CRASHED || store.state[t] === TARGET_HUNG) return `${id} is ${store.state[t] === TARGET_HUNG ? 'hung' : 'crashed'}; recover it first`;
      store.errorShare[t] = 1;
      store.state[t] = TARGET_DEGRADED;
      e.healthSys.blind.begin(t, 'lost its database connection');
      e.log.add(now, 'degrade', id, `${id} lost its database connection: every real request fails with 500, yet a shallow health check still passes`);
      return null;
    case 'slow':
    case 'errors':
    case 'brownout': {
      if (store.state[t] === TARGET_CRASHED || store.state[t] === TARGET_HUNG) return `${id} is ${store.state[t] === TARGET_HUNG ? 'hung' : 'crashed'}; recover it first`;
      if (change.action !== 'errors') store.slowFactor[t] = change.factor;
      if (change.action !== 'slow') store.errorShare[t] = change.share;
      store.state[t] = store.slowFactor[t] === 1 && store.errorShare[t] === 0 ? TARGET_UP : TARGET_DEGRADED;
      if (store.errorShare[t] > 0) e.healthSys.blind.begin(t, `started failing ${Math.round(store.errorShare[t] * 100)} % of requests`);
      else e.healthSys.blind.recovered(t);
      const parts = [store.slowFactor[t] !== 1 ? `${store.slowFactor[t]}× slower` : '', store.errorShare[t] > 0 ? `answering ${Math.round(store.errorShare[t] * 100)} % of requests with 500` : ''].filter(Boolean);
      e.log.add(now, 'degrade', id, `${id} is ${parts.join(' and ') || 'back to normal'}`);
      return null;
    }
    case 'recover': {
      const was = store.state[t];
      if (was === TARGET_UP) return null;
      if (was === TARGET_HUNG) unhang(e, t);
      store.state[t] = TARGET_UP;
      store.slowFactor[t] = 1;
      store.errorShare[t] = 0;
      e.healthSys.blind.recovered(t);
      startQueued(e, t);
      e.log.add(now, 'recover', id, `${id} recovered and answers normally again`);
      return null;
    }
    case 'deregister': {
      if (store.lifecycle[t] !== LC_IN_SERVICE) return `${id} is already ${store.lifecycle[t] === LC_DRAINING ? 'draining' : 'deregistered'}`;
      // as in AWS, the last target may go too: the group then answers 503 (no-target)
      const group = e.groups[store.groupOf[t]];
      store.lifecycle[t] = LC_DRAINING;
      e.healthSys.recompute(group.index, 'deregistration');
      store.drainToken[t]++;
      e.queue.push(now + group.deregistrationDelaySec * 1000, EV_DRAIN_DONE, t, store.drainToken[t]);
      e.log.add(now, 'drain', id, `${id} deregistered: draining for up to ${group.deregistrationDelaySec} s; no new requests, in-flight ones finish`);
      return null;
    }
    case 'register': {
      if (store.lifecycle[t] === LC_IN_SERVICE) return null;
      if (store.lifecycle[t] === LC_UNUSED) applyInstanceType(e, t, 'on-demand');
      store.lifecycle[t] = LC_IN_SERVICE;
      store.registered[t] = 1;
      store.drainToken[t]++;
      e.groups[store.groupOf[t]].rebuild();
      e.healthSys.onRegistered(t);
      e.topologyVersion++;
      e.log.add(now, 'register', id, `${id} registered and back in rotation`);
      return null;
    }
  }
}

/** The end of a target's deregistration delay: whatever it still holds is cut off, and it is unused. */
export function finishDraining(e: Engine, t: number, token: number): void {
  const store = e.store;
  if (store.lifecycle[t] !== LC_DRAINING || store.drainToken[t] !== token) return;
  const held = store.busy[t] + store.queued[t];
  if (held > 0) dropAll(e, t);
  store.lifecycle[t] = LC_UNUSED;
  store.registered[t] = 0;
  e.sessions.wipe(t);
  stopBilling(e, t);
  e.asgOfGroup[store.groupOf[t]]?.onUnused(t);
  e.groups[store.groupOf[t]].rebuild();
  e.healthSys.recompute(store.groupOf[t], 'deregistration');
  e.topologyVersion++;
  e.log.add(e.nowMs, 'unused', store.ids[t], held > 0 ? `${store.ids[t]} finished draining: ${held} request(s) still open were cut off (502)` : `${store.ids[t]} finished draining and is now unused`);
}

/** A hung target restarts: the requests stuck in it are reset, then it serves its queue. */
function unhang(e: Engine, t: number): void {
  const store = e.store;
  const pool = e.pool;
  store.accrue(t, e.nowMs);
  for (let s = 0; s < pool.cap; s++) {
    if (pool.target[s] !== t) continue;
    if (pool.state[s] === REQ_SERVING) e.fail(s, FAIL.refused);
    else if (pool.state[s] === REQ_ORPHANED) e.release(s);
  }
  store.busy[t] = 0;
}

/** Fails or frees everything target t holds, queued or in service. */
function dropAll(e: Engine, t: number): void {
  const store = e.store;
  const pool = e.pool;
  store.accrue(t, e.nowMs);
  for (let s = 0; s < pool.cap; s++) {
    const st = pool.state[s];
    if (pool.target[s] !== t || st === REQ_FREE) continue;
    if (st === REQ_QUEUED || st === REQ_SERVING) e.fail(s, FAIL.refused);
    // already answered with a timeout, but still held by the target: the work dies with it
    else if (st === REQ_ORPHANED || st === REQ_ABANDONED) e.release(s);
  }
  store.queues[t].clear();
  store.queued[t] = 0;
  store.busy[t] = 0;
}

/** The target crashes: everything it holds fails at once (connection reset); new requests are refused. */
function crash(e: Engine, t: number): void {
  dropAll(e, t);
  e.sessions.wipe(t);
  e.store.state[t] = TARGET_CRASHED;
  e.store.slowFactor[t] = 1;
  e.store.errorShare[t] = 0;
}

/**
 * Grows or shrinks a group. Growing re-registers the group's earlier targets first, then adds copies
 * of its last target; shrinking unregisters from the end — those targets get no new requests but
 * finish what they hold (like deregistration with draining).
 */
function setTargetCount(e: Engine, groupId: string, count: number): string | null {
  const g = e.groups.find((x) => x.id === groupId);
  if (!g) return `no target group with id "${groupId}"`;
  if (e.asgOfGroup[g.index]) return `${groupId} belongs to a scaling group: change its capacity with set-capacity`;
  const store = e.store;
  const before = g.members.length;
  if (count === before) return null;
  if (count < before) {
    const keep = g.members.slice(0, count);
    if (keep.every((t) => store.weight[t] === 0)) return `the ${count} remaining target(s) of ${groupId} would all have weight 0`;
    for (const t of g.members.slice(count)) {
      e.healthSys.blind.detected(t, 'removal');
      store.registered[t] = 0;
      store.inRotation[t] = 0;
      store.lifecycle[t] = LC_UNUSED;
      store.drainToken[t]++;
      e.sessions.wipe(t);
      stopBilling(e, t);
    }
    g.rebuild();
    e.healthSys.recompute(g.index, 'removal');
  } else {
    const added: number[] = [];
    let missing = count - before;
    const unregistered = g.members.length === 0 ? 0 : countUnregistered(e, g.index);
    if (store.count + Math.max(0, missing - unregistered) > LIMITS.maxTargetsTotal) {
      return `${groupId} cannot grow to ${count}: at most ${LIMITS.maxTargetsTotal} targets in all`;
    }
    for (let t = 0; t < store.count && missing > 0; t++) {
      if (store.groupOf[t] === g.index && store.registered[t] === 0) {
        store.registered[t] = 1;
        store.lifecycle[t] = LC_IN_SERVICE;
        store.drainToken[t]++;
        applyInstanceType(e, t, 'on-demand');
        added.push(t);
        missing--;
      }
    }
    const template: TargetConfig = store.configs[g.members[g.members.length - 1] ?? 0];
    for (let n = before + 1; missing > 0; n++) {
      const id = `${groupId}-${n}`;
      if (store.ids.includes(id)) continue;
      const inGroup = store.groupOf.subarray(0, store.count).filter((x) => x === g.index).length;
      const t = store.add({ ...template, id, address: undefined, zone: undefined }, g.index, defaultAddress(g.index, inGroup), e.mix.names);
      store.zoneOf[t] = defaultZone(e, t);
      applyInstanceType(e, t, 'on-demand');
      added.push(t);
      missing--;
    }
    g.rebuild();
    for (const t of added) e.healthSys.onRegistered(t);
  }
  e.topologyVersion++;
  e.log.add(e.nowMs, 'config', groupId, `${groupId} now has ${count} target${count === 1 ? '' : 's'} (was ${before})`);
  return null;
}

function countUnregistered(e: Engine, group: number): number {
  let n = 0;
  for (let t = 0; t < e.store.count; t++) if (e.store.groupOf[t] === group && e.store.registered[t] === 0) n++;
  return n;
}

/** The address a target gets when the scenario names none: 10.<1 + group / 250>.<group % 250>.<n>, port 80. */
export function defaultAddress(group: number, indexInGroup: number): string {
  const host = indexInGroup + 1;
  return `10.${1 + Math.floor(group / 250) + 4 * Math.floor(host / 250)}.${group % 250}.${host % 250}:80`;
}

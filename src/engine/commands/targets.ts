/** Live changes to one target: its failures, registration, administrative state, weight, slots and service time. */
import type { Change } from '../../scenario/schema.ts';
import type { SimState } from '../state.ts';
import { breakDependency, crashTarget, degradeTarget, deregisterTarget, hangTarget, recoverTarget, registerTarget } from '../backend/lifecycle.ts';
import { startQueued } from '../request/serve.ts';
import { setAdminState } from '../backend/admin-state.ts';
import { writeTarget } from './current.ts';
import { refuse, type Refusal } from '../refusal.ts';

export type TargetChange = Extract<Change, { target: string }>;

/** Applies a change to target t; returns why it cannot, or null. */
export function applyTargetChange(s: SimState, t: number, change: TargetChange): Refusal | null {
  switch (change.action) {
    case 'crash':
      crashTarget(s, t);
      return null;
    case 'hang':
      return hangTarget(s, t);
    case 'break-dependency':
      return breakDependency(s, t);
    case 'slow':
      return degradeTarget(s, t, change.factor, undefined);
    case 'errors':
      return degradeTarget(s, t, undefined, change.share);
    case 'brownout':
      return degradeTarget(s, t, change.factor, change.share);
    case 'recover':
      recoverTarget(s, t);
      return null;
    case 'deregister':
      return deregisterTarget(s, t);
    case 'register':
      registerTarget(s, t);
      return null;
    case 'set-weight':
      return setWeight(s, t, change.weight);
    case 'set-concurrency':
      return setConcurrency(s, t, change.concurrency);
    case 'set-admin-state':
      setAdminState(s, t, change.state);
      return null;
    case 'set-service-time': {
      const store = s.store;
      store.configs[t] = { ...store.configs[t], serviceTimeMs: change.serviceTimeMs };
      writeTarget(s, t, store.configs[t]);
      store.setServiceTime(t, change.serviceTimeMs, store.configs[t].serviceTimeByClass, s.mix.names);
      s.log.add(s.nowMs, 'config', change.target, `service time of ${change.target} changed to ${change.serviceTimeMs.dist}`);
      return null;
    }
  }
}

function setWeight(s: SimState, t: number, weight: number): Refusal | null {
  const store = s.store;
  const group = s.groups[store.groupOf[t]];
  const total = group.members.reduce((sum, m) => sum + (m === t ? weight : store.weight[m]), 0);
  if (total === 0) return refuse('val_live_all_weight_zero', { group: group.id });
  store.weight[t] = weight;
  store.configs[t] = { ...store.configs[t], weight };
  writeTarget(s, t, store.configs[t]);
  group.reweight(t);
  s.log.add(s.nowMs, 'config', store.ids[t], `weight of ${store.ids[t]} set to ${weight}`);
  return null;
}

function setConcurrency(s: SimState, t: number, concurrency: number): Refusal | null {
  const store = s.store;
  store.accrue(t, s.nowMs);
  store.concurrency[t] = concurrency;
  store.configs[t] = { ...store.configs[t], concurrency };
  writeTarget(s, t, store.configs[t]);
  startQueued(s, t);
  s.log.add(s.nowMs, 'config', store.ids[t], `${store.ids[t]} now serves ${concurrency} request${concurrency === 1 ? '' : 's'} at once`);
  return null;
}

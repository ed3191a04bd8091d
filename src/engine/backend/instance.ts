/**
 * What each target runs on and what it costs: its instance type sets its CPU speed (service times are
 * divided by it), the memory its open connections may use, and its price per hour; billing runs from
 * launch (or the start) until it is unused.
 */
import type { SimState } from '../state.ts';
import { DEFAULT_INSTANCE_TYPES, hourlyPriceUsd } from '../scaling/index.ts';
import { connectionLimit } from './connection-model.ts';

/** Sets a target's CPU speed and connection memory from its instance type and starts billing it. */
export function applyInstanceType(s: SimState, t: number, market: 'on-demand' | 'spot'): void {
  const type = s.instanceTypes[s.store.configs[t].instanceType] ?? DEFAULT_INSTANCE_TYPES['m5.large'];
  s.store.speed[t] = type.cpuSpeed;
  s.store.maxConnections[t] = connectionLimit(s.store.configs[t], type.memoryGiB);
  s.billing.start(t, s.nowMs, hourlyPriceUsd(type, market));
}

/** Sets how many long-lived connections target t's memory holds (after its connection memory changed). */
export function applyConnectionLimit(s: SimState, t: number): void {
  const type = s.instanceTypes[s.store.configs[t].instanceType] ?? DEFAULT_INSTANCE_TYPES['m5.large'];
  s.store.maxConnections[t] = connectionLimit(s.store.configs[t], type.memoryGiB);
}

/** The instance behind target t stopped costing money. */
export function stopBilling(s: SimState, t: number): void {
  s.billing.stop(t, s.nowMs);
}

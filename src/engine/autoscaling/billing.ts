/**
 * What each target runs on and what it costs: its instance type sets its CPU speed (service times are
 * divided by it) and its price per hour; billing runs from launch (or the start) until it is unused.
 */
import type { Engine } from '../simulation.ts';
import { DEFAULT_INSTANCE_TYPES, hourlyPriceUsd } from '../scaling/index.ts';

/** Sets a target's CPU speed from its instance type and starts billing it. */
export function applyInstanceType(e: Engine, t: number, market: 'on-demand' | 'spot'): void {
  const type = e.instanceTypes[e.store.configs[t].instanceType] ?? DEFAULT_INSTANCE_TYPES['m5.large'];
  e.store.speed[t] = type.cpuSpeed;
  e.billing.start(t, e.nowMs, hourlyPriceUsd(type, market));
}

/** The instance behind target t stopped costing money. */
export function stopBilling(e: Engine, t: number): void {
  e.billing.stop(t, e.nowMs);
}

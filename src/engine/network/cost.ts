/**
 * The run's cost by kind: instances (scaling/cost.ts), balancers (hours and capacity units) and data sent
 * across zones by layer-4 balancers, each up to now (network/balancer-bill.ts has the prices and sources).
 */
import type { SimState } from '../state.ts';
import type { MetricsReport } from '../types.ts';
import { inspectionBills } from './inspection-state.ts';

export function costReport(s: SimState, goodRequests: number): MetricsReport['cost'] {
  const now = s.nowMs;
  const instanceUsd = s.billing.totalUsd(now);
  let balancerUsd = 0;
  let dataTransferUsd = 0;
  let capacityUnitHours = 0;
  const perGB = s.network.cfg.crossZoneUsdPerGB;
  for (const bill of [...s.network.bills, ...inspectionBills(s.inspection)]) {
    balancerUsd += bill.balancerUsd(now);
    dataTransferUsd += bill.dataTransferUsd(perGB);
    capacityUnitHours += bill.unitHours(now);
  }
  const totalUsd = instanceUsd + balancerUsd + dataTransferUsd;
  return {
    totalUsd,
    instanceUsd,
    balancerUsd,
    dataTransferUsd,
    instanceSeconds: s.billing.instanceSeconds(now),
    capacityUnitHours,
    perMillionGoodUsd: goodRequests > 0 ? (totalUsd / goodRequests) * 1_000_000 : null,
  };
}

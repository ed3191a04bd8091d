/**
 * The data of Gateway Load Balancer inspection (inspection.ts has the behaviour and its sources): per
 * inspecting balancer, its appliance group, each client's current flow and appliance, counters, and the
 * GWLB's bill; built from the scenario and carried over by live patches.
 */
import type { BalancerConfig, Scenario } from '../../scenario/schema.ts';
import type { TargetGroup } from '../balancer/target-group.ts';
import { BalancerBill, GWLB_RATES } from './balancer-bill.ts';
import type { ApplianceQueue } from './appliance-queue.ts';
import { distParams, type DistParams } from '../core/distributions.ts';

export type InspectionConfig = NonNullable<BalancerConfig['inspection']>;

/** One balancer's inspection: its appliance group, each client's current flow, and the GWLB's bill. */
export class Inspection {
  /** Per client: requests through this balancer, the current flow's number (-1: none) and appliance. */
  readonly requests: Float64Array;
  readonly flow: Float64Array;
  readonly appliance: Int32Array;
  /** Flows sent to each appliance (by target index), new flows and requests dropped (all, and for a full queue). */
  readonly flowsTo = new Map<number, number>();
  newFlows = 0;
  dropped = 0;
  droppedFull = 0;
  /** Each appliance's workers and queue (by target index), made at its first request (network/appliance-queue.ts). */
  readonly queues = new Map<number, ApplianceQueue>();
  /** The inspection time's distribution. */
  time: DistParams;

  constructor(
    public cfg: InspectionConfig,
    public group: number,
    clients: number,
    readonly bill: BalancerBill,
  ) {
    this.requests = new Float64Array(clients);
    this.flow = new Float64Array(clients).fill(-1);
    this.appliance = new Int32Array(clients).fill(-1);
    this.time = distParams(cfg.applianceMs);
  }
}

/** The inspection of each balancer (by index; null without), or null when no balancer inspects. */
export type InspectionState = (Inspection | null)[];

/** Builds (or, after a live patch, carries over) the inspections; flows and bills survive when the balancer keeps its inspection. */
export function buildInspection(scenario: Scenario, groups: readonly TargetGroup[], clients: number, nowMs: number, old: InspectionState | null): InspectionState | null {
  if (!scenario.balancers.some((b) => b.inspection !== undefined)) return null;
  return scenario.balancers.map((b, i) => {
    const cfg = b.inspection;
    if (cfg === undefined) return null;
    const g = groups.findIndex((x) => x.cfg.id === cfg.targetGroup && !x.retired);
    const kept = old?.[i];
    if (kept && kept.requests.length === clients) {
      // the appliances' capacity changed: their queues start again empty
      if (kept.cfg.applianceConcurrency !== cfg.applianceConcurrency || kept.cfg.applianceQueueLimit !== cfg.applianceQueueLimit) kept.queues.clear();
      kept.cfg = cfg;
      kept.time = distParams(cfg.applianceMs);
      kept.group = g;
      kept.bill.setRates(rates(cfg), nowMs);
      return kept;
    }
    return new Inspection(cfg, g, clients, new BalancerBill(rates(cfg), nowMs));
  });
}

function rates(cfg: InspectionConfig) {
  return { ...GWLB_RATES, hourlyUsd: cfg.pricing.hourlyUsd, unitHourUsd: cfg.pricing.capacityUnitHourUsd };
}

/** The GWLBs' bills, for the cost report. */
export function inspectionBills(state: InspectionState | null): BalancerBill[] {
  return state === null ? [] : state.flatMap((x) => (x === null ? [] : [x.bill]));
}

/**
 * What one balancer costs, the way Elastic Load Balancing bills it (aws.amazon.com/elasticloadbalancing/pricing,
 * us-east-1, read November 2026): an hourly price while it runs, plus capacity-unit hours. In each hour the
 * capacity units are those of the dimension with the highest usage:
 * - ALB (LCU, $0.008/h): 25 new connections per second, 1 GB processed per hour, 1,000 rule evaluations per
 *   second (the first 10 rules a request is checked against are free), 3,000 active connections per minute.
 * - NLB (NLCU, $0.006/h): 800 new TCP connections (flows) per second — 50 on a listener that terminates TLS —,
 *   1 GB per hour, 100,000 active flows. A TLS connection counts as 16 TCP ones toward the connections
 *   dimension (simplified: AWS meters TCP and TLS as separate dimensions and bills the largest; on a balancer
 *   with both kinds of listener this adds them).
 * - GWLB (GLCU, $0.004/h, $0.0125/h): 600 new flows per second, 1 GB per hour, 60,000 active flows.
 * Over an hour with N new connections, G GB and E rule evaluations that makes
 * max(N / (perSecond × 3600), G, E / 3,600,000) unit-hours, which is what `unitHours` sums.
 * Cross-zone data transfer ($0.01/GB in each direction, only for layer-4 traffic) is metered here too.
 * A balancer with a hot standby (keepalived/VRRP style: a self-run HAProxy or nginx pair) pays its hourly price
 * twice — the standby is a second instance running all the time — but its capacity units once: the standby carries
 * no traffic until it takes over. A price that changes mid-run (a live patch adds a standby or a pricing) counts
 * from that moment on; the hours before keep the old price.
 * Simplified: the hourly price is pro-rated per second like instances (AWS bills each partial hour as a full
 * one); the active-connections dimension is left out (it rarely dominates and needs per-minute peaks); no
 * free tier and no LCU reservations.
 */

export interface BillRates {
  hourlyUsd: number;
  unitHourUsd: number;
  /** New connections per second that make one capacity unit (ALB 25, NLB 800, GWLB 600). */
  connectionsPerUnit: number;
  /** Rule evaluations per second per unit (ALB 1,000); 0 when rules are not billed. */
  rulesPerUnit: number;
}

/** AWS us-east-1 prices and LCU dimensions by balancer kind. */
export const ALB_RATES: BillRates = { hourlyUsd: 0.0225, unitHourUsd: 0.008, connectionsPerUnit: 25, rulesPerUnit: 1000 };
export const NLB_RATES: BillRates = { hourlyUsd: 0.0225, unitHourUsd: 0.006, connectionsPerUnit: 800, rulesPerUnit: 0 };
/** New TLS connections per second in one NLCU on an NLB TLS listener (against 800 TCP flows). */
export const NLB_TLS_CONNECTIONS_PER_UNIT = 50;
export const GWLB_RATES: BillRates = { hourlyUsd: 0.0125, unitHourUsd: 0.004, connectionsPerUnit: 600, rulesPerUnit: 0 };

const HOUR_MS = 3_600_000;
const GB = 1e9;

export class BalancerBill {
  /** Hourly-price USD accrued before the current rates took effect. */
  private accruedHourlyUsd = 0;
  /** When the current rates took effect. */
  private declare ratesSinceMs: number;
  /** Capacity-unit hours of the hours already closed. */
  private closedUnitHours = 0;
  private declare hourEndMs: number;
  private connections = 0;
  private bytes = 0;
  private ruleEvaluations = 0;
  /** Bytes sent across zones (each is charged once out and once in). */
  crossZoneBytes = 0;
  /** When billing stopped (the balancer was removed), or Infinity. */
  stoppedMs = Infinity;

  private declare current: BillRates;
  declare readonly startMs: number;

  constructor(current: BillRates, startMs: number) {
    this.current = current;
    this.startMs = startMs;
    this.hourEndMs = startMs + HOUR_MS;
    this.ratesSinceMs = startMs;
  }

  /** New prices from `nowMs` on (a live patch); the time before keeps the hourly price it ran at. */
  setRates(rates: BillRates, nowMs: number): void {
    if (rates.hourlyUsd === this.current.hourlyUsd) {
      this.current = rates; // nothing to split: the hours so far cost the same
      return;
    }
    this.accruedHourlyUsd += this.hourlyUsdBetween(this.ratesSinceMs, nowMs);
    this.ratesSinceMs = Math.max(this.ratesSinceMs, nowMs);
    this.current = rates;
  }

  /** A request passed through: `opened` new connections, `bytes` processed, `rules` billable rule evaluations. */
  count(nowMs: number, opened: number, bytes: number, rules: number): void {
    if (nowMs >= this.hourEndMs) this.closeHours(nowMs);
    this.connections += opened;
    this.bytes += bytes;
    this.ruleEvaluations += rules;
  }

  /** Capacity-unit hours up to now (the current hour counts what it has so far). */
  unitHours(nowMs: number): number {
    if (nowMs >= this.hourEndMs) this.closeHours(nowMs);
    return this.closedUnitHours + this.hourUnits();
  }

  /** USD for the balancer (hours and capacity units) up to `nowMs`. */
  balancerUsd(nowMs: number): number {
    return this.accruedHourlyUsd + this.hourlyUsdBetween(this.ratesSinceMs, nowMs) + this.unitHours(nowMs) * this.current.unitHourUsd;
  }

  /** The hourly price's share of [fromMs, toMs), at the current rates, up to when billing stopped. */
  private hourlyUsdBetween(fromMs: number, toMs: number): number {
    return (Math.max(0, Math.min(toMs, this.stoppedMs) - fromMs) / HOUR_MS) * this.current.hourlyUsd;
  }

  /** USD for data sent across zones, `usdPerGB` in each direction. */
  dataTransferUsd(usdPerGB: number): number {
    return (this.crossZoneBytes / GB) * usdPerGB * 2;
  }

  private hourUnits(): number {
    const r = this.current;
    const byConnections = this.connections / (r.connectionsPerUnit * 3600);
    const byRules = r.rulesPerUnit > 0 ? this.ruleEvaluations / (r.rulesPerUnit * 3600) : 0;
    return Math.max(byConnections, this.bytes / GB, byRules);
  }

  private closeHours(nowMs: number): void {
    this.closedUnitHours += this.hourUnits();
    this.connections = 0;
    this.bytes = 0;
    this.ruleEvaluations = 0;
    while (this.hourEndMs <= nowMs) this.hourEndMs += HOUR_MS;
  }
}

/**
 * Which scenarios M/M/c covers, and in words why a run departs from it. M/M/c needs Poisson arrivals at a
 * steady rate, exponential service with one mean, FIFO service and no failures; it is exact for one target
 * with c slots (one queue), and for several targets it is the ideal a single shared queue would reach (each
 * target keeping its own queue does worse: round robin, least connections and random all wait more).
 */
import type { Scenario } from '../scenario/schema.ts';
import { m } from '../i18n/paraglide/messages.js';

export interface MmcModel {
  /** Servers: every slot of every target of the group. */
  c: number;
  /** Arrivals per second the scenario sends (the first rate). */
  lambdaPerSec: number;
  /** Mean service time, ms. */
  serviceMs: number;
  /** One target: the formula is exact; else a lower bound. */
  exact: boolean;
  /** Why measurements may depart from the formula (empty: they should agree within noise). */
  departures: string[];
}

/** The M/M/c model of the scenario's only target group, or a sentence saying why there is none. */
export function mmcModel(s: Scenario): MmcModel | string {
  if (s.targetGroups.length !== 1) return m.explain_mmc_one_group();
  const g = s.targetGroups[0];
  const arrival = s.traffic.arrival;
  if (arrival.kind === 'closed') return m.explain_mmc_closed();
  const means = new Set(g.targets.map((t) => (t.serviceTimeMs.dist === 'exponential' ? t.serviceTimeMs.meanMs : NaN)));
  if (g.targets.some((t) => t.serviceTimeMs.dist === 'lognormal')) {
    return m.explain_mmc_lognormal();
  }
  if (means.size !== 1 || [...means].some((m) => Number.isNaN(m))) return m.explain_mmc_exponential();
  const departures: string[] = [];
  if (arrival.kind === 'constant') departures.push(m.explain_mmc_even());
  if ((s.traffic.profile?.length ?? 0) > 1) departures.push(m.explain_mmc_profile());
  if ((s.traffic.mix?.length ?? 0) > 1) departures.push(m.explain_mmc_classes());
  if (g.targets.length > 1) departures.push(m.explain_mmc_own_queues({ count: g.targets.length, algorithm: g.algorithm }));
  if (g.targets.some((t) => t.queueLimit !== null && t.queueLimit !== undefined)) departures.push(m.explain_mmc_queue_limit());
  if (g.requestTimeoutMs > 0 && g.requestTimeoutMs < 60_000) departures.push(m.explain_mmc_timeout());
  if (s.events.length > 0) departures.push(m.explain_mmc_events());
  if ((s.traffic.attacks?.length ?? 0) > 0) departures.push(m.explain_mmc_attacks());
  if (g.stickiness !== undefined) departures.push(m.explain_mmc_sticky());
  if (arrival.kind === 'replay') return m.explain_mmc_replay();
  return { c: g.targets.reduce((n, t) => n + t.concurrency, 0), lambdaPerSec: arrival.ratePerSec, serviceMs: [...means][0], exact: g.targets.length === 1, departures };
}

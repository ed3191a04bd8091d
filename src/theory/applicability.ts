/**
 * Which scenarios M/M/c covers, and in words why a run departs from it. M/M/c needs Poisson arrivals at a
 * steady rate, exponential service with one mean, FIFO service and no failures; it is exact for one target
 * with c slots (one queue), and for several targets it is the ideal a single shared queue would reach (each
 * target keeping its own queue does worse: round robin, least connections and random all wait more).
 */
import type { Scenario } from '../scenario/schema.ts';

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
  if (s.targetGroups.length !== 1) return 'M/M/c describes one target group; this scenario has several.';
  const g = s.targetGroups[0];
  const arrival = s.traffic.arrival;
  if (arrival.kind === 'closed') return 'closed-loop users wait for each answer before sending again: a closed queueing network, not M/M/c.';
  const means = new Set(g.targets.map((t) => (t.serviceTimeMs.dist === 'exponential' ? t.serviceTimeMs.meanMs : NaN)));
  if (g.targets.some((t) => t.serviceTimeMs.dist === 'lognormal')) {
    return 'service times are lognormal, a heavy tail: a few very long requests hold slots and everyone behind them waits, so queues are longer than M/M/c (which needs exponential service) would say.';
  }
  if (means.size !== 1 || [...means].some((m) => Number.isNaN(m))) return 'M/M/c needs exponential service times with one mean for every target.';
  const departures: string[] = [];
  if (arrival.kind === 'constant') departures.push('arrivals are evenly spaced, not Poisson: less waiting than predicted');
  if ((s.traffic.profile?.length ?? 0) > 1) departures.push('the rate changes over time (a profile): the formula is for one steady rate');
  if ((s.traffic.mix?.length ?? 0) > 1) departures.push('several request classes: service times may differ by class');
  if (g.targets.length > 1) departures.push(`each of the ${g.targets.length} targets keeps its own queue, while M/M/c shares one: ${g.algorithm} waits more than predicted (the prediction is the best case)`);
  if (g.targets.some((t) => t.queueLimit !== null && t.queueLimit !== undefined)) departures.push('queues have a limit: rejected requests (503) leave, and the rest wait less');
  if (g.requestTimeoutMs < 60_000) departures.push('the request timeout cuts the slowest requests off: the measured tail is shorter');
  if (s.events.length > 0) departures.push('scheduled events (failures, changes) take capacity away for a while');
  if ((s.traffic.attacks?.length ?? 0) > 0) departures.push('attack waves are bursts far above the steady rate: queues build during them and drain after');
  if (g.stickiness !== undefined) departures.push('stickiness binds clients to targets: load is not spread by the queue');
  if (arrival.kind === 'replay') return 'replayed arrivals are not a Poisson stream: M/M/c does not describe them.';
  return { c: g.targets.reduce((n, t) => n + t.concurrency, 0), lambdaPerSec: arrival.ratePerSec, serviceMs: [...means][0], exact: g.targets.length === 1, departures };
}

/**
 * The per-second clock: closing each whole simulated second writes one row of the series (arrivals,
 * outcomes, latency percentiles, per-target requests and utilisation), feeds the scaling groups'
 * metrics, adapts flow sampling, and lets the databases and balancer CPUs measure that second's load.
 */
import type { Engine } from '../simulation.ts';

/** Closes every whole second up to `timeMs`. */
export function rollTo(e: Engine, timeMs: number): void {
  while (timeMs >= e.nextSecondMs) rollSecond(e);
}

export function rollSecond(e: Engine): void {
  const boundary = e.nextSecondMs;
  const store = e.store;
  const n = store.count;
  if (e.secTargetUtil.length < n) e.secTargetUtil = new Float64Array(n * 2);
  const req = e.secTargetRequests.length >= n ? e.secTargetRequests : new Float64Array(n * 2);
  for (let t = 0; t < n; t++) {
    store.accrue(t, boundary);
    const capacity = store.capAcc[t] - store.capAccAtSecond[t];
    e.secTargetUtil[t] = capacity > 0 ? (store.busyAcc[t] - store.busyAccAtSecond[t]) / capacity : 0;
    store.busyAccAtSecond[t] = store.busyAcc[t];
    store.capAccAtSecond[t] = store.capAcc[t];
    req[t] = store.secRequests[t];
    store.secRequests[t] = 0;
  }
  const h = e.secLatency;
  for (const a of e.autoscaling) a.sample(boundary, req, e.secTargetUtil, h.mean());
  e.perSecond.push(e.secArrived, e.secOk, e.secFailed, h.quantile(0.5), h.quantile(0.95), h.quantile(0.99), req, e.secTargetUtil, n);
  e.flows.adapt(e.secArrived);
  e.db.rollSecond();
  for (const b of e.balancers) {
    const scaled = b.cpu?.rollSecond(boundary) ?? null;
    if (scaled !== null) e.log.add(boundary, 'lb-scale', b.id, `${b.id} ${scaled}`);
  }
  h.reset();
  e.secArrived = 0;
  e.secOk = 0;
  e.secFailed = 0;
  e.nextSecondMs = boundary + 1000;
}

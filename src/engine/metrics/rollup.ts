/**
 * The per-second clock: closing each whole simulated second writes one row of the series (arrivals,
 * outcomes, latency percentiles, per-target requests and utilisation), measures each target's CPU
 * (compute time over the same slot-time), feeds the scaling groups' metrics, adapts flow sampling, and lets the databases and balancer CPUs measure that second's load.
 */
import type { SimState } from '../state.ts';
import { sampleScaling } from '../scaling/runtime.ts';
import { rollDatabases } from '../infra/databases.ts';

/** The percentiles of each second's row (p50, p95, p99), found in one walk over the histogram. */
const PERCENTILES = [0.5, 0.95, 0.99];
const pct = new Float64Array(PERCENTILES.length);

/** Closes every whole second up to `timeMs`. */
export function rollTo(s: SimState, timeMs: number): void {
  while (timeMs >= s.second.endMs) rollSecond(s);
}

function rollSecond(s: SimState): void {
  const second = s.second;
  const boundary = second.endMs;
  const store = s.store;
  const n = store.count;
  if (second.targetUtil.length < n) second.targetUtil = new Float64Array(n * 2);
  if (second.targetRequests.length < n) second.targetRequests = new Float64Array(n * 2);
  if (second.targetCpu.length < n) second.targetCpu = new Float64Array(n * 2);
  const util = second.targetUtil;
  const cpu = second.targetCpu;
  const req = second.targetRequests;
  // the store's arrays read once, not per target: this loop visits every target every simulated second
  const busy = store.busy, concurrency = store.concurrency, cpuRate = store.cpuRate, stamp = store.busyStamp;
  const busyAcc = store.busyAcc, capAcc = store.capAcc, cpuAcc = store.cpuAcc, secRequests = store.secRequests;
  const busyAt = store.busyAccAtSecond, capAt = store.capAccAtSecond, cpuAt = store.cpuAccAtSecond;
  for (let t = 0; t < n; t++) {
    // store.accrue(t, boundary), the same sums, with each total kept at hand for the rates below
    const dt = boundary - stamp[t];
    const busyTotal = (busyAcc[t] += busy[t] * dt);
    const capTotal = (capAcc[t] += concurrency[t] * dt);
    const cpuTotal = (cpuAcc[t] += cpuRate[t] * dt);
    stamp[t] = boundary;
    const capacity = capTotal - capAt[t];
    util[t] = capacity > 0 ? (busyTotal - busyAt[t]) / capacity : 0;
    cpu[t] = capacity > 0 ? (cpuTotal - cpuAt[t]) / capacity : 0;
    busyAt[t] = busyTotal;
    cpuAt[t] = cpuTotal;
    capAt[t] = capTotal;
    req[t] = secRequests[t];
    secRequests[t] = 0;
  }
  const h = s.latency.second;
  for (const a of s.scalingGroups) sampleScaling(s, a, boundary, req, cpu, h.mean());
  h.quantilesInto(PERCENTILES, pct);
  s.series.push(second.arrived, second.ok, second.failed, pct[0], pct[1], pct[2], req, util, n);
  s.flows.adapt(second.arrived);
  rollDatabases(s);
  for (const b of s.balancers) {
    const scaled = b.cpu?.rollSecond(boundary) ?? null;
    if (scaled !== null) s.log.add(boundary, 'lb-scale', b.id, `${b.id} ${scaled}`);
  }
  h.reset();
  second.arrived = 0;
  second.ok = 0;
  second.failed = 0;
  second.endMs = boundary + 1000;
}

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
  if (second.targetCpu.length < n) second.targetCpu = new Float64Array(n * 2);
  const cpu = second.targetCpu;
  // per-target requests and utilisation straight into the series' next row (no copy)
  const series = s.series;
  const base = series.openRow(n);
  const req = series.requests();
  store.closeSecond(boundary, n, base, series.utilization(), req, cpu);
  const h = s.latency.second;
  for (const a of s.scalingGroups) sampleScaling(s, a, boundary, req, base, cpu, h.mean());
  h.quantilesInto(PERCENTILES, pct);
  series.push(second.arrived, second.ok, second.failed, pct[0], pct[1], pct[2], n);
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

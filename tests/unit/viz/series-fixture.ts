import type { Series } from '../../../src/engine/types.ts';

/** A per-second series from plain arrays; per-target arrays are given target by target. */
export function seriesOf(p: { startSec?: number; arrived: number[]; ok: number[]; failed: number[]; p50?: number[]; targetRequests?: number[][]; targetUtilization?: number[][] }): Series {
  const n = p.arrived.length;
  const f = (a: number[] | undefined) => Float64Array.from(a ?? new Array(n).fill(0));
  const tr = p.targetRequests ?? [];
  const tu = p.targetUtilization ?? tr.map((row) => row.map(() => 0));
  return {
    startSec: p.startSec ?? 0,
    seconds: n,
    arrived: f(p.arrived),
    ok: f(p.ok),
    failed: f(p.failed),
    p50: f(p.p50),
    p95: f(p.p50?.map((v) => v * 2)),
    p99: f(p.p50?.map((v) => v * 3)),
    targetRequests: Float64Array.from(tr.flat()),
    targetUtilization: Float64Array.from(tu.flat()),
    targetCount: tr.length,
  };
}

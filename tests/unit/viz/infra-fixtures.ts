/** Topologies with zones, regions, scaling groups and databases, and the reports that go with them. */
import type { BlindWindow, ScalingReport, Topology } from '../../../src/engine/types.ts';
import { topologyOf, type GroupSpec } from './fixtures.ts';

export interface ZonedSpec extends GroupSpec {
  /** Zone of each target, in order (cycled); null = no zone. */
  zones?: (string | null)[];
}

/** topologyOf, with the balancer(s) in `zones`, targets spread over them, optional scaling groups and databases. */
export function zonedTopology(
  groups: ZonedSpec[],
  opts: { zones?: string[]; scaled?: string[]; databases?: { id: string; groups: string[]; proxy?: boolean }[]; regions?: string[]; balancers?: number } = {},
): Topology {
  const t = topologyOf(groups, opts.balancers ?? 1);
  const zones = opts.zones ?? [];
  t.balancers = t.balancers.map((b, i) => ({ ...b, zones, region: opts.regions?.[i] ?? 'default' }));
  let k = 0;
  for (const spec of groups) {
    for (let i = 0; i < spec.count; i++, k++) {
      const list = spec.zones ?? (zones.length ? zones : [null]);
      t.targets[k].zone = list[i % list.length];
    }
  }
  t.zones = [...zones];
  t.scalingGroups = (opts.scaled ?? []).map((g) => ({ id: `${g}-asg`, targetGroup: g }));
  t.databases = (opts.databases ?? []).map((d) => ({ id: d.id, groups: d.groups, proxy: d.proxy ?? false, readReplicas: 0 }));
  return t;
}

/** A scaling report with the given per-second series. */
export function scalingReportOf(p: { id?: string; desired?: number[]; inService?: number[]; live?: number[]; cpu: number[]; startSec?: number; instances?: ScalingReport['instances'] }): ScalingReport {
  const n = p.cpu.length;
  const f = (a: number[] | undefined, v: number) => Float64Array.from(a ?? new Array(n).fill(v));
  return {
    id: p.id ?? 'web-asg',
    desired: p.desired?.at(-1) ?? 2,
    min: 2,
    max: 8,
    instances: p.instances ?? [],
    series: { startSec: p.startSec ?? 0, desired: f(p.desired, 2), inService: f(p.inService, 2), live: f(p.live, 2), cpu: Float64Array.from(p.cpu) },
  };
}

export function windowOf(target: string, failedAtSec: number, endedAtSec: number | null, detectSec: number | null = endedAtSec === null ? null : endedAtSec - failedAtSec, failedRequests = 10): BlindWindow {
  return {
    target,
    cause: 'crashed',
    failedAtMs: failedAtSec * 1000,
    endedAtMs: endedAtSec === null ? null : endedAtSec * 1000,
    detectedBy: detectSec === null ? null : 'active health check',
    detectMs: detectSec === null ? null : detectSec * 1000,
    failedRequests,
  };
}

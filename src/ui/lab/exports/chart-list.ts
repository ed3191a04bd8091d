/** The charts a person can export: the lab's charts, each over the whole run recorded so far. */
import type { ScalingReport, Series, Topology } from '../../../engine/types.ts';
import { capacityChart, cpuChart } from '../../../viz/capacity-chart.ts';
import { errorChart, latencyChart, rateChart, utilizationChart, type ChartModel } from '../../../viz/chart-data.ts';

export function exportableCharts(series: Series, topology: Topology, scaling: readonly ScalingReport[] | null, scalingTargets: Readonly<Record<string, number>> = {}): ChartModel[] {
  const whole = Math.max(1, series.seconds);
  return [
    rateChart(series, whole),
    latencyChart(series, whole),
    errorChart(series, whole),
    utilizationChart(series, topology, whole),
    ...(scaling ?? []).flatMap((r) => [capacityChart(r), cpuChart(r, scalingTargets[r.id])]),
  ];
}

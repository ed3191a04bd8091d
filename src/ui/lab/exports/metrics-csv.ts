/**
 * The run's metrics over time as CSV: one row per simulated second (second s covers [s, s + 1), as in the
 * engine's series), with requests arrived, answered and failed, the error rate, p50/p95/p99 latency, and for
 * each target the requests it was sent and its utilisation. A second with no finished request has no latency
 * or error rate: those cells are empty, not zero. Pure: series in, text out.
 */
import type { Series, Topology } from '../../../engine/types.ts';
import { toCsv, type CsvCell } from '../../../viz/csv.ts';

/** The metrics CSV for a run's series; `targets` names the targets in the series' order (the topology's). */
export function metricsCsv(series: Series, targets: Topology['targets']): string {
  const shown = targets.slice(0, series.targetCount);
  const header = ['second', 'arrived', 'ok', 'failed', 'error rate', 'p50 ms', 'p95 ms', 'p99 ms', ...shown.flatMap((t) => [`${t.id} requests`, `${t.id} utilisation`])];
  const n = series.seconds;
  const rows: CsvCell[][] = [];
  for (let i = 0; i < n; i++) {
    const finished = series.ok[i] + series.failed[i];
    const quiet = finished === 0;
    const row: CsvCell[] = [
      series.startSec + i,
      series.arrived[i],
      series.ok[i],
      series.failed[i],
      quiet ? null : round(series.failed[i] / finished, 6),
      quiet ? null : round(series.p50[i], 3),
      quiet ? null : round(series.p95[i], 3),
      quiet ? null : round(series.p99[i], 3),
    ];
    for (let t = 0; t < shown.length; t++) row.push(series.targetRequests[t * n + i], round(series.targetUtilization[t * n + i], 6));
    rows.push(row);
  }
  return toCsv(header, rows);
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/**
 * A scaling group's charts as data, on the same time window as the other charts: capacity (desired, the
 * instances launched, those in service) and the policy's metric against its target — average CPU of the
 * instances past their warm-up (a gap while none is), with the seconds above the target marked as
 * breaches. The scaling alarm judges one-minute averages, so a breached second is the raw signal, not yet
 * an alarm.
 */
import type { ScalingReport } from '../engine/types.ts';
import { CHART_WINDOW_SEC, chartWindow, type ChartModel } from './chart-data.ts';
import { m } from '../i18n/paraglide/messages.js';
import { OKABE_ITO } from './palette.ts';
import { fitText, textWidth } from './text-fit.ts';
import { formatNumber } from './number-format.ts';

const seconds = (r: ScalingReport): { startSec: number; seconds: number } => ({ startSec: r.series.startSec, seconds: r.series.desired.length });

/** Desired capacity vs instances launched (booting, warming or in service) vs instances in service. */
export function capacityChart(report: ScalingReport, windowSec = CHART_WINDOW_SEC): ChartModel {
  const { from, count, firstSec } = chartWindow(seconds(report), windowSec);
  const cut = (a: Float64Array): Float64Array => a.subarray(from, from + count);
  return {
    name: `capacity-${report.id}`,
    title: m.chart_capacity_title({ group: report.id }),
    unit: 'count',
    firstSec,
    count,
    lines: [
      { key: 'desired', label: m.chart_capacity_desired(), values: cut(report.series.desired), style: { colour: OKABE_ITO.black, dash: '7 3' } },
      { key: 'launched', label: m.chart_capacity_launched(), values: cut(report.series.live), style: { colour: OKABE_ITO.blue, dash: '' } },
      { key: 'in-service', label: m.chart_capacity_in_service(), values: cut(report.series.inService), style: { colour: OKABE_ITO.bluishGreen, dash: '2 3' } },
    ],
    yMaxFloor: Math.max(1, report.max),
    note: m.chart_capacity_note({ min: formatNumber(report.min), max: formatNumber(report.max) }),
  };
}

/** Runs of consecutive points strictly above `threshold`, as point seconds (inclusive). */
export function breachRuns(values: ArrayLike<number>, threshold: number, firstSec: number): { fromSec: number; toSec: number }[] {
  const runs: { fromSec: number; toSec: number }[] = [];
  let start = -1;
  for (let i = 0; i <= values.length; i++) {
    const above = i < values.length && Number.isFinite(values[i]) && values[i] > threshold;
    if (above && start < 0) start = i;
    if (!above && start >= 0) {
      runs.push({ fromSec: firstSec + start, toSec: firstSec + i - 1 });
      start = -1;
    }
  }
  return runs;
}

/**
 * Average CPU (as a share) of the group's instances that count, against `targetPercent` (a target-tracking
 * policy's target value for CPUUtilization), or CPU alone when there is no target.
 */
export function cpuChart(report: ScalingReport, targetPercent: number | undefined, windowSec = CHART_WINDOW_SEC): ChartModel {
  const { from, count, firstSec } = chartWindow(seconds(report), windowSec);
  // the engine records 0 for a second in which no instance was past its warm-up: no datapoint, drawn as a gap
  const cpu = Float64Array.from({ length: count }, (_, i) => (report.series.cpu[from + i] > 0 ? report.series.cpu[from + i] / 100 : NaN));
  const target = targetPercent !== undefined && Number.isFinite(targetPercent) ? targetPercent / 100 : null;
  const lines: ChartModel['lines'] = [{ key: 'cpu', label: 'CPU', values: cpu, style: { colour: OKABE_ITO.blue, dash: '' } }];
  if (target !== null) lines.push({ key: 'target', label: m.chart_cpu_target(), values: new Float64Array(count).fill(target), style: { colour: OKABE_ITO.black, dash: '7 3' } });
  const breaches = target === null ? [] : breachRuns(cpu, target, firstSec);
  const breached = breaches.reduce((n, b) => n + b.toSec - b.fromSec + 1, 0);
  return {
    name: `cpu-${report.id}`,
    title: target === null ? m.chart_cpu_title({ group: report.id }) : m.chart_cpu_target_title({ group: report.id }),
    unit: 'share',
    firstSec,
    count,
    lines,
    yMaxFloor: 1,
    note: target === null ? m.chart_cpu_note() : m.chart_cpu_breach_note({ seconds: formatNumber(breached) }),
    breaches,
  };
}

const STATE_ORDER = ['in-service', 'warming', 'booting', 'draining'] as const;
const STATE_WORDS: Record<(typeof STATE_ORDER)[number], (n: number) => string> = {
  'in-service': (count) => m.lab_inst_in_service({ count }),
  warming: (count) => m.lab_inst_warming({ count }),
  booting: (count) => m.lab_inst_booting({ count }),
  draining: (count) => m.lab_inst_draining({ count }),
};

/** A scaling group's capacity in words: "desired 4 (min 2, max 8): 2 in service, 1 warming, 1 booting". */
export function capacityText(report: Pick<ScalingReport, 'desired' | 'min' | 'max' | 'instances'>): string {
  const counts = STATE_ORDER.map((s) => [s, report.instances.filter((i) => i.state === s).length] as const).filter(([, n]) => n > 0);
  const parts = counts.map(([s, n]) => STATE_WORDS[s](n));
  return `${limitsText(report, true)}: ${parts.length ? parts.join(', ') : m.lab_no_instances()}`;
}

/** "desired 4 (min 2, max 8)", or with `long` false "desired 4 (2–8)". */
function limitsText(report: Pick<ScalingReport, 'desired' | 'min' | 'max'>, long: boolean): string {
  return (long ? m.lab_desired_limits : m.lab_desired_range)({ desired: report.desired, min: report.min, max: report.max });
}

/**
 * The header of a scaling group's frame, fitted to `widthPx`: the longest title and capacity wording
 * that fit side by side ("Scaling group web-asg", "desired 3 (min 2, max 8): 2 in service, 1 booting"),
 * shortening to "web-asg" and "desired 3 (2–8): 2 in service, 1 booting", then dropping the limits, before
 * cutting.
 */
export function frameLabel(id: string, report: Pick<ScalingReport, 'desired' | 'min' | 'max' | 'instances'> | undefined, widthPx: number, titlePx: number, detailPx: number): { title: string; detail: string } {
  const long = report ? capacityText(report) : m.lab_capacity_not_reported();
  const short = report ? long.replace(limitsText(report, true), limitsText(report, false)) : m.lab_no_report();
  const shorter = report ? long.replace(limitsText(report, true), m.lab_desired({ desired: report.desired })) : m.lab_no_report();
  const gap = 16;
  for (const title of [m.lab_scaling_group({ id }), id]) {
    for (const detail of [long, short, ...(title === id ? [shorter] : [])]) {
      if (textWidth(title, titlePx) + gap + textWidth(detail, detailPx) <= widthPx) return { title, detail };
    }
  }
  const title = fitText(id, widthPx * 0.35, titlePx);
  return { title, detail: fitText(short, widthPx - textWidth(title, titlePx) - gap, detailPx) };
}

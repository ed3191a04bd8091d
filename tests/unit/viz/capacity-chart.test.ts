import { describe, expect, it } from 'vitest';
import { breachRuns, capacityChart, capacityText, cpuChart, frameLabel } from '../../../src/viz/capacity-chart.ts';
import { breachRects, chartGeometry } from '../../../src/viz/chart-geometry.ts';
import { scalingReportOf } from './infra-fixtures.ts';

describe('a scaling group’s charts', () => {
  const report = scalingReportOf({ desired: [2, 2, 4, 4], live: [2, 2, 4, 4], inService: [2, 2, 2, 4], cpu: [40, 70, 80, 45], startSec: 10 });

  it('plot desired, launched and in-service capacity on the other charts’ seconds', () => {
    const m = capacityChart(report);
    expect(m.firstSec).toBe(11);
    expect(m.lines.map((l) => l.key)).toEqual(['desired', 'launched', 'in-service']);
    expect(Array.from(m.lines[2].values)).toEqual([2, 2, 2, 4]);
    expect(m.unit).toBe('count');
    expect(m.yMaxFloor).toBe(8); // room up to the group's max
  });

  it('shows only the most recent window', () => {
    const long = scalingReportOf({ cpu: Array.from({ length: 100 }, (_, i) => i) });
    const m = capacityChart(long, 60);
    expect(m.count).toBe(60);
    expect(m.firstSec).toBe(41);
  });

  it('plot CPU as a share against the target, with the seconds above it as breaches', () => {
    const m = cpuChart(report, 50);
    expect(Array.from(m.lines[0].values)).toEqual([0.4, 0.7, 0.8, 0.45]);
    expect(Array.from(m.lines[1].values)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(m.breaches).toEqual([{ fromSec: 12, toSec: 13 }]);
    expect(m.note).toContain('2 s above target');
  });

  it('without a target, plot CPU alone and mark nothing', () => {
    const m = cpuChart(report, undefined);
    expect(m.lines.map((l) => l.key)).toEqual(['cpu']);
    expect(m.breaches).toEqual([]);
  });

  it('leave a gap, not a zero, for seconds in which no instance was past its warm-up', () => {
    const m = cpuChart(scalingReportOf({ cpu: [60, 0, 0, 55] }), 50);
    expect(Array.from(m.lines[0].values).map((v) => (Number.isNaN(v) ? 'gap' : v))).toEqual([0.6, 'gap', 'gap', 0.55]);
    expect(m.breaches).toEqual([
      { fromSec: 1, toSec: 1 },
      { fromSec: 4, toSec: 4 },
    ]);
  });

  it('find runs of seconds strictly above a threshold', () => {
    expect(breachRuns([1, 5, 5, 1, 5], 4, 0)).toEqual([
      { fromSec: 1, toSec: 2 },
      { fromSec: 4, toSec: 4 },
    ]);
    expect(breachRuns([4, 4], 4, 0)).toEqual([]);
    expect(breachRuns([], 4, 0)).toEqual([]);
  });

  it('shade each breach over whole seconds, inside the plot', () => {
    const m = cpuChart(report, 50);
    const g = chartGeometry(m, 400, 150);
    const [r] = breachRects(m, g);
    expect(r.x).toBeCloseTo(g.x(11.5));
    expect(r.x + r.width).toBeCloseTo(Math.min(g.plotRight, g.x(13.5)));
  });

  it('say the capacity in words, and fit it in a frame header', () => {
    const r = { desired: 4, min: 2, max: 8, instances: [
      { id: 'a', state: 'in-service' as const, zone: 'a' },
      { id: 'b', state: 'in-service' as const, zone: 'b' },
      { id: 'c', state: 'booting' as const, zone: 'a' },
      { id: 'd', state: 'terminated' as const, zone: 'b' },
    ] };
    expect(capacityText(r)).toBe('desired 4 (min 2, max 8): 2 in service, 1 booting');
    expect(frameLabel('web-asg', r, 600, 12.5, 12)).toEqual({ title: 'Scaling group web-asg', detail: 'desired 4 (min 2, max 8): 2 in service, 1 booting' });
    expect(frameLabel('web-asg', r, 370, 12.5, 12)).toEqual({ title: 'web-asg', detail: 'desired 4 (2–8): 2 in service, 1 booting' });
    expect(frameLabel('web-asg', undefined, 600, 12.5, 12).detail).toBe('capacity not reported yet');
  });
});

describe('a frame header with very little room', () => {
  it('cuts the words rather than overflowing', () => {
    const label = frameLabel('web-asg', { desired: 4, min: 2, max: 8, instances: [] }, 160, 12.5, 12);
    expect(label.detail.endsWith('…')).toBe(true);
  });
});

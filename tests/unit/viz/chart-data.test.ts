import { describe, expect, it } from 'vitest';
import { errorChart, latencyChart, MAX_TARGET_LINES, rateChart, utilizationChart } from '../../../src/viz/chart-data.ts';
import { chartGeometry, formatValue, nearestIndex } from '../../../src/viz/chart-geometry.ts';
import { topologyOf } from './fixtures.ts';
import { seriesOf } from './series-fixture.ts';

const series = seriesOf({ startSec: 10, arrived: [10, 20, 30, 40], ok: [10, 18, 0, 30], failed: [0, 2, 0, 10], p50: [100, 120, 0, 90] });

describe('chart data', () => {
  it('plots requests in and out per second, the newest window only', () => {
    const m = rateChart(series, 3);
    expect(m.firstSec).toBe(12);
    expect(m.count).toBe(3);
    expect(Array.from(m.lines[0].values)).toEqual([20, 30, 40]);
    expect(Array.from(m.lines[1].values)).toEqual([20, 0, 40]);
  });

  it('leaves a gap, not a zero, where nothing finished (latency and error rate)', () => {
    expect(Array.from(latencyChart(series).lines[0].values)).toEqual([100, 120, NaN, 90]);
    expect(Array.from(errorChart(series).lines[0].values)).toEqual([0, 0.1, NaN, 0.25]);
  });

  it('draws one utilisation line per registered target, or mean and busiest when there are many', () => {
    const few = topologyOf([{ id: 'web', count: 3, unregistered: 1 }]);
    const s3 = seriesOf({ arrived: [1, 1], ok: [1, 1], failed: [0, 0], targetRequests: [[1, 1], [1, 1], [0, 0]], targetUtilization: [[0.5, 0.6], [0.1, 0.2], [0, 0]] });
    const m = utilizationChart(s3, few);
    expect(m.lines.map((l) => l.label)).toEqual(['web-1', 'web-2']);
    expect(Array.from(m.lines[1].values)).toEqual([0.1, 0.2]);

    const count = MAX_TARGET_LINES + 2;
    const many = topologyOf([{ id: 'web', count }]);
    const util = Array.from({ length: count }, (_, t) => [t / 10, 0.5]);
    const sMany = seriesOf({ arrived: [1, 1], ok: [1, 1], failed: [0, 0], targetRequests: util.map(() => [1, 1]), targetUtilization: util });
    const summary = utilizationChart(sMany, many);
    expect(summary.lines.map((l) => l.key)).toEqual(['mean', 'max']);
    expect(summary.lines[1].values[0]).toBeCloseTo((count - 1) / 10);
    expect(summary.note).toContain(`${count} targets`);
  });
});

describe('chart geometry', () => {
  it('keeps a full scale of 100 % for utilisation unless the data go past it', () => {
    const m = utilizationChart(seriesOf({ arrived: [1], ok: [1], failed: [0], targetRequests: [[1]], targetUtilization: [[0.4]] }), topologyOf([{ id: 'w', count: 1 }]));
    expect(chartGeometry(m, 300, 120).y.domain()).toEqual([0, 1]);
  });

  it('stops the error rate axis at 100 % when every request fails', () => {
    // 1.0 × 1.05, made nice in four ticks, was 1.2: an axis up to 120 % of requests failing
    const all = errorChart(seriesOf({ arrived: [5, 5], ok: [5, 0], failed: [0, 5], targetRequests: [[5], [5]], targetUtilization: [[0.5], [0.5]] }));
    const g = chartGeometry(all, 300, 120);
    expect(g.y.domain()).toEqual([0, 1]);
    expect(g.yTicks.at(-1)!.label).toBe('100%');
    // a few per cent keeps its own scale
    const some = errorChart(seriesOf({ arrived: [100], ok: [90], failed: [10], targetRequests: [[100]], targetUtilization: [[0.5]] }));
    expect(chartGeometry(some, 300, 120).y.domain()[1]).toBeLessThan(1);
  });

  it('has a y axis reaching at least the floor, and past the largest value', () => {
    const g = chartGeometry(rateChart(series), 300, 120);
    expect(g.y.domain()[1]).toBeGreaterThanOrEqual(40);
    expect(g.yTicks[0].label).toBe('0');
  });

  it('finds the second nearest to the pointer', () => {
    const m = rateChart(series);
    const g = chartGeometry(m, 300, 120);
    expect(nearestIndex(m, g, g.x(12.4))).toBe(1);
    expect(nearestIndex(m, g, -50)).toBe(0);
    expect(nearestIndex(m, g, 5000)).toBe(3);
  });

  it('writes values with their units', () => {
    expect(formatValue('perSec', 24)).toBe('24/s');
    expect(formatValue('ms', 1234)).toBe('1.2 s');
    expect(formatValue('share', 0.05)).toBe('5%');
    expect(formatValue('ms', NaN)).toBe('—');
  });
});

// A chart's y tick labels stand left of the plot, right-aligned 5 px from it (LineChart.svelte): each must fit the
// left margin at the tick font's 12 px, or its first characters are cut off the chart's edge.
import { describe, expect, it } from 'vitest';
import { CHART_MARGIN, chartGeometry } from '../../../src/viz/chart-geometry.ts';
import type { ChartModel, ChartUnit } from '../../../src/viz/chart-data.ts';
import { textWidth } from '../../../src/viz/text-fit.ts';

const TICK_PX = 12;
const GAP_PX = 5;

function model(unit: ChartUnit, top: number): ChartModel {
  return { name: 'x', title: 'x', unit, firstSec: 1, count: 2, lines: [{ key: 'a', label: 'a', values: [0, top], style: { colour: '#000', dash: '' } }], yMaxFloor: 1, note: '' };
}

describe('chart y ticks', () => {
  // the tops that give each unit its widest labels: 3-digit milliseconds ("800 ms"), seconds ("1.5 s"), rates in k and M, shares
  const cases: [ChartUnit, number][] = [
    ['ms', 480], ['ms', 850], ['ms', 990], ['ms', 1500], ['ms', 95_000],
    ['perSec', 950], ['perSec', 9_500], ['perSec', 95_000], ['perSec', 1_900_000],
    ['share', 1.2], ['count', 990_000],
  ];
  it.each(cases)('%s up to %d: every label fits the left margin', (unit, top) => {
    const g = chartGeometry(model(unit, top), 400, 160);
    expect(g.plotLeft).toBe(CHART_MARGIN.left);
    const tooWide = g.yTicks.filter((t) => textWidth(t.label, TICK_PX) + GAP_PX > g.plotLeft).map((t) => t.label);
    expect(tooWide).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { blindWindowBand, describeWindow, MIN_BAR_PX } from '../../../src/viz/blind-window-band.ts';
import { timeAxis } from '../../../src/viz/chart-geometry.ts';
import { windowOf } from './infra-fixtures.ts';

// the charts' axis: points 1..60 s across a 400 px chart
const a = timeAxis(1, 60, 400);
const axis = { fromSec: 1, toSec: 60, x: a.x, plotLeft: a.plotLeft, plotRight: a.plotRight };

describe('the blind-window band', () => {
  it('draws a window from its failure to its end on the charts’ time axis', () => {
    const { bars } = blindWindowBand([windowOf('b', 10, 17.5)], axis, 30_000);
    expect(bars).toHaveLength(1);
    expect(bars[0].x).toBeCloseTo(a.x(10));
    expect(bars[0].x + bars[0].width).toBeCloseTo(a.x(17.5));
    expect(bars[0].open).toBe(false);
  });

  it('runs an open window to now, and marks it open', () => {
    const [bar] = blindWindowBand([windowOf('b', 20, null)], axis, 42_000).bars;
    expect(bar.open).toBe(true);
    expect(bar.x + bar.width).toBeCloseTo(a.x(42));
  });

  it('clips to the axis and flags a window that began before it', () => {
    const [bar] = blindWindowBand([windowOf('b', -30, 5)], axis, 60_000).bars;
    expect(bar.x).toBe(a.plotLeft);
    expect(bar.clippedStart).toBe(true);
    expect(blindWindowBand([windowOf('b', -30, -10)], axis, 60_000).bars).toHaveLength(0);
  });

  it('keeps a window detected at once visible as a thin bar', () => {
    const [bar] = blindWindowBand([windowOf('b', 30, 30)], axis, 60_000).bars;
    expect(bar.width).toBeGreaterThanOrEqual(MIN_BAR_PX);
  });

  it('puts overlapping windows on separate lanes, reuses a lane once free, and counts what does not fit', () => {
    const windows = [windowOf('a', 10, 30), windowOf('b', 12, 20), windowOf('c', 14, 25), windowOf('d', 16, 18), windowOf('e', 40, 50)];
    const band = blindWindowBand(windows, axis, 60_000, 3);
    expect(band.lanes).toBe(3);
    expect(band.hidden).toBe(1);
    const lane = Object.fromEntries(band.bars.map((b) => [b.target, b.lane]));
    expect(lane).toEqual({ a: 0, b: 1, c: 2, e: 0 });
    for (const p of band.bars) {
      for (const q of band.bars) {
        if (p !== q && p.lane === q.lane) expect(p.x + p.width <= q.x || q.x + q.width <= p.x).toBe(true);
      }
    }
  });

  it('labels a bar only when the label has room', () => {
    const wide = blindWindowBand([windowOf('web-1', 5, 50)], axis, 60_000).bars[0];
    const narrow = blindWindowBand([windowOf('web-1', 5, 5.2)], axis, 60_000).bars[0];
    expect(wide.label).toBe('web-1 · crashed');
    expect(narrow.label).toBe('');
  });

  it('tells the story of each window in words', () => {
    expect(describeWindow(windowOf('b', 10, 17.5, 7.5, 34), 60_000)).toBe('b crashed at 10.0 s: detected after 7.5 s by active health check; 34 requests failed');
    expect(describeWindow(windowOf('b', 10, 35, null, 1), 60_000)).toBe('b crashed at 10.0 s: never detected, it recovered after 25 s; 1 request failed');
    expect(describeWindow(windowOf('b', 10, null), 14_000)).toBe('b crashed at 10.0 s: still in rotation, undetected after 4 s; 10 requests failed so far');
  });
});

import { describe, expect, it } from 'vitest';
import { curvePath, pointOnCurve, pointOnLeg } from '../../../src/viz/curves.ts';
import { slowThresholdMs } from '../../../src/viz/dot-styles.ts';
import { formatCompact, formatMs, formatPercent, formatRate } from '../../../src/viz/number-format.ts';
import { fitOrSqueeze, fitText, textWidth, wrapText } from '../../../src/viz/text-fit.ts';
import { totalsOf } from './fixtures.ts';

describe('curves', () => {
  const c = { x0: 0, y0: 0, x1: 100, y1: 50 };

  it('start and end where the SVG path does', () => {
    expect(pointOnCurve(c, 0)).toEqual({ x: 0, y: 0 });
    expect(pointOnCurve(c, 1)).toEqual({ x: 100, y: 50 });
    expect(pointOnCurve(c, 0.5)).toEqual({ x: 50, y: 25 });
    expect(curvePath(c)).toBe('M0,0C50,0,50,50,100,50');
  });

  it('share a leg’s time between its curves by length', () => {
    const leg = [c, { x0: 200, y0: 50, x1: 300, y1: 50 }];
    expect(pointOnLeg(leg, 0)).toEqual({ x: 0, y: 0 });
    expect(pointOnLeg(leg, 1)).toEqual({ x: 300, y: 50 });
    expect(pointOnLeg(leg, 2)).toEqual({ x: 300, y: 50 });
  });
});

describe('text that fits', () => {
  it('cuts with an ellipsis', () => {
    expect(fitText('web', 100, 12)).toBe('web');
    expect(fitText('least-outstanding-requests', 60, 10)).toBe('least-out…');
  });

  it('is drawn whole up to a fifth narrower before it is cut (in Node, on the estimated width)', () => {
    const text = 'unhealthy · still in rotation';
    const width = textWidth(text, 12.5); // 30 characters × 0.6 em × 12.5 px = 225 px
    expect(fitOrSqueeze(text, width, 12.5)).toEqual({ text });
    // 10 % short of room: drawn whole, squeezed to the room
    expect(fitOrSqueeze(text, width * 0.9, 12.5)).toEqual({ text, length: width * 0.9 });
    // 30 % short: more than a fifth narrower than the text's own width, so cut as fitText cuts it
    expect(fitOrSqueeze(text, width * 0.7, 12.5)).toEqual({ text: fitText(text, width * 0.7, 12.5) });
    expect(fitText(text, width * 0.7, 12.5)).toMatch(/…$/);
  });

  it('wraps after hyphens', () => {
    expect(wrapText('least-outstanding-requests', 136, 12.5, 2)).toEqual(['least-outstanding-', 'requests']);
    expect(wrapText('round-robin', 136, 12.5, 2)).toEqual(['round-robin']);
    expect(wrapText('a-very-long-algorithm-name-that-goes-on', 60, 12.5, 2)).toHaveLength(2);
  });

  it('joins the lines that do not fit as they read before cutting the last one', () => {
    // 92 px: "least-", "outstanding-", "requests"; two lines keep the hyphen ("outstandingrequests" before)
    expect(wrapText('least-outstanding-requests', 92, 12.5, 3)).toEqual(['least-', 'outstanding-', 'requests']);
    const [first, last] = wrapText('least-outstanding-requests', 92, 12.5, 2);
    expect(first).toBe('least-');
    expect(last).toBe(fitText('outstanding-requests', 92, 12.5));
    expect(wrapText('one two three four', 30, 12.5, 2)[1]).toBe(fitText('two three four', 30, 12.5));
  });
});

describe('numbers', () => {
  it('are short and carry units', () => {
    expect(formatCompact(0.45)).toBe('0.5');
    expect(formatCompact(1234)).toBe('1.2k');
    expect(formatRate(24)).toBe('24/s');
    expect(formatPercent(0.056)).toBe('5.6%');
    expect(formatMs(4.25)).toBe('4.3 ms');
    expect(formatMs(12_500)).toBe('13 s');
  });
});

describe('the slow threshold', () => {
  const latency = { mean: 0, p50: 100, p90: 0, p95: 400, p99: 0, max: 0 };
  const totals = (ok: number) => totalsOf(ok, ok, 0);

  it('is the run’s p95 so far', () => {
    expect(slowThresholdMs({ totals: totals(500), latencyMs: latency })).toBe(400);
  });

  it('judges nothing slow before enough requests have finished', () => {
    expect(slowThresholdMs({ totals: totals(5), latencyMs: latency })).toBe(Infinity);
  });
});

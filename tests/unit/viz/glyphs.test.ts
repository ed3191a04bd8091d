import { describe, expect, it } from 'vitest';
import { GLYPH_SHAPES, glyphPath, traceGlyph, type PathSink } from '../../../src/viz/glyphs.ts';

describe('glyphs', () => {
  it('are closed SVG paths within their radius', () => {
    for (const shape of GLYPH_SHAPES) {
      const d = glyphPath(shape, 10);
      expect(d, shape).toMatch(/^M[-\d.,]+.*Z$/);
      const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number).filter((n) => n !== 0 && n !== 1);
      for (const n of numbers) expect(Math.abs(n), shape).toBeLessThanOrEqual(10);
    }
  });

  it('trace into a canvas path at a point, each shape closed', () => {
    for (const shape of GLYPH_SHAPES) {
      const calls: string[] = [];
      const xs: number[] = [];
      const sink: PathSink = {
        moveTo: (x) => (calls.push('M'), xs.push(x)),
        lineTo: (x) => (calls.push('L'), xs.push(x)),
        arc: (x) => (calls.push('A'), xs.push(x)),
        closePath: () => calls.push('Z'),
      };
      traceGlyph(sink, shape, 100, 50, 5);
      expect(calls[0], shape).toBe('M');
      expect(calls[calls.length - 1], shape).toBe('Z');
      for (const x of xs) expect(Math.abs(x - 100), shape).toBeLessThanOrEqual(5);
    }
  });
});

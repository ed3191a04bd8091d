/**
 * The moving dots' glyphs, drawn once per size into a small sprite sheet: a frame then copies one sprite's
 * pixels per dot at whole device pixels (viz/dot-stamp.ts) instead of filling and stroking a path per dot,
 * which a software canvas rasterises on the main thread at every frame.
 */
import { DOT_KINDS } from '../../viz/flow-tracker.ts';
import { DOT_STYLES } from '../../viz/dot-styles.ts';
import { traceGlyph } from '../../viz/glyphs.ts';
import { OUTLINE } from '../../viz/palette.ts';
import { DotStamp } from '../../viz/dot-stamp.ts';

/** A dot's radius in layout px; failures are drawn larger. */
export const DOT_R = 4.5;
const FAILED_SCALE = 1.45;

export class DotSprites {
  /** Side of one sprite's square, in device px (one per kind, side by side). */
  readonly cell: number;
  /** Device px per layout px the sheet was drawn for. */
  readonly pxPerUnit: number;
  /** Where a frame's dots are composed from the sheet's pixels. */
  readonly stamp: DotStamp;

  constructor(pxPerUnit: number) {
    this.pxPerUnit = pxPerUnit;
    const largest = DOT_R * FAILED_SCALE * pxPerUnit;
    this.cell = Math.ceil(2 * largest + 2 * pxPerUnit + 2);
    const sheet = document.createElement('canvas');
    sheet.width = this.cell * DOT_KINDS.length;
    sheet.height = this.cell;
    const ctx = sheet.getContext('2d', { willReadFrequently: true });
    if (ctx === null) {
      this.stamp = new DotStamp(new Uint8ClampedArray(sheet.width * sheet.height * 4), DOT_KINDS.length, this.cell);
      return;
    }
    ctx.lineWidth = pxPerUnit;
    ctx.strokeStyle = OUTLINE;
    DOT_KINDS.forEach((kind, k) => {
      const style = DOT_STYLES[kind];
      const r = (kind === 'failed' ? DOT_R * FAILED_SCALE : DOT_R) * pxPerUnit;
      ctx.beginPath();
      traceGlyph(ctx, style.glyph, k * this.cell + this.cell / 2, this.cell / 2, r);
      ctx.fillStyle = style.fill;
      ctx.fill('evenodd');
      ctx.stroke();
    });
    this.stamp = new DotStamp(ctx.getImageData(0, 0, sheet.width, sheet.height).data, DOT_KINDS.length, this.cell);
  }
}

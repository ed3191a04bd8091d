/**
 * The moving dots' glyphs, drawn once per size into a small sprite sheet: a frame then copies one sprite per
 * dot (a blit at whole device pixels) instead of filling and stroking a path per dot, which a software
 * canvas rasterises on the main thread at every frame.
 */
import { DOT_KINDS } from '../../viz/flow-tracker.ts';
import { DOT_STYLES } from '../../viz/dot-styles.ts';
import { traceGlyph } from '../../viz/glyphs.ts';
import { OUTLINE } from '../../viz/palette.ts';

/** A dot's radius in layout px; failures are drawn larger. */
export const DOT_R = 4.5;
const FAILED_SCALE = 1.45;

export class DotSprites {
  readonly sheet: HTMLCanvasElement;
  /** Side of one sprite's square, in device px (one per kind, side by side). */
  readonly cell: number;
  /** Device px per layout px the sheet was drawn for. */
  readonly pxPerUnit: number;

  constructor(pxPerUnit: number) {
    this.pxPerUnit = pxPerUnit;
    const largest = DOT_R * FAILED_SCALE * pxPerUnit;
    this.cell = Math.ceil(2 * largest + 2 * pxPerUnit + 2);
    this.sheet = document.createElement('canvas');
    this.sheet.width = this.cell * DOT_KINDS.length;
    this.sheet.height = this.cell;
    const ctx = this.sheet.getContext('2d');
    if (ctx === null) return;
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
  }
}

import { describe, expect, it } from 'vitest';
import { DotStamp } from '../../../src/viz/dot-stamp.ts';

const RED = [255, 0, 0, 255];
const BLUE = [0, 0, 255, 255];
const HALF_RED = [255, 0, 0, 128];
const NONE = [0, 0, 0, 0];

/** A sheet of sprites of side 3, side by side: each sprite given as 9 RGBA pixels, row by row. */
function sheet(...sprites: number[][][]): Uint8ClampedArray {
  const cell = 3;
  const bytes = new Uint8ClampedArray(sprites.length * cell * cell * 4);
  sprites.forEach((pixels, k) =>
    pixels.forEach((rgba, p) => {
      const at = ((p / cell) | 0) * sprites.length * cell + k * cell + (p % cell);
      bytes.set(rgba, at * 4);
    }),
  );
  return bytes;
}

function pixel(stamp: DotStamp, x: number, y: number): number[] {
  const at = (y * stamp.width + x) * 4;
  return Array.from(stamp.pixels.subarray(at, at + 4));
}

function shown(stamp: DotStamp): number {
  let n = 0;
  for (let i = 3; i < stamp.pixels.length; i += 4) if (stamp.pixels[i] !== 0) n++;
  return n;
}

// a plus of red with a half-transparent red centre; a blue square
const PLUS = [NONE, RED, NONE, RED, HALF_RED, RED, NONE, RED, NONE];
const SQUARE = Array.from({ length: 9 }, () => BLUE);

describe('DotStamp', () => {
  it('copies a sprite’s pixels where nothing was drawn, and leaves its transparent pixels untouched', () => {
    const stamp = new DotStamp(sheet(PLUS, SQUARE), 2, 3);
    stamp.clear(5, 4);
    stamp.stamp(0, 1, 1);
    expect(pixel(stamp, 2, 1)).toEqual(RED);
    expect(pixel(stamp, 2, 2)).toEqual(HALF_RED); // nothing under it: copied as it is
    expect(pixel(stamp, 1, 1)).toEqual(NONE);
    expect(shown(stamp)).toBe(5);
  });

  it('draws a later sprite over an earlier one, blending a half-transparent pixel “source over”', () => {
    const stamp = new DotStamp(sheet(PLUS, SQUARE), 2, 3);
    stamp.clear(3, 3);
    stamp.stamp(1, 0, 0);
    stamp.stamp(0, 0, 0);
    expect(pixel(stamp, 1, 0)).toEqual(RED); // opaque: replaces the blue
    expect(pixel(stamp, 0, 0)).toEqual(BLUE); // the plus's corner is transparent
    // alpha 128 of red over opaque blue: red 255·128/255 = 128, blue 255·127/255 = 127, alpha 128 + 255·127/255 = 255
    expect(pixel(stamp, 1, 1)).toEqual([128, 0, 127, 255]);
  });

  it('blends a half-transparent pixel over another into the combined alpha', () => {
    const stamp = new DotStamp(sheet([NONE, NONE, NONE, NONE, HALF_RED, NONE, NONE, NONE, NONE]), 1, 3);
    stamp.clear(3, 3);
    stamp.stamp(0, 0, 0);
    stamp.stamp(0, 0, 0);
    // out alpha = a + a(1 − a) with a = 128/255: (128·255 + 128·127)/255 = 191.75 → 192; red stays 255
    expect(pixel(stamp, 1, 1)).toEqual([255, 0, 0, 192]);
  });

  it('clips a sprite at every edge of the frame', () => {
    const stamp = new DotStamp(sheet(SQUARE), 1, 3);
    stamp.clear(4, 4);
    stamp.stamp(0, -2, -2); // only its bottom-right pixel is in the frame
    expect(shown(stamp)).toBe(1);
    expect(pixel(stamp, 0, 0)).toEqual(BLUE);
    stamp.stamp(0, 3, 3); // only its top-left pixel
    expect(shown(stamp)).toBe(2);
    expect(pixel(stamp, 3, 3)).toEqual(BLUE);
    stamp.stamp(0, 4, 0); // wholly outside
    stamp.stamp(0, 0, -3);
    expect(shown(stamp)).toBe(2);
  });

  it('starts each frame transparent, at the frame’s size', () => {
    const stamp = new DotStamp(sheet(SQUARE), 1, 3);
    stamp.clear(4, 4);
    stamp.stamp(0, 0, 0);
    stamp.clear(4, 4);
    expect(shown(stamp)).toBe(0);
    stamp.clear(6, 2);
    expect([stamp.width, stamp.height, stamp.pixels.length]).toEqual([6, 2, 6 * 2 * 4]);
  });
});

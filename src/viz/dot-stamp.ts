/**
 * The moving dots' pixels, composed in script and handed to the canvas once per frame (`putImageData`).
 *
 * Why not one `drawImage` per dot: a software canvas (no GPU, as on weak laptops, projectors' PCs and headless
 * browsers) records each blit and rasterises it when the frame is committed, at about 4 µs a blit; with some
 * 450 dots in flight that was 100 ms of the page's main thread per second, a core's tenth taken from the
 * simulation. Copying a sprite's opaque pixels into one buffer costs about a fifth of that, whatever the canvas.
 *
 * A sprite is copied row by row over its visible span only (pixels of alpha 0 are skipped). Where a dot's
 * edge falls on another dot it is blended "source over" (the canvas's own default), in the buffer's
 * non-premultiplied RGBA: later dots are drawn over earlier ones, as with the canvas.
 */

/** One kind's sprite: for each row, the span of its visible pixels; and its pixels. */
interface Sprite {
  /** First visible column of each row (cell when the row is empty). */
  from: Int32Array;
  /** One past the last visible column of each row. */
  to: Int32Array;
  /** RGBA bytes, and the same pixels as words (copied whole where nothing shows through). */
  bytes: Uint8Array;
  words: Uint32Array;
}

export class DotStamp {
  /** Side of one sprite's square, in device px. */
  readonly cell: number;
  readonly #sprites: Sprite[];
  #width = 0;
  #height = 0;
  #bytes: Uint8ClampedArray<ArrayBuffer> = new Uint8ClampedArray(0);
  #words = new Uint32Array(0);

  /**
   * `sheet`: RGBA pixels (non-premultiplied, as getImageData gives them) of `kinds` square sprites of side
   * `cell` side by side, one row of sprites.
   */
  constructor(sheet: Uint8ClampedArray, kinds: number, cell: number) {
    this.cell = cell;
    const sheetWords = new Uint32Array(sheet.buffer, sheet.byteOffset, sheet.length >> 2);
    const rowWords = kinds * cell;
    this.#sprites = Array.from({ length: kinds }, (_, k) => {
      const bytes = new Uint8Array(cell * cell * 4);
      const sprite: Sprite = { from: new Int32Array(cell), to: new Int32Array(cell), bytes, words: new Uint32Array(bytes.buffer) };
      for (let y = 0; y < cell; y++) {
        let from = cell;
        let to = 0;
        for (let x = 0; x < cell; x++) {
          const at = y * rowWords + k * cell + x;
          const a = sheet[at * 4 + 3];
          sprite.words[y * cell + x] = sheetWords[at];
          if (a !== 0) {
            from = Math.min(from, x);
            to = x + 1;
          }
        }
        sprite.from[y] = from;
        sprite.to[y] = to;
      }
      return sprite;
    });
  }

  get width(): number {
    return this.#width;
  }

  get height(): number {
    return this.#height;
  }

  /** The frame's RGBA pixels (non-premultiplied), `width` × `height`: what `putImageData` takes. */
  get pixels(): Uint8ClampedArray<ArrayBuffer> {
    return this.#bytes;
  }

  /** Starts a frame of `width` × `height` device px, all transparent. */
  clear(width: number, height: number): void {
    if (width !== this.#width || height !== this.#height) {
      this.#width = width;
      this.#height = height;
      this.#bytes = new Uint8ClampedArray(width * height * 4);
      this.#words = new Uint32Array(this.#bytes.buffer);
    } else this.#words.fill(0);
  }

  /** Draws sprite `kind` with its top-left corner at device px (`left`, `top`), clipped to the frame. */
  stamp(kind: number, left: number, top: number): void {
    const sprite = this.#sprites[kind];
    const cell = this.cell;
    const width = this.#width;
    const words = this.#words;
    const y0 = Math.max(0, -top);
    const y1 = Math.min(cell, this.#height - top);
    for (let y = y0; y < y1; y++) {
      const from = Math.max(sprite.from[y], -left);
      const to = Math.min(sprite.to[y], width - left);
      const row = (top + y) * width + left;
      const src = y * cell;
      for (let x = from; x < to; x++) {
        const a = sprite.bytes[((src + x) << 2) | 3];
        if (a === 0) continue;
        const at = row + x;
        if (a === 255 || words[at] === 0) words[at] = sprite.words[src + x];
        else this.#blend(at, sprite.bytes, (src + x) << 2, a);
      }
    }
  }

  /** "Source over" of the pixel at byte `from` of `source`, of alpha `a` (1–254), onto the frame's pixel `at`, non-premultiplied. */
  #blend(at: number, source: Uint8Array, from: number, a: number): void {
    const bytes = this.#bytes;
    const i = at << 2;
    const da = bytes[i + 3];
    if (da === 255) {
      // over an opaque pixel (most blends: a dot's rim over another dot): out = (src·a + dst·(255 − a)) / 255
      const b = 255 - a;
      bytes[i] = div255(source[from] * a + bytes[i] * b);
      bytes[i + 1] = div255(source[from + 1] * a + bytes[i + 1] * b);
      bytes[i + 2] = div255(source[from + 2] * a + bytes[i + 2] * b);
      return;
    }
    // alphas in 0..255: out = a + da (1 − a); each channel weighted by its alpha
    const keep = da * (255 - a);
    const outA = a * 255 + keep; // × 255
    for (let c = 0; c < 3; c++) bytes[i + c] = Math.round((source[from + c] * a * 255 + bytes[i + c] * keep) / outA);
    bytes[i + 3] = Math.round(outA / 255);
  }
}

/** x / 255 rounded, for 0 ≤ x ≤ 255 · 255, without a division. */
function div255(x: number): number {
  const y = x + 128;
  return (y + (y >> 8)) >> 8;
}

/**
 * A short recording of the run as WebM: the diagram (its SVG, redrawn a few times a second) with the moving dots
 * of the flow canvas on top (every frame) and a caption strip (the scenario and the simulated moment), drawn on
 * a canvas of its own and recorded with MediaRecorder. It stops by itself after `maxSec` seconds of wall time.
 */
import { drawDiagram, standaloneSvg, svgImage, type DiagramParts } from './svg-image.ts';

const CAPTION_PX = 28;
/** Wall ms between two redraws of the diagram's SVG (counters, states); dots are drawn every frame. */
const SVG_EVERY_MS = 250;

/** The first WebM type this browser can record, or null when it cannot record at all. */
export function recordingType(): string | null {
  if (typeof MediaRecorder === 'undefined') return null;
  return ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t)) ?? null;
}

export class RunRecorder {
  readonly #parts: DiagramParts;
  readonly #caption: () => string;
  readonly #canvas = document.createElement('canvas');
  readonly #recorder: MediaRecorder;
  readonly #chunks: Blob[] = [];
  readonly #done: Promise<Blob>;
  readonly #width: number;
  readonly #height: number;
  #image: HTMLImageElement | null = null;
  #lastSvgAt = -Infinity;
  #raf = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Starts recording the diagram in `parts`; `caption` is read every frame. */
  constructor(parts: DiagramParts, caption: () => string, type: string, maxSec = 30) {
    this.#parts = parts;
    this.#caption = caption;
    const box = parts.svg.getBoundingClientRect();
    // even sizes, as video encoders want
    this.#width = Math.max(2, Math.round(box.width / 2) * 2);
    this.#height = Math.max(2, Math.round(box.height / 2) * 2);
    this.#canvas.width = this.#width;
    this.#canvas.height = this.#height + CAPTION_PX;
    this.#draw();
    this.#recorder = new MediaRecorder(this.#canvas.captureStream(30), { mimeType: type, videoBitsPerSecond: 2_500_000 });
    this.#recorder.ondataavailable = (e) => {
      if (e.data.size > 0) this.#chunks.push(e.data);
    };
    this.#done = new Promise((resolve) => (this.#recorder.onstop = () => resolve(new Blob(this.#chunks, { type: 'video/webm' }))));
    this.#recorder.start(500);
    this.#timer = setTimeout(() => void this.stop(), maxSec * 1000);
    this.#raf = requestAnimationFrame(this.#frame);
  }

  /** Resolves with the recording once it has stopped (by `stop` or after `maxSec`). */
  get done(): Promise<Blob> {
    return this.#done;
  }

  /** Stops the recording; resolves with the WebM file. */
  stop(): Promise<Blob> {
    cancelAnimationFrame(this.#raf);
    clearTimeout(this.#timer);
    if (this.#recorder.state !== 'inactive') this.#recorder.stop();
    return this.#done;
  }

  readonly #frame = (now: number): void => {
    if (now - this.#lastSvgAt >= SVG_EVERY_MS && this.#parts.svg.isConnected) {
      this.#lastSvgAt = now;
      void svgImage(standaloneSvg(this.#parts.svg))
        .then((img) => (this.#image = img))
        .catch(() => {});
    }
    this.#draw();
    this.#raf = requestAnimationFrame(this.#frame);
  };

  #draw(): void {
    const ctx = this.#canvas.getContext('2d')!;
    if (this.#image) drawDiagram(ctx, this.#parts, this.#image, this.#width, this.#height);
    else {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, this.#width, this.#height);
    }
    ctx.fillStyle = '#1b1f24';
    ctx.fillRect(0, this.#height, this.#width, CAPTION_PX);
    ctx.fillStyle = '#ffffff';
    ctx.font = '14px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    ctx.fillText(this.#caption(), 10, this.#height + CAPTION_PX / 2);
  }
}

/**
 * Pictures of what is on screen as files: an SVG made standalone (each element's computed style written on it,
 * so it looks the same outside the page's CSS), rasterised to PNG, and the diagram (its SVG with the flow
 * canvas of moving dots drawn on top) as one PNG. Browser-only: it reads computed styles and draws on canvases.
 */
import { m } from '../../../i18n/paraglide/messages.js';

/** The presentation properties copied from computed styles onto each element of a standalone SVG. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
  'paint-order',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A copy of an on-screen SVG that stands alone: its styles inlined, its size fixed. `at` places it inside another SVG. */
export function standaloneSvg(svg: SVGSVGElement, at?: { x: number; y: number }): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  for (let i = 0; i < from.length; i++) {
    const style = getComputedStyle(from[i]);
    to[i].setAttribute('style', STYLE_PROPS.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';'));
  }
  const box = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(Math.round(box.width)));
  clone.setAttribute('height', String(Math.round(box.height)));
  if (at) {
    clone.setAttribute('x', String(at.x));
    clone.setAttribute('y', String(at.y));
  }
  return new XMLSerializer().serializeToString(clone);
}

/** An SVG document's text as a decoded image. */
export async function svgImage(svgText: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A canvas as a PNG file's bytes. */
export function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(m.export_picture_not_encoded()))), 'image/png'));
}

/** An SVG document's text as a PNG, at `scale` device pixels per px. */
export async function svgPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = await svgImage(svgText);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(img, 0, 0, width, height);
  return canvasPng(canvas);
}

/** The diagram's parts on screen: its SVG and, if dots are drawn, the flow canvas over it. */
export interface DiagramParts {
  svg: SVGSVGElement;
  flow: HTMLCanvasElement | null;
}

/** The diagram on screen inside `root`, or null when it is not shown (the table view is on). */
export function findDiagram(root: ParentNode = document): DiagramParts | null {
  const svg = root.querySelector<SVGSVGElement>('[data-testid="topology-view"]');
  return svg === null ? null : { svg, flow: root.querySelector<HTMLCanvasElement>('[data-testid="flow-canvas"]') };
}

/** Draws the diagram (an image of its SVG, then the dots) on a 2D context, at the SVG's size in px. */
export function drawDiagram(ctx: CanvasRenderingContext2D, parts: DiagramParts, svgImg: CanvasImageSource, width: number, height: number): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(svgImg, 0, 0, width, height);
  if (parts.flow === null || parts.flow.width === 0) return;
  const base = parts.svg.getBoundingClientRect();
  const box = parts.flow.getBoundingClientRect();
  ctx.drawImage(parts.flow, box.left - base.left, box.top - base.top, box.width, box.height);
}

/** The diagram as on screen, dots included, as a PNG. */
export async function diagramPng(parts: DiagramParts, scale = 2): Promise<Blob> {
  const box = parts.svg.getBoundingClientRect();
  const img = await svgImage(standaloneSvg(parts.svg));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(box.width * scale);
  canvas.height = Math.round(box.height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  drawDiagram(ctx, parts, img, box.width, box.height);
  return canvasPng(canvas);
}

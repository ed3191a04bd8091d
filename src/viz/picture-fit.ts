/**
 * How large the topology picture is drawn when it is first shown: fitted to the part of its box that is seen, like a
 * map app's "zoom to fit", and the zoom steps from there. The layout is made for the box's width
 * (topology-layout.ts), but a picture has a narrowest width of its own — the clients, a balancer, a group and one
 * column of cards are 692 logical px in the compact sizes — and a box can be narrower: a phone's (373 px), or the
 * picture beside a lesson's step on a 1024 px projector (669 px). Drawn at its own size, the picture was cut on the
 * right, and the learner had to pan to find the targets the step talks about. Likewise a picture a little taller than
 * the part of its box above the window's bottom (lesson 15's two regions at 1366×768, under the time controls and the
 * DNS records) had its last zone cut at the fold.
 *
 * The width is fitted as far as the picture's smallest text (SMALLEST_TEXT_PX) stays MIN_TEXT_PX on screen: fitted to
 * a phone's 373 px, the compact picture's text was 6.5-7.8 px, unreadable until the learner zoomed in. A phone's
 * box gets a narrower layout (topology-layout.ts, NARROW_BELOW) that the fit shows whole at about that size; a
 * picture wider still (a GWLB's appliance column, a narrower phone) is drawn at the floor, and its box pans sideways.
 * The height is fitted only when that costs at most a fifth of the size: a picture far taller than the window (Black
 * Friday's five groups) keeps its size, and its box scrolls, opened on its balancer (opening-view.ts); a picture in
 * cards that would be cut is drawn in tiles when those fit (fitted-layout.ts). Nothing is ever drawn larger than its
 * own size by the fit; zooming in does that.
 */
import type { TopologyLayout } from './topology-layout.ts';

/** The height of a line of notes under the picture ("12 more targets", "2 not registered"). */
export const NOTE_LINE = 18;

/** Fitting the height may shrink the picture to this share of the width's fit, no further. */
export const MAX_HEIGHT_SHRINK = 0.8;

/** The picture's smallest text at its own size (a tile's lines, a balancer's zone chips, a scaling group's capacity). */
export const SMALLEST_TEXT_PX = 12;
/** The fit draws that text at least this large on screen. */
export const MIN_TEXT_PX = 9;

/** Zoom steps, as shares of the picture's own size (100 %: laid out for the box, its text at its own size). */
export const ZOOMS = [1, 1.25, 1.5, 2, 2.5] as const;

/** The picture's height in layout px: the layout, and a line under it for each note. */
export function pictureHeight(layout: Pick<TopologyLayout, 'height' | 'overflowTargets' | 'unregisteredTargets'>): number {
  return layout.height + ((layout.overflowTargets > 0 ? 1 : 0) + (layout.unregisteredTargets > 0 ? 1 : 0)) * NOTE_LINE;
}

/**
 * The share of its own size at which a picture `picture` screen px large (at its own size) fits a box `box.width` px
 * wide, of which `box.height` px are seen (null: the box starts below the window, and its own height bounds it:
 * it scrolls). At most 1, and at least `least` (the share that keeps its text readable: leastFit).
 */
export function pictureFit(picture: { width: number; height: number }, box: { width: number; height: number | null }, least = 0): number {
  if (!(picture.width > 0 && picture.height > 0 && box.width > 0)) return 1;
  const width = Math.min(1, Math.max(least, box.width / picture.width));
  if (box.height === null || !(box.height > 0) || picture.height * width <= box.height) return width;
  const height = box.height / picture.height;
  return height >= Math.max(least, width * MAX_HEIGHT_SHRINK) ? height : width;
}

/** The least fit for a picture whose own size is `baseScale` screen px per layout px: its smallest text at MIN_TEXT_PX. */
export function leastFit(baseScale: number): number {
  return Math.min(1, MIN_TEXT_PX / (SMALLEST_TEXT_PX * baseScale));
}

/** The zoom steps for a picture fitted at `fit`: the fit first when it is below its own size. */
export function zoomLevels(fit: number): number[] {
  return fit < 1 ? [fit, ...ZOOMS] : [...ZOOMS];
}

/** The index of the step nearest `zoom` (a fit just recomputed may differ from the step it was a moment ago). */
export function nearestLevel(levels: readonly number[], zoom: number): number {
  let at = 0;
  for (let i = 1; i < levels.length; i++) if (Math.abs(levels[i] - zoom) < Math.abs(levels[at] - zoom)) at = i;
  return at;
}

/**
 * How much of a box whose top is `top` px below the top of the page (the window's first screen) is seen there, less
 * its borders: from its top to the window's bottom, at most `maxHeight`; null when the box starts below the first
 * screen (a phone's lesson, under the step) or less than `least` px of it is seen there.
 */
export function seenHeight(top: number, windowHeight: number, maxHeight: number, least = 120): number | null {
  const seen = Math.min(maxHeight, windowHeight - top);
  return seen >= least ? seen : null;
}

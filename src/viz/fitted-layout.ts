/**
 * The topology picture laid out for its box and fitted to it (picture-fit.ts), choosing how its targets are drawn.
 * Cards come first; but a picture in cards that the fit cannot show whole above the window's bottom (its height
 * would cost more than a fifth of its size) is drawn in tiles when that makes it fit. Lesson 14's two regions, each
 * with two zones of one card, were 557 px tall in the 400 px seen under the time controls and the DNS records at
 * 1024×768 and 1366×768: us-west-2 was cut; in tiles they are about 400. A picture that tiles do not save either
 * (Black Friday's groups) keeps its cards and scrolls, as before.
 */
import type { Topology } from '../engine/types.ts';
import { leastFit, pictureFit, pictureHeight } from './picture-fit.ts';
import { layoutTopology, type LayoutOptions, type TopologyLayout } from './topology-layout.ts';

export interface FittedLayout {
  layout: TopologyLayout;
  /** The share of the picture's own size it opens at. */
  fit: number;
}

/**
 * Lays out `topology` for a box `box.width` screen px wide with `box.height` px seen (null: it starts below the first
 * screen), drawn at `baseScale` screen px per layout px, and fits it.
 */
export function fittedLayout(topology: Topology, box: { width: number; height: number | null }, baseScale: number, options: LayoutOptions = {}): FittedLayout {
  const least = leastFit(baseScale);
  const fitted = (tiles: boolean): FittedLayout & { whole: boolean } => {
    const layout = layoutTopology(topology, box.width / baseScale, { ...options, tiles });
    const picture = { width: layout.width * baseScale, height: pictureHeight(layout) * baseScale };
    const fit = pictureFit(picture, box, least);
    return { layout, fit, whole: box.height === null || picture.height * fit <= box.height + 0.5 };
  };
  const cards = fitted(false);
  if (cards.whole || cards.layout.targetMode !== 'card') return { layout: cards.layout, fit: cards.fit };
  const tiles = fitted(true);
  const chosen = tiles.whole ? tiles : cards;
  return { layout: chosen.layout, fit: chosen.fit };
}
